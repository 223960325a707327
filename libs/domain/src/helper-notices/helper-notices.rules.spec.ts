import {
  cancellationNoticeKey,
  digestContent,
  digestNoticeKey,
  noticeSettingsFrom,
  noticeTopicOf,
  optOutsFrom,
  shiftChangeNoticeKey,
  timeChangeNoticeKey,
  wantsNotice,
} from './helper-notices.rules';
import { DIGEST_MAX_SHIFTS, type DigestCandidate, type NoticeRecipient } from './helper-notices.types';

const now = new Date('2026-11-23T12:00:00Z');
const helper = (overrides: Partial<NoticeRecipient> = {}): NoticeRecipient => ({ id: 'h1', active: true, optedOut: [], ...overrides });
let sequence = 0;
const candidate = (overrides: Partial<DigestCandidate> = {}): DigestCandidate => {
  sequence += 1;
  return {
    sessionId: `s${sequence}`,
    siteName: 'Stadsbiblioteket',
    timeZone: 'Europe/Stockholm',
    start: new Date('2026-11-24T09:00:00Z'),
    end: new Date('2026-11-24T11:00:00Z'),
    status: 'planned',
    helpersNeeded: 2,
    helpers: [],
    ...overrides,
  };
};

describe('noticeTopicOf', () => {
  it('puts each kind of notice under the switch a helper turns it off with', () => {
    expect(noticeTopicOf('session-cancelled')).toBe('cancelled');
    expect(noticeTopicOf('shift-assigned')).toBe('shiftChanges');
    expect(noticeTopicOf('shift-removed')).toBe('shiftChanges');
    expect(noticeTopicOf('shift-time-changed')).toBe('timeChanges');
    expect(noticeTopicOf('open-shifts-digest')).toBe('digest');
  });
});

describe('wantsNotice', () => {
  it('tells an active helper who has not turned the kind off', () => {
    expect(wantsNotice(helper(), 'session-cancelled')).toBe(true);
  });

  it('tells nobody whose account is deactivated, whatever they chose', () => {
    expect(wantsNotice(helper({ active: false }), 'session-cancelled')).toBe(false);
    expect(wantsNotice(helper({ active: false }), 'open-shifts-digest')).toBe(false);
  });

  it('respects each opt-out on its own when a helper has turned one kind off', () => {
    const noShiftMail = helper({ optedOut: ['shiftChanges'] });
    expect(wantsNotice(noShiftMail, 'shift-assigned')).toBe(false);
    expect(wantsNotice(noShiftMail, 'shift-removed')).toBe(false);
    expect(wantsNotice(noShiftMail, 'session-cancelled')).toBe(true);
    expect(wantsNotice(noShiftMail, 'open-shifts-digest')).toBe(true);
  });
});

describe('notice settings', () => {
  it('shows every kind on when nothing is turned off, with the chosen language', () => {
    expect(noticeSettingsFrom('en', [])).toEqual({ language: 'en', cancelled: true, shiftChanges: true, timeChanges: true, digest: true });
  });

  it('turns the settings into the opt-outs to store and back again', () => {
    const settings = { language: 'ar' as const, cancelled: true, shiftChanges: false, timeChanges: true, digest: false };
    expect(optOutsFrom(settings)).toEqual(['shiftChanges', 'digest']);
    expect(noticeSettingsFrom('ar', optOutsFrom(settings))).toEqual(settings);
  });
});

describe('dedupe keys', () => {
  it('gives one cancellation notice per helper and session when a coordinator cancels one session', () => {
    expect(cancellationNoticeKey({ helperId: 'h1', sessionId: 's1', closureId: null })).toBe('cancelled:s1:h1');
    expect(cancellationNoticeKey({ helperId: 'h2', sessionId: 's1', closureId: null })).not.toBe(cancellationNoticeKey({ helperId: 'h1', sessionId: 's1', closureId: null }));
  });

  it('gives one notice per helper and closure, whatever session of the closure it is about', () => {
    const a = cancellationNoticeKey({ helperId: 'h1', sessionId: 's1', closureId: 'c1' });
    expect(a).toBe(cancellationNoticeKey({ helperId: 'h1', sessionId: 's2', closureId: 'c1' }));
    expect(a).not.toBe(cancellationNoticeKey({ helperId: 'h2', sessionId: 's1', closureId: 'c1' }));
    expect(a).not.toBe(cancellationNoticeKey({ helperId: 'h1', sessionId: 's1', closureId: 'c2' }));
  });

  it('counts a later round of a closure separately once the first message went out', () => {
    expect(cancellationNoticeKey({ helperId: 'h1', sessionId: 's1', closureId: 'c1' }, 1)).toBe('closure:c1:h1:1');
    expect(cancellationNoticeKey({ helperId: 'h1', sessionId: 's1', closureId: 'c1' }, 0)).toBe('closure:c1:h1');
  });

  it('keeps every assignment and removal its own notice', () => {
    expect(shiftChangeNoticeKey('shift-assigned', 'e1')).not.toBe(shiftChangeNoticeKey('shift-assigned', 'e2'));
    expect(shiftChangeNoticeKey('shift-removed', 'e1')).not.toBe(shiftChangeNoticeKey('shift-assigned', 'e1'));
  });

  it('sends one time-change notice per version of the session', () => {
    expect(timeChangeNoticeKey('s1', 'h1', 3)).toBe(timeChangeNoticeKey('s1', 'h1', 3));
    expect(timeChangeNoticeKey('s1', 'h1', 4)).not.toBe(timeChangeNoticeKey('s1', 'h1', 3));
  });

  it('gives one digest per helper and ISO week in Stockholm, however often the job runs that week', () => {
    const monday = digestNoticeKey('h1', new Date('2026-11-23T07:00:00Z'), 'Europe/Stockholm');
    expect(monday).toBe('digest:2026-11-23:h1');
    expect(digestNoticeKey('h1', new Date('2026-11-29T22:30:00Z'), 'Europe/Stockholm')).toBe(monday); // Sunday 23:30 local
    expect(digestNoticeKey('h1', new Date('2026-11-29T23:30:00Z'), 'Europe/Stockholm')).toBe('digest:2026-11-30:h1'); // Monday 00:30 local
    expect(digestNoticeKey('h2', new Date('2026-11-23T07:00:00Z'), 'Europe/Stockholm')).not.toBe(monday);
  });
});

describe('digestContent', () => {
  it('lists planned future sessions that need helpers and that the helper is not on, by start', () => {
    const later = candidate({ start: new Date('2026-12-01T09:00:00Z'), end: new Date('2026-12-01T11:00:00Z') });
    const sooner = candidate();
    const full = candidate({ helpersNeeded: 1, helpers: [{ id: 'x', name: 'X' }] });
    const mine = candidate({ helpers: [{ id: 'h1', name: 'Me' }] });
    const cancelled = candidate({ status: 'cancelled' });
    const started = candidate({ start: new Date('2026-11-23T11:00:00Z') });
    const content = digestContent([later, full, mine, cancelled, started, sooner], 'h1', now);
    expect(content?.shifts.map((s) => s.sessionId)).toEqual([sooner.sessionId, later.sessionId]);
    expect(content?.more).toBe(0);
    expect(content?.shifts[0]).toMatchObject({ siteName: 'Stadsbiblioteket', helpers: 0, helpersNeeded: 2 });
  });

  it('sends nothing when no session needs the helper', () => {
    expect(digestContent([candidate({ helpers: [{ id: 'h1', name: 'Me' }] })], 'h1', now)).toBeNull();
    expect(digestContent([], 'h1', now)).toBeNull();
  });

  it('lists at most a screenful and says how many more there are', () => {
    const many = Array.from({ length: DIGEST_MAX_SHIFTS + 3 }, (_, i) => candidate({ start: new Date(Date.UTC(2026, 10, 24, 9 + (i % 10), i)) }));
    const content = digestContent(many, 'h1', now);
    expect(content?.shifts).toHaveLength(DIGEST_MAX_SHIFTS);
    expect(content?.more).toBe(3);
  });
});
