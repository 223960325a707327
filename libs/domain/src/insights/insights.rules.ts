import { isValidSlug } from '../sites/sites.rules';
import { isLocalDate } from '../schedule/schedule.rules';
import type { LocalDate } from '../schedule/schedule.types';
import type { Language } from '../bookings/bookings.types';
import type { CapacitySignalsView, CountRow, DashboardTable, DashboardView, LowUseSite, Period, RegularlyFull, UnderstaffedSession } from './insights.types';
import { InsightsError } from './insights.errors';
import { isUuid } from '../shared/ids';

/** Published counts never show 1–4: with so few, a person could be recognised. */
export const SMALL_NUMBER_LIMIT = 5;

/** A count as it may be published: 0 or at least the limit; 1–4 become null (suppressed). */
export function suppressSmall(count: number, limit = SMALL_NUMBER_LIMIT): number | null {
  return count > 0 && count < limit ? null : count;
}

/**
 * A count as it may be shown outside the team that works with the people (a partner, a report that is
 * shared): 0 stays 0, 1–4 are hidden (null) and the rest are rounded to the nearest 5. Rounding keeps a
 * hidden count from being worked out exactly by comparing figures — a total with its parts, booked with
 * came, or two periods that differ by a few days.
 */
export const ROUND_TO = 5;
export function publishCount(count: number): number | null {
  if (count <= 0) return 0;
  if (count < SMALL_NUMBER_LIMIT) return null;
  return Math.round(count / ROUND_TO) * ROUND_TO;
}

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 5 * 366;
const DEFAULT_WEEKS = 12;
/**
 * The open statistics answer at most this many weeks at once (a year, whichever weekday it starts on):
 * at national scale twelve weeks were already 8 MB and 1.3 s, and anyone may ask.
 */
export const MAX_STATS_WEEKS = 53;

const addDays = (date: LocalDate, days: number): LocalDate => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The Monday of the ISO week a date lies in. */
export function weekStartOf(date: LocalDate): LocalDate {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((day + 6) % 7));
}

/**
 * The weeks to publish: both dates valid, not reversed, at most 53 whole weeks (as asked, future weeks
 * included); default the last 12 weeks. Messages in the asker's language (English for a program that
 * names none). Only whole, finished ISO weeks are counted (from a Monday to a Sunday before this week), so
 * that comparing two overlapping ranges, or the same range a day later, cannot reveal a count of 1–4.
 */
export function statsRange(query: { from?: string; to?: string }, today: LocalDate, language: Language = 'en'): { from: LocalDate; to: LocalDate } {
  const texts = RANGE_TEXTS[language];
  const lastSunday = addDays(weekStartOf(today), -1);
  const requestedTo = query.to ?? lastSunday;
  // The default start is worked out from `to` only once `to` is a date (checkRange reports it otherwise).
  const requestedFrom = query.from ?? (isLocalDate(requestedTo) ? addDays(weekStartOf(requestedTo), -7 * (DEFAULT_WEEKS - 1)) : lastSunday);
  checkRange(requestedFrom, requestedTo, texts);
  const from = weekStartOf(requestedFrom);
  const sunday = addDays(weekStartOf(requestedTo as LocalDate), 6);
  const weeks = Math.round((Date.parse(sunday) - Date.parse(from)) / DAY_MS + 1) / 7;
  if (weeks > MAX_STATS_WEEKS) throw InsightsError.invalidRange({ to: texts.tooManyWeeks }, texts.invalid);
  return { from, to: sunday < lastSunday ? sunday : lastSunday };
}

const RANGE_TEXTS: Record<Language, { invalid: string; format: string; reversed: string; tooLong: string; tooManyWeeks: string }> = {
  en: {
    invalid: 'The date range is not valid.',
    format: 'Write the date as YYYY-MM-DD.',
    reversed: 'The end date is before the start date.',
    tooLong: 'Choose at most five years at a time.',
    tooManyWeeks: `Choose at most ${MAX_STATS_WEEKS} weeks (a year) at a time. For a longer period, ask for one year after another.`,
  },
  sv: {
    invalid: 'Perioden behöver rättas.',
    format: 'Skriv datum som ÅÅÅÅ-MM-DD.',
    reversed: 'Slutdatum är före startdatum. Byt plats på datumen.',
    tooLong: 'Välj högst fem år åt gången.',
    tooManyWeeks: `Välj högst ${MAX_STATS_WEEKS} veckor (ett år) åt gången. För en längre period: hämta ett år i taget.`,
  },
  ar: {
    invalid: 'الفترة الزمنية غير صحيحة.',
    format: 'اكتب التاريخ بالشكل YYYY-MM-DD.',
    reversed: 'تاريخ النهاية قبل تاريخ البداية.',
    tooLong: 'اختر خمس سنوات على الأكثر في كل مرة.',
    tooManyWeeks: `اختر ${MAX_STATS_WEEKS} أسبوعًا (سنة واحدة) على الأكثر في كل مرة. لفترة أطول، اطلب سنة بعد سنة.`,
  },
};

function checkRange(from: string, to: string, texts: (typeof RANGE_TEXTS)[Language]): asserts from is LocalDate {
  const fields: Record<string, string> = {};
  if (!isLocalDate(from)) fields['from'] = texts.format;
  if (!isLocalDate(to)) fields['to'] = texts.format;
  if (Object.keys(fields).length) throw InsightsError.invalidRange(fields, texts.invalid);
  if (from > to) throw InsightsError.invalidRange({ to: texts.reversed }, texts.invalid);
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS > MAX_RANGE_DAYS) throw InsightsError.invalidRange({ to: texts.tooLong }, texts.invalid);
}

/**
 * A period on a staff page (dashboard, a partner's results): both dates inclusive, not reversed, at
 * most five years; by default the last four weeks up to today. Messages in Swedish.
 */
export function parsePeriod(query: { from?: string; to?: string }, today: LocalDate, defaultDays = 28): Period {
  const to = query.to || today;
  const from = query.from || (isLocalDate(to) ? addDays(to, -(defaultDays - 1)) : today);
  checkRange(from, to, RANGE_TEXTS.sv);
  return { from, to: to as LocalDate };
}

/**
 * A partner's period: whole calendar months (from the first day of `from`'s month to the last day of
 * `to`'s), by default the last three months including this one. Whole months only, so two periods differ
 * by at least a month of people, never by one day. Same limits and messages as parsePeriod.
 */
export function monthPeriod(query: { from?: string; to?: string }, today: LocalDate): Period {
  const period = parsePeriod({ from: query.from || `${addMonths(today.slice(0, 7), -2)}-01`, to: query.to || today }, today);
  const lastDay = addDays(`${addMonths(period.to.slice(0, 7), 1)}-01`, -1);
  return { from: `${period.from.slice(0, 7)}-01`, to: lastDay };
}

const addMonths = (month: string, months: number): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** The whole ISO week before the one `today` lies in (Monday to Sunday). */
export function previousWeek(today: LocalDate): Period {
  const monday = weekStartOf(today);
  return { from: addDays(monday, -7), to: addDays(monday, -1) };
}

/** The Mondays of every ISO week a period touches, so a chart's time axis has no holes. */
export function weeksOf(period: Period): LocalDate[] {
  const weeks: LocalDate[] = [];
  for (let monday = weekStartOf(period.from); monday <= period.to; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

/** The `site` filter of the open statistics: comma-separated slugs (at most 100), de-duplicated; empty = all sites. */
export function parseSiteSlugs(raw: string | undefined): string[] {
  const slugs = [...new Set((raw ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (slugs.length > 100 || !slugs.every(isValidSlug)) throw InsightsError.unknownPublicSite();
  return slugs;
}

/** The `sites` filter of a staff page: comma-separated ids, de-duplicated; empty = all sites. */
export function parseSiteIds(raw: string | undefined): string[] {
  const ids = [...new Set((raw ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (!ids.every(isUuid)) throw InsightsError.unknownSite();
  return ids;
}

/** A share 0–1, or null when there is nothing to divide by. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The utilisation band a session falls in (its booked seats of its offered seats). */
export const UTILISATION_BANDS = [
  { key: '0-24', label: 'Under 25 %' },
  { key: '25-49', label: '25–49 %' },
  { key: '50-74', label: '50–74 %' },
  { key: '75-99', label: '75–99 %' },
  { key: 'full', label: 'Fullbokat' },
] as const;

export function utilisationBand(booked: number, seats: number): (typeof UTILISATION_BANDS)[number]['key'] {
  if (seats > 0 && booked >= seats) return 'full';
  const pct = seats > 0 ? (booked / seats) * 100 : 0;
  if (pct >= 75) return '75-99';
  if (pct >= 50) return '50-74';
  if (pct >= 25) return '25-49';
  return '0-24';
}

const percent = (value: number | null): number | null => (value === null ? null : Math.round(value * 100));
const hours = (minutes: number): number => Math.round((minutes / 60) * 10) / 10;
const countRows = (rows: CountRow[]): (string | number | null)[][] => rows.map((r) => [r.label, r.count]);

/** Every chart of the dashboard as a table (Swedish headings): the table view and the CSV are both made from this. */
export function dashboardTables(view: DashboardView): DashboardTable[] {
  return [
    { chart: 'visits-per-week', title: 'Besök per vecka', columns: ['Vecka (måndag)', 'Bokade', 'Drop-in'], rows: view.visitsPerWeek.map((w) => [w.weekStart, w.booked, w.dropIn]) },
    { chart: 'categories', title: 'Vad besöken gällde', columns: ['Område', 'Besök'], rows: countRows(view.categories) },
    { chart: 'outcomes', title: 'Hur det gick', columns: ['Resultat', 'Besök'], rows: countRows(view.outcomes) },
    { chart: 'came-via', title: 'Hur personerna kom', columns: ['Kom via', 'Besök'], rows: countRows(view.cameVia) },
    { chart: 'referred-to', title: 'Hänvisade vidare till', columns: ['Hänvisad till', 'Besök'], rows: countRows(view.referredTo) },
    { chart: 'returning', title: 'Har varit här förut', columns: ['Svar', 'Besök'], rows: countRows(view.returning) },
    { chart: 'attendance', title: 'Kom de som bokat?', columns: ['Bokningar', 'Antal'], rows: countRows(view.attendance) },
    { chart: 'utilisation', title: 'Hur fulla träffarna var', columns: ['Bokade platser', 'Träffar'], rows: countRows(view.utilisationBands) },
    {
      chart: 'utilisation-by-site',
      title: 'Beläggning per plats',
      columns: ['Plats', 'Träffar', 'Platser', 'Bokade', 'Kom', 'Drop-in', 'Beläggning (%)'],
      rows: view.utilisationBySite.map((s) => [s.siteName, s.sessions, s.seats, s.booked, s.attended, s.dropIns, s.booked === null ? null : percent(share(s.booked, s.seats))]),
    },
    { chart: 'helper-hours', title: 'Digivärdarnas timmar', columns: ['Vecka (måndag)', 'Godkända timmar', 'Väntande timmar'], rows: view.helperHours.map((w) => [w.weekStart, hours(w.approvedMinutes), hours(w.pendingMinutes)]) },
  ];
}

/** What counts as a signal. Looked at: the last 8 weeks and the next 14 days. */
export const CAPACITY_RULES = { weeksBack: 8, daysAhead: 14, minSessions: 3, fullShare: 0.75, lowUtilisation: 0.3, lowVisitsPerSession: 2 } as const;

/** A past session's load, as the capacity signals read it. */
export interface SessionLoad {
  siteId: string;
  site: string;
  siteName: string;
  weekday: number;
  startTime: string;
  seats: number;
  booked: number;
  visits: number;
}

/**
 * Regularly full: a weekday and time at a site with at least 3 sessions, 75 % or more of them full.
 * Low use: a site with at least 3 sessions, under 30 % of its seats booked and under 2 visits a session.
 * Understaffed: coming sessions with fewer helpers than needed, soonest first.
 */
export function capacitySignals(past: readonly SessionLoad[], upcoming: readonly UnderstaffedSession[]): CapacitySignalsView {
  const rules = CAPACITY_RULES;
  const bySlotTime = groupBy(past, (s) => `${s.siteId} ${s.weekday} ${s.startTime}`);
  const regularlyFull: RegularlyFull[] = [...bySlotTime.values()]
    .map((group) => {
      const first = group[0] as SessionLoad;
      const full = group.filter((s) => utilisationBand(s.booked, s.seats) === 'full').length;
      return { siteId: first.siteId, site: first.site, siteName: first.siteName, weekday: first.weekday, startTime: first.startTime, sessions: group.length, fullSessions: full };
    })
    .filter((g) => g.sessions >= rules.minSessions && g.fullSessions / g.sessions >= rules.fullShare)
    .sort((a, b) => b.fullSessions / b.sessions - a.fullSessions / a.sessions || a.siteName.localeCompare(b.siteName, 'sv'));
  const lowUse: LowUseSite[] = [...groupBy(past, (s) => s.siteId).values()]
    .map((group) => {
      const first = group[0] as SessionLoad;
      const seats = sum(group, (s) => s.seats);
      return {
        siteId: first.siteId,
        site: first.site,
        siteName: first.siteName,
        sessions: group.length,
        utilisation: share(sum(group, (s) => s.booked), seats) ?? 0,
        visitsPerSession: sum(group, (s) => s.visits) / group.length,
      };
    })
    .filter((g) => g.sessions >= rules.minSessions && g.utilisation < rules.lowUtilisation && g.visitsPerSession < rules.lowVisitsPerSession)
    .sort((a, b) => a.utilisation - b.utilisation || a.siteName.localeCompare(b.siteName, 'sv'));
  const understaffed = upcoming.filter((s) => s.helpers < s.helpersNeeded).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return { weeksBack: rules.weeksBack, daysAhead: rules.daysAhead, regularlyFull, lowUse, understaffed };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const sum = <T>(items: readonly T[], value: (item: T) => number): number => items.reduce((total, item) => total + value(item), 0);
