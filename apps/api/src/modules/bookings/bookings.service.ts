import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  BookingError,
  bookingProblem,
  contactKeys,
  nearestAlternatives,
  parseBookingRequest,
  parseMoveRequest,
  referenceFrom,
  reminderTime,
  toLocalIso,
  assertMayBookAt,
  type AlternativeSlotView,
  type AuthUser,
  type Language,
} from '@digihjalpen/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { currentTime } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { JobQueue } from '../jobs/job-queue';
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
  ) {}

  onModuleInit(): void {
    // Cancelling sessions cancels their bookings in the same transaction and tells each person.
    this.schedule.onSessionCancelled(async (tx, { sessionIds }) => {
      for (const booking of await this.repo.cancelAllOfSessions(tx, sessionIds)) {
        if (booking.email) await this.enqueueMail(tx, { bookingId: booking.id, kind: 'session-cancelled' });
      }
    });
  }

  /**
   * Books a seat: for oneself on the public page, or by staff (`by`) for someone who phones or comes to
   * the desk — the same rules and the same capacity guarantee. Staff messages are in Swedish; the person's
   * e-mails in the language chosen for them. A partner's bookings count for the partner.
   */
  async book(body: unknown, lang: Language, now = currentTime(), by?: AuthUser): Promise<CreatedBooking> {
    if (by && body && typeof body === 'object' && 'ref' in body) throw BookingError.invalid({ ref: 'refInvalid' }, lang);
    const input = parseBookingRequest(body, lang);
    const id = randomUUID();
    const booking = await this.withCapacityCheck(input.slotId, lang, now, () =>
      this.repo.transaction(async (tx) => {
        const slot = await this.bookableSlot(tx, input.slotId, lang, now, by);
        const keys = contactKeys(input).map((k) => this.tokens.contactKeyHash(k));
        const limit = this.config.limits.futureBookingsPerContact;
        if ((await this.repo.futureBookingsOf(tx, keys, now)) >= limit) throw BookingError.tooMany(limit, lang);
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
          });
        }
        if (!inserted) throw new Error('Could not find a free booking reference');
        if (input.email) await this.enqueueConfirmationAndReminder(tx, id, slot.start, now, 'confirmation');
        if (by) await this.audit.record({ actorId: by.id, action: 'booking.created-for-person', entity: 'booking', entityId: id }, tx);
        return inserted;
      }),
    );
    return { booking, manageToken: this.tokens.tokenFor(id, booking.tokenVersion) };
  }

  async get(token: string, lang: Language): Promise<BookingRecord> {
    const hash = this.tokens.lookupHash(token);
    const booking = hash ? await this.repo.findByTokenHash(hash) : null;
    if (!booking) throw BookingError.notFound(lang);
    return booking;
  }

  /** Cancels through the manage link; the seat is free when this returns. Cancelling twice is fine. */
  async cancel(token: string, lang: Language, now = currentTime()): Promise<void> {
    const booking = await this.get(token, lang);
    // After the start the booking belongs to the session's record (came / did not come).
    if (booking.status === 'confirmed' && booking.slot.start <= now) throw BookingError.started(lang);
    await this.repo.transaction(async (tx) => {
      // The lock order of every booking change (session, then slot, then booking): a session being
      // cancelled at the same moment — which updates all its bookings — cannot deadlock with this.
      await this.repo.shareSessionsOf(tx, [booking.slot.id]);
      await this.repo.lockSlots(tx, [booking.slot.id]);
      const cancelled = await this.repo.cancel(tx, booking.id, 'visitor');
      if (cancelled && booking.email) await this.enqueueMail(tx, { bookingId: booking.id, kind: 'cancelled' });
    });
  }

  async move(token: string, body: unknown, lang: Language, now = currentTime()): Promise<BookingRecord> {
    const booking = await this.get(token, lang);
    const language = booking.language;
    const slotId = parseMoveRequest(body, lang);
    if (booking.status !== 'confirmed') throw BookingError.alreadyCancelled(language);
    if (booking.slot.start <= now) throw BookingError.started(language);
    if (slotId === booking.slot.id) return booking;
    await this.withCapacityCheck(slotId, language, now, () =>
      this.repo.transaction(async (tx) => {
        // Sessions before slots, the order a session cancellation takes them in: no deadlock.
        await this.repo.shareSessionsOf(tx, [booking.slot.id, slotId]);
        await this.repo.lockSlots(tx, [booking.slot.id, slotId]);
        const slot = await this.bookableSlot(tx, slotId, language, now);
        if (!(await this.repo.move(tx, booking.id, slotId))) throw BookingError.alreadyCancelled(language);
        if (booking.email) await this.enqueueConfirmationAndReminder(tx, booking.id, slot.start, now, 'moved');
      }),
    );
    return this.get(token, lang);
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

  /** The slot, if it can take this booking; otherwise SlotUnavailable (alternatives are looked up after the transaction). */
  private async bookableSlot(tx: EntityManager, slotId: string, lang: Language, now: Date, by?: AuthUser): Promise<SlotToBook> {
    const slot = await this.repo.slotToBook(tx, slotId);
    if (!slot) throw BookingError.invalid({ slotId: 'slotInvalid' }, lang);
    // Library staff book only at their own library: said before whether the time is free.
    if (by) assertMayBookAt(by, slot.siteId);
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

  private async enqueueConfirmationAndReminder(tx: EntityManager, bookingId: string, start: Date, now: Date, kind: 'confirmation' | 'moved'): Promise<void> {
    await this.enqueueMail(tx, { bookingId, kind });
    const remindAt = reminderTime(start, now);
    if (remindAt) {
      await this.jobs.send<BookingMailJob>(BOOKING_MAIL_QUEUE, { bookingId, kind: 'reminder', slotStart: start.toISOString() }, { startAfter: remindAt }, tx);
    }
  }

  private async enqueueMail(tx: EntityManager, job: BookingMailJob): Promise<void> {
    await this.jobs.send<BookingMailJob>(BOOKING_MAIL_QUEUE, job, {}, tx);
  }
}
