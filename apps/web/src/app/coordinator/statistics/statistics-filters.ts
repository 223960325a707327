import type { DashboardChart, DashboardView } from '@digihjalpen/domain';

/**
 * What the statistics page shows. Empty dates mean the API's default (the last 28 days up to today),
 * no sites means every site.
 */
export interface StatisticsFilters {
  from: string;
  to: string;
  siteIds: readonly string[];
  /** Counts 1–4 hidden, for a report that is shared. */
  suppress: boolean;
}

/** The page's query in the address bar (?fran=&till=&platser=&dolj=1), so a view can be bookmarked. */
export interface StatisticsUrlQuery {
  fran?: string | undefined;
  till?: string | undefined;
  platser?: string | undefined;
  dolj?: string | undefined;
}

export const NO_FILTERS: StatisticsFilters = { from: '', to: '', siteIds: [], suppress: false };

const splitIds = (value: string | undefined): string[] => [...new Set((value ?? '').split(',').map((id) => id.trim()).filter(Boolean))];

export function filtersFromUrl(query: StatisticsUrlQuery): StatisticsFilters {
  return { from: query.fran?.trim() ?? '', to: query.till?.trim() ?? '', siteIds: splitIds(query.platser), suppress: query.dolj === '1' };
}

/** Query parameters for the router: what is not set is removed (null), so the address stays short. */
export function urlQueryOf(filters: StatisticsFilters): Record<string, string | null> {
  return {
    fran: filters.from || null,
    till: filters.to || null,
    platser: filters.siteIds.length ? filters.siteIds.join(',') : null,
    dolj: filters.suppress ? '1' : null,
  };
}

/** GET /api/insights/dashboard's parameters: only what is set. */
export function dashboardParams(filters: StatisticsFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.from) params['from'] = filters.from;
  if (filters.to) params['to'] = filters.to;
  if (filters.siteIds.length) params['sites'] = filters.siteIds.join(',');
  if (filters.suppress) params['suppress'] = 'true';
  return params;
}

/**
 * A chart's CSV with exactly the period, sites and suppression of the view on screen (the dates the
 * API settled on, not the empty defaults), so the file holds the same rows as the table.
 */
export function chartCsvUrl(chart: DashboardChart, view: Pick<DashboardView, 'from' | 'to' | 'siteIds' | 'suppressed'>): string {
  const query = new URLSearchParams(dashboardParams({ from: view.from, to: view.to, siteIds: view.siteIds, suppress: view.suppressed })).toString();
  return `/api/insights/dashboard/${chart}.csv${query ? `?${query}` : ''}`;
}

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export type QuickPeriod = 'last-4-weeks' | 'last-month' | 'this-year';

export const QUICK_PERIODS: readonly { key: QuickPeriod; label: string }[] = [
  { key: 'last-4-weeks', label: 'Senaste 4 veckorna' },
  { key: 'last-month', label: 'Förra månaden' },
  { key: 'this-year', label: 'I år' },
];

/**
 * The dates of a quick choice, from today's date in Stockholm. "Senaste 4 veckorna" is the API's own
 * default, so it leaves the dates empty: a bookmark of it keeps following the calendar.
 */
export function quickPeriod(key: QuickPeriod, today: string): { from: string; to: string } {
  switch (key) {
    case 'last-4-weeks':
      return { from: '', to: '' };
    case 'last-month': {
      const firstOfThisMonth = `${today.slice(0, 7)}-01`;
      const lastOfPrevious = addDays(firstOfThisMonth, -1);
      return { from: `${lastOfPrevious.slice(0, 7)}-01`, to: lastOfPrevious };
    }
    case 'this-year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}
