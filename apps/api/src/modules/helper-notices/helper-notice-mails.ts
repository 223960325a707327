import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DIGEST_WEEKS, digestContent, wantsNotice } from '@digihjalpen/domain';
import { currentTime } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { HelpersRepository } from '../helpers/helpers.repository';
import { JobQueue } from '../jobs/job-queue';
import { MailService } from '../notifications/mail.service';
import { helperNoticeMail, type NoticeMessage } from './helper-notice-mail';
import { HelperNoticesRepository, type ClaimedNotice } from './helper-notices.repository';
import { HELPER_NOTICE_QUEUE, HelperNoticesService, OPEN_SHIFTS_DIGEST_QUEUE, type HelperNoticeJob } from './helper-notices.service';

const WEEK_MS = 7 * 86_400_000;

/**
 * Sends helpers' e-mails from the job queue (any instance; each notice claimed before it is sent, so it
 * goes once) and runs the weekly open-shifts digest (Mondays 08:00 Stockholm time, one run across instances).
 */
@Injectable()
export class HelperNoticeMails implements OnModuleInit {
  private readonly logger = new Logger(HelperNoticeMails.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly repo: HelperNoticesRepository,
    private readonly notices: HelperNoticesService,
    private readonly staffing: HelpersRepository,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define<HelperNoticeJob>({ name: HELPER_NOTICE_QUEUE, handle: (job) => this.deliver(job.noticeId) });
    this.jobs.define({ name: OPEN_SHIFTS_DIGEST_QUEUE, cron: '0 8 * * 1', retryLimit: 2, handle: async () => void (await this.notices.queueDigests()) });
  }

  async deliver(noticeId: string, now = currentTime()): Promise<void> {
    const notice = await this.repo.claim(noticeId, now);
    // Claimed before (sent, or being sent by another instance); or the person no longer wants it or is deactivated.
    if (!notice || !wantsNotice(notice, notice.kind)) return;
    const message = await this.messageFor(notice, now);
    if (!message) return;
    const links = { shiftsUrl: `${this.config.publicUrl}/personal`, settingsUrl: `${this.config.publicUrl}/personal/installningar` };
    try {
      await this.mail.send({ to: notice.email, ...helperNoticeMail(message, notice, links) });
    } catch (error) {
      await this.repo.release(notice.noticeId);
      // SMTP replies often quote the address: keep only the codes.
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      this.logger.warn(`E-mail (${notice.kind}) to a helper failed (${code ?? 'error'} ${responseCode ?? ''}), will retry`);
      throw new Error(`SMTP ${code ?? 'error'} ${responseCode ?? ''}`.trim());
    }
  }

  private async messageFor(notice: ClaimedNotice, now: Date): Promise<NoticeMessage | null> {
    const sessions = await this.repo.sessions(notice.sessionIds);
    const [first] = sessions;
    switch (notice.kind) {
      case 'session-cancelled':
        return sessions.length ? { kind: notice.kind, shifts: sessions, reason: String(notice.details['reason'] ?? first?.cancelReason ?? '') } : null;
      case 'shift-assigned':
      case 'shift-removed':
        return first ? { kind: notice.kind, shift: first } : null;
      case 'shift-time-changed':
        return first
          ? { kind: notice.kind, shift: first, before: { start: new Date(String(notice.details['beforeStart'])), end: new Date(String(notice.details['beforeEnd'])) } }
          : null;
      case 'open-shifts-digest': {
        const rows = await this.staffing.staffing({ from: now, to: new Date(now.getTime() + DIGEST_WEEKS * WEEK_MS) });
        const digest = digestContent(rows, notice.id, now);
        return digest ? { kind: notice.kind, digest } : null;
      }
    }
  }
}
