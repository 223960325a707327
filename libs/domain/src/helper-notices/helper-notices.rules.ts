import { localDateOf } from '../schedule/schedule.rules';
import { weekStartOf } from '../insights/insights.rules';
import { isOpenShiftFor } from '../shifts/shifts.rules';
import type { Language } from '../bookings/bookings.types';
import {
  DIGEST_MAX_SHIFTS,
  NOTICE_TOPICS,
  type DigestCandidate,
  type DigestContent,
  type HelperNoticeKind,
  type NoticeRecipient,
  type NoticeSettings,
  type NoticeTopic,
} from './helper-notices.types';

const TOPIC: Readonly<Record<HelperNoticeKind, NoticeTopic>> = {
  'session-cancelled': 'cancelled',
  'shift-assigned': 'shiftChanges',
  'shift-removed': 'shiftChanges',
  'shift-time-changed': 'timeChanges',
  'open-shifts-digest': 'digest',
};

/** The switch that turns this kind of e-mail off. */
export function noticeTopicOf(kind: HelperNoticeKind): NoticeTopic {
  return TOPIC[kind];
}

/** Who gets what: an active account that has not turned this kind off. */
export function wantsNotice(recipient: NoticeRecipient, kind: HelperNoticeKind): boolean {
  return recipient.active && !recipient.optedOut.includes(noticeTopicOf(kind));
}

export function isNoticeTopic(value: string): value is NoticeTopic {
  return (NOTICE_TOPICS as readonly string[]).includes(value);
}

/** The settings a helper sees: every kind on unless turned off. */
export function noticeSettingsFrom(language: Language, optedOut: readonly NoticeTopic[]): NoticeSettings {
  const on = (topic: NoticeTopic) => !optedOut.includes(topic);
  return { language, cancelled: on('cancelled'), shiftChanges: on('shiftChanges'), timeChanges: on('timeChanges'), digest: on('digest') };
}

/** The kinds a helper turned off (what is stored). */
export function optOutsFrom(settings: NoticeSettings): NoticeTopic[] {
  return NOTICE_TOPICS.filter((topic) => !settings[topic]);
}

/**
 * The dedupe key of a cancellation notice. A coordinator cancelling one session: one per helper and
 * session. A closure (many sessions, maybe in several transactions): one per helper and closure, listing
 * every shift of theirs it cancelled; `round` counts on only if a batch arrives after that message went.
 */
export function cancellationNoticeKey(c: { helperId: string; sessionId: string; closureId: string | null }, round = 0): string {
  if (!c.closureId) return `cancelled:${c.sessionId}:${c.helperId}`;
  return `closure:${c.closureId}:${c.helperId}${round ? `:${round}` : ''}`;
}

/** Each assignment or removal by a coordinator is its own event (one may put a helper back on later). */
export function shiftChangeNoticeKey(kind: 'shift-assigned' | 'shift-removed', eventId: string): string {
  return `${kind}:${eventId}`;
}

/** One notice per helper and version of the session's times (`sequence` rises on every change). */
export function timeChangeNoticeKey(sessionId: string, helperId: string, sequence: number): string {
  return `time-changed:${sessionId}:${helperId}:${sequence}`;
}

/** One digest per helper and calendar week (its Monday, in the zone): a second run that week adds nothing. */
export function digestNoticeKey(helperId: string, now: Date, timeZone: string): string {
  return `digest:${weekStartOf(localDateOf(now, timeZone))}:${helperId}`;
}

/**
 * What the weekly digest lists for one helper: planned sessions not yet started that still need
 * helpers and that the helper is not on, soonest first, at most DIGEST_MAX_SHIFTS; null when none.
 */
export function digestContent(sessions: readonly DigestCandidate[], helperId: string, now: Date): DigestContent | null {
  const open = sessions
    .filter((s) => s.start > now && isOpenShiftFor({ status: s.status, helpersNeeded: s.helpersNeeded, helpers: [...s.helpers] }, helperId))
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.siteName.localeCompare(b.siteName, 'sv'));
  if (!open.length) return null;
  return {
    shifts: open.slice(0, DIGEST_MAX_SHIFTS).map((s) => ({
      sessionId: s.sessionId,
      siteName: s.siteName,
      timeZone: s.timeZone,
      start: s.start,
      end: s.end,
      helpers: s.helpers.length,
      helpersNeeded: s.helpersNeeded,
    })),
    more: Math.max(0, open.length - DIGEST_MAX_SHIFTS),
  };
}
