import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import {
  CAME_VIA_LABELS,
  CAPACITY_RULES,
  capacitySignals,
  CATEGORY_LABELS,
  dashboardTables,
  DASHBOARD_CHARTS,
  InsightsError,
  localDateOf,
  OUTCOME_LABELS,
  PAGE_SIZES,
  pageCount,
  pageOf,
  parsePeriod,
  parseSiteIds,
  parseSiteSlugs,
  publishCount,
  REFERRED_TO_LABELS,
  RETURNING_LABELS,
  share,
  statsRange,
  SMALL_NUMBER_LIMIT,
  suppressSmall,
  toLocalIso,
  UTILISATION_BANDS,
  utilisationBand,
  weeksOf,
  weekStartOf,
  type CapacitySignalsView,
  type CountRow,
  type DashboardChart,
  type DashboardView,
  type Language,
  type LocalDate,
  type PublicStatsView,
  type SiteUtilisation,
} from '@digihjalpen/domain';
import { currentTime } from '../../common/clock';
import { csvRows, toCsv } from '../../common/csv';
import { AnswerCache } from './answer-cache';
import { InsightsRepository, type DashboardFilter, type SessionFigures, type VisitCount } from './insights.repository';

const ZONE = 'Europe/Stockholm';
const DAY_MS = 86_400_000;

export interface PublicStatsQuery {
  from?: string;
  to?: string;
  /** Comma-separated site slugs. */
  site?: string;
  page?: number;
  /** For the messages of a refused range (English when the asker names no language). */
  language?: Language;
}

/**
 * The open statistics' whole answers (JSON pages and CSV files), per normalised query (whole weeks, the
 * sites sorted): they only cover finished weeks, so ten minutes old is as good as new — the answers say
 * `max-age=3600` to every cache anyway. Kept in this process, not shared by the instances: the shared guard
 * is the rate limit per network (in PostgreSQL); this saves the database from the same question asked again
 * (a published dashboard, a page reloaded). At most 24 MB (the production heap is 160 MB); a larger
 * answer (the whole country's CSV) is streamed from the database each time, as before.
 */
const STATS_CACHE = { ttlMs: 10 * 60_000, maxBytes: 24 * 1024 * 1024, maxEntryBytes: 6 * 1024 * 1024 };
/** A rough size of an answer's row in memory, to keep the cache within its bounds. */
const ROW_BYTES = 200;

interface StatsScope {
  from: LocalDate;
  to: LocalDate;
  sites: { id: string; slug: string }[];
  labels: Record<string, string>;
}

export interface DashboardQuery {
  from?: string;
  to?: string;
  /** Comma-separated site ids. */
  sites?: string;
  suppress?: string;
}

const sum = <T>(items: readonly T[], value: (item: T) => number): number => items.reduce((total, item) => total + value(item), 0);

@Injectable()
export class InsightsService {
  /** See STATS_CACHE. */
  readonly statsCache = new AnswerCache(STATS_CACHE.ttlMs, STATS_CACHE.maxBytes, STATS_CACHE.maxEntryBytes);

  constructor(private readonly repo: InsightsRepository) {}

  /**
   * Anonymous weekly counts per site and category for anyone to publish; no count from 1 to 4 is shown.
   * One page of sites (by slug; `site` picks some by slug); the CSV has every page. At most 53 weeks.
   */
  async publicStats(query: PublicStatsQuery, now = currentTime(), pageSize: number = PAGE_SIZES.statsSites): Promise<PublicStatsView> {
    const page = query.page ?? 1;
    const key = `json ${this.statsKey(query, now)} page=${page} size=${pageSize}`;
    return this.statsCache.remember(key, now, async () => {
      const view = await this.statsPage(await this.statsScope(query, now), page, pageSize, now);
      return { value: view, bytes: (view.totals.length + view.rows.length + 1) * ROW_BYTES };
    });
  }

  /** The query as the answer depends on it: checks the range and the slugs (400) before anything is read. */
  private statsKey(query: Omit<PublicStatsQuery, 'page'>, now: Date): string {
    const { from, to } = statsRange(query, localDateOf(now, ZONE), query.language);
    const sites = parseSiteSlugs(query.site).sort();
    return `${from}/${to} sites=${sites.join(',') || '*'}`;
  }

  /**
   * The open statistics of every site as one CSV, written a page of 100 sites at a time: the whole country
   * at once held ~250 MB of heap for one anonymous request (and ran out of a 128 MB heap). The query is
   * checked, and the sites and category names read once, before the first byte is sent, so a bad range
   * still answers 400.
   */
  async publicStatsCsv(query: Omit<PublicStatsQuery, 'page'>, now = currentTime(), pageSize: number = PAGE_SIZES.statsSites): Promise<Readable> {
    const key = `csv ${this.statsKey(query, now)} size=${pageSize}`;
    const kept = this.statsCache.get<string>(key, now);
    if (kept !== undefined) return Readable.from([kept]);
    const scope = await this.statsScope(query, now);
    const pages = pageCount(scope.sites.length, pageSize);
    const rowsOf = (stats: PublicStatsView) => [
      ...stats.totals.map((t) => [t.weekStart, t.site, t.siteName, '', 'alla besök', t.visits === null ? `<${stats.suppressedBelow}` : t.visits]),
      ...stats.rows.map((r) => [r.weekStart, r.site, r.siteName, r.category, r.categoryLabel, r.visits === null ? `<${stats.suppressedBelow}` : r.visits]),
    ];
    const page = (n: number) => this.statsPage(scope, n, pageSize, now);
    const cache = this.statsCache;
    return Readable.from(
      (async function* () {
        // The chunks are kept for the cache only while the whole file stays small enough to keep.
        let chunks: string[] | null = [];
        let length = 0;
        const pass = (chunk: string): string => {
          length += chunk.length * 2; // UTF-16 in memory
          if (chunks && length <= cache.maxEntryBytes) chunks.push(chunk);
          else chunks = null;
          return chunk;
        };
        yield pass(toCsv(['vecka_start', 'plats', 'platsnamn', 'kategori', 'kategorinamn', 'besok'], []));
        for (let n = 1; n <= pages; n += 1) yield pass(csvRows(rowsOf(await page(n))));
        if (chunks) cache.set(key, chunks.join(''), length, now);
      })(),
    );
  }

  /** What every page of the open statistics shares: the weeks, the sites (all or those asked for by slug), the category names. */
  private async statsScope(query: Omit<PublicStatsQuery, 'page'>, now: Date): Promise<StatsScope> {
    const { from, to } = statsRange(query, localDateOf(now, ZONE), query.language);
    const wanted = parseSiteSlugs(query.site);
    const [sites, labels] = await Promise.all([this.repo.sitesBySlug(wanted.length ? wanted : null), this.categoryLabels()]);
    if (sites.length < wanted.length) throw InsightsError.unknownPublicSite();
    return { from, to, sites, labels };
  }

  private async statsPage(scope: StatsScope, pageNumber: number, pageSize: number, now: Date): Promise<PublicStatsView> {
    const page = pageOf(scope.sites, pageNumber, pageSize);
    const counts = await this.repo.weeklyCounts(scope.from, scope.to, now, page.items.map((s) => s.id));
    return {
      from: scope.from,
      to: scope.to,
      suppressedBelow: SMALL_NUMBER_LIMIT,
      totals: counts.filter((c) => c.category === null).map((c) => ({ weekStart: c.weekStart, site: c.site, siteName: c.siteName, visits: suppressSmall(c.visits) })),
      rows: counts
        .filter((c): c is typeof c & { category: string } => c.category !== null)
        .map((c) => ({ weekStart: c.weekStart, site: c.site, siteName: c.siteName, category: c.category, categoryLabel: scope.labels[c.category] ?? c.category, visits: suppressSmall(c.visits) })),
      page: page.page,
      pageSize: page.pageSize,
      total: page.total,
    };
  }

  /** The coordinator's dashboard: a period at some or all sites; exact counts unless suppression is asked for. */
  async dashboard(query: DashboardQuery, now = currentTime()): Promise<DashboardView> {
    const filter = await this.dashboardFilter(query, now);
    const suppressed = query.suppress === 'true' || query.suppress === '1';
    const [visitCounts, figures, hours, labels, partners] = await Promise.all([
      this.repo.visitCounts(filter, now),
      this.repo.sessionFigures(filter, now),
      this.repo.hoursPerWeek(filter),
      this.categoryLabels(),
      this.repo.partnerNames(),
    ]);
    // Visits count at every session; seats and bookings only at those held (planned) that have started.
    const sessions = figures.filter((s) => s.planned && s.started);
    const weeks = new Map<LocalDate, { booked: number; dropIn: number }>();
    for (const s of figures) {
      const week = weeks.get(weekStartOf(s.date)) ?? { booked: 0, dropIn: 0 };
      weeks.set(weekStartOf(s.date), { booked: week.booked + s.visits - s.dropIns, dropIn: week.dropIn + s.dropIns });
    }
    // For a report that is shared: counts 1–4 hidden, the rest rounded to 5 (publishCount).
    const n = (count: number): number | null => (suppressed ? publishCount(count) : count);
    const allWeeks = weeksOf(filter);
    const rows = (kind: VisitCount['kind'], names: Readonly<Record<string, string>>): CountRow[] =>
      visitCounts
        .filter((b) => b.kind === kind)
        .map((b) => ({ key: b.key, label: names[b.key] ?? b.key, count: n(b.visits) }))
        .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.label.localeCompare(b.label, 'sv'));
    const cameViaNames: Record<string, string> = { ...CAME_VIA_LABELS };
    for (const [id, name] of partners) cameViaNames[`partner:${id}`] = `Via ${name}`;
    const visits = sum(figures, (s) => s.visits);
    const returning = visitCounts.filter((b) => b.kind === 'returning');
    const answered = sum(returning.filter((r) => r.key !== 'unknown'), (r) => r.visits);
    const attended = sum(sessions, (s) => s.attended);
    const noShows = sum(sessions, (s) => s.noShows);
    const seats = sum(sessions, (s) => s.seats);
    const booked = sum(sessions, (s) => s.booked);
    // With suppression a share is worked out from the published counts, never the exact ones.
    const shareOf = (part: number, whole: number): number | null => {
      const [p, w] = [n(part), n(whole)];
      return p === null || w === null ? null : share(p, w);
    };
    const bands = new Map<string, number>();
    for (const s of sessions.filter((x) => x.seats > 0)) bands.set(utilisationBand(s.booked, s.seats), (bands.get(utilisationBand(s.booked, s.seats)) ?? 0) + 1);
    return {
      from: filter.from,
      to: filter.to,
      siteIds: filter.siteIds ?? [],
      suppressed,
      suppressedBelow: SMALL_NUMBER_LIMIT,
      totals: {
        visits: n(visits),
        bookings: n(booked),
        attended: n(attended),
        noShows: n(noShows),
        noShowRate: shareOf(noShows, attended + noShows),
        returningShare: shareOf(returning.find((r) => r.key === 'yes')?.visits ?? 0, answered),
        utilisation: shareOf(booked, seats),
        helperMinutes: sum(hours, (h) => h.approved),
      },
      visitsPerWeek: allWeeks.map((weekStart) => {
        const w = weeks.get(weekStart);
        return { weekStart, booked: n(w?.booked ?? 0), dropIn: n(w?.dropIn ?? 0) };
      }),
      categories: rows('category', labels),
      outcomes: rows('outcome', OUTCOME_LABELS),
      cameVia: rows('cameVia', cameViaNames),
      referredTo: rows('referredTo', REFERRED_TO_LABELS),
      returning: rows('returning', RETURNING_LABELS),
      attendance: [
        { key: 'checked-in', label: 'Kom', count: n(attended) },
        { key: 'no-show', label: 'Kom inte', count: n(noShows) },
        { key: 'unmarked', label: 'Inte markerat', count: n(sum(sessions, (s) => s.unmarked)) },
      ],
      utilisationBands: UTILISATION_BANDS.map((b) => ({ key: b.key, label: b.label, count: n(bands.get(b.key) ?? 0) })),
      utilisationBySite: this.bySite(sessions, n),
      helperHours: allWeeks.map((weekStart) => {
        const h = hours.find((x) => x.weekStart === weekStart);
        return { weekStart, approvedMinutes: h?.approved ?? 0, pendingMinutes: h?.pending ?? 0 };
      }),
    };
  }

  /** One chart of the dashboard as CSV: the same table the page shows. */
  async dashboardCsv(chart: string, query: DashboardQuery): Promise<string> {
    if (!(DASHBOARD_CHARTS as readonly string[]).includes(chart)) throw InsightsError.unknownChart();
    const table = dashboardTables(await this.dashboard(query)).find((t) => t.chart === (chart as DashboardChart));
    if (!table) throw InsightsError.unknownChart();
    // A hidden count reads "<5", as in the open statistics: an empty cell could be taken for 0.
    return toCsv(table.columns, table.rows.map((row) => row.map((cell) => (cell === null ? `<${SMALL_NUMBER_LIMIT}` : cell))));
  }

  /** Where to add a day, where use is low, which coming sessions lack helpers. */
  async capacity(now = currentTime()): Promise<CapacitySignalsView> {
    const today = localDateOf(now, ZONE);
    const weeksAgo = localDateOf(new Date(now.getTime() - CAPACITY_RULES.weeksBack * 7 * DAY_MS), ZONE);
    const [past, upcoming] = await Promise.all([
      this.repo.sessionFigures({ from: weeksAgo, to: today, siteIds: null }, now),
      this.repo.upcomingStaffing(now, new Date(now.getTime() + CAPACITY_RULES.daysAhead * DAY_MS), null),
    ]);
    return capacitySignals(
      past.filter((s) => s.active && s.planned && s.started),
      upcoming.map((u) => ({ sessionId: u.sessionId, siteId: u.siteId, site: u.site, siteName: u.siteName, start: toLocalIso(u.start, u.timeZone), helpersNeeded: u.helpersNeeded, helpers: u.helpers })),
    );
  }

  private async dashboardFilter(query: DashboardQuery, now: Date): Promise<DashboardFilter> {
    const period = parsePeriod(query, localDateOf(now, ZONE));
    const ids = parseSiteIds(query.sites);
    if (ids.length && (await this.repo.existingSites(ids)).size !== ids.length) throw InsightsError.unknownSite();
    return { ...period, siteIds: ids.length ? ids : null };
  }

  private bySite(sessions: SessionFigures[], n: (count: number) => number | null): SiteUtilisation[] {
    const sites = new Map<string, SessionFigures[]>();
    for (const s of sessions) sites.set(s.siteId, [...(sites.get(s.siteId) ?? []), s]);
    return [...sites.values()]
      .map((group) => {
        const first = group[0] as SessionFigures;
        return {
          siteId: first.siteId,
          site: first.site,
          siteName: first.siteName,
          sessions: group.length,
          seats: sum(group, (s) => s.seats),
          booked: n(sum(group, (s) => s.booked)),
          attended: n(sum(group, (s) => s.attended)),
          dropIns: n(sum(group, (s) => s.dropIns)),
        };
      })
      .sort((a, b) => a.siteName.localeCompare(b.siteName, 'sv'));
  }

  private async categoryLabels(): Promise<Record<string, string>> {
    return { ...CATEGORY_LABELS.sv, ...Object.fromEntries(await this.repo.customCategoryLabels()) };
  }
}
