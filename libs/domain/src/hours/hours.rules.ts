import { isLocalDate } from '../schedule/schedule.rules';
import type { LocalDate } from '../schedule/schedule.types';
import { HoursError } from './hours.errors';
import { HOURS_LIMITS, MANUAL_ACTIVITIES, type HoursEntry, type HoursInput, type ManualActivity } from './hours.types';

const addDays = (date: LocalDate, days: number): LocalDate => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Checks hours a helper adds by hand. `today` is the helper's local date: hours in the future are refused. */
export function parseHoursInput(body: unknown, today: LocalDate): HoursInput {
  const raw = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const fields: Record<string, string> = {};
  const date = raw['date'];
  if (typeof date !== 'string' || !isLocalDate(date)) fields['date'] = 'Skriv datum som ÅÅÅÅ-MM-DD.';
  else if (date > today) fields['date'] = 'Tid kan bara rapporteras för i dag eller dagar som har varit.';
  else if (date < addDays(today, -HOURS_LIMITS.daysBack)) fields['date'] = 'Tid kan rapporteras högst ett år tillbaka.';
  const minutes = raw['minutes'];
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < HOURS_LIMITS.minMinutes || minutes > HOURS_LIMITS.maxMinutes) {
    fields['minutes'] = `Skriv antal minuter som ett heltal mellan ${HOURS_LIMITS.minMinutes} och ${HOURS_LIMITS.maxMinutes}.`;
  }
  const activity = raw['activity'];
  if (typeof activity !== 'string' || !(MANUAL_ACTIVITIES as readonly string[]).includes(activity)) fields['activity'] = 'Välj vad du gjorde.';
  const reflectionRaw = raw['reflection'] ?? null;
  const reflection = typeof reflectionRaw === 'string' ? reflectionRaw.trim() || null : null;
  if ((reflectionRaw !== null && typeof reflectionRaw !== 'string') || (reflection && reflection.length > HOURS_LIMITS.reflectionMax)) {
    fields['reflection'] = `Skriv högst ${HOURS_LIMITS.reflectionMax} tecken.`;
  }
  if (Object.keys(fields).length) throw HoursError.invalid(fields);
  return { date: date as LocalDate, minutes: minutes as number, activity: activity as ManualActivity, reflection };
}

/**
 * A new entry must not overlap what the helper already reported that day: the same entry twice, or more
 * time in one day than a person can work, is refused. Rejected entries do not count.
 */
export function assertHoursFitTheDay(input: Pick<HoursInput, 'date' | 'minutes' | 'activity'>, sameDay: readonly HoursEntry[]): void {
  const live = sameDay.filter((e) => e.status !== 'rejected' && e.date === input.date);
  if (live.some((e) => e.activity === input.activity && e.minutes === input.minutes)) {
    throw HoursError.overlap('Du har redan rapporterat precis den här tiden den dagen.');
  }
  const total = live.reduce((sum, e) => sum + e.minutes, 0) + input.minutes;
  if (total > HOURS_LIMITS.maxDayMinutes) {
    throw HoursError.overlap(`Med den här blir det ${Math.round(total / 6) / 10} timmar den dagen. Tiderna överlappar: kontrollera dem.`);
  }
}

/** A coordinator decides on a pending entry: never their own, never one already decided; a rejection needs a reason. */
export function assertCanDecide(entry: Pick<HoursEntry, 'helperId' | 'status'>, deciderId: string, decision: 'approved' | 'rejected', reason: string | null): void {
  if (entry.helperId === deciderId) throw HoursError.selfApproval();
  if (entry.status !== 'pending') throw HoursError.locked();
  if (decision === 'rejected' && !reason?.trim()) throw HoursError.invalid({ reason: 'Skriv varför tiden inte godkänns, så att digivärden förstår.' });
  if (reason && reason.length > HOURS_LIMITS.reasonMax) throw HoursError.invalid({ reason: `Skriv högst ${HOURS_LIMITS.reasonMax} tecken.` });
}
