import type { BookingStatus, Language, VisitCategory } from '../bookings/bookings.types';
import type { Attendance } from '../visits/visits.types';

/** What the booking held about the person: erased by the retention job or on request. */
export interface HeldDetails {
  name: string;
  email: string | null;
  phone: string | null;
  /** What the person wrote they need (free text, at most 300 characters). */
  needs: string | null;
  /** Whether a manage link still works (it is revoked on erasure). */
  manageLinkActive: boolean;
}

/** What stays after erasure, for anonymous statistics: nothing here says who the person was. */
export interface KeptForStatistics {
  siteName: string;
  /** ISO 8601 with the site's offset. */
  slotStart: string;
  slotEnd: string;
  status: BookingStatus;
  attendance: Attendance | null;
  language: Language;
  topics: VisitCategory[];
  ownDevice: boolean | null;
  referralCode: string | null;
  partnerName: string | null;
}

export interface PrivacyBookingView {
  reference: string;
  /** ISO 8601; when the booking was made. */
  createdAt: string;
  /** ISO 8601; null while the details are still held. */
  erasedAt: string | null;
  /** Staff booked for the person (their name), or null when the person booked themselves. */
  bookedBy: string | null;
  /** Null once erased. */
  held: HeldDetails | null;
  kept: KeptForStatistics;
}

/**
 * GET /api/privacy/bookings/{reference}[?scope=contact]: the person's data, found by one booking's
 * reference: that booking only, or (scope `contact`, after a one-time code) every booking with the same
 * e-mail address.
 */
export interface PrivacyRequestView {
  /** The reference asked for, as printed (K7F-3QD). */
  reference: string;
  scope: PrivacyScope;
  /** The asked-for booking is already erased: nothing personal is left to show or erase. */
  erased: boolean;
  /** The asked-for booking first, then the others by time. */
  bookings: PrivacyBookingView[];
  /** Contact details are erased this many days after the session. */
  retentionDays: number;
  /** Whether and how the person can prove the contact is theirs (not in the export file). */
  proof: PrivacyProofView;
}

/** GET …/export.json: the file handed to the person (the view without the coordinator's proof state). */
export type PrivacyExport = Omit<PrivacyRequestView, 'proof'>;

/** POST /api/privacy/bookings/{reference}/erase[?scope=contact]. */
export interface ErasureResult {
  /** Bookings erased now (0 when everything was already erased). */
  erased: number;
  /** Of those, bookings for a time still to come, now cancelled (their seats are free again). */
  cancelled: number;
}

/** GET /api/privacy/settings. */
export interface PrivacySettingsView {
  retentionDays: number;
}

/**
 * Which bookings a request covers. `booking`: only the booking whose reference the person holds.
 * `contact`: also every other booking with the same e-mail address, once the person has proved with a
 * one-time code that the address is theirs (finding 4 of issue 17: a reference alone must not reveal
 * or erase someone else's bookings).
 */
export type PrivacyScope = 'booking' | 'contact';
export const PRIVACY_SCOPES: readonly PrivacyScope[] = ['booking', 'contact'];

/** How a one-time code reaches the person. SMS (issue 20) adds 'sms' here and in `proofChannel`. */
export type ProofChannel = 'email';

/** The proof of control of the contact, as the coordinator who asks sees it. */
export interface PrivacyProofView {
  /** How a code can be sent for this booking now; null when it has no e-mail address (phone only, none, or erased). */
  channel: ProofChannel | null;
  /** Where the code goes, masked (`a…@example.org`); null without a channel. */
  sendsTo: string | null;
  /** The booking has a phone number but no e-mail address: a code cannot be sent yet (no SMS). */
  phoneOnly: boolean;
  /** A code this coordinator sent that can still be typed: when it stops working (ISO 8601) and tries left. */
  pending: { expiresAt: string; triesLeft: number } | null;
  /** Until then (ISO 8601) this coordinator may see, export and erase every booking with the contact; else null. */
  grantedUntil: string | null;
}

/** POST /api/privacy/bookings/{reference}/code: a code was sent (a new one replaces the old). */
export interface ProofCodeSent {
  channel: ProofChannel;
  /** Masked address, to read out to the person ("a…@example.org"). */
  sentTo: string;
  expiresAt: string;
  triesLeft: number;
}

/** POST /api/privacy/bookings/{reference}/code/verify body: the six digits the person reads out. */
export interface ProofCodeRequest {
  code: string;
}

/** The code was right: the grant and how many bookings it opens (this one included). */
export interface ProofGranted {
  grantedUntil: string;
  bookings: number;
}
