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

export interface BookingView extends BookingDetails {
  reference: string;
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

/** 201 answer to a booking: the only time the manage token is shown. */
export interface BookingCreatedView extends BookingView {
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
