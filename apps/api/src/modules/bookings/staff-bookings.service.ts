import { Injectable } from '@nestjs/common';
import {
  assertStaffScope,
  BookingError,
  parseStaffBookingQuery,
  PartnerError,
  STAFF_BOOKINGS_PAGE_SIZE,
  StaffBookingError,
  summariseRun,
  type AuthUser,
  type StaffActor,
  type SuspiciousRunCancelled,
  type Page,
  type StaffBookingDetail,
  type StaffBookingListItem,
} from '@digihjalpen/domain';
import { currentTime } from '../../common/clock';
import { BookingsRepository, type BookingRecord } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { toStaffBookingDetail, toStaffBookingListItem } from './bookings.mapper';
import { ManageTokens } from './manage-tokens';

/**
 * Staff finding and seeing bookings (changes go through BookingsService, with its locks and capacity
 * guarantee). Coordinators see every site, library staff their own, helpers today's sessions of theirs.
 */
@Injectable()
export class StaffBookingsService {
  constructor(
    private readonly repo: BookingsRepository,
    private readonly bookings: BookingsService,
    private readonly tokens: ManageTokens,
  ) {}

  async list(by: AuthUser, query: Record<string, unknown>, now = currentTime()): Promise<Page<StaffBookingListItem>> {
    const search = parseStaffBookingQuery(query);
    const actor = await this.bookings.actorOf(undefined, by, now);
    let limit: { siteId: string | null; sessionIds: string[] | null } = { siteId: null, sessionIds: null };
    if (actor.role === 'library-staff') {
      if (!actor.siteId || (search.siteId && search.siteId !== actor.siteId)) throw PartnerError.otherSite();
      limit = { siteId: actor.siteId, sessionIds: null };
    } else if (actor.role === 'helper') {
      const mine = (actor.shiftsToday ?? []).map((s) => s.sessionId);
      if (!mine.length || (search.sessionId && !mine.includes(search.sessionId))) throw StaffBookingError.notOnShiftToday();
      limit = { siteId: null, sessionIds: mine };
    } else if (actor.role !== 'coordinator') {
      throw StaffBookingError.notInScope();
    }
    const { phoneKey, ...rest } = search;
    const q = Boolean(search.reference || phoneKey || search.nameWords.length);
    const found = await this.repo.search({ ...rest, q, phoneKeyHash: phoneKey ? this.tokens.contactKeyHash(phoneKey) : null }, limit, STAFF_BOOKINGS_PAGE_SIZE);
    return { items: found.items.map(toStaffBookingListItem), page: search.page, pageSize: STAFF_BOOKINGS_PAGE_SIZE, total: found.total };
  }

  async get(by: AuthUser, id: string, now = currentTime()): Promise<StaffBookingDetail> {
    const booking = await this.repo.findById(id);
    if (!booking) throw BookingError.notFound('sv');
    const actor = await this.bookings.actorOf(undefined, by, now);
    assertStaffScope(actor, { kind: 'booking', siteId: booking.site.id, sessionId: booking.session.id });
    return this.detail(booking, actor, now);
  }

  async cancel(by: AuthUser, id: string, body: unknown): Promise<StaffBookingDetail> {
    const booking = await this.bookings.cancelByStaff(by, id, body);
    return this.detail(booking, await this.bookings.actorOf(undefined, by, currentTime()), currentTime());
  }

  async move(by: AuthUser, id: string, body: unknown): Promise<StaffBookingDetail> {
    const booking = await this.bookings.moveByStaff(by, id, body);
    return this.detail(booking, await this.bookings.actorOf(undefined, by, currentTime()), currentTime());
  }

  cancelRun(by: AuthUser, id: string, body: unknown): Promise<SuspiciousRunCancelled> {
    return this.bookings.cancelRunByStaff(by, id, body);
  }

  /** The booking with its contact's history and, when flagged, its run as this caller may act on it. */
  private async detail(booking: BookingRecord, actor: StaffActor, now: Date): Promise<StaffBookingDetail> {
    const history = await this.repo.contactHistory(booking.id, booking.contactKeys, now);
    const run = booking.suspiciousRun
      ? summariseRun(
          booking.suspiciousRun,
          (await this.repo.runBookings(booking.suspiciousRun)).map((b) => ({ status: b.status, slotStart: b.slot.start, siteId: b.site.id, sessionId: b.session.id, email: b.email, phone: b.phone })),
          actor,
          now,
        )
      : null;
    return toStaffBookingDetail(booking, history, now, run);
  }
}
