import fc from 'fast-check';
import { DateTime } from 'luxon';
import { aSchedule } from '../testing';
import { ScheduleError, ScheduleErrorCode } from './schedule.errors';
import {
  assertNoOverlap,
  dateRange,
  toLocalIso,
  describeSchedule,
  expandSchedule,
  horizonEnd,
  planSessions,
  schedulesOverlap,
  slotsFor,
  validateSchedule,
} from './schedule.rules';

const STOCKHOLM = 'Europe/Stockholm';
const local = (d: Date) => d.toLocaleString('sv-SE', { timeZone: STOCKHOLM, hour: '2-digit', minute: '2-digit', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit' });

function fieldsOf(action: () => void): Record<string, string> {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ScheduleError);
    return { ...(error as ScheduleError).fields };
  }
  throw new Error('expected a ScheduleError');
}

describe('expandSchedule', () => {
  const tuesdays = aSchedule({ weekdays: [2], startTime: '10:00', endTime: '12:00', validFrom: '2026-01-01', validUntil: null });

  it('keeps a Tuesday 10:00–12:00 session at 10:00 local time across the March DST change', () => {
    const sessions = expandSchedule(tuesdays, { from: '2026-03-17', to: '2026-04-07' }, STOCKHOLM);
    expect(sessions.map((s) => s.date)).toEqual(['2026-03-17', '2026-03-24', '2026-03-31', '2026-04-07']);
    expect(sessions.map((s) => s.start.toISOString())).toEqual([
      '2026-03-17T09:00:00.000Z', // CET, UTC+1
      '2026-03-24T09:00:00.000Z',
      '2026-03-31T08:00:00.000Z', // CEST from 29 March, UTC+2
      '2026-04-07T08:00:00.000Z',
    ]);
    for (const s of sessions) {
      expect(local(s.start)).toMatch(/10:00$/);
      expect(local(s.end)).toMatch(/12:00$/);
    }
  });

  it('keeps the session at 10:00 local time across the October DST change', () => {
    const sessions = expandSchedule(tuesdays, { from: '2026-10-20', to: '2026-11-03' }, STOCKHOLM);
    expect(sessions.map((s) => s.start.toISOString())).toEqual([
      '2026-10-20T08:00:00.000Z', // CEST
      '2026-10-27T09:00:00.000Z', // CET from 25 October
      '2026-11-03T09:00:00.000Z',
    ]);
  });

  it('produces two sessions a week when the schedule has a second day', () => {
    const twice = aSchedule({ weekdays: [2, 4], validFrom: '2026-03-02', validUntil: null });
    expect(expandSchedule(twice, { from: '2026-03-02', to: '2026-03-15' }, STOCKHOLM).map((s) => s.date)).toEqual([
      '2026-03-03',
      '2026-03-05',
      '2026-03-10',
      '2026-03-12',
    ]);
  });

  it('stays inside valid-from and valid-until when the range is wider', () => {
    const spring = aSchedule({ weekdays: [3], validFrom: '2026-01-14', validUntil: '2026-01-28' });
    expect(expandSchedule(spring, { from: '2026-01-01', to: '2026-12-31' }, STOCKHOLM).map((s) => s.date)).toEqual(['2026-01-14', '2026-01-21', '2026-01-28']);
  });

  it('returns nothing when the range ends before the schedule starts', () => {
    expect(expandSchedule(aSchedule({ validFrom: '2027-01-01' }), { from: '2026-01-01', to: '2026-06-30' }, STOCKHOLM)).toEqual([]);
  });

  it('uses the wall time of the site’s own zone when the zone is not Stockholm', () => {
    const [first] = expandSchedule(aSchedule({ weekdays: [1], startTime: '09:00', validFrom: '2026-06-01' }), { from: '2026-06-01', to: '2026-06-01' }, 'Europe/Helsinki');
    expect(first?.start.toISOString()).toBe('2026-06-01T06:00:00.000Z');
  });
});

describe('slotsFor', () => {
  it('divides a two-hour session into four 30-minute slots when the slot length is 30', () => {
    const slots = slotsFor({ start: new Date('2026-03-31T08:00:00Z'), end: new Date('2026-03-31T10:00:00Z') }, 30, 2);
    expect(slots.map((s) => s.start.toISOString().slice(11, 16))).toEqual(['08:00', '08:30', '09:00', '09:30']);
    expect(slots.every((s) => s.seats === 2)).toBe(true);
  });
});

describe('validateSchedule', () => {
  it('accepts a typical weekly drop-in', () => {
    expect(() => validateSchedule(aSchedule())).not.toThrow();
  });

  it('refuses an end time before the start time', () => {
    expect(fieldsOf(() => validateSchedule(aSchedule({ startTime: '12:00', endTime: '10:00' })))).toEqual({ endTime: 'Sluttiden måste vara efter starttiden.' });
  });

  it('suggests slot lengths when the slot length does not divide the session', () => {
    const fields = fieldsOf(() => validateSchedule(aSchedule({ startTime: '10:00', endTime: '12:00', slotMinutes: 35 })));
    expect(fields['slotMinutes']).toBe('35 minuter går inte jämnt upp i 120 minuter. Välj till exempel 20, 30, 60 minuter.');
    expect(fieldsOf(() => validateSchedule(aSchedule({ startTime: '10:00', endTime: '10:25', slotMinutes: 10 })))['slotMinutes']).toMatch(/Välj till exempel 5 minuter./);
  });

  it('refuses a valid-until before valid-from', () => {
    expect(fieldsOf(() => validateSchedule(aSchedule({ validFrom: '2026-05-01', validUntil: '2026-04-01' })))).toHaveProperty('validUntil');
  });

  it('refuses dates outside 2000–2199 and a weekday given twice', () => {
    const fields = fieldsOf(() => validateSchedule(aSchedule({ validFrom: '0000-01-01', weekdays: [2, 2] })));
    expect(Object.keys(fields).sort()).toEqual(['validFrom', 'weekdays']);
  });

  it('names every malformed field at once', () => {
    const fields = fieldsOf(() =>
      validateSchedule(aSchedule({ weekdays: [], startTime: '25:00', endTime: 'noon', validFrom: '2026-02-30', seatsPerSlot: 0, helpersNeeded: -1 })),
    );
    expect(Object.keys(fields).sort()).toEqual(['endTime', 'helpersNeeded', 'seatsPerSlot', 'startTime', 'validFrom', 'weekdays']);
  });
});

describe('schedulesOverlap', () => {
  const tuesdayMorning = aSchedule({ weekdays: [2], startTime: '10:00', endTime: '12:00', validFrom: '2026-01-01', validUntil: null });

  it('finds an overlap when the same weekday has crossing times', () => {
    expect(schedulesOverlap(tuesdayMorning, aSchedule({ weekdays: [2, 4], startTime: '11:30', endTime: '13:00', validFrom: '2026-06-01' }))).toBe(true);
  });

  it('finds none when one ends as the other starts', () => {
    expect(schedulesOverlap(tuesdayMorning, aSchedule({ weekdays: [2], startTime: '12:00', endTime: '14:00' }))).toBe(false);
  });

  it('finds none when the date ranges do not meet', () => {
    const autumn = aSchedule({ weekdays: [2], startTime: '10:00', endTime: '12:00', validFrom: '2026-08-01', validUntil: null });
    expect(schedulesOverlap(autumn, aSchedule({ ...tuesdayMorning, validUntil: '2026-06-30' }))).toBe(false);
  });

  it('throws OVERLAPPING_SCHEDULE describing the other schedule', () => {
    try {
      assertNoOverlap(aSchedule({ weekdays: [2], startTime: '09:00', endTime: '10:30', validFrom: '2026-03-01' }), [tuesdayMorning]);
      throw new Error('expected an overlap');
    } catch (error) {
      expect((error as ScheduleError).code).toBe(ScheduleErrorCode.OverlappingSchedule);
      expect((error as ScheduleError).message).toContain(describeSchedule(tuesdayMorning));
    }
  });
});

describe('planSessions', () => {
  const now = new Date('2026-03-20T12:00:00Z');
  const at = (iso: string, hours = 2) => ({ start: new Date(iso), end: new Date(new Date(iso).getTime() + hours * 3_600_000) });
  const occurrence = (iso: string) => ({ date: iso.slice(0, 10), ...at(iso) });

  it('creates the missing future sessions and keeps the matching ones (stable ids)', () => {
    const plan = planSessions(
      [occurrence('2026-03-17T09:00:00Z'), occurrence('2026-03-24T09:00:00Z'), occurrence('2026-03-31T08:00:00Z')],
      [{ id: 'kept', ...at('2026-03-24T09:00:00Z'), inUse: false }],
      now,
    );
    expect(plan.create.map((o) => o.date)).toEqual(['2026-03-31']);
    expect(plan.remove).toEqual([]);
    expect(plan.needsDecision).toEqual([]);
  });

  it('removes unbooked sessions and lists booked ones when the schedule moved', () => {
    const plan = planSessions(
      [occurrence('2026-03-26T09:00:00Z')],
      [
        { id: 'free', ...at('2026-03-24T09:00:00Z'), inUse: false },
        { id: 'booked', ...at('2026-03-31T08:00:00Z'), inUse: true },
        { id: 'past', ...at('2026-03-17T09:00:00Z'), inUse: false },
      ],
      now,
    );
    expect(plan.remove).toEqual(['free']);
    expect(plan.needsDecision.map((s) => s.id)).toEqual(['booked']);
    expect(plan.create.map((o) => o.date)).toEqual(['2026-03-26']);
  });
});

describe('horizonEnd', () => {
  it('counts whole weeks ahead', () => expect(horizonEnd('2026-11-23', 26)).toBe('2027-05-24'));
});

describe('dateRange', () => {
  it('covers whole local days when given dates', () => {
    const r = dateRange('2026-03-29', '2026-03-29', STOCKHOLM);
    expect(r.from.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(r.to.toISOString()).toBe('2026-03-29T22:00:00.000Z'); // the DST day has 23 hours
  });

  it('refuses a reversed range and one longer than a year', () => {
    expect(fieldsOf(() => dateRange('2026-05-01', '2026-04-01', STOCKHOLM))).toEqual({ to: 'to kan inte vara före from.' });
    expect(fieldsOf(() => dateRange('2026-01-01', '2027-06-01', STOCKHOLM))).toEqual({ to: 'Högst 366 dagar åt gången.' });
  });
});

describe('toLocalIso', () => {
  it('writes exactly what Luxon writes, in zones east, west, half-hour and fixed, across changes of offset', () => {
    const zones = ['Europe/Stockholm', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Europe/London', 'UTC', 'Etc/GMT+5', 'Nowhere/Invalid'];
    const luxon = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toISO({ suppressMilliseconds: true }) ?? d.toISOString();
    const edges = ['2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-10-25T00:59:00Z', '2026-10-25T01:00:00Z', '2026-11-01T05:59:59Z', '2026-11-01T06:00:00Z', '2026-04-04T15:00:00Z', '2026-04-04T14:59:00Z'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.oneof(fc.integer({ min: 0, max: 4_102_444_800 }).map((s) => new Date(s * 1000)), fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }), fc.constantFrom(...edges.map((e) => new Date(e)))), (zone, date) => {
        expect(toLocalIso(date, zone)).toBe(luxon(date, zone));
        expect(toLocalIso(date, zone)).toBe(luxon(date, zone)); // remembered
      }),
      { seed: 20261123, numRuns: 3000 },
    );
  });

  it('writes the site’s offset, which changes with DST', () => {
    expect(toLocalIso(new Date('2026-03-24T09:00:00Z'), STOCKHOLM)).toBe('2026-03-24T10:00:00+01:00');
    expect(toLocalIso(new Date('2026-03-31T08:00:00Z'), STOCKHOLM)).toBe('2026-03-31T10:00:00+02:00');
  });
});
