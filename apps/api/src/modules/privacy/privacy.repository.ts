import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ERASED_NAME, type Attendance, type BookingStatus, type Language, type ProofChannel, type ProofState, type VisitCategory } from '@digihjalpen/domain';
import { DataSource, type EntityManager } from 'typeorm';

/** A booking as a right-of-access request shows it: the details held and what statistics keep. */
export interface PersonBookingRow {
  id: string;
  reference: string;
  createdAt: Date;
  erasedAt: Date | null;
  bookedBy: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  needs: string | null;
  status: BookingStatus;
  attendance: Attendance | null;
  language: Language;
  topics: VisitCategory[];
  ownDevice: boolean | null;
  referralCode: string | null;
  partnerName: string | null;
  slotStart: Date;
  slotEnd: Date;
  siteName: string;
  timeZone: string;
}

export interface ReferencedBooking {
  id: string;
  contactKeys: string[];
  erasedAt: Date | null;
  email: string | null;
  phone: string | null;
  language: Language;
}

/** A coordinator's proof for one booking: the code's state and the grant. */
export interface ProofRow extends ProofState {
  id: string;
  channel: ProofChannel;
  contactKey: string;
}

const PROOF_COLUMNS = `id, channel, contact_key AS "contactKey", code_hash AS "codeHash", attempts, code_expires_at AS "codeExpiresAt", grant_expires_at AS "grantExpiresAt"`;

/**
 * One statement erases a set of bookings: name → a neutral word; contact details, needs, contact keys (and
 * their confirmations) and the network's hash gone; the manage link revoked (a new version and a random hash that no token maps to). A confirmed
 * booking whose time has not started is cancelled too, so its seat is free again (only a request can
 * reach one: the retention job only sees finished times). What statistics need stays.
 * $1: the name; $2: "now"; the WHERE clause picks the rows.
 */
const ERASE = (where: string) => `
  UPDATE booking b
     SET name = $1, email = NULL, phone = NULL, needs = NULL, contact_keys = '{}',
         confirmed_keys = '{}', contact_confirmed_at = NULL, origin_hash = NULL,
         token_version = b.token_version + 1,
         manage_token_hash = encode(sha256(convert_to(gen_random_uuid()::text || b.id::text, 'UTF8')), 'hex'),
         status = CASE WHEN b.status = 'confirmed' AND sl.starts_at > $2 THEN 'cancelled' ELSE b.status END,
         cancelled_by = CASE WHEN b.status = 'confirmed' AND sl.starts_at > $2 THEN 'visitor' ELSE b.cancelled_by END,
         cancelled_at = CASE WHEN b.status = 'confirmed' AND sl.starts_at > $2 THEN $2 ELSE b.cancelled_at END,
         erased_at = $2, updated_at = $2
    FROM slot sl
   WHERE sl.id = b.slot_id AND b.erased_at IS NULL AND ${where}
  RETURNING b.id, (b.status = 'cancelled' AND b.cancelled_at = $2) AS cancelled`;

@Injectable()
export class PrivacyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Erases up to `limit` bookings whose time ended before `cutoff`, in one statement of its own (short
   * locks; rows another transaction holds are left for the next batch or night). Returns how many.
   */
  async eraseEndedBefore(cutoff: Date, now: Date, limit: number): Promise<number> {
    const [rows] = (await this.db.query(
      ERASE(`b.id IN (SELECT bb.id FROM booking bb JOIN slot s2 ON s2.id = bb.slot_id
                       WHERE bb.erased_at IS NULL AND s2.ends_at < $3
                       ORDER BY s2.ends_at LIMIT $4 FOR UPDATE OF bb SKIP LOCKED)`),
      [ERASED_NAME, now, cutoff, limit],
    )) as [unknown[], number];
    return rows.length;
  }

  /** Erases these bookings now (a request); returns the ids erased and how many future ones were cancelled. */
  async eraseBookings(tx: EntityManager, ids: string[], now: Date): Promise<{ ids: string[]; cancelled: number }> {
    const [rows] = (await tx.query(ERASE(`b.id = ANY($3::uuid[])`), [ERASED_NAME, now, ids])) as [{ id: string; cancelled: boolean }[], number];
    return { ids: rows.map((r) => r.id), cancelled: rows.filter((r) => r.cancelled).length };
  }

  /** The booking with this reference: its contact keys (empty once erased) and what a code needs. */
  async byReference(reference: string, tx: EntityManager = this.db.manager): Promise<ReferencedBooking | null> {
    const rows: { id: string; contact_keys: string[]; erased_at: Date | null; email: string | null; phone: string | null; language: Language }[] = await tx.query(
      `SELECT id, contact_keys, erased_at, email, phone, language FROM booking WHERE reference = $1`,
      [reference],
    );
    const row = rows[0];
    return row ? { id: row.id, contactKeys: row.contact_keys, erasedAt: row.erased_at, email: row.email, phone: row.phone, language: row.language } : null;
  }

  /**
   * The booking, and with a proven `contactKey` every other booking still holding that key (the same
   * e-mail address, compared as keyed hashes). Without one, the booking alone: a reference shows nobody
   * else's bookings.
   */
  async bookingsOf(bookingId: string, contactKey: string | null, tx: EntityManager = this.db.manager): Promise<PersonBookingRow[]> {
    const rows: Record<string, unknown>[] = await tx.query(
      `SELECT b.id, b.reference, b.created_at, b.erased_at, u.name AS booked_by, b.name, b.email, b.phone, b.needs, b.status,
              b.attendance, b.language, b.topics, b.own_device, b.referral_code, p.name AS partner_name,
              sl.starts_at AS slot_start, sl.ends_at AS slot_end, site.name AS site_name, site.time_zone
         FROM booking b
         JOIN slot sl ON sl.id = b.slot_id
         JOIN session s ON s.id = sl.session_id
         JOIN site ON site.id = s.site_id
         LEFT JOIN app_user u ON u.id = b.booked_by
         LEFT JOIN partner p ON p.id = b.partner_id
        WHERE b.id = $1 OR ($2::text IS NOT NULL AND b.contact_keys @> ARRAY[$2::text])
        ORDER BY (b.id = $1) DESC, sl.starts_at, b.reference`,
      [bookingId, contactKey],
    );
    return rows.map((r) => ({
      id: r['id'] as string,
      reference: r['reference'] as string,
      createdAt: r['created_at'] as Date,
      erasedAt: r['erased_at'] as Date | null,
      bookedBy: r['booked_by'] as string | null,
      name: r['name'] as string,
      email: r['email'] as string | null,
      phone: r['phone'] as string | null,
      needs: r['needs'] as string | null,
      status: r['status'] as BookingStatus,
      attendance: r['attendance'] as Attendance | null,
      language: r['language'] as Language,
      topics: r['topics'] as VisitCategory[],
      ownDevice: r['own_device'] as boolean | null,
      referralCode: r['referral_code'] as string | null,
      partnerName: r['partner_name'] as string | null,
      slotStart: r['slot_start'] as Date,
      slotEnd: r['slot_end'] as Date,
      siteName: r['site_name'] as string,
      timeZone: r['time_zone'] as string,
    }));
  }

  /** This coordinator's proof for the booking; with `lock`, locked until the transaction ends (one verification at a time). */
  async proofOf(bookingId: string, coordinatorId: string, tx: EntityManager = this.db.manager, lock = false): Promise<ProofRow | null> {
    const rows: ProofRow[] = await tx.query(
      `SELECT ${PROOF_COLUMNS} FROM privacy_proof WHERE booking_id = $1 AND coordinator_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [bookingId, coordinatorId],
    );
    return rows[0] ?? null;
  }

  /** Stores a new code for the booking and coordinator; it replaces the old code and ends any grant (a new id). */
  async replaceProof(
    tx: EntityManager,
    p: { id: string; bookingId: string; coordinatorId: string; channel: ProofChannel; contactKey: string; codeHash: string; now: Date; codeExpiresAt: Date },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO privacy_proof (id, booking_id, coordinator_id, channel, contact_key, code_hash, attempts, created_at, code_expires_at, verified_at, grant_expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, NULL, NULL)
       ON CONFLICT (booking_id, coordinator_id) DO UPDATE
          SET id = EXCLUDED.id, channel = EXCLUDED.channel, contact_key = EXCLUDED.contact_key, code_hash = EXCLUDED.code_hash, attempts = 0,
              created_at = EXCLUDED.created_at, code_expires_at = EXCLUDED.code_expires_at, verified_at = NULL, grant_expires_at = NULL`,
      [p.id, p.bookingId, p.coordinatorId, p.channel, p.contactKey, p.codeHash, p.now, p.codeExpiresAt],
    );
  }

  /** One wrong try; the last one burns the code. */
  async recordWrongTry(tx: EntityManager, proofId: string, tries: number): Promise<void> {
    await tx.query(
      `UPDATE privacy_proof SET attempts = attempts + 1, code_hash = CASE WHEN attempts + 1 >= $2 THEN NULL ELSE code_hash END WHERE id = $1`,
      [proofId, tries],
    );
  }

  /** The right code: used up, and the grant starts. */
  async markVerified(tx: EntityManager, proofId: string, now: Date, grantedUntil: Date): Promise<void> {
    await tx.query(`UPDATE privacy_proof SET code_hash = NULL, verified_at = $2, grant_expires_at = $3 WHERE id = $1`, [proofId, now, grantedUntil]);
  }

  /** A code still waiting to be typed, with where it goes; null when replaced, used or burnt. */
  async proofForDelivery(proofId: string): Promise<{ channel: ProofChannel; codeHash: string; codeExpiresAt: Date; email: string | null; phone: string | null; language: Language } | null> {
    const rows: { channel: ProofChannel; codeHash: string; codeExpiresAt: Date; email: string | null; phone: string | null; language: Language }[] = await this.db.query(
      `SELECT p.channel, p.code_hash AS "codeHash", p.code_expires_at AS "codeExpiresAt", b.email, b.phone, b.language
         FROM privacy_proof p JOIN booking b ON b.id = p.booking_id
        WHERE p.id = $1 AND p.code_hash IS NOT NULL AND b.erased_at IS NULL`,
      [proofId],
    );
    return rows[0] ?? null;
  }

  /** Forgets proofs whose code and grant have both ended (the nightly job): they hold a contact key. */
  async deleteEndedProofs(now: Date): Promise<number> {
    const [, count] = (await this.db.query(`DELETE FROM privacy_proof WHERE greatest(code_expires_at, grant_expires_at) < $1`, [now])) as [unknown, number];
    return count;
  }
}
