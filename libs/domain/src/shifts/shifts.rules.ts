import type { SessionStatus } from '../schedule/schedule.types';
import { ShiftError } from './shifts.errors';

export interface StaffedSession {
  status: SessionStatus;
  start: Date;
  helpersNeeded: number;
  /** Ids of the helpers on shift. */
  helperIds: readonly string[];
}

export function isUnderstaffed(session: Pick<StaffedSession, 'status' | 'helpersNeeded'> & { helpers: number }): boolean {
  return session.status === 'planned' && session.helpers < session.helpersNeeded;
}

/**
 * May this helper take a shift? Helpers sign up only while the session still needs people;
 * a coordinator may staff beyond the need (for training, say).
 */
export function assertCanTakeShift(session: StaffedSession, helperId: string, now: Date, by: 'helper' | 'coordinator'): void {
  if (session.status !== 'planned' || session.start <= now) throw ShiftError.notOpen();
  if (session.helperIds.includes(helperId)) throw ShiftError.alreadyOnShift();
  if (by === 'helper' && session.helperIds.length >= session.helpersNeeded) throw ShiftError.full();
}

/** A shift a helper could still take: planned, short of helpers, and not theirs already. */
export function isOpenShiftFor(session: Pick<StaffingView, 'status' | 'helpersNeeded' | 'helpers'>, helperId: string): boolean {
  return session.status === 'planned' && session.helpers.length < session.helpersNeeded && !session.helpers.some((h) => h.id === helperId);
}

/** A shift can be left until the session starts. */
export function assertCanLeaveShift(session: StaffedSession, helperId: string, now: Date): void {
  if (!session.helperIds.includes(helperId)) throw ShiftError.notFound();
  if (session.start <= now) throw ShiftError.notOpen();
}

/** A session on the staffing overview and the helpers' shift lists (JSON, times with the site's offset). */
export interface StaffingView {
  sessionId: string;
  siteId: string;
  siteName: string;
  siteSlug: string;
  /** The site's zone: show start and end in it. */
  timeZone: string;
  start: string;
  end: string;
  status: SessionStatus;
  helpersNeeded: number;
  helpers: { id: string; name: string }[];
  understaffed: boolean;
}
