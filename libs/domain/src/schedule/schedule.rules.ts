import { DateTime } from 'luxon';
import { RRule, type Weekday as RRuleWeekday } from 'rrule';
import { ScheduleError } from './schedule.errors';
import { WEEKDAYS, type LocalDate, type LocalTime, type Occurrence, type OneOffInput, type ScheduleInput, type Slot, type Weekday } from './schedule.types';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RRULE_DAYS: readonly RRuleWeekday[] = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];
const WEEKDAY_NAMES_SV = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];

export function minutesOf(time: LocalTime): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** A real calendar date between 2000 and 2199 (the database and the calendar apps agree on those). */
export function isLocalDate(value: string): value is LocalDate {
  return DATE.test(value) && value >= '2000-01-01' && value < '2200-01-01' && DateTime.fromISO(value).isValid;
}

export function isLocalTime(value: string): value is LocalTime {
  return TIME.test(value);
}

export function weekdayName(day: Weekday): string {
  return WEEKDAY_NAMES_SV[day - 1] ?? String(day);
}

/** Field-by-field check of a schedule; throws ScheduleError.invalid naming what to change. */
export function validateSchedule(input: ScheduleInput): void {
  const fields: Record<string, string> = {};
  if (input.weekdays.length === 0) fields['weekdays'] = 'Välj minst en veckodag.';
  else if (input.weekdays.some((d) => !WEEKDAYS.includes(d))) fields['weekdays'] = 'Veckodagar anges som 1 (måndag) till 7 (söndag).';
  else if (new Set(input.weekdays).size !== input.weekdays.length) fields['weekdays'] = 'Varje veckodag får bara väljas en gång.';
  if (!isLocalTime(input.startTime)) fields['startTime'] = 'Skriv starttiden som TT:MM, till exempel 10:00.';
  if (!isLocalTime(input.endTime)) fields['endTime'] = 'Skriv sluttiden som TT:MM, till exempel 12:00.';
  if (isLocalTime(input.startTime) && isLocalTime(input.endTime)) {
    const length = minutesOf(input.endTime) - minutesOf(input.startTime);
    if (length <= 0) fields['endTime'] = 'Sluttiden måste vara efter starttiden.';
    else if (!Number.isInteger(input.slotMinutes) || input.slotMinutes < 5 || input.slotMinutes > length) {
      fields['slotMinutes'] = `Tiderna måste vara mellan 5 och ${length} minuter långa.`;
    } else if (length % input.slotMinutes !== 0) {
      const fits = divisorsOf(length);
      fields['slotMinutes'] = fits.length
        ? `${input.slotMinutes} minuter går inte jämnt upp i ${length} minuter. Välj till exempel ${fits.join(', ')} minuter.`
        : `${input.slotMinutes} minuter går inte jämnt upp i ${length} minuter. Välj en tidslängd som gör det, eller ändra start- eller sluttiden.`;
    }
  }
  if (!isLocalDate(input.validFrom)) fields['validFrom'] = 'Skriv startdatum som ÅÅÅÅ-MM-DD.';
  if (input.validUntil !== null) {
    if (!isLocalDate(input.validUntil)) fields['validUntil'] = 'Skriv slutdatum som ÅÅÅÅ-MM-DD, eller lämna tomt.';
    else if (isLocalDate(input.validFrom) && input.validUntil < input.validFrom) fields['validUntil'] = 'Slutdatum kan inte vara före startdatum.';
  }
  if (!Number.isInteger(input.seatsPerSlot) || input.seatsPerSlot < 1 || input.seatsPerSlot > 50) fields['seatsPerSlot'] = 'Antal platser per tid ska vara 1–50.';
  if (!Number.isInteger(input.helpersNeeded) || input.helpersNeeded < 0 || input.helpersNeeded > 20) fields['helpersNeeded'] = 'Antal digivärdar ska vara 0–20.';
  if (Object.keys(fields).length) throw ScheduleError.invalid(fields);
}

function divisorsOf(length: number): number[] {
  return [5, 10, 15, 20, 30, 45, 60].filter((d) => d <= length && length % d === 0).slice(-3);
}

/** The schedule rules for one date, with their messages under the one-off form's own field names. */
export function validateOneOff(input: OneOffInput): void {
  if (!isLocalDate(input.date)) throw ScheduleError.invalid({ date: 'Skriv datum som ÅÅÅÅ-MM-DD.' });
  try {
    validateSchedule({ ...input, weekdays: [1], validFrom: input.date, validUntil: input.date });
  } catch (error) {
    if (!(error instanceof ScheduleError) || !error.fields) throw error;
    const { validFrom, validUntil, weekdays: _weekdays, ...rest } = error.fields;
    const date = validFrom ?? validUntil;
    throw ScheduleError.invalid({ ...rest, ...(date ? { date } : {}) });
  }
}

/** True when two schedules at one site could produce sessions at the same time. */
export function schedulesOverlap(a: ScheduleInput, b: ScheduleInput): boolean {
  const datesMeet = (a.validUntil === null || b.validFrom <= a.validUntil) && (b.validUntil === null || a.validFrom <= b.validUntil);
  const daysMeet = a.weekdays.some((d) => b.weekdays.includes(d));
  const timesMeet = minutesOf(a.startTime) < minutesOf(b.endTime) && minutesOf(b.startTime) < minutesOf(a.endTime);
  return datesMeet && daysMeet && timesMeet;
}

/** Refuses a schedule that overlaps another at the same site. */
export function assertNoOverlap(input: ScheduleInput, others: readonly ScheduleInput[]): void {
  const clash = others.find((other) => schedulesOverlap(input, other));
  if (clash) throw ScheduleError.overlapping(describeSchedule(clash));
}

/** "tisdag 10:00–12:00 från 2026-01-13" */
export function describeSchedule(s: Pick<ScheduleInput, 'weekdays' | 'startTime' | 'endTime' | 'validFrom' | 'validUntil'>): string {
  const days = [...s.weekdays].sort().map(weekdayName).join(' och ');
  const until = s.validUntil ? ` till ${s.validUntil}` : '';
  return `${days} ${s.startTime}–${s.endTime} från ${s.validFrom}${until}`;
}

/** The instant a local wall time happens in a zone (DST-aware: 10:00 stays 10:00 all year). */
export function zonedInstant(date: LocalDate, time: LocalTime, timeZone: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone: timeZone }).toJSDate();
}

/** The local date of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? '';
}

const floating = (date: LocalDate) => new Date(`${date}T00:00:00Z`);

/**
 * The dated occurrences of a weekly schedule between two local dates (inclusive). The recurrence
 * is computed on floating dates (rrule), then each date's wall times are placed in the site's zone
 * (luxon), so the session stays at its local time across daylight-saving changes.
 */
export function expandSchedule(schedule: ScheduleInput, range: { from: LocalDate; to: LocalDate }, timeZone: string): Occurrence[] {
  const from = range.from > schedule.validFrom ? range.from : schedule.validFrom;
  const to = schedule.validUntil !== null && schedule.validUntil < range.to ? schedule.validUntil : range.to;
  if (to < from) return [];
  const rule = new RRule({
    freq: RRule.WEEKLY,
    byweekday: schedule.weekdays.map((d) => RRULE_DAYS[d - 1] as RRuleWeekday),
    dtstart: floating(schedule.validFrom),
    until: floating(to),
  });
  return rule.between(floating(from), floating(to), true).map((d) => {
    const date = d.toISOString().slice(0, 10);
    return { date, start: zonedInstant(date, schedule.startTime, timeZone), end: zonedInstant(date, schedule.endTime, timeZone) };
  });
}

/** Bookable times inside a session, each `slotMinutes` long. */
export function slotsFor(session: { start: Date; end: Date }, slotMinutes: number, seats: number): Slot[] {
  const step = slotMinutes * 60_000;
  const slots: Slot[] = [];
  for (let t = session.start.getTime(); t + step <= session.end.getTime(); t += step) {
    slots.push({ start: new Date(t), end: new Date(t + step), seats });
  }
  return slots;
}

export interface ExistingSession {
  id: string;
  start: Date;
  end: Date;
  /** Someone has booked a seat or taken a shift: never removed without the coordinator. */
  inUse: boolean;
}

export interface SessionPlan {
  create: Occurrence[];
  /** Future sessions without bookings that the schedule no longer produces. */
  remove: string[];
  /** Future sessions in use (bookings or shifts) that the schedule no longer produces: the coordinator decides. */
  needsDecision: ExistingSession[];
}

const sameTime = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) =>
  a.start.getTime() === b.start.getTime() && a.end.getTime() === b.end.getTime();

/**
 * What to do with a schedule's sessions after it was created or changed. Past sessions are never
 * touched. A future session that still matches the schedule is kept as it is (same id, so calendar
 * UIDs stay stable); one that no longer matches is removed when nobody has booked it or taken a shift, and otherwise
 * listed for the coordinator to decide.
 */
export function planSessions(desired: readonly Occurrence[], existing: readonly ExistingSession[], now: Date): SessionPlan {
  const future = existing.filter((s) => s.start > now);
  const matches = (s: ExistingSession) => desired.some((o) => sameTime(o, s));
  return {
    create: desired.filter((o) => o.start > now && !future.some((s) => sameTime(o, s))),
    remove: future.filter((s) => !s.inUse && !matches(s)).map((s) => s.id),
    needsDecision: future.filter((s) => s.inUse && !matches(s)),
  };
}

/** The local date `weeks` weeks after `today`. */
export function horizonEnd(today: LocalDate, weeks: number): LocalDate {
  return DateTime.fromISO(today).plus({ weeks }).toISODate() ?? today;
}

/** ISO 8601 with the site's own offset, e.g. 2026-03-31T10:00:00+02:00 (what the public API returns). */
export function toLocalIso(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const offset = ms % 1000 === 0 ? zoneOffset(timeZone, ms) : null;
  if (offset === null) return DateTime.fromJSDate(instant, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? instant.toISOString();
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${new Date(ms + offset * 60_000).toISOString().slice(0, 19)}${offset < 0 ? '-' : '+'}${hhmm}`;
}

/**
 * The zone's UTC offset in minutes at an instant, remembered: working one out goes through Intl (Luxon's
 * `partsOffset`), ~15 % of the API's CPU for a public list of sessions, and the same session and slot
 * times are formatted over and over. Null for zones Luxon writes differently ("Z" for UTC) or does not
 * know: those go the slow way.
 */
function zoneOffset(timeZone: string, ms: number): number | null {
  let zone = OFFSETS.get(timeZone);
  if (zone === undefined) {
    const probe = DateTime.fromMillis(ms, { zone: timeZone });
    zone = probe.isValid && !probe.zone.isUniversal ? new Map() : null;
    OFFSETS.set(timeZone, zone);
  }
  if (zone === null) return null;
  let offset = zone.get(ms);
  if (offset === undefined) {
    offset = DateTime.fromMillis(ms, { zone: timeZone }).offset;
    if (zone.size >= MAX_REMEMBERED_OFFSETS) zone.clear();
    zone.set(ms, offset);
  }
  return offset;
}
const OFFSETS = new Map<string, Map<number, number> | null>();
const MAX_REMEMBERED_OFFSETS = 50_000;

export const MAX_RANGE_DAYS = 366;
const DEFAULT_RANGE_WEEKS = 8;

/** The sessions to list: from/to as asked, else from today and eight weeks on (see dateRange). */
export function sessionRange(query: { from?: LocalDate; to?: LocalDate }, timeZone: string, now: Date): { from: Date; to: Date } {
  const from = query.from ?? localDateOf(now, timeZone);
  return dateRange(from, query.to ?? horizonEnd(from, DEFAULT_RANGE_WEEKS), timeZone);
}

/** A from/to range of local dates (inclusive) as instants in the zone; refuses reversed or too long ranges. */
export function dateRange(from: LocalDate, to: LocalDate, timeZone: string): { from: Date; to: Date } {
  const fields: Record<string, string> = {};
  if (!isLocalDate(from)) fields['from'] = 'Skriv from som ÅÅÅÅ-MM-DD.';
  if (!isLocalDate(to)) fields['to'] = 'Skriv to som ÅÅÅÅ-MM-DD.';
  if (!fields['from'] && !fields['to']) {
    if (to < from) fields['to'] = 'to kan inte vara före from.';
    else if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days > MAX_RANGE_DAYS) fields['to'] = `Högst ${MAX_RANGE_DAYS} dagar åt gången.`;
  }
  if (Object.keys(fields).length) throw ScheduleError.invalid(fields);
  const start = DateTime.fromISO(from, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(to, { zone: timeZone }).plus({ days: 1 }).startOf('day');
  return { from: start.toJSDate(), to: end.toJSDate() };
}
