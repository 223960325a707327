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

  /**
   * Visits per ISO week and site (category null) and per week, site and category, for the open statistics.
   * Counted from `dashboard_sessions` (migration SessionSummaries): a visit is dated on its session's day.
   */
  async weeklyCounts(from: LocalDate, to: LocalDate, now: Date, siteIds: string[]): Promise<WeeklyCount[]> {
    const rows: { week_start: string; slug: string; name: string; category: string | null; visits: number }[] = await this.db.query(
      `WITH d AS MATERIALIZED (
         SELECT d.site_id, to_char(date_trunc('week', d.date::timestamp), 'YYYY-MM-DD') AS week_start, d.visits, d.visit_counts
           FROM dashboard_sessions($1, $2, $4, $3) d WHERE d.visits > 0)
       SELECT d.week_start, site.slug, site.name, NULL AS category, sum(d.visits)::int AS visits
         FROM d JOIN site ON site.id = d.site_id GROUP BY d.week_start, site.slug, site.name
       UNION ALL
       SELECT d.week_start, site.slug, site.name, substr(e.key, 10) AS category, sum(e.n::int)::int AS visits
         FROM d JOIN site ON site.id = d.site_id, jsonb_each_text(d.visit_counts) AS e(key, n)
        WHERE e.key LIKE 'category:%' GROUP BY d.week_start, site.slug, site.name, e.key
       ORDER BY week_start, slug, category NULLS FIRST`,
      [from, to, now, siteIds],
    );
    return rows.map((r) => ({ weekStart: r.week_start, site: r.slug, siteName: r.name, category: r.category, visits: r.visits }));
  }

  /**
   * Visits by category, outcome, onward referral, returning answer and how people came (the partner, key
   * `partner:<id>`, when the visit's booking came through one), summed over the sessions of the period.
   */
  async visitCounts(f: DashboardFilter, now: Date): Promise<VisitCount[]> {
    const rows: { key: string; visits: number }[] = await this.db.query(
      `SELECT e.key, sum(e.n::int)::int AS visits FROM dashboard_sessions($1, $2, $3, $4) d, jsonb_each_text(d.visit_counts) AS e(key, n) GROUP BY e.key`,
      [f.from, f.to, f.siteIds, now],
    );
    return rows.map((r) => {
      const at = r.key.indexOf(':');
      return { kind: r.key.slice(0, at) as VisitCount['kind'], key: r.key.slice(at + 1), visits: r.visits };
    });
  }

  async partnerNames(): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.db.query(`SELECT id, name FROM partner`);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * Sessions dated in the period at their site that have started by `now` or have visits (planned or cancelled): seats,
   * confirmed bookings (came / did not come / not marked), drop-ins and visits. Ended sessions are read
   * from their summary, the rest counted live (see the SessionSummaries migration).
   */
  async sessionFigures(f: DashboardFilter, now: Date): Promise<SessionFigures[]> {
    const rows: {
      site_id: string; slug: string; name: string; active: boolean; date: string; weekday: number; start_time: string; planned: boolean; started: boolean;
      seats: number; booked: number; attended: number; no_shows: number; unmarked: number; drop_ins: number; visits: number;
    }[] = await this.db.query(
      `SELECT d.site_id, site.slug, site.name, site.active, to_char(d.date, 'YYYY-MM-DD') AS date, d.weekday, d.start_time, d.planned, d.started,
              d.seats, d.booked, d.attended, d.no_shows, d.unmarked, d.drop_ins, d.visits
         FROM dashboard_sessions($1, $2, $3, $4) d JOIN site ON site.id = d.site_id`,
      [f.from, f.to, f.siteIds, now],
    );
    return rows.map((r) => ({
      siteId: r.site_id, site: r.slug, siteName: r.name, active: r.active, date: r.date, weekday: r.weekday, startTime: r.start_time, planned: r.planned, started: r.started,
      seats: r.seats, booked: r.booked, attended: r.attended, noShows: r.no_shows, unmarked: r.unmarked, dropIns: r.drop_ins, visits: r.visits,
    }));
  }

  /**
   * Writes the summary of up to `limit` sessions that ended before `endedBefore` and have none; returns how
   * many. The sessions are locked FOR UPDATE (skipping any being changed right now): a change to one of them
   * waits until the summary is written and then forgets it, so a summary never misses a change.
   */
  async summariseEndedSessions(endedBefore: Date, limit: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const ids: { id: string }[] = await tx.query(
        `SELECT s.id FROM session s
          WHERE s.ends_at < $1 AND NOT EXISTS (SELECT 1 FROM session_summary ss WHERE ss.session_id = s.id)
          ORDER BY s.ends_at LIMIT $2 FOR UPDATE OF s SKIP LOCKED`,
        [endedBefore, limit],
      );
      if (!ids.length) return 0;
      await tx.query(
        `INSERT INTO session_summary (session_id, seats, booked, attended, no_shows, unmarked, drop_ins, visits, visit_counts)
         SELECT f.session_id, f.seats, f.booked, f.attended, f.no_shows, f.unmarked, f.drop_ins, f.visits, f.visit_counts
           FROM session_figures f WHERE f.session_id = ANY ($1::uuid[])`,
        [ids.map((r) => r.id)],
      );
      return ids.length;
    });
  }

  /** Approved and pending minutes per week; at chosen sites only the hours from their sessions' shifts. */
  async hoursPerWeek(f: DashboardFilter): Promise<{ weekStart: LocalDate; approved: number; pending: number }[]> {
    const rows: { week_start: string; approved: number; pending: number }[] = await this.db.query(
      `SELECT to_char(date_trunc('week', h.date::timestamp), 'YYYY-MM-DD') AS week_start,
              COALESCE(sum(h.minutes) FILTER (WHERE h.status = 'approved'), 0)::int AS approved,
              COALESCE(sum(h.minutes) FILTER (WHERE h.status = 'pending'), 0)::int AS pending
         FROM hours_entry h
         LEFT JOIN shift sh ON sh.id = h.shift_id LEFT JOIN session s ON s.id = sh.session_id
        WHERE h.date BETWEEN $1 AND $2 AND ($3::uuid[] IS NULL OR s.site_id = ANY($3))
        GROUP BY 1 ORDER BY 1`,
      [f.from, f.to, f.siteIds],
    );
    return rows.map((r) => ({ weekStart: r.week_start, approved: r.approved, pending: r.pending }));
  }

  /** Planned sessions starting in a window, with how many helpers they need and have. */
  async upcomingStaffing(from: Date, to: Date, siteIds: string[] | null): Promise<UpcomingStaffing[]> {
    const rows: { id: string; site_id: string; slug: string; name: string; time_zone: string; starts_at: Date; helpers_needed: number; helpers: number }[] = await this.db.query(
      `SELECT s.id, s.site_id, site.slug, site.name, site.time_zone, s.starts_at, s.helpers_needed,
              (SELECT count(*)::int FROM shift sh WHERE sh.session_id = s.id) AS helpers
         FROM session s JOIN site ON site.id = s.site_id
        WHERE s.status = 'planned' AND site.active AND s.starts_at >= $1 AND s.starts_at < $2 AND ($3::uuid[] IS NULL OR s.site_id = ANY($3))
        ORDER BY s.starts_at`,
      [from, to, siteIds],
    );
    return rows.map((r) => ({
      sessionId: r.id, siteId: r.site_id, site: r.slug, siteName: r.name, timeZone: r.time_zone, start: r.starts_at, helpersNeeded: r.helpers_needed, helpers: r.helpers,
    }));
  }

  /** Sites (paused ones too: their history is published) by slug; all of them, or those with these slugs. */
  async sitesBySlug(slugs: string[] | null): Promise<{ id: string; slug: string }[]> {
    return this.db.query(`SELECT id, slug FROM site WHERE $1::text[] IS NULL OR slug = ANY ($1) ORDER BY slug`, [slugs]);
  }

  /** Which of these site ids exist. */
  async existingSites(ids: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM site WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((r) => r.id));
  }

  async customCategoryLabels(): Promise<Map<string, string>> {
    const rows: { key: string; label: string }[] = await this.db.query(`SELECT key, label FROM visit_category`);
    return new Map(rows.map((r) => [r.key, r.label]));
  }
}

/** A dashboard's filter: local dates at each site, and the sites (null = all). */
export interface DashboardFilter {
  from: LocalDate;
  to: LocalDate;
  siteIds: string[] | null;
}

export interface VisitCount {
  kind: 'category' | 'outcome' | 'referredTo' | 'returning' | 'cameVia';
  key: string;
  visits: number;
}

/** A session that has started, with its seats, bookings and drop-ins. */
export interface SessionFigures {
  siteId: string;
  /** The session's day at its site. */
  date: LocalDate;
  /** Cancelled sessions count only for their visits (logged before the cancellation). */
  planned: boolean;
  /** Started by `now`; one that has not yet counts only for visits logged early. */
  started: boolean;
  /** The site takes part now (paused sites keep their history but are not "low use"). */
  active: boolean;
  site: string;
  siteName: string;
  weekday: number;
  startTime: string;
  seats: number;
  booked: number;
  attended: number;
  noShows: number;
  unmarked: number;
  dropIns: number;
  visits: number;
}

export interface UpcomingStaffing {
  sessionId: string;
  siteId: string;
  site: string;
  siteName: string;
  timeZone: string;
  start: Date;
  helpersNeeded: number;
  helpers: number;
}
