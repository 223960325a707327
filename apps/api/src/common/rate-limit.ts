import { applyDecorators, Inject, Injectable, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { normaliseEmail, waitMinutes } from '@digihjalpen/domain';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { clientNetwork } from '../modules/auth/client-address';
import { PUBLIC_LIMIT_MESSAGES, RateLimitExceeded } from '../modules/limits/rate-limit-exceeded';
import { RateLimits } from '../modules/limits/rate-limits.service';
import { languageOf } from './language';

/**
 * - `booking`: POST /api/public/bookings — tries (refused ones too) per network, BOOKING_TRIES_PER_BOOKING times
 *   BOOKING_RATE_LIMIT an hour; the bookings made (BOOKING_RATE_LIMIT an hour, BOOKING_DAILY_LIMIT a day) are
 *   counted in the booking's transaction by RateLimits.publicBooking;
 * - `manage`: manage-link routes and referral-code look-ups — MANAGE_RATE_LIMIT an hour per network;
 * - `stats`: the open statistics — STATS_RATE_LIMIT an hour per network;
 * - `login`: accepting an invitation, a password-reset link — 10 a minute per network and e-mail or link.
 */
export type RateLimitName = 'booking' | 'manage' | 'stats' | 'login';

const RATE_LIMIT = Symbol('RATE_LIMIT');
const MINUTE = 60;
const HOUR = 3600;
/** Room for mistakes: a person who mistypes their phone number twice has not used up their network's bookings. */
export const BOOKING_TRIES_PER_BOOKING = 3;

interface Bucket {
  bucket: string;
  limit: (config: AppConfig) => number;
  windowSeconds: number;
}

const BUCKETS: Record<RateLimitName, readonly Bucket[]> = {
  // Tries, refused ones included; the bookings made are counted in the booking's transaction (RateLimits.publicBooking).
  booking: [{ bucket: 'booking-try-hour', limit: (c) => c.limits.bookingsPerHour * BOOKING_TRIES_PER_BOOKING, windowSeconds: HOUR }],
  manage: [{ bucket: 'manage-hour', limit: (c) => c.limits.manageRequestsPerHour, windowSeconds: HOUR }],
  stats: [{ bucket: 'stats-hour', limit: (c) => c.limits.statsRequestsPerHour, windowSeconds: HOUR }],
  login: [{ bucket: 'login-minute', limit: () => 10, windowSeconds: MINUTE }],
};


/** Staff pages (an invitation, a reset link) are in Swedish. */
const loginMessage = (seconds: number): string => {
  const minutes = waitMinutes(seconds);
  return `För många försök. Vänta ${minutes === 1 ? 'en minut' : `${minutes} minuter`} och försök igen.`;
};

/**
 * Sign-in links count per network *and* e-mail or link: a library's public network puts many people
 * behind one address, and one person's typos must not lock out the others.
 */
function loginKey(req: Request, network: string): string {
  const body = req.body as { email?: unknown; token?: unknown } | undefined;
  const who = typeof body?.email === 'string' ? normaliseEmail(body.email) : typeof body?.token === 'string' ? body.token.slice(0, 12) : '';
  return `${network}|${who}`;
}

/**
 * Per-client limits (configurable, see the README), counted by client network (`clientNetwork`: IPv6 by
 * /64, IPv4 per address) in PostgreSQL through RateLimits, so every API instance shares the counts. A
 * tripped limit answers 429 TOO_MANY_REQUESTS with Retry-After and a message in the person's language.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.reflector.get<RateLimitName | undefined>(RATE_LIMIT, context.getHandler());
    if (!name) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const network = clientNetwork(req, this.config.network);
    const key = name === 'login' ? loginKey(req, network) : network;
    for (const { bucket, limit, windowSeconds } of BUCKETS[name]) {
      const verdict = await this.limits.hit(bucket, key, limit(this.config), windowSeconds);
      // The exception filter adds Retry-After.
      if (!verdict.allowed) throw new RateLimitExceeded(name === 'login' ? loginMessage(verdict.retryAfterSeconds) : PUBLIC_LIMIT_MESSAGES[languageOf(req)], verdict.retryAfterSeconds);
    }
    return true;
  }
}

export const RateLimit = (name: RateLimitName) => applyDecorators(SetMetadata(RATE_LIMIT, name), UseGuards(RateLimitGuard));
