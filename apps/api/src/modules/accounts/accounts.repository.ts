import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountBelongsTo, AccountState, AuthUser, Role, SessionStatus } from '@digihjalpen/domain';
import { DataSource, type EntityManager } from 'typeorm';

/** An account as the repository reads it: the rules' state plus what the list shows. */
export interface AccountRow extends AccountState {
  name: string;
  email: string;
  partnerId: string | null;
  siteId: string | null;
  belongsTo: AccountBelongsTo | null;
  deactivatedAt: Date | null;
}

/** A coming session a deactivated person was taken off, with who is still on it. */
export interface RemovedShiftRow {
  sessionId: string;
  siteId: string;
  siteName: string;
  timeZone: string;
  start: Date;
  end: Date;
  status: SessionStatus;
  helpers: number;
  helpersNeeded: number;
}

interface RawAccount {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  has_password: boolean;
  partner_id: string | null;
  site_id: string | null;
  deactivated_at: Date | null;
  belongs_to: AccountBelongsTo | null;
  inv_expires_at: Date | null;
  inv_used_at: Date | null;
  inv_revoked_at: Date | null;
}

/** Every staff account with what it belongs to and its latest invitation (the open one first). */
const ACCOUNTS = (where: string, lock = '') => `
  SELECT u.id, u.name, u.email, u.role, u.active, u.password_hash IS NOT NULL AS has_password, u.partner_id, u.site_id, u.deactivated_at,
         CASE WHEN u.role = 'helper' AND o.id IS NOT NULL THEN json_build_object('kind', 'organisation', 'id', o.id, 'name', o.name)
              WHEN u.role = 'partner' AND p.id IS NOT NULL THEN json_build_object('kind', 'partner', 'id', p.id, 'name', p.name)
              WHEN u.role = 'library-staff' AND s.id IS NOT NULL THEN json_build_object('kind', 'site', 'id', s.id, 'name', s.name)
         END AS belongs_to,
         i.expires_at AS inv_expires_at, i.used_at AS inv_used_at, i.revoked_at AS inv_revoked_at
    FROM app_user u
    LEFT JOIN organisation o ON o.id = u.organisation_id
    LEFT JOIN partner p ON p.id = u.partner_id
    LEFT JOIN site s ON s.id = u.site_id
    LEFT JOIN LATERAL (
      SELECT inv.expires_at, inv.used_at, inv.revoked_at FROM invitation inv WHERE inv.user_id = u.id
       ORDER BY (inv.used_at IS NULL AND inv.revoked_at IS NULL) DESC, inv.created_at DESC, inv.token_hash LIMIT 1
    ) i ON true
   WHERE ${where} ${lock}`;

const toAccount = (r: RawAccount): AccountRow => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role,
  active: r.active,
  hasPassword: r.has_password,
  partnerId: r.partner_id,
  siteId: r.site_id,
  deactivatedAt: r.deactivated_at,
  belongsTo: r.belongs_to,
  invitation: r.inv_expires_at ? { expiresAt: r.inv_expires_at, usedAt: r.inv_used_at, revokedAt: r.inv_revoked_at } : null,
});

export const toAuthUser = (a: AccountRow): AuthUser => ({ id: a.id, email: a.email, name: a.name, role: a.role, partnerId: a.partnerId, siteId: a.siteId });

@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Every account, optionally of one role and belonging to one organisation, partner or library. */
  async list(filter: { role: Role | null; belongsTo: string | null }): Promise<AccountRow[]> {
    const rows = (await this.db.query(ACCOUNTS(`($1::text IS NULL OR u.role = $1) AND ($2::uuid IS NULL OR $2::uuid IN (u.organisation_id, u.partner_id, u.site_id))`), [
      filter.role,
      filter.belongsTo,
    ])) as RawAccount[];
    return rows.map(toAccount);
  }

  async find(id: string, tx: EntityManager = this.db.manager): Promise<AccountRow | null> {
    const [row] = (await tx.query(ACCOUNTS('u.id = $1'), [id])) as RawAccount[];
    return row ? toAccount(row) : null;
  }

  /**
   * Locks an account for a change: its links first, then the person (the order in which using an
   * invitation or a reset link takes them, so the two never wait for each other).
   */
  async lock(tx: EntityManager, id: string): Promise<AccountRow | null> {
    await tx.query(`SELECT 1 FROM invitation WHERE user_id = $1 ORDER BY token_hash FOR UPDATE`, [id]);
    await tx.query(`SELECT 1 FROM password_reset WHERE user_id = $1 ORDER BY token_hash FOR UPDATE`, [id]);
    // NO KEY UPDATE: a shift insert's foreign-key check (KEY SHARE) on the person does not wait for it.
    const [row] = (await tx.query(ACCOUNTS('u.id = $1', 'FOR NO KEY UPDATE OF u'), [id])) as RawAccount[];
    return row ? toAccount(row) : null;
  }

  /**
   * Serialises the changes that can take the last coordinator away (turning accounts off and on), so
   * the count of active coordinators read after it holds until the transaction ends.
   */
  async lockCoordinatorCount(tx: EntityManager): Promise<number> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('digihjalpen.accounts.coordinators', 0))`);
    const [row] = (await tx.query(`SELECT count(*)::int AS n FROM app_user WHERE role = 'coordinator' AND active AND password_hash IS NOT NULL`)) as { n: number }[];
    return row?.n ?? 0;
  }

  /** Turns the account off: no sign-ins, no feed, no open links. Returns how many sign-ins ended. */
  async deactivate(tx: EntityManager, id: string, now: Date): Promise<number> {
    await tx.query(`UPDATE app_user SET active = false, deactivated_at = $2, calendar_token_hash = NULL WHERE id = $1`, [id, now]);
    await tx.query(`UPDATE invitation SET revoked_at = $2 WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`, [id, now]);
    await tx.query(`UPDATE password_reset SET revoked_at = $2 WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`, [id, now]);
    const [, ended] = (await tx.query(`DELETE FROM auth_session WHERE user_id = $1`, [id])) as [unknown, number];
    return ended;
  }

  /**
   * Takes the person off every session that has not started (the sessions locked first, in id order, as
   * a shift sign-up locks its session) and answers those sessions with the helpers still on them.
   * Past shifts, hours, visits and evidence are not touched.
   */
  async removeFutureShifts(tx: EntityManager, helperId: string, now: Date): Promise<RemovedShiftRow[]> {
    const locked = (await tx.query(
      `SELECT s.id FROM session s JOIN shift sh ON sh.session_id = s.id
        WHERE sh.helper_id = $1 AND s.starts_at > $2 ORDER BY s.id FOR UPDATE OF s`,
      [helperId, now],
    )) as { id: string }[];
    if (!locked.length) return [];
    const ids = locked.map((r) => r.id);
    await tx.query(`DELETE FROM shift WHERE helper_id = $1 AND session_id = ANY ($2::uuid[])`, [helperId, ids]);
    const rows = (await tx.query(
      `SELECT s.id AS session_id, s.site_id, site.name AS site_name, site.time_zone, s.starts_at, s.ends_at, s.status, s.helpers_needed,
              (SELECT count(*)::int FROM shift sh WHERE sh.session_id = s.id) AS helpers
         FROM session s JOIN site ON site.id = s.site_id
        WHERE s.id = ANY ($1::uuid[]) ORDER BY s.starts_at, s.id`,
      [ids],
    )) as { session_id: string; site_id: string; site_name: string; time_zone: string; starts_at: Date; ends_at: Date; status: SessionStatus; helpers_needed: number; helpers: number }[];
    return rows.map((r) => ({
      sessionId: r.session_id,
      siteId: r.site_id,
      siteName: r.site_name,
      timeZone: r.time_zone,
      start: r.starts_at,
      end: r.ends_at,
      status: r.status,
      helpers: r.helpers,
      helpersNeeded: r.helpers_needed,
    }));
  }

  async reactivate(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`UPDATE app_user SET active = true, deactivated_at = NULL WHERE id = $1`, [id]);
  }

  /** Revokes the person's open invitation (at most one), and with `next` adds the new one. */
  async replaceInvitation(tx: EntityManager, userId: string, now: Date, next: { tokenHash: string; invitedBy: string; expiresAt: Date } | null): Promise<void> {
    await tx.query(`UPDATE invitation SET revoked_at = $2 WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`, [userId, now]);
    if (next) {
      await tx.query(`INSERT INTO invitation (token_hash, user_id, invited_by, expires_at) VALUES ($1, $2, $3, $4)`, [next.tokenHash, userId, next.invitedBy, next.expiresAt]);
    }
  }

  /** Revokes the person's open reset link (at most one) and adds the new one. */
  async replaceResetLink(tx: EntityManager, userId: string, now: Date, next: { tokenHash: string; sentBy: string; expiresAt: Date }): Promise<void> {
    await tx.query(`UPDATE password_reset SET revoked_at = $2 WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`, [userId, now]);
    await tx.query(`INSERT INTO password_reset (token_hash, user_id, sent_by, expires_at) VALUES ($1, $2, $3, $4)`, [next.tokenHash, userId, next.sentBy, next.expiresAt]);
  }

  /** The reset link behind a secret's hash, locked for its one use, with its account. */
  async lockResetLink(tx: EntityManager, tokenHash: string): Promise<{ userId: string; email: string; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null; userActive: boolean } | null> {
    const [row] = (await tx.query(
      `SELECT pr.user_id, u.email, pr.expires_at, pr.used_at, pr.revoked_at, u.active
         FROM password_reset pr JOIN app_user u ON u.id = pr.user_id
        WHERE pr.token_hash = $1 FOR UPDATE OF pr`,
      [tokenHash],
    )) as { user_id: string; email: string; expires_at: Date; used_at: Date | null; revoked_at: Date | null; active: boolean }[];
    return row ? { userId: row.user_id, email: row.email, expiresAt: row.expires_at, usedAt: row.used_at, revokedAt: row.revoked_at, userActive: row.active } : null;
  }

  /** Uses a reset link: the new password, the link spent, every sign-in of the person ended. Returns how many. */
  async useResetLink(tx: EntityManager, tokenHash: string, userId: string, passwordHash: string, now: Date): Promise<number> {
    await tx.query(`UPDATE password_reset SET used_at = $2 WHERE token_hash = $1`, [tokenHash, now]);
    await tx.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [userId, passwordHash]);
    const [, ended] = (await tx.query(`DELETE FROM auth_session WHERE user_id = $1`, [userId])) as [unknown, number];
    return ended;
  }
}
