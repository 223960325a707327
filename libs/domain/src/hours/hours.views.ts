import type { LocalDate } from '../schedule/schedule.types';
import type { HoursActivity, HoursStatus } from './hours.types';

export type FeeRecipient = 'person' | 'organisation';

export interface OrganisationView {
  id: string;
  name: string;
  feeRecipient: FeeRecipient;
  /** SEK per approved hour, or null. */
  hourlyRate: number | null;
}

export interface HoursEntryView {
  id: string;
  helperId: string;
  helperName: string;
  organisationName: string | null;
  date: LocalDate;
  minutes: number;
  activity: HoursActivity;
  status: HoursStatus;
  reflection: string | null;
  /** Closed by the system (a forgotten check-out): check it. */
  flagged: boolean;
  rejectReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** GET /api/hours/mine: the helper's own page. */
export interface MyHoursView {
  month: string;
  entries: HoursEntryView[];
  monthApprovedMinutes: number;
  monthPendingMinutes: number;
  totalApprovedMinutes: number;
}

/** One organisation's approved hours in a month: per helper when fees go to people, a total otherwise. */
export interface MonthlyReportView {
  organisation: OrganisationView;
  month: string;
  helpers: { helperId: string; name: string; approvedMinutes: number; fee: number | null }[] | null;
  totalApprovedMinutes: number;
  totalFee: number | null;
}
