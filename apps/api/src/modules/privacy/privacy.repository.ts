import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ERASED_NAME, type Attendance, type BookingStatus, type Language, type VisitCategory } from '@digihjalpen/domain';
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

/**
 * One statement erases a set of bookings: name → a neutral word; contact details, needs and contact keys
 * gone; the manage link revoked (a new version and a random hash that no token maps to). A confirmed
 * booking whose time has not started is cancelled too, so its seat is free again (only a request can
 * reach one: the retention job only sees finished times). What statistics need stays.
 * $1: the name; $2: "now"; the WHERE clause picks the rows.
 */
const ERASE = (where: string) => `
  UPDATE booking b
     SET name = $1, email = NULL, phone = NULL, needs = NULL, contact_keys = '{}',
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

  /** The booking with this reference and its contact keys (empty once erased). */
  async byReference(reference: string, tx: EntityManager = this.db.manager): Promise<{ id: string; contactKeys: string[]; erasedAt: Date | null } | null> {
    const rows: { id: string; contact_keys: string[]; erased_at: Date | null }[] = await tx.query(
      `SELECT id, contact_keys, erased_at FROM booking WHERE reference = $1`,
      [reference],
    );
    const row = rows[0];
    return row ? { id: row.id, contactKeys: row.contact_keys, erasedAt: row.erased_at } : null;
  }

  /**
   * The booking and every other booking sharing a contact key with it (the same e-mail address or
   * phone number, compared as keyed hashes): all the system holds about the person. With `lock`, the
   * rows are locked for an erasure.
   */
  async bookingsOfPerson(bookingId: string, contactKeys: string[], tx: EntityManager = this.db.manager): Promise<PersonBookingRow[]> {
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
        WHERE b.id = $1 OR (cardinality($2::text[]) > 0 AND b.contact_keys && $2::text[])
        ORDER BY (b.id = $1) DESC, sl.starts_at, b.reference`,
      [bookingId, contactKeys],
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
}
