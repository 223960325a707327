import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HelperNoticeKind, Language, NoticeRecipient, NoticeShift, NoticeTopic } from '@digihjalpen/domain';
import { DataSource, type EntityManager } from 'typeorm';

export interface ShiftRecipient extends NoticeRecipient {
  sessionId: string;
}

export interface NoticeToRecord {
  helperId: string;
  kind: HelperNoticeKind;
  dedupeKey: string;
  sessionIds: readonly string[];
  details: Record<string, unknown>;
}

/** A notice the sending job has just claimed, with its recipient as they are now. */
export interface ClaimedNotice extends NoticeRecipient {
  noticeId: string;
  kind: HelperNoticeKind;
  sessionIds: string[];
  details: Record<string, unknown>;
  name: string;
  email: string;
  language: Language;
}

export interface SessionInfo extends NoticeShift {
  id: string;
  sequence: number;
  cancelReason: string | null;
}

const OPTED_OUT = `COALESCE((SELECT array_agg(o.topic ORDER BY o.topic) FROM helper_notice_opt_out o WHERE o.user_id = u.id), '{}')`;

interface RecipientRow {
  helper_id: string;
  active: boolean;
  opted_out: NoticeTopic[];
}
const recipientOf = (r: RecipientRow): NoticeRecipient => ({ id: r.helper_id, active: r.active, optedOut: r.opted_out });

@Injectable()
export class HelperNoticesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Every helper on shift on these sessions, with whether they can be told and what they turned off. */
  async helpersOnSessions(tx: EntityManager, sessionIds: readonly string[]): Promise<ShiftRecipient[]> {
    if (!sessionIds.length) return [];
    const rows: (RecipientRow & { session_id: string })[] = await tx.query(
      `SELECT sh.session_id, u.id AS helper_id, u.active, ${OPTED_OUT} AS opted_out
         FROM shift sh JOIN app_user u ON u.id = sh.helper_id
        WHERE sh.session_id = ANY ($1::uuid[]) AND u.role = 'helper'
        ORDER BY sh.session_id, u.id`,
      [sessionIds],
    );
    return rows.map((r) => ({ ...recipientOf(r), sessionId: r.session_id }));
  }

  async recipient(tx: EntityManager, helperId: string): Promise<NoticeRecipient | null> {
    const [row] = (await tx.query(`SELECT u.id AS helper_id, u.active, ${OPTED_OUT} AS opted_out FROM app_user u WHERE u.id = $1 AND u.role = 'helper'`, [helperId])) as RecipientRow[];
    return row ? recipientOf(row) : null;
  }

  /** Helpers who have chosen a password and whose account is active (the digest's audience before opt-outs). */
  async activeHelpers(): Promise<NoticeRecipient[]> {
    const rows: RecipientRow[] = await this.db.query(
      `SELECT u.id AS helper_id, u.active, ${OPTED_OUT} AS opted_out FROM app_user u
        WHERE u.role = 'helper' AND u.active AND u.password_hash IS NOT NULL ORDER BY u.id`,
    );
    return rows.map(recipientOf);
  }

  /** Records a notice once: the id when it was new, null when one with the same key exists. */
  async record(tx: EntityManager, n: NoticeToRecord): Promise<string | null> {
    const [row] = (await tx.query(
      `INSERT INTO helper_notice (helper_id, kind, dedupe_key, session_ids, details) VALUES ($1, $2, $3, $4::uuid[], $5)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [n.helperId, n.kind, n.dedupeKey, n.sessionIds, JSON.stringify(n.details)],
    )) as { id: string }[];
    return row?.id ?? null;
  }

  /**
   * Records a notice, or adds the sessions to the one with the same key while it waits to be sent (a
   * closure's later batch): `inserted` when the row is new. When that one has gone out already: the
   * sessions it told about.
   */
  async recordOrAdd(tx: EntityManager, n: NoticeToRecord): Promise<{ id: string; inserted: boolean } | { sent: string[] }> {
    const [row] = (await tx.query(
      `INSERT INTO helper_notice AS n (helper_id, kind, dedupe_key, session_ids, details) VALUES ($1, $2, $3, $4::uuid[], $5)
       ON CONFLICT (dedupe_key) DO UPDATE
         SET session_ids = ARRAY(SELECT DISTINCT s FROM unnest(n.session_ids || EXCLUDED.session_ids) AS s ORDER BY s)
         WHERE n.sent_at IS NULL
       RETURNING n.id, (xmax = 0) AS inserted`,
      [n.helperId, n.kind, n.dedupeKey, n.sessionIds, JSON.stringify(n.details)],
    )) as { id: string; inserted: boolean }[];
    if (row) return row;
    const [sent] = (await tx.query(`SELECT session_ids FROM helper_notice WHERE dedupe_key = $1`, [n.dedupeKey])) as { session_ids: string[] }[];
    return { sent: sent?.session_ids ?? [] };
  }

  /**
   * Claims a notice for sending (sets `sent_at`): only one job, on one instance, gets it. Null when it was
   * claimed before (a retry after success, or another instance).
   */
  async claim(id: string, now: Date): Promise<ClaimedNotice | null> {
    const [rows] = (await this.db.query(
      `UPDATE helper_notice n SET sent_at = $2 FROM app_user u
        WHERE n.id = $1 AND n.sent_at IS NULL AND u.id = n.helper_id
        RETURNING n.id AS notice_id, n.kind, n.session_ids, n.details, u.id AS helper_id, u.active, u.name, u.email, u.language, ${OPTED_OUT} AS opted_out`,
      [id, now],
    )) as [(RecipientRow & { notice_id: string; kind: HelperNoticeKind; session_ids: string[]; details: Record<string, unknown>; name: string; email: string; language: Language })[], number];
    const claimed = rows[0];
    if (!claimed) return null;
    return {
      ...recipientOf(claimed),
      noticeId: claimed.notice_id,
      kind: claimed.kind,
      sessionIds: claimed.session_ids,
      details: claimed.details,
      name: claimed.name,
      email: claimed.email,
      language: claimed.language,
    };
  }

  /** The mail server refused: the notice can be claimed again by the retry. */
  async release(id: string): Promise<void> {
    await this.db.query(`UPDATE helper_notice SET sent_at = NULL WHERE id = $1`, [id]);
  }

  async sessions(ids: readonly string[], tx: EntityManager = this.db.manager): Promise<SessionInfo[]> {
    if (!ids.length) return [];
    const rows: { id: string; starts_at: Date; ends_at: Date; sequence: number; cancel_reason: string | null; name: string; address: string; time_zone: string }[] = await tx.query(
      `SELECT s.id, s.starts_at, s.ends_at, s.sequence, s.cancel_reason, site.name, site.address, site.time_zone
         FROM session s JOIN site ON site.id = s.site_id WHERE s.id = ANY ($1::uuid[]) ORDER BY s.starts_at, site.name`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      start: r.starts_at,
      end: r.ends_at,
      sequence: r.sequence,
      cancelReason: r.cancel_reason,
      siteName: r.name,
      siteAddress: r.address,
      timeZone: r.time_zone,
    }));
  }

  async settings(userId: string): Promise<{ language: Language; optedOut: NoticeTopic[] } | null> {
    const [row] = (await this.db.query(`SELECT u.language, ${OPTED_OUT} AS opted_out FROM app_user u WHERE u.id = $1`, [userId])) as { language: Language; opted_out: NoticeTopic[] }[];
    return row ? { language: row.language, optedOut: row.opted_out } : null;
  }

  async saveSettings(userId: string, language: Language, optedOut: readonly NoticeTopic[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE app_user SET language = $2 WHERE id = $1`, [userId, language]);
      await tx.query(`DELETE FROM helper_notice_opt_out WHERE user_id = $1 AND NOT (topic = ANY ($2::varchar[]))`, [userId, optedOut]);
      await tx.query(`INSERT INTO helper_notice_opt_out (user_id, topic) SELECT $1, unnest($2::varchar[]) ON CONFLICT DO NOTHING`, [userId, optedOut]);
    });
  }

  async digestEnabled(): Promise<boolean> {
    const [row] = (await this.db.query(`SELECT enabled FROM open_shifts_digest WHERE id = 1`)) as { enabled: boolean }[];
    return row?.enabled ?? false;
  }

  async setDigest(tx: EntityManager, enabled: boolean, by: string, now: Date): Promise<void> {
    await tx.query(
      `INSERT INTO open_shifts_digest (id, enabled, changed_by, changed_at) VALUES (1, $1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET enabled = EXCLUDED.enabled, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at`,
      [enabled, by, now],
    );
  }
}
