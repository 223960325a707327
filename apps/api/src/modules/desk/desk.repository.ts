import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Attendance, DeskBookingView, EquipmentIssueView, EquipmentKind, SessionReportDraft, SessionReportInput } from '@digihjalpen/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { currentTime } from '../../common/clock';

export interface DeskSessionRow {
  id: string;
  start: Date;
  end: Date;
  status: 'planned' | 'cancelled';
  dropIn: boolean;
  site: { id: string; slug: string; name: string; timeZone: string };
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  visitsLogged: number;
  report: { confirmedAt: Date; confirmedBy: string } | null;
  bookings: (Omit<DeskBookingView, 'slotStart' | 'slotEnd'> & { slotStart: Date; slotEnd: Date })[];
}

export interface ShiftRow {
  id: string;
  helperId: string;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  session: { id: string; start: Date; end: Date; status: 'planned' | 'cancelled'; timeZone: string };
}

interface RawDesk {
  id: string;
  starts_at: Date;
  ends_at: Date;
  status: 'planned' | 'cancelled';
  drop_in: boolean;
  site_id: string;
  site_slug: string;
  site_name: string;
  time_zone: string;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
  visits: number;
  confirmed_at: Date | null;
  confirmed_by: string | null;
  bookings: (Omit<DeskBookingView, 'slotStart' | 'slotEnd'> & { slotStart: string; slotEnd: string })[] | null;
}

interface RawShift {
  id: string;
  helper_id: string;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
  session_id: string;
  starts_at: Date;
  ends_at: Date;
  status: 'planned' | 'cancelled';
  time_zone: string;
}

const toShift = (r: RawShift): ShiftRow => ({
  id: r.id,
  helperId: r.helper_id,
  checkedInAt: r.checked_in_at,
  checkedOutAt: r.checked_out_at,
  session: { id: r.session_id, start: r.starts_at, end: r.ends_at, status: r.status, timeZone: r.time_zone },
});

const SHIFT_SELECT = `
  SELECT sh.id, sh.helper_id, sh.checked_in_at, sh.checked_out_at, s.id AS session_id, s.starts_at, s.ends_at, s.status, site.time_zone
    FROM shift sh JOIN session s ON s.id = sh.session_id JOIN site ON site.id = s.site_id`;

@Injectable()
export class DeskRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** A helper's sessions overlapping a time range, with everything the desk shows: one query. */
  async sessionsOf(helperId: string, from: Date, to: Date): Promise<DeskSessionRow[]> {
    const rows: RawDesk[] = await this.db.query(
      `SELECT s.id, s.starts_at, s.ends_at, s.status, s.drop_in, site.id AS site_id, site.slug AS site_slug, site.name AS site_name, site.time_zone,
              sh.checked_in_at, sh.checked_out_at,
              (SELECT count(*)::int FROM visit v WHERE v.session_id = s.id) AS visits,
              r.confirmed_at, u.name AS confirmed_by,
              (SELECT json_agg(json_build_object(
                        'id', b.id, 'slotStart', sl.starts_at, 'slotEnd', sl.ends_at, 'name', b.name, 'topics', b.topics,
                        'language', b.language, 'ownDevice', b.own_device, 'needs', b.needs, 'attendance', b.attendance,
                        'visitLogged', EXISTS (SELECT 1 FROM visit v2 WHERE v2.booking_id = b.id))
                      ORDER BY sl.starts_at, b.created_at)
                 FROM booking b JOIN slot sl ON sl.id = b.slot_id
                WHERE sl.session_id = s.id AND b.status = 'confirmed') AS bookings
         FROM shift sh
         JOIN session s ON s.id = sh.session_id
         JOIN site ON site.id = s.site_id
         LEFT JOIN session_report r ON r.session_id = s.id
         LEFT JOIN app_user u ON u.id = r.confirmed_by
        WHERE sh.helper_id = $1 AND s.starts_at < $3 AND s.ends_at > $2
        ORDER BY s.starts_at`,
      [helperId, from, to],
    );
    return rows.map((r) => ({
      id: r.id,
      start: r.starts_at,
      end: r.ends_at,
      status: r.status,
      dropIn: r.drop_in,
      site: { id: r.site_id, slug: r.site_slug, name: r.site_name, timeZone: r.time_zone },
      checkedInAt: r.checked_in_at,
      checkedOutAt: r.checked_out_at,
      visitsLogged: r.visits,
      report: r.confirmed_at && r.confirmed_by ? { confirmedAt: r.confirmed_at, confirmedBy: r.confirmed_by } : null,
      bookings: (r.bookings ?? []).map((b) => ({ ...b, slotStart: new Date(b.slotStart), slotEnd: new Date(b.slotEnd) })),
    }));
  }

  async shift(sessionId: string, helperId: string, tx: EntityManager = this.db.manager): Promise<ShiftRow | null> {
    const rows: RawShift[] = await tx.query(`${SHIFT_SELECT} WHERE sh.session_id = $1 AND sh.helper_id = $2 FOR UPDATE OF sh`, [sessionId, helperId]);
    return rows[0] ? toShift(rows[0]) : null;
  }

  async checkIn(shiftId: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE shift SET checked_in_at = $2 WHERE id = $1 AND checked_in_at IS NULL`, [shiftId, at]);
  }

  /** Closes a shift and creates its pending hours entry, in the caller's transaction. */
  async closeShift(tx: EntityManager, shift: { id: string; helperId: string }, end: Date, minutes: number, date: string, flagged: boolean): Promise<void> {
    const [closed] = (await tx.query(`UPDATE shift SET checked_out_at = $2 WHERE id = $1 AND checked_out_at IS NULL RETURNING id`, [shift.id, end])) as [unknown[], number];
    if (closed.length === 0) return; // checked out meanwhile
    await tx.query(
      `INSERT INTO hours_entry (helper_id, shift_id, date, minutes, activity, status, flagged) VALUES ($1, $2, $3, $4, 'session', 'pending', $5)
       ON CONFLICT (shift_id) DO NOTHING`,
      [shift.helperId, shift.id, date, minutes, flagged],
    );
  }

  /** Shifts checked in but never checked out whose session has ended. */
  async forgottenShifts(now: Date): Promise<ShiftRow[]> {
    const rows: RawShift[] = await this.db.query(`${SHIFT_SELECT} WHERE sh.checked_in_at IS NOT NULL AND sh.checked_out_at IS NULL AND s.ends_at <= $1`, [now]);
    return rows.map(toShift);
  }

  /** The session a booking belongs to, if the helper is on it. */
  async bookingSession(bookingId: string, helperId: string): Promise<{ sessionId: string; onShift: boolean } | null> {
    const rows: { session_id: string; on_shift: boolean }[] = await this.db.query(
      `SELECT sl.session_id, EXISTS (SELECT 1 FROM shift sh WHERE sh.session_id = sl.session_id AND sh.helper_id = $2) AS on_shift
         FROM booking b JOIN slot sl ON sl.id = b.slot_id WHERE b.id = $1 AND b.status = 'confirmed'`,
      [bookingId, helperId],
    );
    return rows[0] ? { sessionId: rows[0].session_id, onShift: rows[0].on_shift } : null;
  }

  async setAttendance(bookingId: string, attendance: Attendance | null): Promise<void> {
    await this.db.query(`UPDATE booking SET attendance = $2, updated_at = $3 WHERE id = $1`, [bookingId, attendance, currentTime()]);
  }

  async reportDraft(sessionId: string): Promise<SessionReportDraft> {
    const [row] = await this.db.query(
      `SELECT (SELECT count(*)::int FROM booking b JOIN slot sl ON sl.id = b.slot_id WHERE sl.session_id = $1 AND b.status = 'confirmed') AS booked,
              (SELECT count(*)::int FROM booking b JOIN slot sl ON sl.id = b.slot_id WHERE sl.session_id = $1 AND b.status = 'confirmed' AND b.attendance = 'checked-in') AS checked_in,
              (SELECT count(*)::int FROM booking b JOIN slot sl ON sl.id = b.slot_id WHERE sl.session_id = $1 AND b.status = 'confirmed' AND b.attendance = 'no-show') AS no_shows,
              (SELECT count(*)::int FROM visit v WHERE v.session_id = $1 AND v.came_via <> 'booked') AS drop_ins,
              (SELECT count(*)::int FROM visit v WHERE v.session_id = $1) AS visits`,
      [sessionId],
    );
    const r = row as { booked: number; checked_in: number; no_shows: number; drop_ins: number; visits: number };
    return { sessionId, booked: r.booked, checkedIn: r.checked_in, noShows: r.no_shows, dropIns: r.drop_ins, visits: r.visits };
  }

  /** Stores the report and its equipment problems; false when the session already has a report. */
  async insertReport(tx: EntityManager, sessionId: string, siteId: string, report: SessionReportInput, by: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO session_report (session_id, booked, checked_in, no_shows, drop_ins, visits, notes, confirmed_by, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (session_id) DO NOTHING RETURNING session_id`,
      [sessionId, report.booked, report.checkedIn, report.noShows, report.dropIns, report.visits, report.notes, by, at],
    );
    if (rows.length === 0) return false;
    for (const problem of report.equipment) {
      await tx.query(`INSERT INTO equipment_issue (site_id, session_id, kind, note, reported_by, reported_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        siteId,
        sessionId,
        problem.kind,
        problem.note,
        by,
        at,
      ]);
    }
    return true;
  }

  async siteOfSession(sessionId: string): Promise<string | null> {
    const rows: { site_id: string }[] = await this.db.query(`SELECT site_id FROM session WHERE id = $1`, [sessionId]);
    return rows[0]?.site_id ?? null;
  }

  async equipmentIssues(openOnly: boolean): Promise<(Omit<EquipmentIssueView, 'sessionStart' | 'reportedAt' | 'fixedAt'> & { sessionStart: Date; reportedAt: Date; fixedAt: Date | null; timeZone: string })[]> {
    const rows: {
      id: string;
      site_id: string;
      site_name: string;
      session_id: string;
      starts_at: Date;
      kind: EquipmentKind;
      note: string;
      reporter: string;
      reported_at: Date;
      fixed_at: Date | null;
      fixer: string | null;
      time_zone: string;
    }[] = await this.db.query(
      `SELECT e.id, e.site_id, site.name AS site_name, e.session_id, s.starts_at, e.kind, e.note, r.name AS reporter, e.reported_at,
              e.fixed_at, f.name AS fixer, site.time_zone
         FROM equipment_issue e
         JOIN site ON site.id = e.site_id JOIN session s ON s.id = e.session_id JOIN app_user r ON r.id = e.reported_by
         LEFT JOIN app_user f ON f.id = e.fixed_by
        WHERE NOT $1 OR e.fixed_at IS NULL
        ORDER BY site.name, e.reported_at DESC
        LIMIT 500`,
      [openOnly],
    );
    return rows.map((r) => ({
      id: r.id,
      siteId: r.site_id,
      siteName: r.site_name,
      sessionId: r.session_id,
      sessionStart: r.starts_at,
      kind: r.kind,
      note: r.note,
      reportedBy: r.reporter,
      reportedAt: r.reported_at,
      fixedAt: r.fixed_at,
      fixedBy: r.fixer,
      timeZone: r.time_zone,
    }));
  }

  /** Marks a problem fixed (again is fine: the first fix is kept); false when there is no such problem. */
  async markFixed(id: string, by: string, at: Date): Promise<boolean> {
    const [rows] = (await this.db.query(`UPDATE equipment_issue SET fixed_at = COALESCE(fixed_at, $3), fixed_by = COALESCE(fixed_by, $2) WHERE id = $1 RETURNING id`, [id, by, at])) as [
      unknown[],
      number,
    ];
    return rows.length === 1;
  }
}
