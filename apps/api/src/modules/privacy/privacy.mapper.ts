import { DEFAULT_TIME_ZONE, grantActive, maskEmail, pendingCode, proofChannel, toLocalIso, type PrivacyBookingView, type PrivacyProofView, type ProofChannel } from '@digihjalpen/domain';
import type { PersonBookingRow, ProofRow, ReferencedBooking } from './privacy.repository';

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

/** The masked address a code goes to, read out to the person ("a…@example.org"). */
export function sendsTo(channel: ProofChannel, contact: { email: string | null; phone: string | null }): string {
  switch (channel) {
    case 'email':
      return maskEmail(contact.email ?? '');
  }
}

export function toProofView(booking: ReferencedBooking, proof: ProofRow | null, now: Date): PrivacyProofView {
  const held = booking.erasedAt === null;
  const channel = held ? proofChannel(booking) : null;
  const pending = pendingCode(proof, now);
  return {
    channel,
    sendsTo: channel && sendsTo(channel, booking),
    phoneOnly: held && !booking.email && !!booking.phone,
    pending: pending && { expiresAt: toLocalIso(pending.expiresAt, DEFAULT_TIME_ZONE), triesLeft: pending.triesLeft },
    grantedUntil: proof?.grantExpiresAt && grantActive(proof, now) ? toLocalIso(proof.grantExpiresAt, DEFAULT_TIME_ZONE) : null,
  };
}
