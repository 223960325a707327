import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ThrottleKind, ThrottleState } from '@digihjalpen/domain';
import { DataSource, type EntityManager } from 'typeorm';

/** One thing a sign-in attempt is counted against. */
export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
  address: string | null;
  /** The account the key names, if it is a real one. */
  userId: string | null;
}

/** A key's row, locked for the rest of the transaction; `state` is null for a row with nothing counted yet. */
export interface LockedThrottle {
  id: string;
  key: ThrottleKey;
  state: ThrottleState | null;
}

/** What to write for a locked row: a new state (kept until `expiresAt`), `null` to remove it, or `undefined` to leave it. */
export type ThrottleWrite = { state: ThrottleState; expiresAt: Date } | null | undefined;

export interface ThrottleRow {
  id: string;
  kind: ThrottleKind;
  address: string | null;
  email: string | null;
  name: string | null;
  failures: number;
  blockedUntil: Date | null;
  lastFailureAt: Date;
}

/** Expired rows removed per write: the table stays small without a job of its own. */
const SWEEP = 100;

interface Raw {
  id: string;
  failures: number;
  blocked_until: Date | null;
  last_failure_at: Date;
}

@Injectable()
export class SignInThrottleRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Locks the keys' rows — an upsert with ON CONFLICT makes a missing one and locks an existing one, key by
   * key in one fixed order so concurrent attempts never deadlock —, lets `decide` choose what to write,
   * and writes it, all in one transaction: two API instances counting the same key never lose a count.
   * Also removes a few rows that have expired.
   */
  async update<T>(keys: readonly ThrottleKey[], now: Date, decide: (rows: LockedThrottle[]) => { writes: ThrottleWrite[]; result: T }): Promise<T> {
    const ordered = [...keys].sort((a, b) => (a.kind === b.kind ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.kind < b.kind ? -1 : 1));
    return this.db.transaction(async (tx) => {
      await this.sweep(tx, now);
      const rows: LockedThrottle[] = [];
      for (const k of ordered) {
        // DO UPDATE (a no-op) rather than DO NOTHING: it locks the row and always returns it.
        const [raw] = (await tx.query(
          `INSERT INTO sign_in_throttle (kind, key, address, user_id, failures, last_failure_at, expires_at)
           VALUES ($1, $2, $3, $4, 0, $5, $5)
           ON CONFLICT (kind, key) DO UPDATE SET kind = EXCLUDED.kind
           RETURNING id, failures, blocked_until, last_failure_at`,
          [k.kind, k.key, k.address, k.userId, now],
        )) as Raw[];
        if (!raw) throw new Error(`sign_in_throttle: no row for ${k.kind}`);
        const state = raw.failures > 0 || raw.blocked_until ? { failures: raw.failures, blockedUntil: raw.blocked_until, lastFailureAt: raw.last_failure_at } : null;
        rows.push({ id: raw.id, key: k, state });
      }
      const { writes, result } = decide(rows);
      for (const [i, row] of rows.entries()) {
        const write = writes[i];
        if (write === undefined) {
          if (!row.state) await tx.query(`DELETE FROM sign_in_throttle WHERE id = $1`, [row.id]);
        } else if (write === null) {
          await tx.query(`DELETE FROM sign_in_throttle WHERE id = $1`, [row.id]);
        } else {
          await tx.query(
            `UPDATE sign_in_throttle SET failures = $2, blocked_until = $3, last_failure_at = $4, expires_at = $5, user_id = COALESCE($6, user_id) WHERE id = $1`,
            [row.id, write.state.failures, write.state.blockedUntil, write.state.lastFailureAt, write.expiresAt, row.key.userId],
          );
        }
      }
      return result;
    });
  }

  /** Keys with failures and not yet expired, with the account's e-mail and name when the key names one. */
  async listLive(now: Date, minFailures: Readonly<Record<ThrottleKind, number>>, limit = 500): Promise<ThrottleRow[]> {
    const rows = (await this.db.query(
      `SELECT t.id, t.kind, t.address, u.email, u.name, t.failures, t.blocked_until, t.last_failure_at
       FROM sign_in_throttle t LEFT JOIN app_user u ON u.id = t.user_id
       WHERE t.expires_at > $1
         AND t.failures >= CASE t.kind WHEN 'account' THEN $2::int WHEN 'address' THEN $3::int ELSE $4::int END
       ORDER BY t.last_failure_at DESC, t.id LIMIT $5`,
      [now, minFailures.account, minFailures.address, minFailures['password-change'], limit],
    )) as { id: string; kind: ThrottleKind; address: string | null; email: string | null; name: string | null; failures: number; blocked_until: Date | null; last_failure_at: Date }[];
    return rows.map((r) => ({ id: r.id, kind: r.kind, address: r.address, email: r.email, name: r.name, failures: r.failures, blockedUntil: r.blocked_until, lastFailureAt: r.last_failure_at }));
  }

  /** Removes a key; what it named, or null when there was no such row. */
  async remove(id: string, tx: EntityManager): Promise<{ kind: ThrottleKind; userId: string | null } | null> {
    const [rows] = (await tx.query(`DELETE FROM sign_in_throttle WHERE id = $1 RETURNING kind, user_id`, [id])) as [{ kind: ThrottleKind; user_id: string | null }[], number];
    const row = rows[0];
    return row ? { kind: row.kind, userId: row.user_id } : null;
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** A few expired rows, skipping any another attempt holds. */
  private async sweep(tx: EntityManager, now: Date): Promise<void> {
    await tx.query(
      `DELETE FROM sign_in_throttle WHERE id IN (SELECT id FROM sign_in_throttle WHERE expires_at < $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [now, SWEEP],
    );
  }
}
