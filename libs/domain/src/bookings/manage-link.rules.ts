import type { BookingStatus } from './bookings.types';

/**
 * What a manage link shows and for how long. A link is a key anyone with the browser's history holds
 * (a library's shared computer), so it shows the contact details masked and stops working soon after
 * the visit.
 */

const HOUR = 3_600_000;

/** Marks that reorder text around them: a stored address must not turn the page's sentence around. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const ELLIPSIS = '…';

/**
 * `amina@example.org` → `a…@example.org`. A local part of one or two characters is hidden whole (one
 * shown character would be half of it). Characters are counted as code points, so a letter is never cut.
 */
export function maskEmail(email: string): string {
  const clean = email.replace(BIDI_CONTROLS, '').trim();
  const at = clean.lastIndexOf('@');
  if (at < 0) return ELLIPSIS;
  const local = Array.from(clean.slice(0, at));
  const shown = local.length > 2 ? local[0] : '';
  return `${shown}${ELLIPSIS}${clean.slice(at)}`;
}

/** Country calling codes of one and two digits (ITU-T E.164); all others have three. */
const ONE_DIGIT_CODES = new Set(['1', '7']);
const TWO_DIGIT_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(' '),
);

function countryCode(digits: string): string {
  if (ONE_DIGIT_CODES.has(digits.slice(0, 1))) return digits.slice(0, 1);
  if (TWO_DIGIT_CODES.has(digits.slice(0, 2))) return digits.slice(0, 2);
  return digits.slice(0, 3);
}

/**
 * `070-123 45 67` and `+46 70 123 45 67` → `070-… 67`; another country's number keeps its country code
 * (`+44 … 58`). A short number shows its last two digits only, a very short one nothing. At most five
 * digits are ever shown.
 */
export function maskPhone(phone: string): string {
  const clean = phone.replace(BIDI_CONTROLS, '').trim();
  let digits = clean.replace(/\D/g, '');
  let international = clean.startsWith('+');
  if (!international && digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  }
  if (international && digits.startsWith('46')) {
    digits = `0${digits.slice(2)}`;
    international = false;
  }
  const last = digits.slice(-2);
  if (digits.length < 6) return ELLIPSIS;
  if (digits.length < 9) return `${ELLIPSIS} ${last}`;
  if (international) return `+${countryCode(digits)} ${ELLIPSIS} ${last}`;
  return `${digits.slice(0, 3)}-${ELLIPSIS} ${last}`;
}

/** The moment a manage link stops working: `hours` elapsed hours after the session ends (daylight saving changes nothing). */
export function manageLinkEndsAt(sessionEnd: Date, hours: number): Date {
  return new Date(sessionEnd.getTime() + hours * HOUR);
}

/** A manage link works while its booking stands and until `hours` after its session; a cancellation ends it at once. */
export function manageLinkOpen(booking: { status: BookingStatus; sessionEnd: Date }, now: Date, hours: number): boolean {
  return booking.status === 'confirmed' && now.getTime() < manageLinkEndsAt(booking.sessionEnd, hours).getTime();
}
