import type { LocalDate } from '../schedule/schedule.types';

/** One week at one site for one visit category, as published (GET /api/public/stats). */
export interface PublicStatsRow {
  /** Monday of the ISO week. */
  weekStart: LocalDate;
  site: string;
  siteName: string;
  category: string;
  categoryLabel: string;
  /** null when the true count is 1–4 (suppressed). */
  visits: number | null;
}

export interface PublicStatsView {
  from: LocalDate;
  to: LocalDate;
  /** Counts from 1 to this minus one are never shown. */
  suppressedBelow: number;
  /** Visits per week and site (a visit counts once here, once per category below). */
  totals: { weekStart: LocalDate; site: string; siteName: string; visits: number | null }[];
  rows: PublicStatsRow[];
  /** The answer covers one page of sites (by slug): which page, how many sites a page, how many sites in all. */
  page: number;
  pageSize: number;
  total: number;
}

/** A period chosen on a staff page: both dates inclusive, at most five years. */
export interface Period {
  from: LocalDate;
  to: LocalDate;
}

/** One bar or row: a key, its Swedish label and a count (null when suppressed: 1–4). */
export interface CountRow {
  key: string;
  label: string;
  count: number | null;
}

export interface WeekVisits {
  /** Monday of the ISO week. */
  weekStart: LocalDate;
  booked: number | null;
  dropIn: number | null;
}

export interface WeekHours {
  weekStart: LocalDate;
  approvedMinutes: number;
  pendingMinutes: number;
}

export interface SiteUtilisation {
  siteId: string;
  site: string;
  siteName: string;
  sessions: number;
  seats: number;
  booked: number | null;
  attended: number | null;
  dropIns: number | null;
}

/**
 * GET /api/insights/dashboard: a period at some or all sites. Counts are exact for coordinators (who
 * see the visit log itself) unless `suppressed` is asked for, e.g. for a report that is shared: then
 * counts 1–4 are null and the rest rounded to the nearest 5, and shares are worked out from those.
 */
export interface DashboardView {
  from: LocalDate;
  to: LocalDate;
  /** Site ids chosen; empty = all sites. */
  siteIds: string[];
  suppressed: boolean;
  suppressedBelow: number;
  totals: {
    visits: number | null;
    bookings: number | null;
    attended: number | null;
    noShows: number | null;
    /** Share 0–1 of marked bookings where the person did not come; null without marked bookings. */
    noShowRate: number | null;
    /** Share 0–1 of visits with a known answer where the person had been before; null without answers. */
    returningShare: number | null;
    /** Booked seats / offered seats, 0–1; null without seats. */
    utilisation: number | null;
    /** Approved minutes of helper time in the period (pending time is in `helperHours`). */
    helperMinutes: number;
  };
  visitsPerWeek: WeekVisits[];
  categories: CountRow[];
  outcomes: CountRow[];
  /** How people came: the helper's answer, or the partner whose code or staff made the booking. */
  cameVia: CountRow[];
  referredTo: CountRow[];
  returning: CountRow[];
  /** checked-in · no-show · not marked (past sessions' confirmed bookings). */
  attendance: CountRow[];
  /** Sessions by how full their slots were: 0–24 %, 25–49 %, 50–74 %, 75–99 %, full. */
  utilisationBands: CountRow[];
  utilisationBySite: SiteUtilisation[];
  helperHours: WeekHours[];
}

/** The charts of the dashboard, each also a table and a CSV file. */
export const DASHBOARD_CHARTS = [
  'visits-per-week',
  'categories',
  'outcomes',
  'came-via',
  'referred-to',
  'returning',
  'attendance',
  'utilisation',
  'utilisation-by-site',
  'helper-hours',
] as const;
export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];

/** A chart's data as a table: the page's table view and the CSV download are made from the same. */
export interface DashboardTable {
  chart: DashboardChart;
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/** A weekday and start time at a site whose sessions were full most weeks: a candidate for one more day. */
export interface RegularlyFull {
  siteId: string;
  site: string;
  siteName: string;
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local wall time, HH:MM. */
  startTime: string;
  sessions: number;
  fullSessions: number;
}

export interface LowUseSite {
  siteId: string;
  site: string;
  siteName: string;
  sessions: number;
  /** Booked seats / offered seats, 0–1. */
  utilisation: number;
  visitsPerSession: number;
}

export interface UnderstaffedSession {
  sessionId: string;
  siteId: string;
  site: string;
  siteName: string;
  /** Local ISO time with offset. */
  start: string;
  helpersNeeded: number;
  helpers: number;
}

/** GET /api/insights/capacity: where to add a day, where use is low, which coming sessions lack helpers. */
export interface CapacitySignalsView {
  /** The past weeks looked at (ending yesterday) and the days ahead looked at. */
  weeksBack: number;
  daysAhead: number;
  regularlyFull: RegularlyFull[];
  lowUse: LowUseSite[];
  understaffed: UnderstaffedSession[];
}

/** GET/PUT /api/insights/weekly-summary: the signed-in coordinator's choice. */
export interface WeeklySummarySetting {
  enabled: boolean;
}
