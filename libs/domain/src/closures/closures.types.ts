import type { LocalDate } from '../schedule/schedule.types';
import type { PublicSite } from '../sites/sites.types';

/** What a coordinator enters to close one site (or every site: `siteId` null) for some days. */
export interface ClosureInput {
  /** null: every site, also sites added later. */
  siteId: string | null;
  /** First closed day, inclusive, in the site's time zone. */
  from: LocalDate;
  /** Last closed day, inclusive. */
  to: LocalDate;
  /** Shown to help-seekers and helpers: "Renovering", "Jul och nyår". */
  reason: string;
}

/** What a closure would cancel (POST /api/closures/preview): nothing is saved. */
export interface ClosurePreviewView {
  sessions: number;
  bookings: number;
  shifts: number;
}

/** A closure as coordinators see it (GET /api/closures). */
export interface ClosureView {
  id: string;
  siteId: string | null;
  /** null: every site. */
  siteName: string | null;
  from: LocalDate;
  to: LocalDate;
  reason: string;
  /** Sessions it cancelled. */
  sessionsCancelled: number;
  createdAt: string;
  createdBy: string | null;
  /** Today is on or after its first day: it can no longer be lifted. */
  started: boolean;
  /** Its last day has passed. */
  past: boolean;
}

/** The answer to closing: the closure and what it cancelled. */
export interface ClosureCreatedView {
  closure: ClosureView;
  cancelled: ClosurePreviewView;
}

/** A current or coming closure on the public pages: "Stängt 24 dec–6 jan: Jul och nyår". */
export interface ClosureNotice {
  from: LocalDate;
  to: LocalDate;
  reason: string;
}

/** A day a public holiday closes a site, and whether a coordinator opened the site that day anyway. */
export interface HolidayView {
  date: LocalDate;
  name: string;
  opened: boolean;
}

/** A generated session on a closed holiday that people have booked or helpers have taken: the coordinator decides. */
export interface HolidaySessionView {
  id: string;
  siteId: string;
  siteName: string;
  date: LocalDate;
  start: string;
  end: string;
  holiday: string;
  bookings: number;
  shifts: number;
}

/** One day of a holiday calendar (`date-holidays`' shape, trimmed to what the rules read). */
export interface HolidayEntry {
  date: LocalDate;
  name: string;
  /** public | bank | school | optional | observance */
  type: string;
}

/**
 * A country's holiday calendar: the shape of `date-holidays`' `getHolidays` (the API passes the library's
 * object; the domain never imports it, so the web bundle stays free of it).
 */
export interface HolidayCalendar {
  getHolidays(year: number): readonly { date: string; name: string; type: string }[];
}

/** Why a day is closed: a public holiday (unless opened) or a coordinator's closure. */
export type ClosedDay = { kind: 'holiday'; name: string } | { kind: 'closure'; closureId: string; reason: string };

/** GET /api/public/sites/{slug}: the site and its current and coming closures. */
export interface PublicSiteDetail extends PublicSite {
  closures: ClosureNotice[];
}
