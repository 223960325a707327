import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ClosureError, type ClosureInput, type ClosurePreviewView, type LocalDate, type Schedule } from '@digihjalpen/domain';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { toSchedule } from '../schedule/schedule.repository';
import { ScheduleEntity } from '../schedule/schedule.entity';

export interface ClosureRow {
  id: string;
  siteId: string | null;
  siteName: string | null;
  /** The site's zone; null for a closure of every site. */
  timeZone: string | null;
  from: LocalDate;
  to: LocalDate;
  reason: string;
  sessionsCancelled: number;
  createdAt: Date;
  createdBy: string | null;
}

export interface SessionToCancel {
  id: string;
  bookings: number;
  shifts: number;
}

export interface HolidaySessionRow {
  id: string;
  siteId: string;
  siteName: string;
  timeZone: string;
  start: Date;
  end: Date;
  date: LocalDate;
  holiday: string;
  bookings: number;
  shifts: number;
}

const DAY = 86_400_000;

/**
 * Planned sessions of the closure's site (or every site) whose local date is in the range and that have
 * not started. The instants are widened by a day on each side (any zone) so the (site_id, starts_at)
 * index narrows the scan; the local date decides.
 */
const IN_RANGE = `($1::uuid IS NULL OR s.site_id = $1) AND s.status = 'planned' AND s.starts_at > $4
  AND s.starts_at >= $5 AND s.starts_at < $6
  AND (s.starts_at AT TIME ZONE site.time_zone)::date BETWEEN $2::date AND $3::date`;

const rangeParams = (input: Pick<ClosureInput, 'siteId' | 'from' | 'to'>, now: Date) => [
  input.siteId,
  input.from,
  input.to,
  now,
  new Date(Date.parse(`${input.from}T00:00:00Z`) - DAY),
  new Date(Date.parse(`${input.to}T00:00:00Z`) + 2 * DAY),
];

const COUNTS = `(SELECT count(*)::int FROM booking b JOIN slot sl ON sl.id = b.slot_id WHERE sl.session_id = s.id AND b.status = 'confirmed') AS bookings,
       (SELECT count(*)::int FROM shift sh WHERE sh.session_id = s.id) AS shifts`;

@Injectable()
export class ClosuresRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Locks the site (or every site) against new sessions while the closure is written: the generator and
   * one-off sessions share-lock the site before they read its closed days (see closed-days.repository).
   */
  async lockSites(tx: EntityManager, siteId: string | null): Promise<void> {
    await tx.query(`SELECT 1 FROM site WHERE ($1::uuid IS NULL OR id = $1) ORDER BY id FOR NO KEY UPDATE`, [siteId]);
  }

  async insert(tx: EntityManager, input: ClosureInput, createdBy: string): Promise<string> {
    try {
      const [row] = (await tx.query(`INSERT INTO closure (site_id, from_date, to_date, reason, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
        input.siteId,
        input.from,
        input.to,
        input.reason,
        createdBy,
      ])) as { id: string }[];
      return (row as { id: string }).id;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') throw ClosureError.exists();
      throw error;
    }
  }

  /** What a closure would cancel now: one statement. */
  async preview(input: Pick<ClosureInput, 'siteId' | 'from' | 'to'>, now: Date): Promise<ClosurePreviewView> {
    const [row] = (await this.db.query(
      `WITH hit AS (SELECT s.id FROM session s JOIN site ON site.id = s.site_id WHERE ${IN_RANGE})
       SELECT (SELECT count(*) FROM hit)::int AS sessions,
              (SELECT count(*) FROM booking b JOIN slot sl ON sl.id = b.slot_id WHERE sl.session_id IN (SELECT id FROM hit) AND b.status = 'confirmed')::int AS bookings,
              (SELECT count(*) FROM shift WHERE session_id IN (SELECT id FROM hit))::int AS shifts`,
      rangeParams(input, now),
    )) as ClosurePreviewView[];
    return row ?? { sessions: 0, bookings: 0, shifts: 0 };
  }

  /** The next batch of sessions the closure cancels (by id, after `after`), locked, with what they hold: one statement. */
  async nextBatch(tx: EntityManager, input: ClosureInput, now: Date, after: string | null, size: number): Promise<SessionToCancel[]> {
    return tx.query(
      `WITH batch AS (
         SELECT s.id FROM session s JOIN site ON site.id = s.site_id
          WHERE ${IN_RANGE} AND ($7::uuid IS NULL OR s.id > $7)
          ORDER BY s.id LIMIT $8
            FOR UPDATE OF s)
       SELECT batch.id, coalesce(b.n, 0)::int AS bookings, coalesce(h.n, 0)::int AS shifts
         FROM batch
         LEFT JOIN (SELECT sl.session_id, count(*) AS n FROM booking b JOIN slot sl ON sl.id = b.slot_id
                     WHERE sl.session_id IN (SELECT id FROM batch) AND b.status = 'confirmed' GROUP BY sl.session_id) b ON b.session_id = batch.id
         LEFT JOIN (SELECT session_id, count(*) AS n FROM shift WHERE session_id IN (SELECT id FROM batch) GROUP BY session_id) h ON h.session_id = batch.id
        ORDER BY batch.id`,
      [...rangeParams(input, now), after, size],
    );
  }

  async list(): Promise<ClosureRow[]> {
    return this.db.query(
      `SELECT c.id, c.site_id AS "siteId", site.name AS "siteName", site.time_zone AS "timeZone",
              to_char(c.from_date, 'YYYY-MM-DD') AS "from", to_char(c.to_date, 'YYYY-MM-DD') AS "to", c.reason,
              (SELECT count(*)::int FROM session s WHERE s.closure_id = c.id) AS "sessionsCancelled",
              c.created_at AS "createdAt", u.name AS "createdBy"
         FROM closure c LEFT JOIN site ON site.id = c.site_id LEFT JOIN app_user u ON u.id = c.created_by
        WHERE c.lifted_at IS NULL
        ORDER BY c.from_date, c.to_date, c.created_at`,
    );
  }

  async find(tx: EntityManager, id: string): Promise<ClosureRow | null> {
    const [row] = (await tx.query(
      `SELECT c.id, c.site_id AS "siteId", site.name AS "siteName", site.time_zone AS "timeZone",
              to_char(c.from_date, 'YYYY-MM-DD') AS "from", to_char(c.to_date, 'YYYY-MM-DD') AS "to", c.reason,
              (SELECT count(*)::int FROM session s WHERE s.closure_id = c.id) AS "sessionsCancelled",
              c.created_at AS "createdAt", u.name AS "createdBy"
         FROM closure c LEFT JOIN site ON site.id = c.site_id LEFT JOIN app_user u ON u.id = c.created_by
        WHERE c.id = $1 AND c.lifted_at IS NULL
          FOR UPDATE OF c`,
      [id],
    )) as ClosureRow[];
    return row ?? null;
  }

  async lift(tx: EntityManager, id: string, by: string, now: Date): Promise<void> {
    await tx.query(`UPDATE closure SET lifted_at = $2, lifted_by = $3 WHERE id = $1 AND lifted_at IS NULL`, [id, now, by]);
  }

  /** Every schedule of a site (or of every site), for running the generator again. */
  async schedulesOf(tx: EntityManager, siteId: string | null): Promise<Schedule[]> {
    const repo = tx.getRepository(ScheduleEntity);
    return (siteId ? await repo.findBy({ siteId }) : await repo.find()).map(toSchedule);
  }

  async countryOf(siteId: string): Promise<string> {
    const [row] = (await this.db.query(`SELECT country FROM site WHERE id = $1`, [siteId])) as { country: string }[];
    return row?.country ?? 'SE';
  }

  async countries(): Promise<string[]> {
    return ((await this.db.query(`SELECT DISTINCT country FROM site ORDER BY country`)) as { country: string }[]).map((r) => r.country);
  }

  async openedDates(siteId: string, from: LocalDate, to: LocalDate): Promise<LocalDate[]> {
    return ((await this.db.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM site_opened_date WHERE site_id = $1 AND date BETWEEN $2 AND $3 ORDER BY date`, [siteId, from, to])) as {
      date: LocalDate;
    }[]).map((r) => r.date);
  }

  /** True when the date was not opened before. */
  async open(tx: EntityManager, siteId: string, date: LocalDate, by: string): Promise<boolean> {
    const rows = (await tx.query(`INSERT INTO site_opened_date (site_id, date, created_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING date`, [siteId, date, by])) as unknown[];
    return rows.length === 1;
  }

  /** True when the date had been opened. */
  async unopen(tx: EntityManager, siteId: string, date: LocalDate): Promise<boolean> {
    const [rows] = (await tx.query(`DELETE FROM site_opened_date WHERE site_id = $1 AND date = $2 RETURNING date`, [siteId, date])) as [unknown[], number];
    return rows.length === 1;
  }

  /**
   * Generated sessions still planned on a closing holiday (of the site's country, not opened) that someone
   * booked or a helper took: the generator leaves them for the coordinator to decide.
   */
  async holidaySessions(holidays: { country: string; date: LocalDate; name: string }[], now: Date): Promise<HolidaySessionRow[]> {
    if (!holidays.length) return [];
    return this.db.query(
      `SELECT * FROM (
         SELECT s.id, s.site_id AS "siteId", site.name AS "siteName", site.time_zone AS "timeZone", s.starts_at AS start, s.ends_at AS "end",
                to_char(h.date, 'YYYY-MM-DD') AS date, h.name AS holiday, ${COUNTS}
           FROM session s JOIN site ON site.id = s.site_id
           JOIN unnest($1::varchar[], $2::date[], $3::text[]) AS h(country, date, name)
             ON h.country = site.country AND h.date = (s.starts_at AT TIME ZONE site.time_zone)::date
          WHERE s.status = 'planned' AND s.schedule_id IS NOT NULL AND s.starts_at > $4 AND s.starts_at < $5
            AND NOT EXISTS (SELECT 1 FROM site_opened_date o WHERE o.site_id = s.site_id AND o.date = h.date)
       ) x
       WHERE x.bookings > 0 OR x.shifts > 0
       ORDER BY x.start LIMIT 500`,
      [holidays.map((h) => h.country), holidays.map((h) => h.date), holidays.map((h) => h.name), now, new Date(Date.parse(`${holidays[holidays.length - 1]?.date}T00:00:00Z`) + 2 * DAY)],
    );
  }
}
