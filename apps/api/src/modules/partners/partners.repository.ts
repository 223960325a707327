import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PartnerError, type LocalDate, type PartnerView } from '@digihjalpen/domain';
import { DataSource } from 'typeorm';
import { currentTime } from '../../common/clock';

export interface ReferralCodeRow {
  code: string;
  label: string;
  siteId: string;
  site: string;
  siteName: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface FunnelCountsRow {
  referred: number;
  booked: number;
  came: number;
  outcomes: { outcome: string; visits: number }[];
}

const CODE_SELECT = `SELECT c.code, c.label, c.site_id, s.slug, s.name, c.created_at, c.revoked_at FROM referral_code c JOIN site s ON s.id = c.site_id`;
type RawCode = { code: string; label: string; site_id: string; slug: string; name: string; created_at: Date; revoked_at: Date | null };
const toCode = (r: RawCode): ReferralCodeRow => ({ code: r.code, label: r.label, siteId: r.site_id, site: r.slug, siteName: r.name, createdAt: r.created_at, revokedAt: r.revoked_at });

@Injectable()
export class PartnersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<PartnerView[]> {
    const rows: { id: string; name: string; users: number; active_codes: number }[] = await this.db.query(
      `SELECT p.id, p.name,
              (SELECT count(*)::int FROM app_user u WHERE u.partner_id = p.id AND u.active) AS users,
              (SELECT count(*)::int FROM referral_code c WHERE c.partner_id = p.id AND c.revoked_at IS NULL) AS active_codes
         FROM partner p ORDER BY p.name`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, users: r.users, activeCodes: r.active_codes }));
  }

  async find(id: string): Promise<{ id: string; name: string } | null> {
    const [row] = (await this.db.query(`SELECT id, name FROM partner WHERE id = $1`, [id])) as { id: string; name: string }[];
    return row ?? null;
  }

  async insert(name: string): Promise<{ id: string; name: string }> {
    const [row] = (await this.db.query(`INSERT INTO partner (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id, name`, [name])) as { id: string; name: string }[];
    if (!row) throw PartnerError.taken();
    return row;
  }

  async codes(partnerId: string): Promise<ReferralCodeRow[]> {
    const rows: RawCode[] = await this.db.query(`${CODE_SELECT} WHERE c.partner_id = $1 ORDER BY c.created_at DESC, c.code`, [partnerId]);
    return rows.map(toCode);
  }

  async code(partnerId: string, code: string): Promise<ReferralCodeRow | null> {
    const rows: RawCode[] = await this.db.query(`${CODE_SELECT} WHERE c.partner_id = $1 AND c.code = $2`, [partnerId, code]);
    return rows[0] ? toCode(rows[0]) : null;
  }

  /** Inserts the code; false when it is taken (drawn again by the caller). */
  async insertCode(code: { code: string; partnerId: string; siteId: string; label: string; createdBy: string }): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO referral_code (code, partner_id, site_id, label, created_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [code.code, code.partnerId, code.siteId, code.label, code.createdBy],
    );
    return rows.length === 1;
  }

  async revokeCode(partnerId: string, code: string): Promise<boolean> {
    const [, count] = (await this.db.query(`UPDATE referral_code SET revoked_at = COALESCE(revoked_at, $3) WHERE partner_id = $1 AND code = $2`, [partnerId, code, currentTime()])) as [unknown, number];
    return count === 1;
  }

  /** One more opening of an active code's booking page this week; unknown and revoked codes count nothing. */
  async countOpen(code: string, weekStart: LocalDate): Promise<void> {
    await this.db.query(
      `INSERT INTO referral_open (code, week_start, opens)
       SELECT code, $2, 1 FROM referral_code WHERE code = $1 AND revoked_at IS NULL
       ON CONFLICT (code, week_start) DO UPDATE SET opens = referral_open.opens + 1`,
      [code, weekStart],
    );
  }

  /**
   * A partner's funnel, exact: pages opened from their codes (by week) plus the bookings their staff made;
   * bookings for sessions in the period; of those who came (checked in or a visit logged); visit outcomes.
   */
  async funnel(partnerId: string, period: { from: LocalDate; to: LocalDate }, firstWeek: LocalDate): Promise<FunnelCountsRow> {
    const [counts] = (await this.db.query(
      `WITH b AS (
         SELECT b.id, b.booked_by, b.attendance
           FROM booking b JOIN slot sl ON sl.id = b.slot_id JOIN session s ON s.id = sl.session_id JOIN site ON site.id = s.site_id
          WHERE b.partner_id = $1 AND b.status = 'confirmed' AND (sl.starts_at AT TIME ZONE site.time_zone)::date BETWEEN $2 AND $3)
       SELECT
         (SELECT COALESCE(sum(o.opens), 0)::int FROM referral_open o JOIN referral_code c ON c.code = o.code
           WHERE c.partner_id = $1 AND o.week_start BETWEEN $4 AND $3)
         + (SELECT count(*)::int FROM b WHERE b.booked_by IS NOT NULL) AS referred,
         (SELECT count(*)::int FROM b) AS booked,
         (SELECT count(*)::int FROM b WHERE b.attendance = 'checked-in' OR EXISTS (SELECT 1 FROM visit v WHERE v.booking_id = b.id)) AS came`,
      [partnerId, period.from, period.to, firstWeek],
    )) as { referred: number; booked: number; came: number }[];
    const outcomes: { outcome: string; visits: number }[] = await this.db.query(
      `SELECT v.outcome, count(*)::int AS visits
         FROM visit v JOIN booking b ON b.id = v.booking_id
        WHERE b.partner_id = $1 AND b.status = 'confirmed' AND v.date BETWEEN $2 AND $3
        GROUP BY v.outcome`,
      [partnerId, period.from, period.to],
    );
    return { referred: counts?.referred ?? 0, booked: counts?.booked ?? 0, came: counts?.came ?? 0, outcomes };
  }
}
