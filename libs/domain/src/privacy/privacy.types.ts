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
 * GET /api/privacy/bookings/{reference}: the person's data, found by one booking's reference: that
 * booking and every other booking with the same e-mail address or phone number.
 */
export interface PrivacyRequestView {
  /** The reference asked for, as printed (K7F-3QD). */
  reference: string;
  /** The asked-for booking is already erased: nothing personal is left to show or erase. */
  erased: boolean;
  /** The asked-for booking first, then the others by time. */
  bookings: PrivacyBookingView[];
  /** Contact details are erased this many days after the session. */
  retentionDays: number;
}

/** POST /api/privacy/bookings/{reference}/erase. */
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
