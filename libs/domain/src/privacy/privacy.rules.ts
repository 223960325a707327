import { normalizeReference } from '../bookings/bookings.rules';
import { PrivacyError } from './privacy.errors';

/** What an erased booking's name becomes: the column is required, and a neutral word says what happened. */
export const ERASED_NAME = 'Raderad';

/** Default and lower bound of RETENTION_DAYS. */
export const DEFAULT_RETENTION_DAYS = 30;

const DAY_MS = 86_400_000;

/** "k7f3qd", " K7F-3QD " → "K7F-3QD"; a PrivacyError when it cannot be a booking reference. */
export function parseReference(text: unknown): string {
  const reference = typeof text === 'string' ? normalizeReference(text.trim()) : null;
  if (!reference) throw PrivacyError.invalidReference();
  return reference;
}

/** Bookings whose slot ended before this moment are due for erasure. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error('retentionDays must be a whole number of at least 1');
  return new Date(now.getTime() - retentionDays * DAY_MS);
}
