import type { Language } from '../bookings/bookings.types';
import type { SessionStatus } from '../schedule/schedule.types';

/** What a helper is told by e-mail. */
export const HELPER_NOTICE_KINDS = ['session-cancelled', 'shift-assigned', 'shift-removed', 'shift-time-changed', 'open-shifts-digest'] as const;
export type HelperNoticeKind = (typeof HELPER_NOTICE_KINDS)[number];

/** The switches a helper turns a kind of e-mail off with (assigned and removed share one). */
export const NOTICE_TOPICS = ['cancelled', 'shiftChanges', 'timeChanges', 'digest'] as const;
export type NoticeTopic = (typeof NOTICE_TOPICS)[number];

/** GET/PUT /api/me/notice-settings: the helper's language and which e-mails they want (true = send). */
export interface NoticeSettings {
  language: Language;
  /** A session I am on is cancelled (with the reason). */
  cancelled: boolean;
  /** A coordinator puts me on a shift or takes me off one. */
  shiftChanges: boolean;
  /** The time of a shift of mine changes. */
  timeChanges: boolean;
  /** The weekly e-mail about open shifts (when the coordinators send it). */
  digest: boolean;
}

/** GET/PUT /api/helper-notices/open-shifts-digest: does the weekly open-shifts e-mail go out? (Off until a coordinator turns it on.) */
export interface OpenShiftsDigestSetting {
  enabled: boolean;
}

/** Whom a notice could go to: deactivated accounts and opted-out kinds get nothing. */
export interface NoticeRecipient {
  id: string;
  active: boolean;
  optedOut: readonly NoticeTopic[];
}

/** The digest covers this many weeks ahead and lists at most this many sessions. */
export const DIGEST_WEEKS = 2;
export const DIGEST_MAX_SHIFTS = 15;
/** The zone whose calendar week a digest belongs to (one per helper and week). */
export const DIGEST_TIME_ZONE = 'Europe/Stockholm';

/** A session as the digest looks at it (from the staffing overview). */
export interface DigestCandidate {
  sessionId: string;
  siteName: string;
  timeZone: string;
  start: Date;
  end: Date;
  status: SessionStatus;
  helpersNeeded: number;
  helpers: readonly { id: string; name: string }[];
}

export interface DigestShift {
  sessionId: string;
  siteName: string;
  timeZone: string;
  start: Date;
  end: Date;
  helpers: number;
  helpersNeeded: number;
}

export interface DigestContent {
  shifts: DigestShift[];
  /** Open sessions beyond the listed ones. */
  more: number;
}

/** One shift as a notice names it: where and when (shown in the site's zone). */
export interface NoticeShift {
  siteName: string;
  siteAddress: string;
  timeZone: string;
  start: Date;
  end: Date;
}

/**
 * Everything a helper's e-mail says, in one language: plain and short, one term per thing (digivärd /
 * helper / المضيف الرقمي; träff / session / اللقاء; pass / shift / المناوبة).
 */
export interface HelperNoticeTexts {
  locale: string;
  greeting: (name: string) => string;
  subject: {
    cancelledOne: (site: string, when: string) => string;
    cancelledMany: (count: number) => string;
    assigned: (site: string, when: string) => string;
    removed: (site: string, when: string) => string;
    timeChanged: (site: string) => string;
    digest: string;
  };
  intro: {
    cancelledOne: string;
    cancelledMany: (count: number) => string;
    assigned: string;
    removed: string;
    timeChanged: string;
    digest: (weeks: number) => string;
  };
  when: string;
  where: string;
  reason: string;
  before: string;
  now: string;
  shiftsHeading: string;
  /** "1 av 2 digivärdar" */
  staffing: (helpers: number, needed: number) => string;
  more: (count: number) => string;
  myShifts: string;
  settings: string;
  signature: string;
}
