import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { currentTime } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { JobQueue } from '../jobs/job-queue';
import { MailService } from '../notifications/mail.service';
import { bookingMail } from './booking-mail';
import { BookingsRepository } from './bookings.repository';
import { BOOKING_MAIL_QUEUE, BookingsService, type BookingMailJob } from './bookings.service';

const NEXT_SESSIONS = 3;

/** Sends the e-mails about bookings from the job queue (any instance, each job once, retried on failure). */
@Injectable()
export class BookingMails implements OnModuleInit {
  private readonly logger = new Logger(BookingMails.name);

  constructor(
    private readonly jobs: JobQueue,
    private readonly repo: BookingsRepository,
    private readonly bookings: BookingsService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.define<BookingMailJob>({ name: BOOKING_MAIL_QUEUE, handle: (job) => this.deliver(job) });
  }

  async deliver(job: BookingMailJob): Promise<void> {
    const booking = await this.repo.findById(job.bookingId);
    if (!booking?.email) return; // erased or never had an address
    if (job.kind === 'reminder') {
      // Only for a booking still confirmed at the time the reminder was planned for, and only once.
      if (!job.slotStart || !(await this.repo.claimReminder(booking.id, new Date(job.slotStart)))) return;
    }
    const links = {
      manageUrl: this.bookings.manageUrl(booking),
      // Following it confirms the e-mail address (the per-contact limit then counts this booking from anywhere).
      provingUrl: this.bookings.manageUrlProving(booking, { email: booking.email }),
      bookAgainUrl: `${this.config.publicUrl}/bibliotek/${booking.site.slug}/boka?lang=${booking.language}`,
    };
    const next = job.kind === 'session-cancelled' ? await this.nextSessions(booking.site.id, booking.session.start) : [];
    try {
      await this.mail.send({ to: booking.email, ...bookingMail(job.kind, booking, links, next, job.reason) });
    } catch (error) {
      if (job.kind === 'reminder') await this.repo.releaseReminder(booking.id);
      // SMTP replies often quote the address: log and keep only the codes.
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      this.logger.warn(`E-mail (${job.kind}) for a booking failed (${code ?? 'error'} ${responseCode ?? ''}), will retry`);
      throw new Error(`SMTP ${code ?? 'error'} ${responseCode ?? ''}`.trim());
    }
  }

  /** The site's next sessions with a free time (up to 8 weeks after the cancelled one), offered when a session is cancelled. */
  private async nextSessions(siteId: string, cancelled: Date): Promise<{ start: Date; end: Date }[]> {
    const now = currentTime();
    const slots = await this.repo.slotsOfSite(siteId, now, new Date(Math.max(now.getTime(), cancelled.getTime()) + 8 * 7 * 86_400_000));
    const sessions = new Map<string, { start: Date; end: Date }>();
    for (const slot of slots) {
      if (slot.seatsLeft > 0 && slot.start > now && !sessions.has(slot.sessionId)) sessions.set(slot.sessionId, { start: slot.start, end: slot.end });
    }
    return [...sessions.values()].slice(0, NEXT_SESSIONS);
  }
}
