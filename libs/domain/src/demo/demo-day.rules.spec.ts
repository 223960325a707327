import { localDateOf } from '../schedule/schedule.rules';
import { DEMO_DAY_SITES, demoSessionFor, needsDemoSession } from './demo-day.rules';

const localTime = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

/** Every quarter of an hour of one UTC day. */
const quarterHoursOf = (date: string) => Array.from({ length: 96 }, (_, i) => new Date(Date.parse(`${date}T00:00:00Z`) + i * 15 * 60_000));

describe('demoSessionFor', () => {
  // Winter (CET, PST), summer (CEST, PDT), and the weeks when only the US has moved its clocks.
  it.each(['2026-12-05', '2027-07-14', '2027-03-20', '2026-11-01', '2027-03-28', '2026-10-25'])(
    'gives a session that is open now, on today’s date at its site, at every quarter hour of %s (UTC)',
    (date) => {
      for (const now of quarterHoursOf(date)) {
        const plan = demoSessionFor(now);
        expect(plan.start.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(plan.end.getTime()).toBeGreaterThan(now.getTime());
        expect(localDateOf(plan.start, plan.site.timeZone)).toBe(localDateOf(now, plan.site.timeZone));
        expect(localDateOf(plan.end, plan.site.timeZone)).toBe(plan.date);
        expect(plan.startTime >= '09:00' && plan.startTime <= '18:00').toBe(true);
      }
    },
  );

  it('prefers the Stockholm demo site when it is daytime in Sweden', () => {
    const plan = demoSessionFor(new Date('2026-12-05T10:20:00Z'));
    expect(plan.site.timeZone).toBe('Europe/Stockholm');
    expect(plan).toMatchObject({ date: '2026-12-05', startTime: '11:00', endTime: '13:00' });
    expect(plan.start.toISOString()).toBe('2026-12-05T10:00:00.000Z');
  });

  it('uses a far time zone when Swedish libraries are closed', () => {
    const night = demoSessionFor(new Date('2026-12-05T23:45:00Z'));
    expect(night.site.timeZone).not.toBe('Europe/Stockholm');
    expect(localTime(night.start, night.site.timeZone)).toBe(night.startTime);
    const early = demoSessionFor(new Date('2027-07-14T03:00:00Z'));
    expect(early.site.timeZone).toBe('Asia/Tokyo');
    expect(early).toMatchObject({ date: '2027-07-14', startTime: '12:00', endTime: '14:00' });
  });

  it('keeps the wall time on the day Sweden moves its clocks', () => {
    const plan = demoSessionFor(new Date('2027-03-28T08:30:00Z'));
    expect(plan).toMatchObject({ startTime: '10:00', endTime: '12:00' });
    expect(plan.start.toISOString()).toBe('2027-03-28T08:00:00.000Z');
  });

  it('names every demo site so that its time zone is plain to see', () => {
    for (const site of DEMO_DAY_SITES) expect(`${site.name} ${site.address}`).toMatch(/demo/i);
    expect(new Set(DEMO_DAY_SITES.map((s) => s.slug)).size).toBe(DEMO_DAY_SITES.length);
  });
});

describe('needsDemoSession', () => {
  const now = new Date('2026-12-05T10:20:00Z');
  const stockholm = 'Europe/Stockholm';

  it('says yes when the demo helper has no demo session', () => {
    expect(needsDemoSession([], now)).toBe(true);
  });

  it('says no when a planned demo session today has not ended', () => {
    expect(needsDemoSession([{ start: new Date('2026-12-05T10:00:00Z'), end: new Date('2026-12-05T12:00:00Z'), timeZone: stockholm, status: 'planned' }], now)).toBe(false);
  });

  it('says no when today’s demo session starts later', () => {
    expect(needsDemoSession([{ start: new Date('2026-12-05T14:00:00Z'), end: new Date('2026-12-05T16:00:00Z'), timeZone: stockholm, status: 'planned' }], now)).toBe(false);
  });

  it('says yes when today’s demo session is over, cancelled, or on another day', () => {
    expect(needsDemoSession([{ start: new Date('2026-12-05T07:00:00Z'), end: new Date('2026-12-05T09:00:00Z'), timeZone: stockholm, status: 'planned' }], now)).toBe(true);
    expect(needsDemoSession([{ start: new Date('2026-12-05T10:00:00Z'), end: new Date('2026-12-05T12:00:00Z'), timeZone: stockholm, status: 'cancelled' }], now)).toBe(true);
    expect(needsDemoSession([{ start: new Date('2026-12-04T10:00:00Z'), end: new Date('2026-12-04T12:00:00Z'), timeZone: stockholm, status: 'planned' }], now)).toBe(true);
  });

  it('judges "today" in the session’s own zone', () => {
    // 10:20 UTC is already 19:20 on 5 December in Tokyo: a Tokyo session at 20:00 that day still counts.
    expect(needsDemoSession([{ start: new Date('2026-12-05T11:00:00Z'), end: new Date('2026-12-05T13:00:00Z'), timeZone: 'Asia/Tokyo', status: 'planned' }], now)).toBe(false);
  });
});
