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
}
