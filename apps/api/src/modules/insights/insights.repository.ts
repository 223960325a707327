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

  /** Visits per ISO week: with a booking or drop-in. */
  async visitsPerWeek(f: DashboardFilter): Promise<{ weekStart: LocalDate; booked: number; dropIn: number }[]> {
    const rows: { week_start: string; booked: number; drop_in: number }[] = await this.db.query(
      `SELECT to_char(date_trunc('week', v.date::timestamp), 'YYYY-MM-DD') AS week_start,
              count(*) FILTER (WHERE v.booking_id IS NOT NULL)::int AS booked, count(*) FILTER (WHERE v.booking_id IS NULL)::int AS drop_in
         FROM visit v WHERE v.date BETWEEN $1 AND $2 AND ($3::uuid[] IS NULL OR v.site_id = ANY($3))
        GROUP BY 1 ORDER BY 1`,
      [f.from, f.to, f.siteIds],
    );
    return rows.map((r) => ({ weekStart: r.week_start, booked: r.booked, dropIn: r.drop_in }));
  }

  async categoryCounts(f: DashboardFilter): Promise<Map<string, number>> {
    const rows: { category: string; visits: number }[] = await this.db.query(
      `SELECT c AS category, count(*)::int AS visits FROM visit v, unnest(v.categories) AS c
        WHERE v.date BETWEEN $1 AND $2 AND ($3::uuid[] IS NULL OR v.site_id = ANY($3)) GROUP BY c`,
      [f.from, f.to, f.siteIds],
    );
    return new Map(rows.map((r) => [r.category, r.visits]));
  }

  /**
   * Outcomes, onward referrals, returning answers and how people came, in one pass over the visits.
   * How people came is the partner (key `partner:<id>`) when the visit's booking came through one.
   */
  async visitBreakdown(f: DashboardFilter): Promise<VisitBreakdown[]> {
    const rows: { kind: VisitBreakdown['kind']; key: string | null; visits: number }[] = await this.db.query(
      `SELECT CASE WHEN GROUPING(v.outcome) = 0 THEN 'outcome' WHEN GROUPING(v.referred_to) = 0 THEN 'referredTo'
                   WHEN GROUPING(v.returning_visitor) = 0 THEN 'returning' ELSE 'cameVia' END AS kind,
              COALESCE(v.outcome, v.referred_to, v.returning_visitor, CASE WHEN b.partner_id IS NOT NULL THEN 'partner:' || b.partner_id ELSE v.came_via END) AS key,
              count(*)::int AS visits
         FROM visit v LEFT JOIN (SELECT id, partner_id FROM booking WHERE partner_id IS NOT NULL) b ON b.id = v.booking_id
        WHERE v.date BETWEEN $1 AND $2 AND ($3::uuid[] IS NULL OR v.site_id = ANY($3))
        GROUP BY GROUPING SETS ((v.outcome), (v.referred_to), (v.returning_visitor), (CASE WHEN b.partner_id IS NOT NULL THEN 'partner:' || b.partner_id ELSE v.came_via END))`,
      [f.from, f.to, f.siteIds],
    );
    return rows.filter((r): r is VisitBreakdown => r.key !== null);
  }

  async partnerNames(): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.db.query(`SELECT id, name FROM partner`);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * Planned sessions that have started by `now`, dated at their site between two local dates: seats,
   * confirmed bookings (came / did not come / not marked), drop-ins and visits. Set-based (each table
   * read once for the period, by its own time column), not a lookup per session: at national scale a
   * month has ~10,000 sessions, and per-session lookups are that many random page reads per table.
   */
  async sessionFigures(f: DashboardFilter, now: Date): Promise<SessionFigures[]> {
    const rows: {
      site_id: string; slug: string; name: string; active: boolean; weekday: number; start_time: string;
      seats: number; booked: number; attended: number; no_shows: number; unmarked: number; drop_ins: number; visits: number;
    }[] = await this.db.query(
      `WITH s AS MATERIALIZED (
         SELECT s.id, s.site_id, site.slug, site.name, site.active,
                extract(isodow FROM s.starts_at AT TIME ZONE site.time_zone)::int AS weekday,
                to_char(s.starts_at AT TIME ZONE site.time_zone, 'HH24:MI') AS start_time
           FROM session s JOIN site ON site.id = s.site_id
          WHERE s.status = 'planned' AND s.starts_at <= $4
            AND s.starts_at >= $1::date - 1 AND s.starts_at < $2::date + 2
            AND (s.starts_at AT TIME ZONE site.time_zone)::date BETWEEN $1 AND $2
            AND ($3::uuid[] IS NULL OR s.site_id = ANY($3))),
       sl AS MATERIALIZED (
         SELECT sl.id, sl.session_id, sl.seats, sl.booked FROM slot sl JOIN s ON s.id = sl.session_id
          WHERE sl.starts_at >= $1::date - 1 AND sl.starts_at < $2::date + 2),
       seats AS (SELECT session_id, sum(seats) AS seats, sum(booked) AS booked FROM sl GROUP BY session_id),
       b AS (
         SELECT sl.session_id, count(*) FILTER (WHERE b.attendance = 'checked-in') AS attended,
                count(*) FILTER (WHERE b.attendance = 'no-show') AS no_shows, count(*) FILTER (WHERE b.attendance IS NULL) AS unmarked
           FROM booking b JOIN sl ON sl.id = b.slot_id WHERE b.status = 'confirmed' GROUP BY sl.session_id),
       v AS (
         SELECT v.session_id, count(*) FILTER (WHERE v.booking_id IS NULL) AS drop_ins, count(*) AS visits
           FROM visit v JOIN s ON s.id = v.session_id
          WHERE v.date BETWEEN $1::date - 1 AND $2::date + 1 AND ($3::uuid[] IS NULL OR v.site_id = ANY($3))
          GROUP BY v.session_id)
       SELECT s.site_id, s.slug, s.name, s.active, s.weekday, s.start_time,
              COALESCE(seats.seats, 0)::int AS seats, COALESCE(seats.booked, 0)::int AS booked,
              COALESCE(b.attended, 0)::int AS attended, COALESCE(b.no_shows, 0)::int AS no_shows, COALESCE(b.unmarked, 0)::int AS unmarked,
              COALESCE(v.drop_ins, 0)::int AS drop_ins, COALESCE(v.visits, 0)::int AS visits
         FROM s LEFT JOIN seats ON seats.session_id = s.id LEFT JOIN b ON b.session_id = s.id LEFT JOIN v ON v.session_id = s.id`,
      [f.from, f.to, f.siteIds, now],
    );
    return rows.map((r) => ({
      siteId: r.site_id, site: r.slug, siteName: r.name, active: r.active, weekday: r.weekday, startTime: r.start_time,
      seats: r.seats, booked: r.booked, attended: r.attended, noShows: r.no_shows, unmarked: r.unmarked, dropIns: r.drop_ins, visits: r.visits,
    }));
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

export interface VisitBreakdown {
  kind: 'outcome' | 'referredTo' | 'returning' | 'cameVia';
  key: string;
  visits: number;
}

/** A session that has started, with its seats, bookings and drop-ins. */
export interface SessionFigures {
  siteId: string;
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
