import { aSchedule, aSite } from '../testing';
import { SiteError, SiteErrorCode } from './sites.errors';
import { copiedSchedules, copiedSite, planSiteCopy } from './site-copy.rules';

const invalidFields = (run: () => unknown): Record<string, string> => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SiteError);
    expect((error as SiteError).code).toBe(SiteErrorCode.InvalidSite);
    return { ...((error as SiteError).fields ?? {}) };
  }
  throw new Error('expected a SiteError');
};

describe('copiedSite', () => {
  const source = aSite({
    name: 'Stadsbiblioteket',
    directions: 'Plan 2, vid fönstren.',
    accessibilityNotes: 'Hiss och hörslinga.',
    contactPhone: '010-123 45 00',
    timeZone: 'Europe/Stockholm',
    languages: ['sv', 'ar'],
    active: true,
  });

  it('takes the time zone and languages but not the building’s directions, accessibility notes or phone when copying', () => {
    expect(copiedSite(source, { name: ' Norrby bibliotek ', address: 'Norrby torg 4', startDate: '2027-01-04' })).toEqual({
      name: 'Norrby bibliotek',
      address: 'Norrby torg 4',
      directions: '',
      accessibilityNotes: '',
      contactPhone: null,
      timeZone: 'Europe/Stockholm',
      languages: ['sv', 'ar'],
      active: false,
    });
  });

  it('keeps the slug and the new building’s notes when the coordinator gives them', () => {
    const site = copiedSite(source, { name: 'Norrby', slug: 'norrby', address: 'Torget 1', startDate: '2027-01-04', directions: 'Ingång från torget.', accessibilityNotes: 'Ramp.' });
    expect(site).toMatchObject({ slug: 'norrby', directions: 'Ingång från torget.', accessibilityNotes: 'Ramp.' });
  });
});

describe('copiedSchedules', () => {
  const tuesdays = aSchedule({ weekdays: [2], validFrom: '2026-09-01', validUntil: null });
  const thursdaysFromMarch = aSchedule({ weekdays: [4], startTime: '13:00', endTime: '15:00', validFrom: '2027-03-04', validUntil: null });
  const autumnOnly = aSchedule({ weekdays: [3], validFrom: '2026-09-02', validUntil: '2026-12-16' });
  const endedLastYear = aSchedule({ weekdays: [5], validFrom: '2025-09-05', validUntil: '2025-12-19' });

  it('starts every running schedule at the start date and keeps its shape when the source started earlier', () => {
    const [copy] = copiedSchedules([tuesdays], '2026-12-01', '2026-11-23');
    expect(copy).toEqual({ ...tuesdays, validFrom: '2026-12-01' });
  });

  it('gives only the schedule’s shape when the source schedules carry their ids and site', () => {
    const saved = { ...tuesdays, id: 'schedule-1', siteId: 'source-site' };
    expect(copiedSchedules([saved], '2026-12-01', '2026-11-23')).toEqual([{ ...tuesdays, validFrom: '2026-12-01' }]);
    expect(Object.keys(copiedSchedules([saved], '2026-12-01', '2026-11-23')[0] ?? {})).not.toContain('id');
  });

  it('keeps a later start when the source schedule begins after the start date', () => {
    expect(copiedSchedules([thursdaysFromMarch], '2026-12-01', '2026-11-23')[0]?.validFrom).toBe('2027-03-04');
  });

  it('keeps the end date when it is after the start date, and leaves out schedules that end before it', () => {
    expect(copiedSchedules([autumnOnly, endedLastYear], '2026-12-01', '2026-11-23')).toEqual([{ ...autumnOnly, validFrom: '2026-12-01' }]);
    expect(copiedSchedules([autumnOnly], '2026-12-17', '2026-11-23')).toEqual([]);
  });

  it('keeps a schedule whose end date is the start date itself', () => {
    expect(copiedSchedules([autumnOnly], '2026-12-16', '2026-11-23')).toEqual([{ ...autumnOnly, validFrom: '2026-12-16', validUntil: '2026-12-16' }]);
  });

  it('refuses a start date that is not a date, in Swedish', () => {
    expect(invalidFields(() => copiedSchedules([tuesdays], '2026-13-01', '2026-11-23'))).toEqual({ startDate: 'Skriv startdatum som ÅÅÅÅ-MM-DD.' });
  });

  it('refuses a start date before today at the site', () => {
    expect(invalidFields(() => copiedSchedules([tuesdays], '2026-11-22', '2026-11-23'))['startDate']).toMatch(/före i dag/);
  });

  it('accepts today as the start date', () => {
    expect(copiedSchedules([tuesdays], '2026-11-23', '2026-11-23')).toHaveLength(1);
  });
});

describe('planSiteCopy', () => {
  const source = aSite({ timeZone: 'Europe/Stockholm', languages: ['sv', 'en'] });

  it('gives the prepared site and its schedules when everything is right', () => {
    const plan = planSiteCopy(source, [aSchedule({ validFrom: '2026-01-06' })], { name: 'Norrby bibliotek', address: 'Norrby torg 4', startDate: '2026-12-01' }, '2026-11-23');
    expect(plan.site).toMatchObject({ name: 'Norrby bibliotek', slug: 'norrby-bibliotek', timeZone: 'Europe/Stockholm', active: false });
    expect(plan.schedules.map((s) => s.validFrom)).toEqual(['2026-12-01']);
  });

  it('names every field to fix at once when the name, address and start date are wrong', () => {
    const fields = invalidFields(() => planSiteCopy(source, [], { name: ' ', address: '', startDate: '1 december' }, '2026-11-23'));
    expect(Object.keys(fields).sort()).toEqual(['address', 'name', 'slug', 'startDate']);
  });

  it('refuses a web address with other characters than a–z, 0–9 and hyphens', () => {
    expect(Object.keys(invalidFields(() => planSiteCopy(source, [], { name: 'Norrby', slug: 'Norrby bibliotek!', address: 'Torget 1', startDate: '2026-12-01' }, '2026-11-23')))).toEqual(['slug']);
  });
});
