import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Outcome, VisitCategoryView, VisitFilter, VisitInput, VisitView } from '@digihjalpen/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { currentTime } from '../../common/clock';

export interface SessionForVisit {
  id: string;
  start: Date;
  status: 'planned' | 'cancelled';
  siteId: string;
  timeZone: string;
  onShift: boolean;
}

interface RawVisit {
  id: string;
  client_id: string;
  session_id: string;
  booking_id: string | null;
  categories: string[];
  civic_information: boolean;
  device: VisitInput['device'];
  language: string;
  duration_minutes: number;
  outcome: Outcome;
  referred_to: VisitInput['referredTo'];
  came_via: VisitInput['cameVia'];
  returning_visitor: VisitInput['returning'];
  note: string | null;
  helper_id: string;
  helper_name: string;
  site_id: string;
  site_name: string;
  date: string;
  created_at: Date;
  updated_at: Date;
}

const VISIT_SELECT = `
  SELECT v.id, v.client_id, v.session_id, v.booking_id, v.categories, v.civic_information, v.device, v.language, v.duration_minutes,
         v.outcome, v.referred_to, v.came_via, v.returning_visitor, v.note, v.helper_id, u.name AS helper_name, v.site_id, site.name AS site_name,
         to_char(v.date, 'YYYY-MM-DD') AS date, v.created_at, v.updated_at
    FROM visit v JOIN app_user u ON u.id = v.helper_id JOIN site ON site.id = v.site_id`;

function toView(r: RawVisit): VisitView {
  return {
    id: r.id,
    clientId: r.client_id,
    sessionId: r.session_id,
    bookingId: r.booking_id,
    categories: r.categories,
    civicInformation: r.civic_information,
    device: r.device,
    language: r.language,
    durationMinutes: r.duration_minutes,
    outcome: r.outcome,
    referredTo: r.referred_to,
    cameVia: r.came_via,
    returning: r.returning_visitor,
    note: r.note,
    helperId: r.helper_id,
    helperName: r.helper_name,
    siteId: r.site_id,
    siteName: r.site_name,
    date: r.date,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** WHERE clause and parameters for the coordinator's filter of the log. */
function filterSql(filter: VisitFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.siteId) add('v.site_id = ?', filter.siteId);
  if (filter.from) add('v.date >= ?', filter.from);
  if (filter.to) add('v.date <= ?', filter.to);
  if (filter.category) add('? = ANY (v.categories)', filter.category);
  if (filter.outcome) add('v.outcome = ?', filter.outcome);
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

@Injectable()
export class VisitsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async customCategories(): Promise<VisitCategoryView[]> {
    const rows: { key: string; label: string }[] = await this.db.query(`SELECT key, label FROM visit_category ORDER BY label`);
    return rows.map((r) => ({ ...r, builtin: false }));
  }

  /** Adds a category; false when one with that key exists. */
  async addCategory(key: string, label: string, createdBy: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`INSERT INTO visit_category (key, label, created_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`, [
      key,
      label,
      createdBy,
    ]);
    return rows.length === 1;
  }

  async sessionForVisit(sessionId: string, helperId: string): Promise<SessionForVisit | null> {
    const rows: { id: string; starts_at: Date; status: 'planned' | 'cancelled'; site_id: string; time_zone: string; on_shift: boolean }[] = await this.db.query(
      `SELECT s.id, s.starts_at, s.status, s.site_id, site.time_zone,
              EXISTS (SELECT 1 FROM shift sh WHERE sh.session_id = s.id AND sh.helper_id = $2) AS on_shift
         FROM session s JOIN site ON site.id = s.site_id WHERE s.id = $1`,
      [sessionId, helperId],
    );
    const r = rows[0];
    return r ? { id: r.id, start: r.starts_at, status: r.status, siteId: r.site_id, timeZone: r.time_zone, onShift: r.on_shift } : null;
  }

  async bookingInSession(bookingId: string, sessionId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM booking b JOIN slot sl ON sl.id = b.slot_id WHERE b.id = $1 AND sl.session_id = $2`, [bookingId, sessionId]);
    return rows.length === 1;
  }

  /** Stores the visit unless one with its client id exists; returns the new id, or null. */
  async insert(v: VisitInput, helperId: string, siteId: string, date: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO visit (client_id, session_id, booking_id, site_id, date, helper_id, categories, civic_information, device, language,
                          duration_minutes, outcome, referred_to, came_via, returning_visitor, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (client_id) DO NOTHING RETURNING id`,
      [v.clientId, v.sessionId, v.bookingId, siteId, date, helperId, v.categories, v.civicInformation, v.device, v.language, v.durationMinutes, v.outcome, v.referredTo, v.cameVia, v.returning, v.note],
    );
    return rows[0]?.id ?? null;
  }

  async findById(id: string, tx: EntityManager = this.db.manager): Promise<VisitView | null> {
    const rows: RawVisit[] = await tx.query(`${VISIT_SELECT} WHERE v.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async findByClientId(clientId: string): Promise<VisitView | null> {
    const rows: RawVisit[] = await this.db.query(`${VISIT_SELECT} WHERE v.client_id = $1`, [clientId]);
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Visits a helper may see: those they logged and those of sessions they are on. */
  async visibleTo(helperId: string, sessionId: string | null): Promise<VisitView[]> {
    const rows: RawVisit[] = await this.db.query(
      `${VISIT_SELECT}
        WHERE (v.helper_id = $1 OR EXISTS (SELECT 1 FROM shift sh WHERE sh.session_id = v.session_id AND sh.helper_id = $1))
          AND ($2::uuid IS NULL OR v.session_id = $2)
        ORDER BY v.created_at DESC LIMIT 500`,
      [helperId, sessionId],
    );
    return rows.map(toView);
  }

  async page(filter: VisitFilter, limit: number, offset: number): Promise<{ items: VisitView[]; total: number }> {
    const { where, params } = filterSql(filter);
    const rows: RawVisit[] = await this.db.query(`${VISIT_SELECT} ${where} ORDER BY v.date DESC, v.created_at DESC LIMIT ${limit} OFFSET ${offset}`, params);
    return { items: rows.map(toView), total: await this.count(filter) };
  }

  async count(filter: VisitFilter): Promise<number> {
    const { where, params } = filterSql(filter);
    const [count] = (await this.db.query(`SELECT count(*)::int AS n FROM visit v ${where}`, params)) as { n: number }[];
    return count?.n ?? 0;
  }

  /**
   * The filtered log, oldest first, at most `max` visits, `chunk` at a time from one cursor (one sort, one
   * snapshot; a connection is held while the export is read and given back when it ends or is abandoned):
   * an export never holds the whole log in memory.
   */
  async *allInChunks(filter: VisitFilter, max: number, chunk = 5_000): AsyncGenerator<VisitView[]> {
    const { where, params } = filterSql(filter);
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      // The whole result is read: plan for all rows, not for the first tenth (a cursor's default).
      await runner.query(`SET LOCAL cursor_tuple_fraction = 1`);
      await runner.query(`DECLARE visit_export NO SCROLL CURSOR FOR ${VISIT_SELECT} ${where} ORDER BY v.date, v.created_at, v.id LIMIT ${max}`, params);
      for (;;) {
        const rows: RawVisit[] = await runner.query(`FETCH ${chunk} FROM visit_export`);
        if (rows.length) yield rows.map(toView);
        if (rows.length < chunk) break;
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }

  async update(tx: EntityManager, id: string, v: VisitInput): Promise<void> {
    await tx.query(
      `UPDATE visit SET categories = $2, civic_information = $3, device = $4, language = $5, duration_minutes = $6, outcome = $7,
                        referred_to = $8, came_via = $9, returning_visitor = $10, note = $11, updated_at = $12
        WHERE id = $1`,
      [id, v.categories, v.civicInformation, v.device, v.language, v.durationMinutes, v.outcome, v.referredTo, v.cameVia, v.returning, v.note, currentTime()],
    );
  }

  async delete(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`DELETE FROM visit WHERE id = $1`, [id]);
  }
}
