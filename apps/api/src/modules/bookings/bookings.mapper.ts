import { maskEmail, maskPhone, toLocalIso, type ContactHistory, type StaffBookingDetail, type StaffBookingListItem, type SuspiciousRunSummary } from '@digihjalpen/domain';
import type { BookingCreatedDto, BookingDto, BookingNeedsDto } from './dto/booking.dto';
import type { BookingRecord } from './bookings.repository';

/** The manage view: contacts masked, needs only counted (the full values never leave in this answer). */
export function toBookingDto(b: BookingRecord, manageToken: string): BookingDto {
  const zone = b.site.timeZone;
  return {
    reference: b.reference,
    status: b.status,
    cancelledBy: b.cancelledBy,
    sessionCancelReason: b.session.cancelled ? b.session.cancelReason : null,
    name: b.name,
    maskedEmail: b.email ? maskEmail(b.email) : null,
    maskedPhone: b.phone ? maskPhone(b.phone) : null,
    language: b.language,
    topicCount: b.topics.length,
    ownDevice: b.ownDevice,
    hasNeedsText: Boolean(b.needs),
    slot: { id: b.slot.id, start: toLocalIso(b.slot.start, zone), end: toLocalIso(b.slot.end, zone) },
    session: { id: b.session.id, start: toLocalIso(b.session.start, zone), end: toLocalIso(b.session.end, zone), dropIn: b.session.dropIn },
    site: {
      slug: b.site.slug,
      name: b.site.name,
      address: b.site.address,
      directions: b.site.directions,
      accessibilityNotes: b.site.accessibilityNotes,
      contactPhone: b.site.contactPhone,
      timeZone: zone,
    },
    calendarUrl: `/api/public/bookings/${manageToken}/calendar.ics`,
  };
}

export function toBookingNeedsDto(b: BookingRecord): BookingNeedsDto {
  return { topics: b.topics, needs: b.needs };
}

/** The answer to the one who just booked: the manage view, the link, and what they sent. */
export function toBookingCreatedDto(b: BookingRecord, manageToken: string, manageUrl: string): BookingCreatedDto {
  return { ...toBookingDto(b, manageToken), email: b.email, phone: b.phone, topics: b.topics, needs: b.needs, manageToken, manageUrl };
}

export function toStaffBookingListItem(b: BookingRecord): StaffBookingListItem {
  const zone = b.site.timeZone;
  return {
    id: b.id,
    reference: b.reference,
    status: b.status,
    cancelledBy: b.cancelledBy,
    name: b.name,
    phone: b.phone,
    email: b.email,
    language: b.language,
    topics: b.topics,
    attendance: b.attendance,
    slot: { id: b.slot.id, start: toLocalIso(b.slot.start, zone), end: toLocalIso(b.slot.end, zone) },
    session: { id: b.session.id, start: toLocalIso(b.session.start, zone), end: toLocalIso(b.session.end, zone), cancelled: b.session.cancelled },
    site: { id: b.site.id, slug: b.site.slug, name: b.site.name, timeZone: zone },
    bookedByStaff: b.bookedBy !== null,
    keptToSite: b.scopeSiteId !== null,
    suspiciousRun: b.suspiciousRun,
  };
}

export function toStaffBookingDetail(b: BookingRecord, history: ContactHistory, now: Date, run: SuspiciousRunSummary | null = null): StaffBookingDetail {
  return {
    ...toStaffBookingListItem(b),
    ownDevice: b.ownDevice,
    needs: b.needs,
    history,
    changeable: b.status === 'confirmed' && b.slot.start > now,
    run,
  };
}
