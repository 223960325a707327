import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pageOffset, type AuthUser, type Page, type SessionStatus, type StaffedSession } from '@digihjalpen/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { ShiftEntity } from './shift.entity';

export interface StaffingRow {
  sessionId: string;
  siteId: string;
  siteName: string;
  siteSlug: string;
  siteAddress: string;
  timeZone: string;
  start: Date;
  end: Date;
  status: SessionStatus;
  sequence: number;
  updatedAt: Date;
  helpersNeeded: number;
  helpers: { id: string; name: string }[];
}

interface RawStaffing {
  session_id: string;
  site_id: string;
  site_name: string;
  site_slug: string;
  site_address: string;
  time_zone: string;
  starts_at: Date;
  ends_at: Date;
  status: SessionStatus;
  sequence: number;
  updated_at: Date;
  helpers_needed: number;
  helpers: { id: string; name: string }[] | null;
}

@Injectable()
export class HelpersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Locks the session row, so two sign-ups for the last place cannot both pass the check. */
  async lockSession(tx: EntityManager, sessionId: string): Promise<StaffedSession | null> {
    const [row] = (await tx.query(
      `SELECT s.status, s.starts_at, s.helpers_needed,
              COALESCE((SELECT array_agg(sh.helper_id::text) FROM shift sh WHERE sh.session_id = s.id), '{}') AS helper_ids
         FROM session s WHERE s.id = $1 FOR UPDATE OF s`,
      [sessionId],
    )) as { status: SessionStatus; starts_at: Date; helpers_needed: number; helper_ids: string[] }[];
    return row ? { status: row.status, start: row.starts_at, helpersNeeded: row.helpers_needed, helperIds: row.helper_ids } : null;
  }

  async addShift(tx: EntityManager, sessionId: string, helperId: string, assignedBy: string): Promise<void> {
    await tx.getRepository(ShiftEntity).insert({ sessionId, helperId, assignedBy });
  }

  async removeShift(tx: EntityManager, sessionId: string, helperId: string): Promise<void> {
    await tx.getRepository(ShiftEntity).delete({ sessionId, helperId });
  }

  /**
   * Whether the person is an active helper with a password, share-locked until the transaction ends: a
   * deactivation (which locks the account row) either comes first and is seen here, or waits and then
   * removes the shift this transaction adds.
   */
  async lockActiveHelper(tx: EntityManager, id: string): Promise<boolean> {
    const rows = (await tx.query(`SELECT 1 FROM app_user WHERE id = $1 AND role = 'helper' AND active AND password_hash IS NOT NULL FOR SHARE`, [id])) as unknown[];
    return rows.length === 1;
  }

  /** Sessions of every site in a range with the helpers on shift: one query (optionally only one helper's). */
  async staffing(range: { from: Date; to: Date }, onlyHelperId?: string): Promise<StaffingRow[]> {
    return this.staffingRows({ ...range, siteIds: null, onlyHelperId: onlyHelperId ?? null }, 'ALL', 0);
  }

  /** One page of the sessions in a range (at some sites or all), by start, with the total. */
  async staffingPage(range: { from: Date; to: Date; siteIds: string[] | null }, page: number, pageSize: number): Promise<Page<StaffingRow>> {
    const filter = { ...range, onlyHelperId: null };
    const [count] = (await this.db.query(`SELECT count(*)::int AS n FROM session s JOIN site ON site.id = s.site_id WHERE ${STAFFING_WHERE}`, staffingParams(filter))) as { n: number }[];
    const items = await this.staffingRows(filter, pageSize, pageOffset(page, pageSize));
    return { items, page, pageSize, total: count?.n ?? 0 };
  }

  private async staffingRows(filter: StaffingFilter, limit: number | 'ALL', offset: number): Promise<StaffingRow[]> {
    const rows: RawStaffing[] = await this.db.query(
      `SELECT s.id AS session_id, s.site_id, site.name AS site_name, site.slug AS site_slug, site.address AS site_address,
              site.time_zone, s.starts_at, s.ends_at, s.status, s.sequence, s.updated_at, s.helpers_needed,
              (SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name)
                 FROM shift sh JOIN app_user u ON u.id = sh.helper_id WHERE sh.session_id = s.id) AS helpers
         FROM session s JOIN site ON site.id = s.site_id
        WHERE ${STAFFING_WHERE}
        ORDER BY s.starts_at, site.name, s.id LIMIT ${limit} OFFSET ${offset}`,
      staffingParams(filter),
    );
    return rows.map((r) => ({
      sessionId: r.session_id,
      siteId: r.site_id,
      siteName: r.site_name,
      siteSlug: r.site_slug,
      siteAddress: r.site_address,
      timeZone: r.time_zone,
      start: r.starts_at,
      end: r.ends_at,
      status: r.status,
      sequence: r.sequence,
      updatedAt: r.updated_at,
      helpersNeeded: r.helpers_needed,
      helpers: r.helpers ?? [],
    }));
  }

  async setCalendarToken(userId: string, tokenHash: string): Promise<void> {
    await this.db.getRepository(UserEntity).update({ id: userId }, { calendarTokenHash: tokenHash });
  }

  async userByCalendarToken(tokenHash: string): Promise<AuthUser | null> {
    const u = await this.db.getRepository(UserEntity).findOneBy({ calendarTokenHash: tokenHash, active: true });
    return u ? { id: u.id, email: u.email, name: u.name, role: u.role } : null;
  }
}

interface StaffingFilter {
  from: Date;
  to: Date;
  siteIds: string[] | null;
  onlyHelperId: string | null;
}

const STAFFING_WHERE = `s.starts_at >= $1 AND s.starts_at < $2 AND site.active AND ($3::uuid[] IS NULL OR s.site_id = ANY ($3))
  AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM shift sh WHERE sh.session_id = s.id AND sh.helper_id = $4))`;
const staffingParams = (f: StaffingFilter) => [f.from, f.to, f.siteIds, f.onlyHelperId];
