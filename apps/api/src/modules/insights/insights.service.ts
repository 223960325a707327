import { Injectable } from '@nestjs/common';
import { CATEGORY_LABELS, localDateOf, statsRange, SMALL_NUMBER_LIMIT, suppressSmall, type PublicStatsView } from '@digihjalpen/domain';
import { currentTime } from '../../common/clock';
import { toCsv } from '../../common/csv';
import { InsightsRepository } from './insights.repository';

@Injectable()
export class InsightsService {
  constructor(private readonly repo: InsightsRepository) {}

  /** Anonymous weekly counts per site and category for anyone to publish; no count from 1 to 4 is shown. */
  async publicStats(query: { from?: string; to?: string }, now = currentTime()): Promise<PublicStatsView> {
    const { from, to } = statsRange(query, localDateOf(now, 'Europe/Stockholm'));
    const [counts, custom] = await Promise.all([this.repo.weeklyCounts(from, to), this.repo.customCategoryLabels()]);
    const labels: Record<string, string> = { ...CATEGORY_LABELS.sv, ...Object.fromEntries(custom) };
    return {
      from,
      to,
      suppressedBelow: SMALL_NUMBER_LIMIT,
      totals: counts.filter((c) => c.category === null).map((c) => ({ weekStart: c.weekStart, site: c.site, siteName: c.siteName, visits: suppressSmall(c.visits) })),
      rows: counts
        .filter((c): c is typeof c & { category: string } => c.category !== null)
        .map((c) => ({ weekStart: c.weekStart, site: c.site, siteName: c.siteName, category: c.category, categoryLabel: labels[c.category] ?? c.category, visits: suppressSmall(c.visits) })),
    };
  }

  async publicStatsCsv(query: { from?: string; to?: string }): Promise<string> {
    const stats = await this.publicStats(query);
    const rows = [
      ...stats.totals.map((t) => [t.weekStart, t.site, t.siteName, '', 'alla besök', t.visits === null ? `<${stats.suppressedBelow}` : t.visits]),
      ...stats.rows.map((r) => [r.weekStart, r.site, r.siteName, r.category, r.categoryLabel, r.visits === null ? `<${stats.suppressedBelow}` : r.visits]),
    ];
    return toCsv(['vecka_start', 'plats', 'platsnamn', 'kategori', 'kategorinamn', 'besok'], rows);
  }
}
