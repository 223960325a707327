import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { parseReference, PrivacyError, retentionCutoff, type AuthUser, type ErasureResult, type PrivacyRequestView, type PrivacySettingsView } from '@digihjalpen/domain';
import { currentTime } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { JobQueue } from '../jobs/job-queue';
import { toPrivacyBooking } from './privacy.mapper';
import { PrivacyRepository } from './privacy.repository';

export const RETENTION_QUEUE = 'privacy-retention';
/** Rows per UPDATE: a large backlog (the first night, or after an outage) never holds long locks. */
const BATCH = 1_000;

/**
 * Privacy of help-seekers: the nightly retention job, and a coordinator's right-of-access and erasure
 * requests by booking reference. Audit entries name bookings by id only, never a name or an address.
 */
@Injectable()
export class PrivacyService implements OnModuleInit {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    private readonly repo: PrivacyRepository,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // 02:30 Stockholm time, when nobody books; pg-boss runs a cron once across all instances.
    this.jobs.define({ name: RETENTION_QUEUE, cron: '30 2 * * *', retryLimit: 2, handle: async () => void (await this.eraseExpired()) });
  }

  settings(): PrivacySettingsView {
    return { retentionDays: this.config.retentionDays };
  }

  /** Erases every booking whose time ended more than RETENTION_DAYS ago; one audit entry with the count. */
  async eraseExpired(now = currentTime(), batchSize = BATCH): Promise<number> {
    const cutoff = retentionCutoff(now, this.config.retentionDays);
    let erased = 0;
    for (;;) {
      const batch = await this.repo.eraseEndedBefore(cutoff, now, batchSize);
      erased += batch;
      if (batch < batchSize) break;
    }
    await this.audit.record({
      actorId: null,
      action: 'privacy.retention',
      entity: 'booking',
      details: { erased, retentionDays: this.config.retentionDays, endedBefore: cutoff.toISOString() },
    });
    if (erased) this.logger.log(`Retention: erased the details of ${erased} bookings that ended before ${cutoff.toISOString()}`);
    return erased;
  }

  /** What is held about the person behind a reference (shown on the page): audited. */
  view(user: AuthUser, referenceText: string): Promise<PrivacyRequestView> {
    return this.find(user, referenceText, 'privacy.viewed');
  }

  /** The same as a file to hand over: audited as an export. */
  export(user: AuthUser, referenceText: string): Promise<PrivacyRequestView> {
    return this.find(user, referenceText, 'privacy.exported');
  }

  /** Erases the person's bookings now, the same way as the retention job. Erasing again erases nothing. */
  async erase(user: AuthUser, referenceText: string, now = currentTime()): Promise<ErasureResult> {
    const reference = parseReference(referenceText);
    return this.repo.transaction(async (tx) => {
      const booking = await this.repo.byReference(reference, tx);
      if (!booking) throw PrivacyError.notFound();
      const ids = (await this.repo.bookingsOfPerson(booking.id, booking.contactKeys, tx)).filter((b) => !b.erasedAt).map((b) => b.id);
      const result = ids.length ? await this.repo.eraseBookings(tx, ids, now) : { ids: [], cancelled: 0 };
      await this.audit.record({ actorId: user.id, action: 'privacy.erased', entity: 'booking', entityId: booking.id, details: { bookingIds: result.ids, cancelled: result.cancelled } }, tx);
      return { erased: result.ids.length, cancelled: result.cancelled };
    });
  }

  private async find(user: AuthUser, referenceText: string, action: 'privacy.viewed' | 'privacy.exported'): Promise<PrivacyRequestView> {
    const reference = parseReference(referenceText);
    const booking = await this.repo.byReference(reference);
    if (!booking) throw PrivacyError.notFound();
    const rows = await this.repo.bookingsOfPerson(booking.id, booking.contactKeys);
    await this.audit.record({ actorId: user.id, action, entity: 'booking', entityId: booking.id, details: { bookingIds: rows.map((r) => r.id) } });
    return { reference, erased: booking.erasedAt !== null, bookings: rows.map(toPrivacyBooking), retentionDays: this.config.retentionDays };
  }
}
