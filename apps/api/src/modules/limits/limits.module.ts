import { Global, Module } from '@nestjs/common';
import { RateLimitsRepository } from './rate-limits.repository';
import { RateLimits } from './rate-limits.service';

/** The one limiter, available everywhere (the `@RateLimit` guard and BookingsService use it). */
@Global()
@Module({
  providers: [RateLimitsRepository, RateLimits],
  exports: [RateLimits],
})
export class LimitsModule {}
