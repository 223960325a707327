import Holidays from 'date-holidays';
import { zonedInstant } from '../schedule/schedule.rules';
import { ClosureErrorCode } from './closures.errors';
import { assertClosureNotPast, assertLiftable, closedDays, closingHolidays, closureNotices, parseClosureInput, parseOpenedDate, withoutClosedDays } from './closures.rules';

const SITE = '0c000000-0000-4000-8000-000000000001';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return { code: (e as { code: string }).code, fields: (e as { fields?: Record<string, string> }).fields ?? {} };
  }
  throw new Error('expected a refusal');
};

const sweden = new Holidays('SE');
const closedIn = (year: number) => closingHolidays(sweden, 'SE', year);
const nameOn = (year: number, date: string) => closedIn(year).find((h) => h.date === date)?.name;

describe(parseClosureInput.name, () => {
  it('accepts one site or every site, trimming the reason', () => {
    expect(parseClosureInput({ siteId: SITE.toUpperCase(), from: '2026-12-24', to: '2027-01-06', reason: '  Jul och nyår ' })).toEqual({
      siteId: SITE,
      from: '2026-12-24',
      to: '2027-01-06',
      reason: 'Jul och nyår',
    });
    expect(parseClosureInput({ siteId: null, from: '2027-02-01', to: '2027-02-01', reason: 'Renovering' }).siteId).toBeNull();
  });

  it('refuses a last day before the first day', () => {
    const r = refusal(() => parseClosureInput({ siteId: SITE, from: '2027-02-10', to: '2027-02-09', reason: 'Renovering' }));
    expect(r.code).toBe(ClosureErrorCode.InvalidClosure);
    expect(r.fields['to']).toBe('Sista dagen kan inte vara före första dagen.');
  });

  it('refuses an empty reason, in Swedish', () => {
    expect(refusal(() => parseClosureInput({ siteId: SITE, from: '2027-02-10', to: '2027-02-10', reason: '   ' })).fields['reason']).toMatch(/^Skriv varför/);
    expect(refusal(() => parseClosureInput({ siteId: SITE, from: '2027-02-10', to: '2027-02-10', reason: 'x'.repeat(501) })).fields['reason']).toContain('500');
  });

  it('allows a year at most when the range is longer than a year', () => {
    expect(parseClosureInput({ siteId: SITE, from: '2027-01-01', to: '2027-12-31', reason: 'Ombyggnad' }).to).toBe('2027-12-31');
    expect(refusal(() => parseClosureInput({ siteId: SITE, from: '2027-01-01', to: '2028-01-01', reason: 'Ombyggnad' })).fields['to']).toContain('högst ett år');
  });

  it('names every field that is wrong when the body is not a closure', () => {
    expect(Object.keys(refusal(() => parseClosureInput({ siteId: 'bibblan', from: '24/12', to: 7 })).fields).sort()).toEqual(['from', 'reason', 'siteId', 'to']);
    expect(refusal(() => parseClosureInput(null)).code).toBe(ClosureErrorCode.InvalidClosure);
  });
});

describe(assertClosureNotPast.name, () => {
  it('refuses a first day that has passed when today is later', () => {
    expect(refusal(() => assertClosureNotPast({ from: '2026-11-22' }, '2026-11-23')).fields['from']).toContain('har redan varit');
    expect(() => assertClosureNotPast({ from: '2026-11-23' }, '2026-11-23')).not.toThrow();
  });
});

describe(assertLiftable.name, () => {
  it('lifts a closure before its first day', () => expect(() => assertLiftable({ from: '2026-11-24' }, '2026-11-23')).not.toThrow());
  it('refuses once the first day has come', () => {
    expect(refusal(() => assertLiftable({ from: '2026-11-23' }, '2026-11-23')).code).toBe(ClosureErrorCode.ClosureStarted);
    expect(refusal(() => assertLiftable({ from: '2026-11-01' }, '2026-11-23')).code).toBe(ClosureErrorCode.ClosureStarted);
  });
});

describe(closingHolidays.name, () => {
  it('puts the moveable feasts on the right days when the year changes (2027–2030)', () => {
    expect(nameOn(2027, '2027-03-26')).toBe('långfredagen');
    expect(nameOn(2027, '2027-03-29')).toBe('annandag påsk');
    expect(nameOn(2027, '2027-05-06')).toBe('Kristi himmelsfärdsdag');
    expect(nameOn(2027, '2027-06-25')).toBe('midsommarafton');
    expect(nameOn(2028, '2028-04-14')).toBe('långfredagen');
    expect(nameOn(2028, '2028-05-25')).toBe('Kristi himmelsfärdsdag');
    expect(nameOn(2028, '2028-06-23')).toBe('midsommarafton');
    expect(nameOn(2029, '2029-03-30')).toBe('långfredagen');
    expect(nameOn(2029, '2029-05-10')).toBe('Kristi himmelsfärdsdag');
    expect(nameOn(2029, '2029-06-22')).toBe('midsommarafton');
    expect(nameOn(2030, '2030-04-19')).toBe('långfredagen');
    expect(nameOn(2030, '2030-04-22')).toBe('annandag påsk');
    expect(nameOn(2030, '2030-05-30')).toBe('Kristi himmelsfärdsdag');
    expect(nameOn(2030, '2030-06-21')).toBe('midsommarafton');
  });

  it('closes exactly the Swedish public holidays and the eves libraries keep closed, every year', () => {
    expect(closedIn(2027).map((h) => h.date)).toEqual([
      '2027-01-01', '2027-01-06', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-16',
      '2027-06-06', '2027-06-25', '2027-06-26', '2027-11-06', '2027-12-24', '2027-12-25', '2027-12-26', '2027-12-31',
    ]);
    for (const year of [2026, 2027, 2028, 2029, 2030]) {
      const dates = closedIn(year).map((h) => h.date);
      for (const fixed of ['01-01', '01-06', '05-01', '06-06', '12-24', '12-25', '12-26', '12-31']) expect(dates).toContain(`${year}-${fixed}`);
      // Days libraries keep open: annandag pingst (no longer a holiday since 2005), påskafton is a Saturday anyway but not closed by itself.
      expect(closedIn(year).some((h) => /pingst/.test(h.name) && h.name.startsWith('annandag'))).toBe(false);
      expect(dates).toEqual([...new Set(dates)].sort());
    }
  });

  it('closes only public holidays in another country', () => {
    const norway = closingHolidays(new Holidays('NO'), 'NO', 2027).map((h) => h.date);
    expect(norway).toContain('2027-05-17');
    expect(norway).not.toContain('2027-12-24');
  });
});

describe(closedDays.name, () => {
  const holidays = closedIn(2026).concat(closedIn(2027));
  const range = { from: '2026-12-20', to: '2027-01-10' };

  it('closes holidays and closures, and keeps an opened holiday open', () => {
    const closed = closedDays({ holidays, opened: ['2026-12-31'], closures: [{ id: 'c1', from: '2027-01-04', to: '2027-01-05', reason: 'Inventering' }] }, range);
    expect([...closed.keys()].sort()).toEqual(['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06']);
    expect(closed.get('2026-12-25')).toEqual({ kind: 'holiday', name: 'juldagen' });
    expect(closed.get('2027-01-04')).toEqual({ kind: 'closure', closureId: 'c1', reason: 'Inventering' });
  });

  it('keeps a closure over an opened holiday closed', () => {
    const closed = closedDays({ holidays, opened: ['2027-01-06'], closures: [{ id: 'c1', from: '2027-01-06', to: '2027-01-06', reason: 'Vattenskada' }] }, range);
    expect(closed.get('2027-01-06')).toEqual({ kind: 'closure', closureId: 'c1', reason: 'Vattenskada' });
  });

  it('leaves days outside the range out', () => {
    const closed = closedDays({ holidays, opened: [], closures: [{ id: 'c1', from: '2026-12-01', to: '2027-02-01', reason: 'Flytt' }] }, range);
    expect([...closed.keys()].sort()[0]).toBe('2026-12-20');
    expect(closed.size).toBe(22);
  });
});

describe(withoutClosedDays.name, () => {
  it('drops the occurrences on closed days', () => {
    const at = (date: string) => ({ date, start: zonedInstant(date, '10:00', 'Europe/Stockholm'), end: zonedInstant(date, '12:00', 'Europe/Stockholm') });
    const closed = closedDays({ holidays: closedIn(2026), opened: [], closures: [] }, { from: '2026-12-18', to: '2026-12-31' });
    expect(withoutClosedDays([at('2026-12-18'), at('2026-12-25'), at('2027-01-08')], closed).map((o) => o.date)).toEqual(['2026-12-18', '2027-01-08']);
  });
});

describe(closureNotices.name, () => {
  it('shows current and coming closures in date order, without past ones', () => {
    const notices = closureNotices(
      [
        { from: '2027-02-01', to: '2027-02-03', reason: 'Renovering' },
        { from: '2026-11-01', to: '2026-11-10', reason: 'Förr' },
        { from: '2026-11-20', to: '2026-11-23', reason: 'Nu' },
      ],
      '2026-11-23',
    );
    expect(notices.map((n) => n.reason)).toEqual(['Nu', 'Renovering']);
  });
});

describe(parseOpenedDate.name, () => {
  it('opens a closing holiday, and refuses other days in Swedish', () => {
    expect(parseOpenedDate('2026-12-31', closedIn(2026))).toBe('2026-12-31');
    expect(refusal(() => parseOpenedDate('2026-12-30', closedIn(2026))).fields['date']).toContain('ingen helgdag');
    expect(refusal(() => parseOpenedDate('31/12', closedIn(2026))).fields['date']).toContain('ÅÅÅÅ-MM-DD');
  });
});
