import { isLocalDate } from '../schedule/schedule.rules';
import type { LocalDate } from '../schedule/schedule.types';
import { InsightsError } from './insights.errors';

/** Published counts never show 1–4: with so few, a person could be recognised. */
export const SMALL_NUMBER_LIMIT = 5;

/** A count as it may be published: 0 or at least the limit; 1–4 become null (suppressed). */
export function suppressSmall(count: number, limit = SMALL_NUMBER_LIMIT): number | null {
  return count > 0 && count < limit ? null : count;
}

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 5 * 366;
const DEFAULT_WEEKS = 12;

const addDays = (date: LocalDate, days: number): LocalDate => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The Monday of the ISO week a date lies in. */
export function weekStartOf(date: LocalDate): LocalDate {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((day + 6) % 7));
}

/**
 * The weeks to publish: both dates valid, not reversed, at most five years; default the last 12 weeks.
 * Only whole, finished ISO weeks are counted (from a Monday to a Sunday before this week), so that
 * comparing two overlapping ranges, or the same range a day later, cannot reveal a count of 1–4.
 */
export function statsRange(query: { from?: string; to?: string }, today: LocalDate): { from: LocalDate; to: LocalDate } {
  const lastSunday = addDays(weekStartOf(today), -1);
  const requestedTo = query.to ?? lastSunday;
  const requestedFrom = query.from ?? addDays(weekStartOf(requestedTo), -7 * (DEFAULT_WEEKS - 1));
  const fields: Record<string, string> = {};
  if (!isLocalDate(requestedFrom)) fields['from'] = 'Write the date as YYYY-MM-DD.';
  if (!isLocalDate(requestedTo)) fields['to'] = 'Write the date as YYYY-MM-DD.';
  if (Object.keys(fields).length) throw InsightsError.invalidRange(fields);
  if (requestedFrom > requestedTo) throw InsightsError.invalidRange({ to: 'The end date is before the start date.' });
  if ((Date.parse(requestedTo) - Date.parse(requestedFrom)) / DAY_MS > MAX_RANGE_DAYS) throw InsightsError.invalidRange({ to: 'Choose at most five years at a time.' });
  const from = weekStartOf(requestedFrom);
  const sunday = addDays(weekStartOf(requestedTo), 6);
  return { from, to: sunday < lastSunday ? sunday : lastSunday };
}
