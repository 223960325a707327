import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Attendance, BookableSlot, ContactHistory, ContactLimitCandidate, ShiftOfDay, StaffActor, StaffBookingSearch, BookingDetails, BookingInput, BookingStatus, BookingView, CancelledBy, Language, VisitCategory } from '@digihjalpen/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { currentTime } from '../../common/clock';

/** A booking with its slot, session and site: what pages, e-mails and calendar files show. */
export interface BookingRecord extends BookingDetails {
  id: string;
  reference: string;
  tokenVersion: number;
  status: BookingStatus;
  cancelledBy: CancelledBy | null;
  referralCode: string | null;
  sequence: number;
  remindedAt: Date | null;
  updatedAt: Date;
  slot: { id: string; start: Date; end: Date };
  session: { id: string; start: Date; end: Date; dropIn: boolean; cancelled: boolean; cancelReason: string | null };
  site: BookingView['site'] & { id: string };
  /** Set on bookings library staff made: the site their manage link keeps them to. */
  scopeSiteId: string | null;
  bookedBy: string | null;
  attendance: Attendance | null;
  contactKeys: string[];
  /** The suspicious run (many public bookings from one network in a short time) it belongs to. */
  suspiciousRun: string | null;
  /** Keyed hash of the client network a public booking came from; null for staff bookings, seeded ones and after erasure. */
  originHash: string | null;
}

export interface SlotToBook extends BookableSlot {
  siteId: string;
  timeZone: string;
}

export interface NewBooking extends BookingInput {
  id: string;
  reference: string;
  manageTokenHash: string;
  contactKeys: string[];
  /** Staff who booked for the person, and their partner organisation if they are a partner. */
  bookedBy: string | null;
  partnerId: string | null;
  /** Library staff's site: the booking keeps to it (see BookingRecord.scopeSiteId). */
  scopeSiteId: string | null;
  /** Keyed hash of the public booker's network; null for staff bookings. */
  originHash: string | null;
  /** Contact keys confirmed at once (staff spoke with the person); empty for public bookings. */
  confirmedKeys: string[];
  /** The application's now. */
  bookedAt: Date;
}

/** A booking with its slot, session and site, read from `source` (the table, or the rows an INSERT returned). */
const recordSelect = (source: string) => `
  SELECT b.id, b.reference, b.token_version, b.status, b.cancelled_by, b.name, b.email, b.phone, b.language, b.topics,
         b.own_device, b.needs, b.referral_code, b.sequence, b.reminded_at, b.updated_at, b.scope_site_id, b.booked_by, b.attendance, b.contact_keys, b.suspicious_run, b.origin_hash,
         sl.id AS slot_id, sl.starts_at AS slot_start, sl.ends_at AS slot_end,
         s.id AS session_id, s.starts_at AS session_start, s.ends_at AS session_end, s.drop_in, s.status AS session_status, s.cancel_reason,
         site.id AS site_id, site.slug, site.name AS site_name, site.address, site.directions, site.accessibility_notes, site.contact_phone, site.time_zone
    FROM ${source} b
    JOIN slot sl ON sl.id = b.slot_id
    JOIN session s ON s.id = sl.session_id
    JOIN site ON site.id = s.site_id`;
const RECORD_SELECT = recordSelect('booking');

interface RawRecord {
  id: string;
  reference: string;
  token_version: number;
  status: BookingStatus;
  cancelled_by: CancelledBy | null;
  name: string;
  email: string | null;
  phone: string | null;
  language: Language;
  topics: VisitCategory[];
  own_device: boolean | null;
  needs: string | null;
  referral_code: string | null;
  sequence: number;
  reminded_at: Date | null;
  updated_at: Date;
  scope_site_id: string | null;
  booked_by: string | null;
  attendance: Attendance | null;
  contact_keys: string[];
  suspicious_run: string | null;
  origin_hash: string | null;
  slot_id: string;
  slot_start: Date;
  slot_end: Date;
  session_id: string;
  session_start: Date;
  session_end: Date;
  drop_in: boolean;
  session_status: string;
  cancel_reason: string | null;
  site_id: string;
  slug: string;
  site_name: string;
  address: string;
  directions: string;
  accessibility_notes: string;
  contact_phone: string | null;
  time_zone: string;
}

function toRecord(r: RawRecord): BookingRecord {
  return {
    id: r.id,
    reference: r.reference,
    tokenVersion: r.token_version,
    status: r.status,
    cancelledBy: r.cancelled_by,
    name: r.name,
    email: r.email,
    phone: r.phone,
    language: r.language,
    topics: r.topics,
    ownDevice: r.own_device,
    needs: r.needs,
    referralCode: r.referral_code,
    sequence: r.sequence,
    remindedAt: r.reminded_at,
    updatedAt: r.updated_at,
    scopeSiteId: r.scope_site_id,
    bookedBy: r.booked_by,
    attendance: r.attendance,
    contactKeys: r.contact_keys,
    suspiciousRun: r.suspicious_run,
    originHash: r.origin_hash,
    slot: { id: r.slot_id, start: r.slot_start, end: r.slot_end },
    session: { id: r.session_id, start: r.session_start, end: r.session_end, dropIn: r.drop_in, cancelled: r.session_status === 'cancelled', cancelReason: r.cancel_reason },
    site: {
      id: r.site_id,
      slug: r.slug,
      name: r.site_name,
      address: r.address,
      directions: r.directions,
      accessibilityNotes: r.accessibility_notes,
      contactPhone: r.contact_phone,
      timeZone: r.time_zone,
    },
  };
}

interface RawSlot {
  slot_id: string;
  session_id: string;
  site_id: string;
  starts_at: Date;
  ends_at: Date;
  seats_left: number;
  unavailable: boolean;
  time_zone: string;
}

const toSlot = (r: RawSlot): SlotToBook => ({
  slotId: r.slot_id,
  sessionId: r.session_id,
  siteId: r.site_id,
  start: r.starts_at,
  end: r.ends_at,
  seatsLeft: r.seats_left,
  sessionCancelled: r.unavailable,
  timeZone: r.time_zone,
});

/** Postgres error of a check constraint (the capacity guarantee) or a unique index. */
export function violatedConstraint(error: unknown): string | undefined {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === '23514' || code === '23505' ? (e.driverError?.constraint ?? e.constraint) : undefined;
}

@Injectable()
export class BookingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * The slot with its session's state, taking a share lock on the session: a coordinator cancelling
   * the session waits for this booking, then cancels it with the others (never a booking left behind).
   */
  async slotToBook(tx: EntityManager = this.db.manager, slotId: string): Promise<SlotToBook | null> {
    const rows: RawSlot[] = await tx.query(
      `SELECT sl.id AS slot_id, s.id AS session_id, s.site_id, sl.starts_at, sl.ends_at, sl.seats - sl.booked AS seats_left,
              (s.status <> 'planned' OR NOT site.active) AS unavailable, site.time_zone
         FROM slot sl JOIN session s ON s.id = sl.session_id JOIN site ON site.id = s.site_id
        WHERE sl.id = $1
          FOR SHARE OF s`,
      [slotId],
    );
    return rows[0] ? toSlot(rows[0]) : null;
  }

  /** A site's slots in a time range, for offering other times. */
  async slotsOfSite(siteId: string, from: Date, to: Date): Promise<SlotToBook[]> {
    const rows: RawSlot[] = await this.db.query(
      `SELECT sl.id AS slot_id, s.id AS session_id, s.site_id, sl.starts_at, sl.ends_at, sl.seats - sl.booked AS seats_left,
              NOT site.active AS unavailable, site.time_zone
         FROM session s JOIN slot sl ON sl.session_id = s.id JOIN site ON site.id = s.site_id
        WHERE s.site_id = $1 AND s.starts_at < $3 AND s.ends_at > $2 AND s.status = 'planned'
        ORDER BY sl.starts_at`,
      [siteId, from, to],
    );
    return rows.map(toSlot);
  }

  async shareSessionsOf(tx: EntityManager, slotIds: string[]): Promise<void> {
    await tx.query(`SELECT 1 FROM session WHERE id IN (SELECT session_id FROM slot WHERE id = ANY($1::uuid[])) ORDER BY id FOR SHARE`, [slotIds]);
  }

  /** Locks the slots in id order, so two moves in opposite directions cannot deadlock. */
  async lockSlots(tx: EntityManager, slotIds: string[]): Promise<void> {
    await tx.query(`SELECT 1 FROM slot WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [slotIds]);
  }

  /**
   * Future confirmed bookings that share any of these contact keys, with what the per-contact rule needs
   * (which keys were confirmed, the network's hash). Serialised per key with advisory locks, so two parallel
   * requests from one person cannot both slip under the limit. Capped: the rule needs only a handful.
   */
  async futureBookingsOf(tx: EntityManager, keys: string[], now: Date, originHash: string | null): Promise<ContactLimitCandidate[]> {
    if (!keys.length) return [];
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended(k, 42)) FROM unnest($1::text[]) AS k ORDER BY k`, [keys]);
    const rows: { contact_keys: string[]; confirmed_keys: string[]; origin_hash: string | null }[] = await tx.query(
      `SELECT b.contact_keys, b.confirmed_keys, b.origin_hash FROM booking b JOIN slot sl ON sl.id = b.slot_id
        WHERE b.contact_keys && $1::text[] AND b.status = 'confirmed' AND sl.starts_at > $2
        ORDER BY (b.confirmed_keys && $1::text[]) DESC, (b.origin_hash = $3) DESC NULLS LAST
        LIMIT 1000`,
      [keys, now, originHash],
    );
    return rows.map((r) => ({ contactKeys: r.contact_keys, confirmedKeys: r.confirmed_keys, originHash: r.origin_hash }));
  }

  /**
   * Public bookings without any contact detail at a site on one local date (confirmed, not erased; a public
   * booking is one with a client network — staff and seeded demo bookings have none). Serialised
   * per site and date with an advisory lock, so parallel requests cannot both take the last place under the cap.
   */
  async contactlessOnDay(tx: EntityManager, siteId: string, date: string): Promise<number> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 43))`, [`contactless:${siteId}:${date}`]);
    const [row] = (await tx.query(
      `SELECT count(*)::int AS n
         FROM session s JOIN site ON site.id = s.site_id JOIN slot sl ON sl.session_id = s.id JOIN booking b ON b.slot_id = sl.id
        WHERE s.site_id = $1 AND s.starts_at < ($2::date + 2) AND s.ends_at > ($2::date - 1)
          AND (sl.starts_at AT TIME ZONE site.time_zone)::date = $2::date
          AND b.status = 'confirmed' AND b.origin_hash IS NOT NULL AND cardinality(b.contact_keys) = 0 AND b.erased_at IS NULL`,
      [siteId, date],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /** Holds one network's public bookings in turn until commit (taken first in a booking's transaction: no deadlock). */
  async lockOrigin(tx: EntityManager, originHash: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 44))`, [`origin:${originHash}`]);
  }

  /** Bookings made from this network since `since` (on the application's clock; cancelled ones too). */
  async bookingsFromOriginSince(tx: EntityManager, originHash: string, since: Date): Promise<number> {
    const [row] = (await tx.query(`SELECT count(*)::int AS n FROM booking WHERE origin_hash = $1 AND booked_at > $2`, [originHash, since])) as { n: number }[];
    return row?.n ?? 0;
  }

  /**
   * Flags the bookings from this network since `since` as one suspicious run. A run that grows keeps its id
   * (and takes in the earlier bookings of every run it touches), so staff cancel it as one.
   */
  async flagRun(tx: EntityManager, originHash: string, since: Date, newRunId: string, now: Date): Promise<string> {
    const [row] = (await tx.query(
      `WITH recent AS (SELECT id, suspicious_run FROM booking WHERE origin_hash = $1 AND booked_at > $2),
            chosen AS (SELECT COALESCE((SELECT b.suspicious_run FROM booking b WHERE b.suspicious_run IN (SELECT suspicious_run FROM recent)
                                         ORDER BY b.flagged_at, b.suspicious_run LIMIT 1), $3::uuid) AS run),
            flagged AS (
              UPDATE booking b SET suspicious_run = chosen.run, flagged_at = COALESCE(b.flagged_at, $4)
                FROM chosen
               WHERE (b.id IN (SELECT id FROM recent) OR b.suspicious_run IN (SELECT suspicious_run FROM recent))
                 AND b.suspicious_run IS DISTINCT FROM chosen.run
              RETURNING b.id)
       SELECT run FROM chosen`,
      [originHash, since, newRunId, now],
    )) as { run: string }[];
    return (row as { run: string }).run;
  }

  /** Marks a contact of the booking as confirmed (its owner followed the proof); false if it is not the booking's. */
  async confirmContact(id: string, key: string, now: Date): Promise<boolean> {
    const [rows] = (await this.db.query(
      `UPDATE booking SET confirmed_keys = CASE WHEN $2 = ANY(confirmed_keys) THEN confirmed_keys ELSE array_append(confirmed_keys, $2) END,
              contact_confirmed_at = COALESCE(contact_confirmed_at, $3)
        WHERE id = $1 AND $2 = ANY(contact_keys) AND erased_at IS NULL
        RETURNING id`,
      [id, key, now],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  /** Every booking of a suspicious run, in time order. */
  async runBookings(runId: string, tx: EntityManager = this.db.manager): Promise<BookingRecord[]> {
    const rows: RawRecord[] = await tx.query(`${RECORD_SELECT} WHERE b.suspicious_run = $1 ORDER BY sl.starts_at, b.id`, [runId]);
    return rows.map(toRecord);
  }

  /** Locks these bookings in id order (after their sessions and slots). */
  async lockBookings(tx: EntityManager, ids: string[]): Promise<void> {
    await tx.query(`SELECT 1 FROM booking WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  }

  /**
   * Inserts the booking and answers it with its slot, session and site in the same statement; null when
   * the reference is already taken (pick another and retry).
   */
  async insert(tx: EntityManager, b: NewBooking): Promise<BookingRecord | null> {
    const rows: RawRecord[] = await tx.query(
      // The partner: whoever booked for the person, else the partner behind an active referral code.
      `WITH inserted AS (
         INSERT INTO booking (id, slot_id, reference, manage_token_hash, name, email, phone, contact_keys, language, topics, own_device, needs, referral_code, booked_by, partner_id, scope_site_id,
                              origin_hash, booked_at, confirmed_keys, contact_confirmed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text, $14,
                 COALESCE($15::uuid, (SELECT partner_id FROM referral_code WHERE code = $13::text AND revoked_at IS NULL)), $16,
                 $17, $18::timestamptz, $19::text[], CASE WHEN cardinality($19::text[]) > 0 THEN $18::timestamptz END)
         ON CONFLICT (reference) DO NOTHING
         RETURNING *)
       ${recordSelect('inserted')}`,
      [b.id, b.slotId, b.reference, b.manageTokenHash, b.name, b.email, b.phone, b.contactKeys, b.language, b.topics, b.ownDevice, b.needs, b.ref, b.bookedBy, b.partnerId, b.scopeSiteId, b.originHash, b.bookedAt, b.confirmedKeys],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findByTokenHash(hash: string, tx: EntityManager = this.db.manager): Promise<BookingRecord | null> {
    const rows: RawRecord[] = await tx.query(`${RECORD_SELECT} WHERE b.manage_token_hash = $1`, [hash]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findById(id: string, tx: EntityManager = this.db.manager): Promise<BookingRecord | null> {
    const rows: RawRecord[] = await tx.query(`${RECORD_SELECT} WHERE b.id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Cancels a confirmed booking (the trigger frees the seat); false if it was not confirmed. */
  async cancel(tx: EntityManager, id: string, by: CancelledBy): Promise<boolean> {
    const [rows] = (await tx.query(
      `UPDATE booking SET status = 'cancelled', cancelled_by = $2, cancelled_at = $3, sequence = sequence + 1, updated_at = $3
        WHERE id = $1 AND status = 'confirmed' RETURNING id`,
      [id, by, currentTime()],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  /** Moves a confirmed booking to another slot (the trigger moves the seat); false if it was cancelled meanwhile. */
  async move(tx: EntityManager, id: string, slotId: string): Promise<boolean> {
    // A booking kept to a site goes with it when staff move it to another one.
    const [rows] = (await tx.query(
      `UPDATE booking b SET slot_id = $2, sequence = b.sequence + 1, reminded_at = NULL, updated_at = $3,
              scope_site_id = CASE WHEN b.scope_site_id IS NULL THEN NULL ELSE (SELECT s.site_id FROM slot sl JOIN session s ON s.id = sl.session_id WHERE sl.id = $2) END
        WHERE b.id = $1 AND b.status = 'confirmed' RETURNING b.id`,
      [id, slotId, currentTime()],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  /** Cancels every confirmed booking of a session; returns the ids (for the e-mails). */
  async cancelAllOfSessions(tx: EntityManager, sessionIds: readonly string[]): Promise<{ id: string; email: string | null }[]> {
    const [rows] = (await tx.query(
      `UPDATE booking b SET status = 'cancelled', cancelled_by = 'session', cancelled_at = $2, sequence = b.sequence + 1, updated_at = $2
         FROM slot sl
        WHERE sl.id = b.slot_id AND sl.session_id = ANY($1::uuid[]) AND b.status = 'confirmed'
        RETURNING b.id, b.email`,
      [sessionIds, currentTime()],
    )) as [{ id: string; email: string | null }[], number];
    return rows;
  }

  /** Claims the reminder of a booking that is still confirmed at this time; false if already sent or changed. */
  async claimReminder(id: string, slotStart: Date): Promise<boolean> {
    const [rows] = (await this.db.query(
      `UPDATE booking b SET reminded_at = $3
         FROM slot sl JOIN session s ON s.id = sl.session_id
        WHERE b.id = $1 AND sl.id = b.slot_id AND sl.starts_at = $2 AND b.status = 'confirmed' AND s.status = 'planned' AND b.reminded_at IS NULL
        RETURNING b.id`,
      [id, slotStart, currentTime()],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  async releaseReminder(id: string): Promise<void> {
    await this.db.query(`UPDATE booking SET reminded_at = NULL WHERE id = $1`, [id]);
  }

  // Staff bookings ------------------------------------------------------------------------------

  /** The booking, locked for a change (after its session and slot: the lock order of every booking change). */
  async lockBooking(tx: EntityManager, id: string): Promise<BookingRecord | null> {
    await tx.query(`SELECT 1 FROM booking WHERE id = $1 FOR UPDATE`, [id]);
    return this.findById(id, tx);
  }

  /** The caller's role and site as they are now, held until the change commits (a concurrent change of the account waits). */
  async actor(tx: EntityManager, userId: string): Promise<Pick<StaffActor, 'role' | 'siteId'> | null> {
    const rows: { role: StaffActor['role']; site_id: string | null }[] = await tx.query(`SELECT role, site_id FROM app_user WHERE id = $1 FOR SHARE`, [userId]);
    return rows[0] ? { role: rows[0].role, siteId: rows[0].site_id } : null;
  }

  /**
   * A helper's shifts on sessions around `now` (a day either side; the caller keeps today's by each site's
   * date). With `tx` the shift rows are held, so a coordinator removing the shift waits for the change.
   */
  async shiftsAround(helperId: string, now: Date, tx: EntityManager = this.db.manager): Promise<ShiftOfDay[]> {
    const rows: { session_id: string; site_id: string; starts_at: Date; time_zone: string }[] = await tx.query(
      `SELECT s.id AS session_id, s.site_id, s.starts_at, site.time_zone
         FROM shift sh JOIN session s ON s.id = sh.session_id JOIN site ON site.id = s.site_id
        WHERE sh.helper_id = $1 AND s.starts_at < $3 AND s.ends_at > $2
        ORDER BY sh.id
          FOR SHARE OF sh`,
      [helperId, new Date(now.getTime() - 36 * 3_600_000), new Date(now.getTime() + 36 * 3_600_000)],
    );
    return rows.map((r) => ({ sessionId: r.session_id, siteId: r.site_id, start: r.starts_at, timeZone: r.time_zone }));
  }

  /**
   * One page of bookings for staff. `search.phoneKeyHash` is the stored (keyed) form of the phone searched for;
   * `sessionIds` limits a helper to the sessions they staff today; `siteId` limits library staff to theirs.
   */
  async search(
    search: Omit<StaffBookingSearch, 'phoneKey'> & { phoneKeyHash: string | null; q: boolean },
    limit: { siteId: string | null; sessionIds: string[] | null },
    pageSize: number,
  ): Promise<{ items: BookingRecord[]; total: number }> {
    const patterns = search.nameWords.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const rows: (RawRecord & { total: number })[] = await this.db.query(
      `${RECORD_SELECT.replace('SELECT ', 'SELECT (count(*) OVER ())::int AS total, ')}
        WHERE ($1::uuid IS NULL OR s.site_id = $1::uuid)
          AND ($2::uuid IS NULL OR s.site_id = $2::uuid)
          AND ($3::uuid IS NULL OR s.id = $3::uuid)
          AND ($4::uuid[] IS NULL OR s.id = ANY($4::uuid[]))
          AND ($5::date IS NULL OR (sl.starts_at AT TIME ZONE site.time_zone)::date = $5::date)
          AND (NOT $6::boolean
               OR b.reference = $7::text
               OR ($8::text IS NOT NULL AND b.contact_keys @> ARRAY[$8::text])
               OR (cardinality($9::text[]) > 0 AND b.erased_at IS NULL AND
                   translate(lower(b.name), 'åäöéèêëüúùáàâíìïóòôñç', 'aaoeeeeuuuaaaiiiooonc') LIKE ALL ($9::text[])))
          AND (NOT $12::boolean OR b.suspicious_run IS NOT NULL)
        ORDER BY sl.starts_at, b.created_at, b.id
        LIMIT $10 OFFSET $11`,
      [search.siteId, limit.siteId, search.sessionId, limit.sessionIds, search.date, search.q, search.reference, search.phoneKeyHash, patterns, pageSize, (search.page - 1) * pageSize, search.flaggedOnly],
    );
    return { items: rows.map(toRecord), total: rows[0]?.total ?? 0 };
  }

  /** How it went at the other bookings of the same contact (shared contact keys): counts only. */
  async contactHistory(bookingId: string, keys: string[], now: Date): Promise<ContactHistory> {
    if (!keys.length) return { earlier: 0, came: 0, didNotCome: 0, upcoming: 0 };
    const [row] = (await this.db.query(
      `SELECT count(*) FILTER (WHERE sl.starts_at <= $3 AND o.status = 'confirmed')::int AS earlier,
              count(*) FILTER (WHERE sl.starts_at <= $3 AND o.status = 'confirmed'
                               AND (o.attendance = 'checked-in' OR EXISTS (SELECT 1 FROM visit v WHERE v.booking_id = o.id)))::int AS came,
              count(*) FILTER (WHERE sl.starts_at <= $3 AND o.status = 'confirmed' AND o.attendance = 'no-show'
                               AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.booking_id = o.id))::int AS did_not_come,
              count(*) FILTER (WHERE sl.starts_at > $3 AND o.status = 'confirmed')::int AS upcoming
         FROM booking o JOIN slot sl ON sl.id = o.slot_id
        WHERE o.id <> $1 AND o.contact_keys && $2::text[]`,
      [bookingId, keys, now],
    )) as { earlier: number; came: number; did_not_come: number; upcoming: number }[];
    return { earlier: row?.earlier ?? 0, came: row?.came ?? 0, didNotCome: row?.did_not_come ?? 0, upcoming: row?.upcoming ?? 0 };
  }
}
