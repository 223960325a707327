import { InsightsErrorCode } from './insights.errors';
import { capacitySignals, dashboardTables, MAX_STATS_WEEKS, monthPeriod, parsePeriod, parseSiteIds, parseSiteSlugs, previousWeek, publishCount, weeksOf, statsRange, suppressSmall, utilisationBand, weekStartOf, type SessionLoad } from './insights.rules';
import { DASHBOARD_CHARTS, type DashboardView } from './insights.types';

describe('suppressSmall', () => {
  it.each([
    [0, 0],
    [1, null],
    [4, null],
    [5, 5],
    [120, 120],
  ])('publishes %i as %p', (count, shown) => expect(suppressSmall(count)).toBe(shown));
});

describe('weekStartOf', () => {
  it('is the Monday of the ISO week, also for a Sunday and across a year', () => {
    expect(weekStartOf('2027-03-31')).toBe('2027-03-29');
    expect(weekStartOf('2027-04-04')).toBe('2027-03-29');
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
  });
});

describe('statsRange', () => {
  const code = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      return (e as { code?: string }).code;
    }
    return undefined;
  };
  it('defaults to the last 12 finished weeks', () => expect(statsRange({}, '2027-03-31')).toEqual({ from: '2027-01-04', to: '2027-03-28' }));
  it('widens any range to whole weeks and never reaches into the current week', () => {
    expect(statsRange({ from: '2027-03-03', to: '2027-03-09' }, '2027-03-31')).toEqual({ from: '2027-03-01', to: '2027-03-14' });
    expect(statsRange({ from: '2027-03-03', to: '2027-04-30' }, '2027-03-31')).toEqual({ from: '2027-03-01', to: '2027-03-28' });
  });
  it('refuses reversed ranges, long ranges and bad dates', () => {
    expect(code(() => statsRange({ from: '2027-02-01', to: '2027-01-01' }, '2027-03-31'))).toBe(InsightsErrorCode.InvalidRange);
    expect(code(() => statsRange({ from: '2020-01-01', to: '2027-01-01' }, '2027-03-31'))).toBe(InsightsErrorCode.InvalidRange);
    expect(code(() => statsRange({ from: '2027-13-01' }, '2027-03-31'))).toBe(InsightsErrorCode.InvalidRange);
  });
  it('takes up to 53 whole weeks and refuses 54, in the asker’s language', () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        return e as { code: string; message: string; fields: Record<string, string> };
      }
      throw new Error('expected a refusal');
    };
    // 2026-01-05 is a Monday: 53 weeks end on Sunday 2027-01-10, 54 on 2027-01-17.
    expect(MAX_STATS_WEEKS).toBe(53);
    expect(statsRange({ from: '2026-01-05', to: '2027-01-10' }, '2027-03-31')).toEqual({ from: '2026-01-05', to: '2027-01-10' });
    expect(statsRange({ from: '2026-01-07', to: '2027-01-06' }, '2027-03-31')).toEqual({ from: '2026-01-05', to: '2027-01-10' }); // widened to the same 53 weeks
    const tooLong = refusal(() => statsRange({ from: '2026-01-05', to: '2027-01-11' }, '2027-03-31'));
    expect(tooLong).toMatchObject({ code: InsightsErrorCode.InvalidRange, fields: { to: expect.stringContaining('53 weeks') } });
    expect(refusal(() => statsRange({ from: '2026-01-05', to: '2027-01-11' }, '2027-03-31', 'sv')).fields['to']).toContain('53 veckor');
    expect(refusal(() => statsRange({ from: '2026-01-05', to: '2027-01-11' }, '2027-03-31', 'ar')).fields['to']).toContain('53');
    expect(refusal(() => statsRange({ from: '2027-02-01', to: '2027-01-01' }, '2027-03-31', 'sv')).fields['to']).toContain('Slutdatum är före startdatum');
    // A range that reaches into the future counts as asked: 54 weeks are refused even if most have not happened yet.
    expect(refusal(() => statsRange({ from: '2027-01-04', to: '2028-01-16' }, '2027-03-31')).code).toBe(InsightsErrorCode.InvalidRange);
  });
  it('refuses a bad end date without a start date (found by fuzzing: the default start was worked out from it and threw)', () => {
    for (const to of [',', 'x', '2027-02-30', '']) expect(code(() => statsRange({ to }, '2027-03-31'))).toBe(InsightsErrorCode.InvalidRange);
  });
});

describe('parsePeriod', () => {
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      return e as { code: string; fields: Record<string, string> };
    }
    throw new Error('expected a refusal');
  };
  it('defaults to the last four weeks up to today', () => expect(parsePeriod({}, '2026-11-23')).toEqual({ from: '2026-10-27', to: '2026-11-23' }));
  it('keeps a chosen period as it is', () => expect(parsePeriod({ from: '2026-01-01', to: '2026-01-31' }, '2026-11-23')).toEqual({ from: '2026-01-01', to: '2026-01-31' }));
  it('refuses reversed periods, over five years and bad dates in Swedish', () => {
    expect(refusal(() => parsePeriod({ from: '2026-02-01', to: '2026-01-01' }, '2026-11-23')).fields['to']).toContain('Slutdatum är före startdatum');
    expect(refusal(() => parsePeriod({ from: '2020-01-01', to: '2026-01-02' }, '2026-11-23')).fields['to']).toContain('fem år');
    const bad = refusal(() => parsePeriod({ from: '1 jan', to: '2026-02-30' }, '2026-11-23'));
    expect(bad.code).toBe(InsightsErrorCode.InvalidRange);
    expect(Object.keys(bad.fields).sort()).toEqual(['from', 'to']);
    // Found by fuzzing: a bad end date without a start date used to throw a RangeError (a 500).
    expect(Object.keys(refusal(() => parsePeriod({ to: ',' }, '2026-11-23')).fields)).toEqual(['to']);
  });
});

describe('utilisationBand', () => {
  it.each([
    [0, 6, '0-24'],
    [2, 6, '25-49'],
    [3, 6, '50-74'],
    [5, 6, '75-99'],
    [6, 6, 'full'],
    [0, 0, '0-24'],
  ])('%i of %i seats is %s', (booked, seats, band) => expect(utilisationBand(booked, seats)).toBe(band));
});

describe('capacitySignals', () => {
  const load = (over: Partial<SessionLoad>): SessionLoad => ({ siteId: 's1', site: 'a', siteName: 'A', weekday: 2, startTime: '14:00', seats: 6, booked: 6, visits: 6, ...over });
  it('finds a weekday and time full in at least 75 % of at least 3 sessions', () => {
    const past = [load({}), load({}), load({}), load({ booked: 2 }), load({ weekday: 4, booked: 6 }), load({ weekday: 4 }), load({ weekday: 4, booked: 1 }), load({ weekday: 4, booked: 1 })];
    expect(capacitySignals(past, []).regularlyFull).toEqual([{ siteId: 's1', site: 'a', siteName: 'A', weekday: 2, startTime: '14:00', sessions: 4, fullSessions: 3 }]);
    expect(capacitySignals(past.slice(0, 2), []).regularlyFull).toEqual([]);
  });
  it('finds sites with little booked and few visits, and not sites with many drop-ins', () => {
    const quiet = [1, 2, 3].map(() => load({ siteId: 's2', site: 'b', siteName: 'B', booked: 1, visits: 1 }));
    const dropIns = [1, 2, 3].map(() => load({ siteId: 's3', site: 'c', siteName: 'C', booked: 0, visits: 5 }));
    expect(capacitySignals([...quiet, ...dropIns], []).lowUse).toEqual([{ siteId: 's2', site: 'b', siteName: 'B', sessions: 3, utilisation: 1 / 6, visitsPerSession: 1 }]);
  });
  it('lists coming sessions with too few helpers, soonest first', () => {
    const session = (start: string, helpers: number) => ({ sessionId: start, siteId: 's1', site: 'a', siteName: 'A', start, helpersNeeded: 2, helpers });
    const signals = capacitySignals([], [session('2026-11-26T14:00:00+01:00', 1), session('2026-11-24T14:00:00+01:00', 0), session('2026-11-25T14:00:00+01:00', 2)]);
    expect(signals.understaffed.map((s) => s.start)).toEqual(['2026-11-24T14:00:00+01:00', '2026-11-26T14:00:00+01:00']);
  });
});

describe('dashboardTables', () => {
  it('gives every chart a table, suppressed cells stay empty and shares become percent', () => {
    const view: DashboardView = {
      from: '2026-11-01',
      to: '2026-11-30',
      siteIds: [],
      suppressed: true,
      suppressedBelow: 5,
      totals: { visits: 12, bookings: 10, attended: 8, noShows: null, noShowRate: 0.2, returningShare: 0.5, utilisation: 0.5, helperMinutes: 90 },
      visitsPerWeek: [{ weekStart: '2026-11-02', booked: 7, dropIn: null }],
      categories: [{ key: 'bankid', label: 'BankID', count: 9 }],
      outcomes: [],
      cameVia: [],
      referredTo: [],
      returning: [],
      attendance: [],
      utilisationBands: [],
      utilisationBySite: [{ siteId: 's', site: 'a', siteName: 'A', sessions: 4, seats: 20, booked: 10, attended: 8, dropIns: null }],
      helperHours: [{ weekStart: '2026-11-02', approvedMinutes: 90, pendingMinutes: 30 }],
    };
    const tables = dashboardTables(view);
    expect(tables.map((t) => t.chart)).toEqual([...DASHBOARD_CHARTS]);
    expect(tables.find((t) => t.chart === 'visits-per-week')?.rows).toEqual([['2026-11-02', 7, null]]);
    expect(tables.find((t) => t.chart === 'utilisation-by-site')?.rows).toEqual([['A', 4, 20, 10, 8, null, 50]]);
    expect(tables.find((t) => t.chart === 'helper-hours')?.rows).toEqual([['2026-11-02', 1.5, 0.5]]);
  });
});

describe('weeksOf', () => {
  it('gives the Monday of every week the period touches, across a year', () => {
    expect(weeksOf({ from: '2026-12-23', to: '2027-01-04' })).toEqual(['2026-12-21', '2026-12-28', '2027-01-04']);
    expect(weeksOf({ from: '2026-11-23', to: '2026-11-23' })).toEqual(['2026-11-23']);
  });
});

describe('publishCount', () => {
  it.each([
    [0, 0],
    [1, null],
    [4, null],
    [5, 5],
    [7, 5],
    [8, 10],
    [12, 10],
    [13, 15],
    [101, 100],
  ])('publishes %i as %p', (count, shown) => expect(publishCount(count)).toBe(shown));
});

describe('monthPeriod', () => {
  it('widens any dates to whole calendar months; by default the last three months', () => {
    expect(monthPeriod({}, '2026-11-23')).toEqual({ from: '2026-09-01', to: '2026-11-30' });
    expect(monthPeriod({ from: '2026-01-15', to: '2026-02-03' }, '2026-11-23')).toEqual({ from: '2026-01-01', to: '2026-02-28' });
    expect(monthPeriod({}, '2027-01-10')).toEqual({ from: '2026-11-01', to: '2027-01-31' });
    expect(monthPeriod({ from: '2027-12-01', to: '2027-12-02' }, '2026-11-23')).toEqual({ from: '2027-12-01', to: '2027-12-31' });
  });
  it('refuses what parsePeriod refuses', () => {
    expect(() => monthPeriod({ from: '2026-03-01', to: '2026-01-01' }, '2026-11-23')).toThrow(expect.objectContaining({ code: InsightsErrorCode.InvalidRange }));
  });
});

describe('parseSiteIds', () => {
  it('reads comma-separated ids once each, and refuses anything else', () => {
    const id = '0C000000-0000-4000-8000-000000000001';
    expect(parseSiteIds(undefined)).toEqual([]);
    expect(parseSiteIds(` ${id},${id.toLowerCase()}, `)).toEqual([id.toLowerCase()]);
    expect(() => parseSiteIds('stadsbiblioteket')).toThrow(expect.objectContaining({ code: InsightsErrorCode.UnknownSite }));
  });
});

describe('previousWeek', () => {
  it('is last Monday to Sunday, also on a Sunday and across a year', () => {
    expect(previousWeek('2026-11-23')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(previousWeek('2026-11-29')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(previousWeek('2027-01-04')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });
});

describe('parseSiteSlugs', () => {
  it('reads comma-separated slugs, trimmed, lower-cased and de-duplicated; empty means every site', () => {
    expect(parseSiteSlugs(undefined)).toEqual([]);
    expect(parseSiteSlugs(' Stadsbiblioteket, norrby-bibliotek,stadsbiblioteket,')).toEqual(['stadsbiblioteket', 'norrby-bibliotek']);
  });
  it('refuses anything that cannot be a slug, and more than 100', () => {
    expect(() => parseSiteSlugs('inte en slug')).toThrow(/A site in `site` does not exist/);
    expect(() => parseSiteSlugs('../etc')).toThrow(/A site in `site` does not exist/);
    expect(() => parseSiteSlugs(Array.from({ length: 101 }, (_, i) => `s${i}`).join(','))).toThrow(/A site in `site` does not exist/);
  });
});
