import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@digihjalpen/domain';
import { ApiErrorDto } from '../../common/api-error.dto';
import { CurrentUser, Roles } from './access.decorator';
import { SignInThrottleDto } from './dto/sign-in-throttle.dto';
import { SignInThrottleService } from './sign-in-throttle.service';

/** Coordinators see who is being slowed down at sign-in, and can let them try again at once. */
@ApiTags('auth')
@Controller('sign-in-throttles')
export class SignInThrottlesController {
  constructor(private readonly throttles: SignInThrottleService) {}

  @Get()
  @Roles('coordinator')
  @ApiOkResponse({ type: SignInThrottleDto, isArray: true, description: 'Keys past their free wrong passwords, newest first' })
  list(): Promise<SignInThrottleDto[]> {
    return this.throttles.list();
  }

  @Delete(':id')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Cleared (audited as auth.throttle-cleared); the next attempt is counted from nothing' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'SIGN_IN_THROTTLE_NOT_FOUND' })
  clear(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.throttles.clear(user, id);
  }
}
