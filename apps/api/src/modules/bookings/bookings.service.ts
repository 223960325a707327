import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  BookingError,
  assertContactLimit,
  assertContactlessRoom,
  completesSuspiciousRun,
  contactlessDayToCheck,
  countsAsContactless,
  localDateOf,
  looksLikeProof,
  parseConfirmContact,
  suspiciousRunSince,
  bookingProblem,
  contactKeys,
  manageLinkOpen,
  nearestAlternatives,
  parseBookingRequest,
  parseMoveRequest,
  referenceFrom,
  reminderTime,
  toLocalIso,
  assertMoveKeepsSite,
  assertStaffMayChange,
  assertStaffScope,
  parseStaffCancel,
  mayCancelInRun,
  StaffBookingError,
  type SuspiciousRunCancelled,
  parseStaffMove,
  shiftsOnDay,
  type AlternativeSlotView,
  type StaffActor,
  type AuthUser,
  type Language,
} from '@digihjalpen/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { currentTime } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { JobQueue } from '../jobs/job-queue';
import { RateLimits } from '../limits/rate-limits.service';
import { ScheduleService } from '../schedule/schedule.service';
import type { MailKind } from './booking-texts';
import { BookingsRepository, violatedConstraint, type BookingRecord, type SlotToBook } from './bookings.repository';
import { ManageTokens } from './manage-tokens';

export const BOOKING_MAIL_QUEUE = 'booking-mail';

export interface BookingMailJob {
  bookingId: string;
  kind: MailKind;
  /** For reminders: the time the reminder is about (a moved booking's old reminder then does nothing). */
  slotStart?: string;
  /** For changes staff made: why, in their words (it goes to the person; never to the audit log). */
  reason?: string;
}

export interface CreatedBooking {
  booking: BookingRecord;
  manageToken: string;
}

/** Internal: the slot was full or not bookable; becomes a BookingError with alternatives. */
class SlotUnavailable extends Error {
  constructor(
    readonly slot: SlotToBook,
    readonly problem: 'full' | 'not-bookable',
  ) {
    super(problem);
  }
}

const ALTERNATIVE_WEEKS = 8;
const WEEK = 7 * 86_400_000;

@Injectable()
export class BookingsService implements OnModuleInit {
  constructor(
    private readonly repo: BookingsRepository,
    private readonly tokens: ManageTokens,
    private readonly jobs: JobQueue,
    private readonly schedule: ScheduleService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limits: RateLimits,
  ) {}

  onModuleInit(): void {
    // Cancelling sessions cancels their bookings in the same transaction and tells each person.
    this.schedule.onSessionCancelled(async (tx, { sessionIds }) => {
      // One statement for the e-mails too: a closure cancels thousands of bookings in one transaction.
      const cancelled = await this.repo.cancelAllOfSessions(tx, sessionIds);
      const mails = cancelled.filter((b) => b.email).map((b): BookingMailJob => ({ bookingId: b.id, kind: 'session-cancelled' }));
      await this.jobs.sendMany<BookingMailJob>(BOOKING_MAIL_QUEUE, mails, tx);
    });
  }

  /**
   * Books a seat: for oneself on the public page, or by staff (`by`) for someone who phones or comes to
   * the desk — the same rules and the same capacity guarantee. Staff messages are in Swedish; the person's
   * e-mails in the language chosen for them. A partner's bookings count for the partner.
   *
   * A public booking carries its client `network` (clientNetwork): its bookings are taken in turn, count
   * toward a contact's limit from that network, and a quick run of them is flagged for staff. Staff bookings
   * have none, and do not count toward the cap on bookings without contact details.
   */
  async book(body: unknown, lang: Language, now = currentTime(), by?: AuthUser, network?: string): Promise<CreatedBooking> {
    if (by && body && typeof body === 'object' && 'ref' in body) throw BookingError.invalid({ ref: 'refInvalid' }, lang);
    const input = parseBookingRequest(body, lang);
    const id = randomUUID();
    const booking = await this.withCapacityCheck(input.slotId, lang, now, () =>
      this.repo.transaction(async (tx) => {
        const originHash = by || !network ? null : this.tokens.originHash(network);
        // First in the transaction: one network's bookings one at a time (the run count below stays true).
        if (originHash) await this.repo.lockOrigin(tx, originHash);
        // The network's hourly and daily bookings, counted only if this booking is made: a person at a shared
        // library computer is not held back by the refused or mistyped tries of the person before them.
        if (network) await this.limits.publicBooking(network, lang, tx, now);
        const slot = await this.bookableSlot(tx, input.slotId, lang, now, by);
        // Staff quotas (per account an hour, per partner organisation a week), counted in this transaction.
        if (by) await this.limits.staffBooking(by, tx, now);
        const keys = contactKeys(input).map((k) => this.tokens.contactKeyHash(k));
        const limit = this.config.limits.futureBookingsPerContact;
        assertContactLimit(await this.repo.futureBookingsOf(tx, keys, now, originHash), { keys, originHash }, limit, lang);
        if (countsAsContactless({ byStaff: Boolean(by), contactKeys: keys })) {
          const day = localDateOf(slot.start, slot.timeZone);
          assertContactlessRoom(await this.repo.contactlessOnDay(tx, slot.siteId, day), this.config.limits.contactlessPerSiteDay, lang);
        }
        const manageTokenHash = this.tokens.hashFor(id, 1);
        let inserted: BookingRecord | null = null;
        // 30-bit references: a clash is rare but possible at national scale; draw again.
        for (let attempt = 0; !inserted && attempt < 5; attempt += 1) {
          inserted = await this.repo.insert(tx, {
            ...input,
            id,
            reference: referenceFrom(randomBytes(6)),
            manageTokenHash,
            contactKeys: keys,
            bookedBy: by?.id ?? null,
            partnerId: by?.role === 'partner' ? (by.partnerId ?? null) : null,
            // Library staff's bookings keep to their library (the person's manage link cannot move them elsewhere).
            scopeSiteId: by?.role === 'library-staff' ? slot.siteId : null,
            originHash,
            bookedAt: now,
            // Staff spoke with the person: their contact is confirmed from the start.
            confirmedKeys: by ? keys : [],
          });
        }
        if (!inserted) throw new Error('Could not find a free booking reference');
        if (originHash) await this.flagIfRun(tx, originHash, now);
        await this.tellPerson(tx, inserted, { kind: 'confirmation', slotStart: slot.start }, now);
        if (by) await this.audit.record({ actorId: by.id, action: 'booking.created-for-person', entity: 'booking', entityId: id }, tx);
        return inserted;
      }),
    );
    return { booking, manageToken: this.tokens.tokenFor(id, booking.tokenVersion) };
  }

  /**
   * The booking behind a manage link, while the link works. A wrong or revoked token is 404. A cancelled
   * booking (by anyone), or one whose session ended more than MANAGE_LINK_HOURS ago, is 410 with the
   * same words for both: whoever finds the link in a shared computer's history learns nothing more.
   */
  async get(token: string, lang: Language, now = currentTime()): Promise<BookingRecord> {
    const hash = this.tokens.lookupHash(token);
    const booking = hash ? await this.repo.findByTokenHash(hash) : null;
    if (!booking) throw BookingError.notFound(lang);
    if (!manageLinkOpen({ status: booking.status, sessionEnd: booking.session.end }, now, this.config.manageLinkHours)) {
      throw BookingError.linkEnded(lang, this.config.publicUrl);
    }
    return booking;
  }

  /**
   * Cancels through the manage link; the seat is free when this returns. The request that cancels
   * answers 204 (also when another one cancelled it a moment before); after that the link has ended.
   */
  async cancel(token: string, lang: Language, now = currentTime()): Promise<void> {
    const booking = await this.get(token, lang, now);
    // After the start the booking belongs to the session's record (came / did not come).
    if (booking.status === 'confirmed' && booking.slot.start <= now) throw BookingError.started(lang);
    await this.repo.transaction(async (tx) => {
      // The lock order of every booking change (session, then slot, then booking): a session being
      // cancelled at the same moment — which updates all its bookings — cannot deadlock with this.
      await this.repo.shareSessionsOf(tx, [booking.slot.id]);
      await this.repo.lockSlots(tx, [booking.slot.id]);
      const cancelled = await this.repo.cancel(tx, booking.id, 'visitor');
      if (cancelled) await this.tellPerson(tx, booking, { kind: 'cancelled' }, now);
    });
  }

  async move(token: string, body: unknown, lang: Language, now = currentTime()): Promise<BookingRecord> {
    const booking = await this.get(token, lang, now);
    const language = booking.language;
    const slotId = parseMoveRequest(body, lang);
    if (booking.slot.start <= now) throw BookingError.started(language);
    if (slotId === booking.slot.id) return booking;
    await this.moveWithin(booking, slotId, language, now, {
      check: async (tx, current, target) => {
        // A booking library staff made keeps to their library.
        assertMoveKeepsSite(current.scopeSiteId, target.siteId, language);
        // A public booking without contact details takes its place under the target day's cap.
        const day = contactlessDayToCheck({ ...current, siteId: current.site.id, start: current.slot.start }, target);
        if (day) assertContactlessRoom(await this.repo.contactlessOnDay(tx, day.siteId, day.date), this.config.limits.contactlessPerSiteDay, language);
      },
      after: (tx, current, target) => this.tellPerson(tx, current, { kind: 'moved', slotStart: target.start }, now),
    });
    return this.get(token, lang, now);
  }

  /**
   * Staff cancel one booking with a reason (coordinators anywhere, library staff at their site, helpers on
   * today's sessions of theirs — checked after the locks, in the transaction of the change). The person is
   * told why, in their language; the audit log gets who and which booking (not the reason).
   */
  async cancelByStaff(by: AuthUser, bookingId: string, body: unknown, now = currentTime()): Promise<BookingRecord> {
    const { reason } = parseStaffCancel(body);
    const booking = await this.repo.findById(bookingId);
    if (!booking) throw BookingError.notFound('sv');
    await this.repo.transaction(async (tx) => {
      await this.repo.shareSessionsOf(tx, [booking.slot.id]);
      await this.repo.lockSlots(tx, [booking.slot.id]);
      const current = await this.repo.lockBooking(tx, booking.id);
      if (!current) throw BookingError.notFound('sv');
      assertStaffScope(await this.actorOf(tx, by, now), { kind: 'booking', siteId: current.site.id, sessionId: current.session.id });
      assertStaffMayChange({ status: current.status, slotStart: current.slot.start }, now);
      if (!(await this.repo.cancel(tx, current.id, 'staff'))) throw BookingError.alreadyCancelled('sv');
      await this.tellPerson(tx, current, { kind: 'cancelled-by-staff', reason }, now);
      await this.audit.record({ actorId: by.id, action: 'booking.cancelled-by-staff', entity: 'booking', entityId: current.id }, tx);
    });
    return (await this.repo.findById(booking.id)) as BookingRecord;
  }

  /**
   * Staff cancel a suspicious run at once, from one of its bookings: every booking of the run they may
   * change (confirmed, not started, in their scope — the single cancel's rule for each), in one transaction
   * with the single cancel's locks. Each person with an e-mail is told why, in their language; each
   * cancellation is in the audit log with the run.
   */
  async cancelRunByStaff(by: AuthUser, bookingId: string, body: unknown, now = currentTime()): Promise<SuspiciousRunCancelled> {
    const { reason } = parseStaffCancel(body);
    const booking = await this.repo.findById(bookingId);
    if (!booking) throw BookingError.notFound('sv');
    // Whether it is flagged is said only to those who may see the booking (checked again in the transaction).
    assertStaffScope(await this.actorOf(undefined, by, now), { kind: 'booking', siteId: booking.site.id, sessionId: booking.session.id });
    const runId = booking.suspiciousRun;
    if (!runId) throw StaffBookingError.notFlagged();
    return this.repo.transaction(async (tx) => {
      const listed = await this.repo.runBookings(runId, tx);
      const slotIds = [...new Set(listed.map((b) => b.slot.id))];
      await this.repo.shareSessionsOf(tx, slotIds);
      await this.repo.lockSlots(tx, slotIds);
      await this.repo.lockBookings(tx, listed.map((b) => b.id));
      // As locked; a booking that joined the run meanwhile (its slot not locked here) waits for another click.
      const run = (await this.repo.runBookings(runId, tx)).filter((b) => slotIds.includes(b.slot.id));
      const actor = await this.actorOf(tx, by, now);
      const asked = run.find((b) => b.id === booking.id);
      if (!asked) throw BookingError.notFound('sv');
      assertStaffScope(actor, { kind: 'booking', siteId: asked.site.id, sessionId: asked.session.id });
      let cancelled = 0;
      let toldByEmail = 0;
      for (const b of run) {
        if (!mayCancelInRun(actor, { status: b.status, slotStart: b.slot.start, siteId: b.site.id, sessionId: b.session.id, email: b.email, phone: b.phone }, now)) continue;
        if (!(await this.repo.cancel(tx, b.id, 'staff'))) continue;
        cancelled += 1;
        if (b.email) toldByEmail += 1;
        await this.tellPerson(tx, b, { kind: 'cancelled-by-staff', reason }, now);
        await this.audit.record({ actorId: by.id, action: 'booking.run-cancelled-by-staff', entity: 'booking', entityId: b.id, details: { run: runId } }, tx);
      }
      return { cancelled, toldByEmail };
    });
  }

  /**
   * Staff move one booking with a reason: the same transaction, locks and capacity guarantee as the
   * person's own move, with the caller's scope checked on the booking and on the new time.
   */
  async moveByStaff(by: AuthUser, bookingId: string, body: unknown, now = currentTime()): Promise<BookingRecord> {
    const { slotId, reason } = parseStaffMove(body);
    const booking = await this.repo.findById(bookingId);
    if (!booking) throw BookingError.notFound('sv');
    await this.moveWithin(booking, slotId, 'sv', now, {
      check: async (tx, current, target) => {
        const actor = await this.actorOf(tx, by, now);
        assertStaffScope(actor, { kind: 'booking', siteId: current.site.id, sessionId: current.session.id });
        assertStaffMayChange({ status: current.status, slotStart: current.slot.start }, now);
        assertStaffScope(actor, { kind: 'book-at', siteId: target.siteId });
        if (target.slotId === current.slot.id) throw BookingError.invalid({ slotId: 'slotInvalid' }, 'sv');
      },
      after: async (tx, current, target) => {
        await this.tellPerson(tx, current, { kind: 'moved-by-staff', slotStart: target.start, reason }, now);
        await this.audit.record(
          { actorId: by.id, action: 'booking.moved-by-staff', entity: 'booking', entityId: current.id, details: { fromSlotId: current.slot.id, toSlotId: target.slotId } },
          tx,
        );
      },
    });
    return (await this.repo.findById(booking.id)) as BookingRecord;
  }

  /** Who the caller is right now, held in the transaction: role, site, and (helpers) today's shifts. */
  async actorOf(tx: EntityManager | undefined, by: AuthUser, now: Date): Promise<StaffActor> {
    const row = tx ? await this.repo.actor(tx, by.id) : { role: by.role, siteId: by.siteId ?? null };
    const actor: StaffActor = row ?? { role: by.role, siteId: by.siteId ?? null };
    if (actor.role !== 'helper') return actor;
    return { ...actor, shiftsToday: shiftsOnDay(await this.repo.shiftsAround(by.id, now, tx), now) };
  }

  /**
   * The one move of a booking (the person's own and staff's): sessions, then slots, then the booking are
   * locked; `check` sees the booking as locked and the new slot before anything is written; the database's
   * capacity check guards the seat; `after` tells and records inside the same transaction.
   */
  private async moveWithin(
    booking: BookingRecord,
    slotId: string,
    language: Language,
    now: Date,
    steps: {
      check: (tx: EntityManager, current: BookingRecord, target: SlotToBook) => void | Promise<void>;
      after: (tx: EntityManager, current: BookingRecord, target: SlotToBook) => Promise<void>;
    },
  ): Promise<void> {
    await this.withCapacityCheck(slotId, language, now, () =>
      this.repo.transaction(async (tx) => {
        // Sessions before slots, the order a session cancellation takes them in: no deadlock.
        await this.repo.shareSessionsOf(tx, [booking.slot.id, slotId]);
        await this.repo.lockSlots(tx, [booking.slot.id, slotId]);
        const current = await this.repo.lockBooking(tx, booking.id);
        if (!current) throw BookingError.notFound(language);
        const slot = await this.bookableSlot(tx, slotId, language, now, undefined, (target) => steps.check(tx, current, target));
        if (!(await this.repo.move(tx, current.id, slotId))) throw BookingError.alreadyCancelled(language);
        await steps.after(tx, current, slot);
      }),
    );
  }

  /**
   * The person followed the link in a message to one of the booking's contacts (`?c=` proof): that contact
   * is confirmed, so the booking now counts toward its limit from any network. A wrong proof is a 404,
   * like a wrong token. Confirming again changes nothing.
   */
  async confirmContact(token: string, body: unknown, lang: Language, now = currentTime()): Promise<void> {
    const { proof } = parseConfirmContact(body, lang);
    const booking = await this.get(token, lang, now);
    const key = looksLikeProof(proof) ? this.tokens.contactProven(booking.id, booking.contactKeys, proof) : null;
    if (!key || !(await this.repo.confirmContact(booking.id, key, now))) throw BookingError.notFound(lang);
  }

  /** The manage link with the proof for one contact (`?c=`): only in a message sent to that contact. */
  manageUrlProving(booking: BookingRecord, contact: { email: string } | { phone: string }): string {
    const [key] = contactKeys({ email: null, phone: null, ...contact });
    return key ? `${this.manageUrl(booking)}&c=${this.tokens.contactProof(booking.id, this.tokens.contactKeyHash(key))}` : this.manageUrl(booking);
  }

  /** The N-th public booking from one network within M minutes flags the whole run for staff. */
  private async flagIfRun(tx: EntityManager, originHash: string, now: Date): Promise<void> {
    const since = suspiciousRunSince(now, this.config.limits.suspiciousRunMinutes);
    if (completesSuspiciousRun(await this.repo.bookingsFromOriginSince(tx, originHash, since), this.config.limits.suspiciousRunBookings)) {
      await this.repo.flagRun(tx, originHash, since, randomUUID(), now);
    }
  }

  manageToken(booking: BookingRecord): string {
    return this.tokens.tokenFor(booking.id, booking.tokenVersion);
  }

  manageUrl(booking: BookingRecord): string {
    return `${this.config.publicUrl}/bokning/${this.manageToken(booking)}?lang=${booking.language}`;
  }

  /** Free times near the wanted one, at the same site. */
  private async alternatives(slot: SlotToBook, now: Date): Promise<AlternativeSlotView[]> {
    const from = slot.start > now ? slot.start : now;
    const slots = await this.repo.slotsOfSite(slot.siteId, new Date(from.getTime() - ALTERNATIVE_WEEKS * WEEK), new Date(from.getTime() + ALTERNATIVE_WEEKS * WEEK));
    return nearestAlternatives(slot.start, slots, now).map((s) => ({
      slotId: s.slotId,
      sessionId: s.sessionId,
      start: toLocalIso(s.start, s.timeZone),
      end: toLocalIso(s.end, s.timeZone),
      seatsLeft: s.seatsLeft,
    }));
  }

  /**
   * The slot, if it can take this booking; otherwise SlotUnavailable (alternatives are looked up after the
   * transaction). Who may book there (`by`) and other checks are said before whether the time is free.
   */
  private async bookableSlot(
    tx: EntityManager,
    slotId: string,
    lang: Language,
    now: Date,
    by?: AuthUser,
    check?: (slot: SlotToBook) => void | Promise<void>,
  ): Promise<SlotToBook> {
    const slot = await this.repo.slotToBook(tx, slotId);
    if (!slot) throw BookingError.invalid({ slotId: 'slotInvalid' }, lang);
    if (by) assertStaffScope(await this.actorOf(tx, by, now), { kind: 'book-at', siteId: slot.siteId });
    await check?.(slot);
    const problem = bookingProblem(slot, now);
    if (problem) throw new SlotUnavailable(slot, problem);
    return slot;
  }

  /**
   * Runs a booking change. When the slot cannot take it (seen on reading, or refused by the database's
   * capacity check because it filled up in the meantime), answers with the nearest free times.
   * The alternatives are read after the transaction: a request never holds two connections.
   */
  private async withCapacityCheck<T>(slotId: string, lang: Language, now: Date, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      let unavailable = error instanceof SlotUnavailable ? error : undefined;
      if (!unavailable && violatedConstraint(error) === 'slot_capacity') {
        const slot = await this.repo.slotToBook(undefined, slotId);
        if (slot) unavailable = new SlotUnavailable(slot, 'full');
      }
      if (!unavailable) throw error;
      const alternatives = await this.alternatives(unavailable.slot, now);
      throw unavailable.problem === 'full' ? BookingError.slotFull(alternatives, lang) : BookingError.notBookable(alternatives, lang);
    }
  }

  /**
   * Tells the person about their booking through every channel it has, in its own language, from the job
   * queue inside the caller's transaction. Today the channel is e-mail; an SMS channel (for `phone`) hooks in
   * here, so every notice — confirmation, moves, cancellations, staff changes with their reason — reaches it.
   * A notice about a (new) time also plans the reminder the day before.
   */
  private async tellPerson(
    tx: EntityManager,
    booking: Pick<BookingRecord, 'id' | 'email' | 'phone'>,
    notice: { kind: MailKind; slotStart?: Date; reason?: string },
    now: Date,
  ): Promise<void> {
    if (!booking.email) return;
    await this.enqueueMail(tx, { bookingId: booking.id, kind: notice.kind, ...(notice.reason ? { reason: notice.reason } : {}) });
    const remindAt = notice.slotStart && reminderTime(notice.slotStart, now);
    if (notice.slotStart && remindAt) {
      await this.jobs.send<BookingMailJob>(BOOKING_MAIL_QUEUE, { bookingId: booking.id, kind: 'reminder', slotStart: notice.slotStart.toISOString() }, { startAfter: remindAt }, tx);
    }
  }

  private async enqueueMail(tx: EntityManager, job: BookingMailJob): Promise<void> {
    await this.jobs.send<BookingMailJob>(BOOKING_MAIL_QUEUE, job, {}, tx);
  }
}
