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

/** A date range from the query: both dates valid, not reversed, at most five years; default the last 12 weeks. */
export function statsRange(query: { from?: string; to?: string }, today: LocalDate): { from: LocalDate; to: LocalDate } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(weekStartOf(to), -7 * (DEFAULT_WEEKS - 1));
  const fields: Record<string, string> = {};
  if (!isLocalDate(from)) fields['from'] = 'Write the date as YYYY-MM-DD.';
  if (!isLocalDate(to)) fields['to'] = 'Write the date as YYYY-MM-DD.';
  if (Object.keys(fields).length) throw InsightsError.invalidRange(fields);
  if (from > to) throw InsightsError.invalidRange({ to: 'The end date is before the start date.' });
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS > MAX_RANGE_DAYS) throw InsightsError.invalidRange({ to: 'Choose at most five years at a time.' });
  return { from, to };
}
