import { toLocalIso, type PrivacyBookingView } from '@digihjalpen/domain';
import type { PersonBookingRow } from './privacy.repository';

export function toPrivacyBooking(r: PersonBookingRow): PrivacyBookingView {
  const zone = r.timeZone;
  return {
    reference: r.reference,
    createdAt: toLocalIso(r.createdAt, zone),
    erasedAt: r.erasedAt && toLocalIso(r.erasedAt, zone),
    bookedBy: r.bookedBy,
    held: r.erasedAt ? null : { name: r.name, email: r.email, phone: r.phone, needs: r.needs, manageLinkActive: true },
    kept: {
      siteName: r.siteName,
      slotStart: toLocalIso(r.slotStart, zone),
      slotEnd: toLocalIso(r.slotEnd, zone),
      status: r.status,
      attendance: r.attendance,
      language: r.language,
      topics: r.topics,
      ownDevice: r.ownDevice,
      referralCode: r.referralCode,
      partnerName: r.partnerName,
    },
  };
}
