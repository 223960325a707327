import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { SignInThrottleRepository } from './sign-in-throttle.repository';
import { SignInThrottleService } from './sign-in-throttle.service';
import { SignInThrottlesController } from './sign-in-throttles.controller';

@Global()
@Module({
  // Nest's limiter (in memory, per API instance) still guards accepting an invitation; sign-in itself is
  // throttled in PostgreSQL (SignInThrottleService), shared by every instance.
  imports: [ThrottlerModule.forRoot({ throttlers: [{ name: 'login', limit: 10, ttl: 60_000 }], errorMessage: 'För många försök. Vänta en minut och försök igen.' })],
  controllers: [AuthController, SignInThrottlesController],
  providers: [AuthRepository, AuthService, SignInThrottleRepository, SignInThrottleService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, AuthRepository],
})
export class AuthModule {}
