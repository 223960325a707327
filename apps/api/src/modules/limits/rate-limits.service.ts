import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { limitVerdict, rateWindow, waitMinutes, type AuthUser, type Language, type LimitVerdict } from '@digihjalpen/domain';
import { createHmac } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { currentTime } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { localKey } from '../bookings/manage-tokens';
import { JobQueue } from '../jobs/job-queue';
import { PUBLIC_LIMIT_MESSAGES, RateLimitExceeded } from './rate-limit-exceeded';
import { RateLimitsRepository } from './rate-limits.repository';

export type { LimitVerdict } from '@digihjalpen/domain';

export const RATE_LIMIT_SWEEP_QUEUE = 'rate-limit-sweep';

const HOUR = 3600;
const DAY = 86_400;
const WEEK = 7 * 86_400;

/** "om 3 dagar", "om 5 timmar", "om 20 minuter": when a staff quota opens again. */
function swedishWait(seconds: number): string {
  if (seconds >= 2 * 86_400) return `om ${Math.ceil(seconds / 86_400)} dagar`;
  if (seconds >= 2 * HOUR) return `om ${Math.ceil(seconds / HOUR)} timmar`;
  const minutes = waitMinutes(seconds);
  return minutes === 1 ? 'om en minut' : `om ${minutes} minuter`;
}

/**
 * The one limiter (issue 17): fixed windows counted in PostgreSQL, so every API instance sees the same
 * counts and nothing lives in process memory. Keys are stored as a keyed hash (HMAC with the server's
 * SECRET_KEY), never as a client address, account or organisation in clear. Each bucket has one window
 * length. Ended windows are deleted by a job every 15 minutes.
 */
@Injectable()
export class RateLimits implements OnModuleInit {
  private readonly logger = new Logger(RateLimits.name);
  private readonly secret: string;

  constructor(
    private readonly repo: RateLimitsRepository,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.secret = config.secretKey ?? localKey(config.dataDir);
  }

  onModuleInit(): void {
    // pg-boss runs a cron once across all instances.
    this.jobs.define({ name: RATE_LIMIT_SWEEP_QUEUE, cron: '*/15 * * * *', retryLimit: 1, handle: async () => void (await this.sweep()) });
  }

  /** Counts one hit for (bucket, key) in the current window of `windowSeconds` and says whether it is within `limit`. With `tx`, the count is part of that transaction (rolled back with it). */
  async hit(bucket: string, key: string, limit: number, windowSeconds: number, options: { tx?: EntityManager; now?: Date } = {}): Promise<LimitVerdict> {
    const now = options.now ?? currentTime();
    const window = rateWindow(now, windowSeconds);
    const hits = await this.repo.hit(bucket, this.keyHash(bucket, key), window, options.tx);
    return limitVerdict(hits, limit, window, now);
  }

  /** The stored form of a key: HMAC-SHA-256 under the server's key (43 characters). */
  keyHash(bucket: string, key: string): string {
    return createHmac('sha256', this.secret).update(`rate-limit:${bucket}:${key}`).digest('base64url');
  }

  /**
   * Public bookings made from one client network: BOOKING_RATE_LIMIT an hour and BOOKING_DAILY_LIMIT a day.
   * Called inside the booking's transaction, so only bookings that are made count (a refused or mistyped try
   * does not use the network's share — that matters on a library's shared computers). 429 in the person's language.
   */
  async publicBooking(network: string, lang: Language, tx: EntityManager, now = currentTime()): Promise<void> {
    const windows = [
      { bucket: 'booking-hour', limit: this.config.limits.bookingsPerHour, seconds: HOUR },
      { bucket: 'booking-day', limit: this.config.limits.bookingsPerDay, seconds: DAY },
    ];
    for (const w of windows) {
      const verdict = await this.hit(w.bucket, network, w.limit, w.seconds, { tx, now });
      if (!verdict.allowed) throw new RateLimitExceeded(PUBLIC_LIMIT_MESSAGES[lang], verdict.retryAfterSeconds);
    }
  }

  /**
   * Staff bookings (POST /api/staff/bookings): STAFF_BOOKINGS_PER_HOUR per account, and for partners
   * PARTNER_BOOKINGS_PER_WEEK per organisation per 7-day window. Called inside the booking's transaction,
   * so a booking refused or failed later does not use the quota. Throws a Swedish 429 that names the limit.
   */
  async staffBooking(by: AuthUser, tx: EntityManager, now = currentTime()): Promise<void> {
    const perHour = this.config.limits.staffBookingsPerHour;
    const own = await this.hit('staff-booking-hour', by.id, perHour, HOUR, { tx, now });
    if (!own.allowed) {
      throw new RateLimitExceeded(
        `Du har redan gjort ${perHour} bokningar den här timmen, så många som ett konto får göra. Du kan boka igen ${swedishWait(own.retryAfterSeconds)}. Är det bråttom: kontakta samordnaren.`,
        own.retryAfterSeconds,
      );
    }
    if (by.role !== 'partner' || !by.partnerId) return;
    const perWeek = this.config.limits.partnerBookingsPerWeek;
    const partner = await this.hit('partner-booking-week', by.partnerId, perWeek, WEEK, { tx, now });
    if (!partner.allowed) {
      throw new RateLimitExceeded(
        `Er organisation har gjort ${perWeek} bokningar den här veckan, så många som en partnerorganisation får göra. Ni kan boka igen ${swedishWait(partner.retryAfterSeconds)}. Behöver ni fler: kontakta samordnaren.`,
        partner.retryAfterSeconds,
      );
    }
  }

  /** Deletes every window that has ended. */
  async sweep(now = currentTime()): Promise<number> {
    const deleted = await this.repo.sweep(now);
    if (deleted > 0) this.logger.log(`Removed ${deleted} ended rate-limit windows`);
    return deleted;
  }
}
