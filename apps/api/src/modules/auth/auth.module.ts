import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';

@Global()
@Module({
  // Login attempts are counted per API instance (in memory); see the README on several instances.
  imports: [ThrottlerModule.forRoot({ throttlers: [{ name: 'login', limit: 10, ttl: 60_000 }], errorMessage: 'För många försök. Vänta en minut och försök igen.' })],
  controllers: [AuthController],
  providers: [AuthRepository, AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, AuthRepository],
})
export class AuthModule {}
