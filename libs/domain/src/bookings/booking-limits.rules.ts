import { localDateOf } from '../schedule/schedule.rules';
import { BookingError } from './bookings.errors';
import type { Language } from './bookings.types';
import type { ContactLimitCandidate } from './booking-limits.types';

/** The new booking as the per-contact limit sees it: its contact keys and network (hashed; null for staff). */
export interface ContactLimitWanted {
  keys: readonly string[];
  originHash: string | null;
}

/**
 * Whether a future booking counts toward the contact limit of a new booking that shares a contact with it:
 * only when that shared contact was confirmed (its owner proved control, or staff spoke with them), or when
 * both were made from the same network. So whoever types someone else's phone number from elsewhere can
 * no longer use the limit to lock the real person out.
 */
export function countsTowardContactLimit(booking: ContactLimitCandidate, wanted: ContactLimitWanted): boolean {
  const shared = booking.contactKeys.filter((k) => wanted.keys.includes(k));
  if (!shared.length) return false;
  if (shared.some((k) => booking.confirmedKeys.includes(k))) return true;
  return booking.originHash !== null && booking.originHash === wanted.originHash;
}

/** At most `limit` future bookings per contact, counted as `countsTowardContactLimit` says (409 TOO_MANY_BOOKINGS). */
export function assertContactLimit(bookings: readonly ContactLimitCandidate[], wanted: ContactLimitWanted, limit: number, lang: Language): void {
  if (bookings.filter((b) => countsTowardContactLimit(b, wanted)).length >= limit) throw BookingError.tooMany(limit, lang);
}

/**
 * Whether a booking counts toward the cap per site and day for bookings without contact details: public
 * ones only. Staff saw or spoke with the person they book for.
 */
export function countsAsContactless(booking: { byStaff: boolean; contactKeys: readonly string[] }): boolean {
  return !booking.byStaff && booking.contactKeys.length === 0;
}

/**
 * The site and local day whose contactless cap a person's own move must check, or null: only a public booking
 * without contact details counts, and only when it leaves its own site and day (within the day it already
 * counts). Otherwise the cap could be emptied by moving its bookings away and booking the day again.
 */
export function contactlessDayToCheck(
  current: { originHash: string | null; contactKeys: readonly string[]; siteId: string; start: Date },
  target: { siteId: string; start: Date; timeZone: string },
): { siteId: string; date: string } | null {
  if (current.originHash === null || current.contactKeys.length > 0) return null;
  const date = localDateOf(target.start, target.timeZone);
  if (current.siteId === target.siteId && localDateOf(current.start, target.timeZone) === date) return null;
  return { siteId: target.siteId, date };
}

/** The day at this site already has `cap` public bookings without contact details (429 CONTACTLESS_DAY_FULL). */
export function assertContactlessRoom(bookedThatDay: number, cap: number, lang: Language): void {
  if (bookedThatDay >= cap) throw BookingError.contactlessDayFull(lang);
}

/** The start of the window a suspicious run is counted in. */
export function suspiciousRunSince(now: Date, minutes: number): Date {
  return new Date(now.getTime() - minutes * 60_000);
}

/** `bookingsInWindow` (the new one included) from one network make a run staff should look at. */
export function completesSuspiciousRun(bookingsInWindow: number, threshold: number): boolean {
  return bookingsInWindow >= threshold;
}

const PROOF = /^[A-Za-z0-9_-]{43}$/;

/** A contact proof is 256 bits in base64url (43 characters); anything else cannot be one. */
export function looksLikeProof(proof: string): boolean {
  return PROOF.test(proof);
}

/** `{ proof }` and nothing else. Whether the proof is right is the service's question (a wrong one is a 404). */
export function parseConfirmContact(body: unknown, lang: Language): { proof: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw BookingError.invalid({ body: 'required' }, lang);
  const raw = body as Record<string, unknown>;
  if (Object.keys(raw).some((k) => k !== 'proof')) throw BookingError.invalid({ body: 'unknownField' }, lang);
  const proof = raw['proof'];
  if (proof === undefined || proof === null || proof === '') throw BookingError.invalid({ proof: 'required' }, lang);
  if (typeof proof !== 'string') throw BookingError.invalid({ proof: 'notText' }, lang);
  return { proof };
}
