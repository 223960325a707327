/**
 * Fixed-window request limits (issue 17): every limit per client network, staff account or partner
 * organisation counts hits in windows of a fixed length, aligned to the Unix epoch, so every API
 * instance puts one moment in the same window without agreeing on anything but the clock.
 */

/** One counting window: from `start` (inclusive) to `end` (exclusive). */
export interface RateWindow {
  start: Date;
  end: Date;
}

/** What one counted hit says: whether it is within the limit, the count so far, and how long until the window ends. */
export interface LimitVerdict {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

/**
 * The window of `windowSeconds` that `now` falls in. Hours start on the hour and days at midnight UTC;
 * a 7-day window starts on a Thursday (the epoch's weekday), the same for everyone.
 */
export function rateWindow(now: Date, windowSeconds: number): RateWindow {
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1) throw new RangeError(`A window is a whole number of seconds (at least 1), not ${windowSeconds}`);
  const length = windowSeconds * 1000;
  const start = Math.floor(now.getTime() / length) * length;
  return { start: new Date(start), end: new Date(start + length) };
}

/** The verdict for the `hits`-th hit in `window` under `limit`: allowed while hits ≤ limit. */
export function limitVerdict(hits: number, limit: number, window: RateWindow, now: Date): LimitVerdict {
  const retryAfterSeconds = Math.max(1, Math.ceil((window.end.getTime() - now.getTime()) / 1000));
  return { allowed: hits <= limit, hits, retryAfterSeconds };
}

/** A wait in whole minutes for a message (at least one). */
export function waitMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
