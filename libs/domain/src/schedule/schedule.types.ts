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
