import type { ClosureNotice } from '../closures/closures.types';

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** A local calendar date, YYYY-MM-DD. */
export type LocalDate = string;
/** A local wall time, HH:mm (24 h). */
export type LocalTime = string;

/** What a coordinator enters for a recurring weekly drop-in at a site. Times are wall times in the site's zone. */
export interface ScheduleInput {
  weekdays: Weekday[];
  startTime: LocalTime;
  endTime: LocalTime;
  validFrom: LocalDate;
  /** Inclusive; null = no end date. */
  validUntil: LocalDate | null;
  slotMinutes: number;
  seatsPerSlot: number;
  dropIn: boolean;
  helpersNeeded: number;
}

/** One extra session on a date, shaped like a schedule. */
export interface OneOffInput {
  date: LocalDate;
  startTime: LocalTime;
  endTime: LocalTime;
  slotMinutes: number;
  seatsPerSlot: number;
  dropIn: boolean;
  helpersNeeded: number;
}

export interface Schedule extends ScheduleInput {
  id: string;
  siteId: string;
}

/** One dated occurrence: the local date and the real instants it starts and ends. */
export interface Occurrence {
  date: LocalDate;
  start: Date;
  end: Date;
}

export type SessionStatus = 'planned' | 'cancelled';

export interface Slot {
  start: Date;
  end: Date;
  seats: number;
}

/** How many weeks ahead sessions are kept in the database. */
export const SESSION_HORIZON_WEEKS = 26;

// What the API returns (JSON): shared so the web app and the API cannot drift apart.
// Times are ISO 8601 strings with the site's offset, e.g. 2027-03-30T10:00:00+02:00.

export interface SlotView {
  id: string;
  start: string;
  end: string;
  seats: number;
  seatsLeft: number;
}

/** A session as anyone may see it (GET /api/public/sites/{slug}/sessions). */
export interface PublicSessionView {
  id: string;
  start: string;
  end: string;
  status: SessionStatus;
  dropIn: boolean;
  slots: SlotView[];
  /** The closure that cancelled it (dates and reason), if one did; the API always sends it (null if none). */
  closure?: ClosureNotice | null;
}

/** A session as a coordinator sees it, with staffing. */
export interface SessionView extends PublicSessionView {
  scheduleId: string | null;
  cancelReason: string | null;
  helpersNeeded: number;
  helpers: number;
  understaffed: boolean;
  seatsBooked: number;
}

export interface OccurrenceView {
  date: LocalDate;
  start: string;
  end: string;
}

export interface ScheduleChangeView {
  schedule: Schedule;
  created: number;
  removed: number;
  needsDecision: { id: string; start: string }[];
}
