import type { LocalDate } from '../schedule/schedule.types';
import type { Page } from '../shared/paging';

export const DEVICES = ['own-phone', 'own-laptop', 'library-computer', 'none'] as const;
export type Device = (typeof DEVICES)[number];

export const OUTCOMES = ['solved', 'partly', 'follow-up', 'referred'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const REFERRED_TO = ['amf', 'social-services', 'skatteverket', 'healthcare', 'other-organisation', 'other'] as const;
export type ReferredTo = (typeof REFERRED_TO)[number];

/** How the person came. */
export const CAME_VIA = ['booked', 'drop-in', 'skills-centre', 'social-services', 'library-staff', 'friend', 'other'] as const;
export type CameVia = (typeof CAME_VIA)[number];

export const RETURNING = ['yes', 'no', 'unknown'] as const;
export type Returning = (typeof RETURNING)[number];

export const ATTENDANCE = ['checked-in', 'no-show'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export const EQUIPMENT_KINDS = ['laptop', 'wifi', 'printer', 'charger', 'other'] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];

export const VISIT_LIMITS = { minMinutes: 1, maxMinutes: 240, noteMax: 280, categoriesMax: 8 } as const;

/**
 * One logged visit, as the helper's form sends it. `clientId` is made by the browser (a UUID), so a
 * retried or queued POST is recognised and never stored twice.
 */
export interface VisitInput {
  clientId: string;
  sessionId: string;
  /** The booking the visit was for, when the person had booked. */
  bookingId: string | null;
  categories: string[];
  civicInformation: boolean;
  device: Device;
  /** ISO 639-1 code of the language the help was given in. */
  language: string;
  durationMinutes: number;
  outcome: Outcome;
  /** Required when the outcome is "referred", otherwise null. */
  referredTo: ReferredTo | null;
  cameVia: CameVia;
  returning: Returning;
  /** Short; never names or health details (the form warns, the API refuses what looks like an identity number). */
  note: string | null;
}

export interface VisitView extends VisitInput {
  id: string;
  helperId: string;
  helperName: string;
  siteId: string;
  siteName: string;
  /** Local date of the session at its site. */
  date: LocalDate;
  createdAt: string;
  updatedAt: string;
}

export interface VisitCategoryView {
  key: string;
  label: string;
  builtin: boolean;
}

/** A booking on the helper's desk: only what the helper needs to greet and help the person. */
export interface DeskBookingView {
  id: string;
  slotStart: string;
  slotEnd: string;
  name: string;
  topics: string[];
  language: string;
  ownDevice: boolean | null;
  needs: string | null;
  attendance: Attendance | null;
  /** A visit has been logged for this booking. */
  visitLogged: boolean;
}

/** One of today's sessions the signed-in helper is on. */
export interface DeskSessionView {
  session: { id: string; start: string; end: string; status: 'planned' | 'cancelled'; dropIn: boolean };
  /** `slug` finds the site's coming times (a follow-up booking at the desk). */
  site: { id: string; slug: string; name: string; timeZone: string };
  shift: { checkedInAt: string | null; checkedOutAt: string | null };
  bookings: DeskBookingView[];
  /** Visits logged in this session so far (by anyone on it). */
  visitsLogged: number;
  report: { confirmedAt: string; confirmedBy: string } | null;
}

/** The end-of-session report as prefilled from the log; the helpers confirm it. */
export interface SessionReportDraft {
  sessionId: string;
  booked: number;
  checkedIn: number;
  noShows: number;
  dropIns: number;
  visits: number;
}

export interface SessionReportInput {
  /** The counts as confirmed (prefilled from the draft; helpers may correct them). */
  booked: number;
  checkedIn: number;
  noShows: number;
  dropIns: number;
  visits: number;
  equipment: { kind: EquipmentKind; note: string }[];
  notes: string | null;
}

export interface EquipmentIssueView {
  id: string;
  siteId: string;
  siteName: string;
  sessionId: string;
  sessionStart: string;
  kind: EquipmentKind;
  note: string;
  reportedBy: string;
  reportedAt: string;
  fixedAt: string | null;
  fixedBy: string | null;
}

/** Coordinator's filter of the visit log. Dates are local dates; all optional. */
export interface VisitFilter {
  siteId?: string;
  from?: LocalDate;
  to?: LocalDate;
  category?: string;
  outcome?: Outcome;
}

export type VisitPage = Page<VisitView>;
