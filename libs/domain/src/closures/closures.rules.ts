import { DateTime } from 'luxon';
import { isLocalDate } from '../schedule/schedule.rules';
import type { LocalDate, Occurrence } from '../schedule/schedule.types';
import { isUuid } from '../shared/ids';
import { ClosureError } from './closures.errors';
import type { ClosedDay, ClosureInput, ClosureNotice, HolidayCalendar, HolidayEntry } from './closures.types';

export const MAX_CLOSURE_REASON = 500;

/**
 * Which kinds of holiday (in `date-holidays`' terms) close a site. Public holidays everywhere; in Sweden
 * also the eves that libraries keep closed in practice — julafton, midsommarafton and nyårsafton, which
 * the library lists as 'bank' days (and nothing else: the spec pins the list).
 */
const CLOSING_TYPES: Record<string, readonly string[]> = { SE: ['public', 'bank'] };
const DEFAULT_CLOSING_TYPES: readonly string[] = ['public'];

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.trim() : undefined);

/** A closure as a coordinator sends it; every wrong field named in Swedish. */
export function parseClosureInput(body: unknown): ClosureInput {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const siteId = raw['siteId'] ?? null;
  if (siteId !== null && !isUuid(siteId)) fields['siteId'] = 'Välj ett bibliotek, eller alla bibliotek.';
  const from = text(raw['from']) ?? '';
  const to = text(raw['to']) ?? '';
  if (!isLocalDate(from)) fields['from'] = 'Skriv första dagen som ÅÅÅÅ-MM-DD, till exempel 2026-12-24.';
  if (!isLocalDate(to)) fields['to'] = 'Skriv sista dagen som ÅÅÅÅ-MM-DD, till exempel 2027-01-06.';
  else if (isLocalDate(from)) {
    if (to < from) fields['to'] = 'Sista dagen kan inte vara före första dagen.';
    else if (to >= lastDayAfterAYear(from)) fields['to'] = 'En stängning kan vara högst ett år. Välj en tidigare sista dag.';
  }
  const reason = text(raw['reason']);
  if (!reason) fields['reason'] = 'Skriv varför det är stängt. Besökarna och digivärdarna får läsa det.';
  else if (reason.length > MAX_CLOSURE_REASON) fields['reason'] = `Skriv högst ${MAX_CLOSURE_REASON} tecken.`;
  if (Object.keys(fields).length) throw ClosureError.invalid(fields);
  return { siteId: siteId === null ? null : (siteId as string).toLowerCase(), from, to, reason: reason as string };
}

/** The first day that is more than a year after `from` (a closure ends before it). */
function lastDayAfterAYear(from: LocalDate): LocalDate {
  return DateTime.fromISO(from).plus({ years: 1 }).toISODate() ?? from;
}

/** A closure cannot begin in the past (`today` in the site's zone). */
export function assertClosureNotPast(input: Pick<ClosureInput, 'from'>, today: LocalDate): void {
  if (input.from < today) throw ClosureError.invalid({ from: 'Den dagen har redan varit. Välj i dag eller en senare dag.' });
}

/** A closure can be lifted until its first day begins. */
export function assertLiftable(closure: Pick<ClosureInput, 'from'>, today: LocalDate): void {
  if (closure.from <= today) throw ClosureError.started();
}

/** The days a country's holidays close a site in one year, in date order (one entry a day). */
export function closingHolidays(calendar: HolidayCalendar, country: string, year: number): HolidayEntry[] {
  const types = CLOSING_TYPES[country] ?? DEFAULT_CLOSING_TYPES;
  const byDate = new Map<LocalDate, HolidayEntry>();
  for (const h of calendar.getHolidays(year)) {
    const date = h.date.slice(0, 10);
    if (types.includes(h.type) && !byDate.has(date)) byDate.set(date, { date, name: h.name, type: h.type });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The calendar years a range of local dates touches. */
export function yearsOf(range: { from: LocalDate; to: LocalDate }): number[] {
  const years: number[] = [];
  for (let y = Number(range.from.slice(0, 4)); y <= Number(range.to.slice(0, 4)); y += 1) years.push(y);
  return years;
}

/**
 * The closed days of one site in a range of local dates: its closures (also those of every site), and its
 * country's closing holidays unless a coordinator opened that date. A closure wins over an opened holiday.
 */
export function closedDays(
  input: { holidays: readonly HolidayEntry[]; opened: readonly LocalDate[]; closures: readonly { id: string; from: LocalDate; to: LocalDate; reason: string }[] },
  range: { from: LocalDate; to: LocalDate },
): Map<LocalDate, ClosedDay> {
  const closed = new Map<LocalDate, ClosedDay>();
  const opened = new Set(input.opened);
  for (const h of input.holidays) {
    if (h.date >= range.from && h.date <= range.to && !opened.has(h.date)) closed.set(h.date, { kind: 'holiday', name: h.name });
  }
  for (const c of input.closures) {
    let day = DateTime.fromISO(c.from > range.from ? c.from : range.from);
    const last = c.to < range.to ? c.to : range.to;
    for (let date = day.toISODate() ?? ''; date && date <= last; day = day.plus({ days: 1 }), date = day.toISODate() ?? '') {
      closed.set(date, { kind: 'closure', closureId: c.id, reason: c.reason });
    }
  }
  return closed;
}

/** The occurrences a schedule keeps once closed days are taken out. */
export function withoutClosedDays<T extends Pick<Occurrence, 'date'>>(occurrences: readonly T[], closed: ReadonlyMap<LocalDate, unknown>): T[] {
  return occurrences.filter((o) => !closed.has(o.date));
}

/** Closures to show on public pages: those that have not ended, in date order. */
export function closureNotices(closures: readonly ClosureNotice[], today: LocalDate): ClosureNotice[] {
  return closures
    .filter((c) => c.to >= today)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map(({ from, to, reason }) => ({ from, to, reason }));
}

/** A holiday a coordinator opens a site on: it must be a day the site's holidays close. */
export function parseOpenedDate(date: string, holidays: readonly HolidayEntry[]): LocalDate {
  if (!isLocalDate(date)) throw ClosureError.invalid({ date: 'Skriv dagen som ÅÅÅÅ-MM-DD, till exempel 2026-12-31.' });
  if (!holidays.some((h) => h.date === date)) throw ClosureError.invalid({ date: `${date} är ingen helgdag som platsen håller stängt. Då behöver den inte öppnas.` });
  return date;
}
