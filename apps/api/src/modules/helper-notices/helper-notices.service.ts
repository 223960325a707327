import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  cancellationNoticeKey,
  noticeSettingsFrom,
  optOutsFrom,
  shiftChangeNoticeKey,
  timeChangeNoticeKey,
  wantsNotice,
  digestNoticeKey,
  DIGEST_TIME_ZONE,
  type AuthUser,
  type NoticeSettings,
  type OpenShiftsDigestSetting,
} from '@digihjalpen/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { currentTime } from '../../common/clock';
import { AuditService } from '../audit/audit.service';
import { HelpersService, type ShiftChangeByCoordinator } from '../helpers/helpers.service';
import { JobQueue } from '../jobs/job-queue';
import { ScheduleService, type SessionCancellation } from '../schedule/schedule.service';
import { HelperNoticesRepository, type NoticeToRecord } from './helper-notices.repository';

export const HELPER_NOTICE_QUEUE = 'helper-notice';
export const OPEN_SHIFTS_DIGEST_QUEUE = 'open-shifts-digest';

export interface HelperNoticeJob {
  noticeId: string;
}

/**
 * A closure's notices wait this long before they go, so that the batches of one closure (several
 * transactions) land in one message per helper.
 */
export const CLOSURE_NOTICE_DELAY_MS = 2 * 60_000;
/** Rounds of one closure's notice to one helper: a new round only if a batch came after the message went. */
const MAX_ROUNDS = 50;

/**
 * Helpers told by e-mail: each notice is recorded in the transaction of the change (a unique dedupe key,
 * so it exists once) and its job queued in the same transaction, only when the record is new.
 */
@Injectable()
export class HelperNoticesService implements OnModuleInit {
  constructor(
    private readonly repo: HelperNoticesRepository,
    private readonly jobs: JobQueue,
    private readonly schedule: ScheduleService,
    private readonly helpers: HelpersService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.schedule.onSessionCancelled((tx, cancellation) => this.sessionsCancelled(tx, cancellation));
    this.helpers.onShiftChangedByCoordinator((tx, change) => this.shiftChanged(tx, change));
  }

  /**
   * Sessions were cancelled (by a coordinator, or a batch of a closure): each helper on them who wants it
   * is told, with the reason — once per session, or once per closure listing all their cancelled shifts.
   */
  async sessionsCancelled(tx: EntityManager, { sessionIds, reason, closureId }: SessionCancellation): Promise<void> {
    const onShift = (await this.repo.helpersOnSessions(tx, sessionIds)).filter((r) => wantsNotice(r, 'session-cancelled'));
    if (!closureId) {
      for (const r of onShift) {
        const notice = { helperId: r.id, kind: 'session-cancelled' as const, sessionIds: [r.sessionId], details: { reason } };
        await this.recordAndQueue(tx, { ...notice, dedupeKey: cancellationNoticeKey({ helperId: r.id, sessionId: r.sessionId, closureId: null }) });
      }
      return;
    }
    const byHelper = new Map<string, string[]>();
    for (const r of onShift) byHelper.set(r.id, [...(byHelper.get(r.id) ?? []), r.sessionId]);
    const startAfter = new Date(currentTime().getTime() + CLOSURE_NOTICE_DELAY_MS);
    for (const [helperId, sessionsOfHelper] of byHelper) {
      let ids = sessionsOfHelper;
      for (let round = 0; round < MAX_ROUNDS && ids.length; round += 1) {
        const dedupeKey = cancellationNoticeKey({ helperId, sessionId: ids[0] as string, closureId }, round);
        const recorded = await this.repo.recordOrAdd(tx, { helperId, kind: 'session-cancelled', dedupeKey, sessionIds: ids, details: { reason, closureId } });
        if ('sent' in recorded) {
          // That round's message went already: the shifts it did not name go in the next one.
          ids = ids.filter((id) => !recorded.sent.includes(id));
          continue;
        }
        if (recorded.inserted) await this.jobs.send<HelperNoticeJob>(HELPER_NOTICE_QUEUE, { noticeId: recorded.id }, { startAfter }, tx);
        break;
      }
    }
  }

  /** A coordinator put a helper on a shift or took them off one. */
  async shiftChanged(tx: EntityManager, change: ShiftChangeByCoordinator): Promise<void> {
    const recipient = await this.repo.recipient(tx, change.helperId);
    const kind = change.change === 'assigned' ? 'shift-assigned' : 'shift-removed';
    if (!recipient || !wantsNotice(recipient, kind)) return;
    await this.recordAndQueue(tx, { helperId: change.helperId, kind, dedupeKey: shiftChangeNoticeKey(kind, randomUUID()), sessionIds: [change.sessionId], details: {} });
  }

  /**
   * A staffed session's times changed (call in the transaction that changes them, after `sequence` rose):
   * each helper on it is told the new time and the old one. No path changes a session's times today:
   * schedule changes keep sessions in use as they are and only add or remove unused ones.
   */
  async shiftTimeChanged(tx: EntityManager, change: { sessionId: string; before: { start: Date; end: Date } }): Promise<void> {
    const [session] = await this.repo.sessions([change.sessionId], tx);
    if (!session) return;
    for (const r of await this.repo.helpersOnSessions(tx, [change.sessionId])) {
      if (!wantsNotice(r, 'shift-time-changed')) continue;
      await this.recordAndQueue(tx, {
        helperId: r.id,
        kind: 'shift-time-changed',
        dedupeKey: timeChangeNoticeKey(change.sessionId, r.id, session.sequence),
        sessionIds: [change.sessionId],
        details: { beforeStart: change.before.start.toISOString(), beforeEnd: change.before.end.toISOString() },
      });
    }
  }

  /**
   * The weekly cron: one digest notice per helper who wants it, keyed by the week, so a second run (or a
   * second instance) in the same week records and sends nothing. Off unless a coordinator turned it on.
   */
  async queueDigests(now = currentTime()): Promise<number> {
    if (!(await this.repo.digestEnabled())) return 0;
    const recipients = (await this.repo.activeHelpers()).filter((r) => wantsNotice(r, 'open-shifts-digest'));
    let queued = 0;
    const BATCH = 500;
    for (let i = 0; i < recipients.length; i += BATCH) {
      queued += await this.repo.transaction(async (tx) => {
        let n = 0;
        for (const r of recipients.slice(i, i + BATCH)) {
          const notice: NoticeToRecord = { helperId: r.id, kind: 'open-shifts-digest', dedupeKey: digestNoticeKey(r.id, now, DIGEST_TIME_ZONE), sessionIds: [], details: {} };
          if (await this.recordAndQueue(tx, notice)) n += 1;
        }
        return n;
      });
    }
    return queued;
  }

  async settings(user: AuthUser): Promise<NoticeSettings> {
    const stored = await this.repo.settings(user.id);
    return noticeSettingsFrom(stored?.language ?? 'sv', stored?.optedOut ?? []);
  }

  async saveSettings(user: AuthUser, settings: NoticeSettings): Promise<NoticeSettings> {
    await this.repo.saveSettings(user.id, settings.language, optOutsFrom(settings));
    return this.settings(user);
  }

  async digestSetting(): Promise<OpenShiftsDigestSetting> {
    return { enabled: await this.repo.digestEnabled() };
  }

  /** A coordinator turns the weekly open-shifts e-mail to helpers on or off (audited). */
  async setDigest(coordinator: AuthUser, enabled: boolean, now = currentTime()): Promise<OpenShiftsDigestSetting> {
    await this.repo.transaction(async (tx) => {
      await this.repo.setDigest(tx, enabled, coordinator.id, now);
      await this.audit.record({ actorId: coordinator.id, action: enabled ? 'shift.digest-on' : 'shift.digest-off', entity: 'open_shifts_digest' }, tx);
    });
    return { enabled };
  }

  /** Records the notice; queues its e-mail in the same transaction only when the record is new. */
  private async recordAndQueue(tx: EntityManager, notice: NoticeToRecord): Promise<boolean> {
    const id = await this.repo.record(tx, notice);
    if (id) await this.jobs.send<HelperNoticeJob>(HELPER_NOTICE_QUEUE, { noticeId: id }, {}, tx);
    return id !== null;
  }
}
