import type { PublicSite } from '../sites/sites.types';

/** Languages of everything a help-seeker sees: pages, e-mails and calendar files. */
export const LANGUAGES = ['sv', 'en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'sv';

/** What people come for (the start list in the product brief). Stable keys; labels live with the texts. */
export const VISIT_CATEGORIES = [
  'bankid',
  'email',
  'phone-basics',
  'computer-basics',
  'passwords',
  'healthcare',
  'forsakringskassan',
  'job-search',
  'income-support',
  'skatteverket',
  'banking',
  'digital-mail',
  'scams',
  'printing',
  'library',
  'civic-information',
  'other',
] as const;
export type VisitCategory = (typeof VISIT_CATEGORIES)[number];

export type BookingStatus = 'confirmed' | 'cancelled';
/** Who ended a booking: the person through the manage link, the library by cancelling the session, or staff for this one booking. */
export type CancelledBy = 'visitor' | 'session' | 'staff';

/** Limits of the booking form (the web form and the API check the same numbers). */
export const BOOKING_LIMITS = {
  nameMax: 40,
  emailMax: 254,
  phoneMax: 20,
  needsMax: 300,
  topicsMax: 5,
  refMax: 40,
} as const;

/** The body of POST /api/public/bookings, as the person filled it in. */
export interface BookingRequest {
  slotId: string;
  /** First name or a nickname: nothing more is needed. */
  name: string;
  email?: string | null;
  phone?: string | null;
  language: Language;
  topics: VisitCategory[];
  ownDevice?: boolean | null;
  needs?: string | null;
  /** Referral code from a link or slip (?ref=). */
  ref?: string | null;
  /** Honeypot: hidden from people, filled in by bots. Must be empty. */
  website?: string;
}

/** What a person tells about themselves and their visit: kept with the booking. */
export interface BookingDetails {
  name: string;
  email: string | null;
  phone: string | null;
  language: Language;
  topics: VisitCategory[];
  ownDevice: boolean | null;
  needs: string | null;
}

/** A checked and tidied booking request. */
export interface BookingInput extends BookingDetails {
  slotId: string;
  ref: string | null;
}

// What the API returns (JSON). Times are ISO 8601 with the site's offset.

/**
 * What a manage link shows (GET /api/public/bookings/:token, and after a move). Anyone with the
 * browser's history may hold the link, so the contact details come masked (`a…@example.org`,
 * `070-… 67`) and the needs only as counts: GET …/:token/needs answers them after a deliberate click.
 */
export interface BookingView {
  reference: string;
  name: string;
  language: Language;
  ownDevice: boolean | null;
  /** Masked e-mail address, or null when none was given. */
  maskedEmail: string | null;
  /** Masked phone number, or null when none was given. */
  maskedPhone: string | null;
  /** How many things the person chose to get help with. */
  topicCount: number;
  /** Whether the person wrote something more about their needs. */
  hasNeedsText: boolean;
  status: BookingStatus;
  cancelledBy: CancelledBy | null;
  /** Why the library cancelled the session, when it did. */
  sessionCancelReason: string | null;
  slot: { id: string; start: string; end: string };
  session: { id: string; start: string; end: string; dropIn: boolean };
  site: Pick<PublicSite, 'slug' | 'name' | 'address' | 'directions' | 'accessibilityNotes' | 'contactPhone' | 'timeZone'>;
  /** GET this for the booking's calendar file (.ics). */
  calendarUrl: string;
}

/** GET /api/public/bookings/:token/needs: what the person wants help with, shown only when asked for. */
export interface BookingNeedsView {
  topics: VisitCategory[];
  needs: string | null;
}

/**
 * 201 answer to a booking: the only time the manage token is shown. It also repeats what was sent, in
 * full, to the one who sent it (staff check the address they typed); the web keeps none of it.
 */
export interface BookingCreatedView extends BookingView, BookingDetails {
  manageToken: string;
  /** The page where the person can see, move or cancel the booking. */
  manageUrl: string;
}

/** A free time offered instead of a taken one. */
export interface AlternativeSlotView {
  slotId: string;
  sessionId: string;
  start: string;
  end: string;
  seatsLeft: number;
}
