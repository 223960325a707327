import { applyDecorators, HttpException, HttpStatus, Inject, Injectable, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { getStorageToken, type ThrottlerStorage } from '@nestjs/throttler';
import type { Language } from '@digihjalpen/domain';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { languageOf } from './language';

export type RateLimitName = 'booking' | 'manage';

const RATE_LIMIT = Symbol('RATE_LIMIT');
const HOUR = 3_600_000;

const MESSAGES: Record<Language, string> = {
  sv: 'Det har kommit för många förfrågningar från din uppkoppling. Vänta en stund och försök igen, eller ring biblioteket.',
  en: 'Too many requests have come from your connection. Please wait a while and try again, or call the library.',
  ar: 'وصلت طلبات كثيرة جدًا من اتصالك. انتظر قليلًا ثم حاول مرة أخرى، أو اتصل بالمكتبة.',
};

/**
 * Per-IP limits on the public booking endpoints (configurable, see the README). Counted in memory per
 * API instance, like the login throttle; behind a load balancer each instance counts its own share.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(getStorageToken()) private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.reflector.get<RateLimitName>(RATE_LIMIT, context.getHandler());
    const req = context.switchToHttp().getRequest<Request>();
    const limit = name === 'booking' ? this.config.limits.bookingsPerHour : this.config.limits.manageRequestsPerHour;
    const record = await this.storage.increment(`${name}:${req.ip ?? ''}`, HOUR, limit, HOUR, name);
    if (!record.isBlocked) return true;
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.max(1, Math.ceil(record.timeToBlockExpire))));
    throw new HttpException({ code: 'TOO_MANY_REQUESTS', message: MESSAGES[languageOf(req)] }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

export const RateLimit = (name: RateLimitName) => applyDecorators(SetMetadata(RATE_LIMIT, name), UseGuards(RateLimitGuard));
