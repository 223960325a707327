import type { LocalDate } from '../schedule/schedule.types';

/** Kinds of time a helper logs by hand; 'session' entries come from shift check-in/out. */
export const MANUAL_ACTIVITIES = ['training', 'preparation', 'meeting', 'other'] as const;
export type ManualActivity = (typeof MANUAL_ACTIVITIES)[number];
export type HoursActivity = 'session' | ManualActivity;

export type HoursStatus = 'pending' | 'approved' | 'rejected';

export const HOURS_LIMITS = { minMinutes: 1, maxMinutes: 720, maxDayMinutes: 960, reflectionMax: 2000, reasonMax: 500, daysBack: 366 } as const;

export interface HoursInput {
  date: LocalDate;
  minutes: number;
  activity: ManualActivity;
  reflection: string | null;
}

export interface HoursEntry {
  id: string;
  helperId: string;
  date: LocalDate;
  minutes: number;
  activity: HoursActivity;
  status: HoursStatus;
}
