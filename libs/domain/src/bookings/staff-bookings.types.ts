import type { SuspiciousRunSummary } from './booking-limits.types';
import type { Attendance } from '../visits/visits.types';
import type { BookingStatus, CancelledBy, Language, VisitCategory } from './bookings.types';

/** Longest reason staff may give for cancelling or moving a booking (it goes to the person). */
export const STAFF_REASON_MAX = 300;

/** Bookings per page of the staff list. */
export const STAFF_BOOKINGS_PAGE_SIZE = 50;

/** GET /api/staff/bookings: search text (reference, name or phone), and/or a site, a day (local date) or a session. */
export interface StaffBookingQuery {
  q?: string;
  siteId?: string;
  date?: string;
  sessionId?: string;
  /** `true`: only bookings flagged as part of a suspicious run. */
  flagged?: boolean;
  page?: number;
}

/** A checked query: the search split into what it can be (a reference, a phone number, a name). */
export interface StaffBookingSearch {
  reference: string | null;
  /** Contact key of a phone number (`phone:+4670…`), the way bookings store it. */
  phoneKey: string | null;
  /** Words to find in the name (searchText form). */
  nameWords: string[];
  siteId: string | null;
  date: string | null;
  sessionId: string | null;
  /** Only bookings of suspicious runs. */
  flaggedOnly: boolean;
  page: number;
}

/** POST /api/staff/bookings/:id/cancel */
export interface StaffCancelRequest {
  reason: string;
}

/** POST /api/staff/bookings/:id/move */
export interface StaffMoveRequest {
  slotId: string;
  reason: string;
}

/** One booking in the staff list. Times are ISO 8601 with the site's offset. */
export interface StaffBookingListItem {
  id: string;
  reference: string;
  status: BookingStatus;
  cancelledBy: CancelledBy | null;
  name: string;
  phone: string | null;
  email: string | null;
  language: Language;
  topics: VisitCategory[];
  attendance: Attendance | null;
  slot: { id: string; start: string; end: string };
  session: { id: string; start: string; end: string; cancelled: boolean };
  site: { id: string; slug: string; name: string; timeZone: string };
  /** Booked by staff (not by the person on the public page). */
  bookedByStaff: boolean;
  /** Made by library staff: a move through the person's own link stays at this site. */
  keptToSite: boolean;
  /** Part of a suspicious run (many public bookings from one network in a short time): the run's id. */
  suspiciousRun: string | null;
}

/** How it went for the same contact (same e-mail or phone) at other bookings: counts only. */
export interface ContactHistory {
  /** Other bookings of the same contact, before this one's time. */
  earlier: number;
  came: number;
  didNotCome: number;
  /** Future bookings of the same contact besides this one. */
  upcoming: number;
}

/** GET /api/staff/bookings/:id */
export interface StaffBookingDetail extends StaffBookingListItem {
  ownDevice: boolean | null;
  needs: string | null;
  history: ContactHistory;
  /** Still confirmed and not started: it can be cancelled or moved. */
  changeable: boolean;
  /** The suspicious run it belongs to, with what the caller could cancel of it; null when not flagged. */
  run: SuspiciousRunSummary | null;
}

/** A session a helper staffs, as the scope rule needs it. */
export interface ShiftOfDay {
  sessionId: string;
  siteId: string;
  start: Date;
  timeZone: string;
}

/** Who is asking, as the staff-booking scope rule sees them (read in the transaction of the change). */
export interface StaffActor {
  role: 'coordinator' | 'helper' | 'partner' | 'library-staff';
  siteId?: string | null;
  /** Helpers: the sessions they have a shift on today (local date at each site). */
  shiftsToday?: readonly Pick<ShiftOfDay, 'sessionId' | 'siteId'>[];
}

/** What the caller wants to touch: book at a site, or an existing booking (its site and session). */
export type ScopeTarget = { kind: 'book-at'; siteId: string } | { kind: 'booking'; siteId: string; sessionId: string };
