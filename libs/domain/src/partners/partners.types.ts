import type { CountRow } from '../insights/insights.types';
import type { LocalDate } from '../schedule/schedule.types';

/** A referring organisation (e.g. Kompetenscenter, social services) whose staff have the partner role. */
export interface PartnerView {
  id: string;
  name: string;
  users: number;
  activeCodes: number;
}

/** POST /api/partners (coordinator). */
export interface PartnerInput {
  name: string;
}

/**
 * A referral code: printed on slips and carried in links (?ref=CODE). It is not a secret, it only
 * tells which partner referred; it leads to one site's booking page.
 */
export interface ReferralCodeView {
  code: string;
  label: string;
  siteId: string;
  site: string;
  siteName: string;
  /** The booking page with the code: what the QR code on the slip holds. */
  url: string;
  createdAt: string;
  revokedAt: string | null;
}

/** POST /api/partner/referral-codes. */
export interface ReferralCodeInput {
  label: string;
  siteId: string;
}

/**
 * A partner's results in aggregate, never about a person: link or slip opened → booked → came →
 * outcome, for whole calendar months. Every count of 1–4 is null (suppressed) and the others are
 * rounded to the nearest 5 (`roundedTo`), so that comparing figures cannot reveal a small number.
 */
export interface FunnelView {
  partnerId: string;
  partnerName: string;
  from: LocalDate;
  to: LocalDate;
  suppressedBelow: number;
  roundedTo: number;
  /** Booking pages opened from the partner's links and slips, plus bookings the partner made for people. */
  referred: number | null;
  /** Confirmed bookings made with the partner's codes or by the partner's staff, for sessions in the period. */
  booked: number | null;
  /** Of those, people who came (checked in, or a visit was logged for the booking). */
  came: number | null;
  /** What the visits of those who came ended with. */
  outcomes: CountRow[];
}

/** POST /api/staff/bookings: the public booking body, made by staff for someone (no ref: it is set from who books). */
export interface StaffBookingInput {
  slotId: string;
  name: string;
  email?: string;
  phone?: string;
  language: 'sv' | 'en' | 'ar';
  topics: string[];
  ownDevice?: boolean | null;
  needs?: string;
}
