import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LocalDate } from '@digihjalpen/domain';
import { DataSource } from 'typeorm';

export interface WeeklyCount {
  weekStart: LocalDate;
  site: string;
  siteName: string;
  category: string | null;
  visits: number;
}

@Injectable()
export class InsightsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Visits per ISO week and site (category null) and per week, site and category: one query over the visit log. */
  async weeklyCounts(from: LocalDate, to: LocalDate): Promise<WeeklyCount[]> {
    const rows: { week_start: string; slug: string; name: string; category: string | null; visits: number }[] = await this.db.query(
      `WITH v AS (
         SELECT to_char(date_trunc('week', v.date::timestamp), 'YYYY-MM-DD') AS week_start, site.slug, site.name, v.categories
           FROM visit v JOIN site ON site.id = v.site_id
          WHERE v.date BETWEEN $1 AND $2)
       SELECT week_start, slug, name, NULL AS category, count(*)::int AS visits FROM v GROUP BY week_start, slug, name
       UNION ALL
       SELECT week_start, slug, name, c AS category, count(*)::int AS visits FROM v, unnest(v.categories) AS c GROUP BY week_start, slug, name, c
       ORDER BY week_start, slug, category NULLS FIRST`,
      [from, to],
    );
    return rows.map((r) => ({ weekStart: r.week_start, site: r.slug, siteName: r.name, category: r.category, visits: r.visits }));
  }

  async customCategoryLabels(): Promise<Map<string, string>> {
    const rows: { key: string; label: string }[] = await this.db.query(`SELECT key, label FROM visit_category`);
    return new Map(rows.map((r) => [r.key, r.label]));
  }
}
