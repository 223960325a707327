import { limitVerdict, rateWindow, waitMinutes } from './rate-limits.rules';

const at = (iso: string) => new Date(iso);
const HOUR = 3600;
const DAY = 86_400;
const WEEK = 7 * DAY;

describe('rateWindow', () => {
  it('starts an hour window on the hour and ends it an hour later', () => {
    expect(rateWindow(at('2026-11-23T12:34:56.789Z'), HOUR)).toEqual({ start: at('2026-11-23T12:00:00Z'), end: at('2026-11-23T13:00:00Z') });
  });

  it('puts the first instant of a window in that window and the last millisecond before it in the one before', () => {
    expect(rateWindow(at('2026-11-23T13:00:00.000Z'), HOUR).start).toEqual(at('2026-11-23T13:00:00Z'));
    expect(rateWindow(at('2026-11-23T12:59:59.999Z'), HOUR).start).toEqual(at('2026-11-23T12:00:00Z'));
  });

  it('counts a day from midnight UTC', () => {
    expect(rateWindow(at('2026-11-23T23:59:59Z'), DAY)).toEqual({ start: at('2026-11-23T00:00:00Z'), end: at('2026-11-24T00:00:00Z') });
  });

  it('gives every moment of one 7-day window the same start (windows do not depend on when the first hit came)', () => {
    const starts = new Set(Array.from({ length: 7 * 24 }, (_, h) => rateWindow(new Date(at('2026-11-19T00:00:00Z').getTime() + h * HOUR * 1000), WEEK).start.getTime()));
    expect(starts.size).toBe(1);
    expect(rateWindow(at('2026-11-26T00:00:00Z'), WEEK).start).toEqual(at('2026-11-26T00:00:00Z'));
  });

  it('refuses a window that is not a whole positive number of seconds', () => {
    expect(() => rateWindow(at('2026-11-23T12:00:00Z'), 0)).toThrow(RangeError);
    expect(() => rateWindow(at('2026-11-23T12:00:00Z'), 1.5)).toThrow(RangeError);
  });
});

describe('limitVerdict', () => {
  const window = rateWindow(at('2026-11-23T12:00:00Z'), HOUR);

  it('allows up to and including the limit', () => {
    expect(limitVerdict(1, 10, window, at('2026-11-23T12:10:00Z'))).toMatchObject({ allowed: true, hits: 1 });
    expect(limitVerdict(10, 10, window, at('2026-11-23T12:10:00Z'))).toMatchObject({ allowed: true, hits: 10 });
  });

  it('refuses the hit after the limit and says how long until the window ends', () => {
    expect(limitVerdict(11, 10, window, at('2026-11-23T12:10:00Z'))).toEqual({ allowed: false, hits: 11, retryAfterSeconds: 50 * 60 });
  });

  it('never says to wait less than a second, and rounds a part of a second up', () => {
    expect(limitVerdict(11, 10, window, at('2026-11-23T12:59:59.999Z')).retryAfterSeconds).toBe(1);
    expect(limitVerdict(11, 10, window, at('2026-11-23T12:59:58.5Z')).retryAfterSeconds).toBe(2);
  });
});

describe('waitMinutes', () => {
  it('turns seconds into whole minutes, at least one', () => {
    expect([1, 59, 60, 61, 3600].map(waitMinutes)).toEqual([1, 1, 1, 2, 60]);
  });
});
