/**
 * Session times are shown in the site's time zone, never the browser's: a visitor abroad or a laptop
 * with a wrong zone still sees the wall time on the library's door.
 */

/** The local date of an ISO 8601 time that carries the site's offset ("2027-03-30T10:00:00+02:00" → "2027-03-30"). */
export function localDateOf(iso: string): string {
  return iso.slice(0, 10);
}

/** British English for "en": day before month, as people in Sweden write it. */
const localeOf = (lang: string) => (lang === 'en' ? 'en-GB' : lang);

/** "Tisdag 24 november" (sv) or "Tuesday 24 November" (en), in the site's zone. */
export function formatDay(iso: string, timeZone: string, lang: string): string {
  const text = new Intl.DateTimeFormat(localeOf(lang), { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(new Date(iso));
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}

/** "24 nov. 2026" style short date for lists. */
export function formatShortDate(date: string, lang: string): string {
  // A local date has no zone: read it as UTC noon and format in UTC, so no zone can shift the day.
  return new Intl.DateTimeFormat(localeOf(lang), { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** "10:00", 24-hour clock in every language (as on the library's door). */
export function formatTime(iso: string, timeZone: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));
}

/** Today's date (YYYY-MM-DD) in the given zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(now);
}

/** Groups items by a key in first-seen order. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): { key: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].map(([key, grouped]) => ({ key, items: grouped }));
}

const DAY_MS = 86_400_000;

/** The ISO 8601 week of a local date (YYYY-MM-DD): week number, and its Monday and Sunday. */
export function isoWeekOf(date: string): { year: number; week: number; monday: string; sunday: string } {
  const noon = Date.parse(`${date}T12:00:00Z`);
  const mondayMs = noon - ((new Date(noon).getUTCDay() + 6) % 7) * DAY_MS;
  // The week belongs to the year its Thursday is in; week 1 holds the year's first Thursday.
  const year = new Date(mondayMs + 3 * DAY_MS).getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4, 12);
  const firstMonday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const week = 1 + Math.round((mondayMs - firstMonday) / (7 * DAY_MS));
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { year, week, monday: iso(mondayMs), sunday: iso(mondayMs + 6 * DAY_MS) };
}

/** "23–29 november" or "30 november–6 december" for two local dates. */
export function formatDateRange(from: string, to: string, lang: string): string {
  const format = new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'long', timeZone: 'UTC' });
  return format.formatRange(new Date(`${from}T12:00:00Z`), new Date(`${to}T12:00:00Z`));
}

/** "24 dec.–6 jan." (sv), "24 Dec – 6 Jan" (en): a closure's days, short. */
export function formatShortDateRange(from: string, to: string, lang: string): string {
  const format = new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return from === to ? format.format(new Date(`${from}T12:00:00Z`)) : format.formatRange(new Date(`${from}T12:00:00Z`), new Date(`${to}T12:00:00Z`));
}

/** "10:00–10:30" in the site's zone. */
export function formatTimeRange(start: string, end: string, timeZone: string, lang: string): string {
  return `${formatTime(start, timeZone, lang)}–${formatTime(end, timeZone, lang)}`;
}

/** A time to show as "Tisdag 24 november, 10:00–10:30": the day, the separator of the language, the clock times. */
export interface WhenText {
  day: string;
  sep: string;
  time: string;
}

/**
 * The parts of a time, so a page can keep "10:00–10:30" together and left to right (as on the
 * library's door) inside right-to-left Arabic text.
 */
export function whenOf(start: string, end: string, timeZone: string, lang: string): WhenText {
  return { day: formatDay(start, timeZone, lang), sep: lang === 'ar' ? '، ' : ', ', time: formatTimeRange(start, end, timeZone, lang) };
}
