import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { SignInThrottleService } from './sign-in-throttle.service';
import { SignInThrottlesController } from './sign-in-throttles.controller';

@Global()
@Module({
  // Sign-in is throttled in PostgreSQL (SignInThrottleService); invitation and reset links by @RateLimit('login')
  // (RateLimits, also in PostgreSQL): both shared by every instance.
  controllers: [AuthController, SignInThrottlesController],
  providers: [AuthRepository, AuthService, SignInThrottleRepository, SignInThrottleService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, AuthRepository],
})
export class AuthModule {}
