import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { AuthUser } from '@digihjalpen/domain';
import type { Response } from 'express';
import { ApiErrorDto } from '../../common/api-error.dto';
import { RateLimit } from '../../common/rate-limit';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CurrentUser, Public, Roles } from '../auth/access.decorator';
import { setAuthCookies } from '../auth/auth.cookies';
import { AuthUserDto } from '../auth/dto/auth.dto';
import { AccountsService } from './accounts.service';
import { AccountDto, AccountPageDto, AccountQueryDto, DeactivationResultDto, InvitationResentDto, PasswordResetDto, PasswordResetSentDto } from './dto/accounts.dto';

/** People and accounts (coordinators only). */
@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Roles('coordinator')
  @ApiOkResponse({ type: AccountPageDto, description: 'Staff by name, 50 a page, with status; filter by role, status, what they belong to, and words in the name or e-mail' })
  list(@Query() query: AccountQueryDto): Promise<AccountPageDto> {
    return this.accounts.list(query);
  }

  @Post(':id/invitation/resend')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationResentDto, description: 'A new link, e-mailed again; the old one no longer works' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'NOT_INVITED (has a password), ACCOUNT_NOT_ACTIVE' })
  resend(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<InvitationResentDto> {
    return this.accounts.resendInvitation(user, id);
  }

  @Post(':id/invitation/revoke')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: AccountDto, description: 'The invitation link no longer works' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'NO_OPEN_INVITATION' })
  revoke(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AccountDto> {
    return this.accounts.revokeInvitation(user, id);
  }

  @Post(':id/deactivate')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: DeactivationResultDto, description: 'Every sign-in ended, feed revoked, taken off coming shifts; which sessions now lack helpers' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'LAST_COORDINATOR, CANNOT_DEACTIVATE_SELF, ACCOUNT_NOT_ACTIVE' })
  @ApiNotFoundResponse({ type: ApiErrorDto })
  deactivate(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<DeactivationResultDto> {
    return this.accounts.deactivate(user, id);
  }

  @Post(':id/reactivate')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: AccountDto })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'ACCOUNT_ALREADY_ACTIVE' })
  reactivate(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AccountDto> {
    return this.accounts.reactivate(user, id);
  }

  @Post(':id/password-reset')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: PasswordResetSentDto, description: 'A one-time link (1 hour) was e-mailed; an older one no longer works' })
  @ApiConflictResponse({ type: ApiErrorDto, description: 'NO_PASSWORD_YET (resend the invitation), ACCOUNT_NOT_ACTIVE' })
  sendPasswordReset(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<PasswordResetSentDto> {
    return this.accounts.sendPasswordReset(user, id);
  }
}

/** The public end of a reset link: POST /api/auth/password-reset. */
@ApiTags('auth')
@Controller('auth')
export class PasswordResetController {
  private readonly secure: boolean;

  constructor(
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secure = config.publicUrl.startsWith('https:');
  }

  @Post('password-reset')
  @Public()
  @HttpCode(200)
  @RateLimit('login')
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'TOO_MANY_REQUESTS with Retry-After: ten tries a minute per client network and link' })
  @ApiOkResponse({ type: AuthUserDto, description: 'Sets the new password, ends every other sign-in and signs the person in (session and XSRF-TOKEN cookies)' })
  @ApiGoneResponse({ type: ApiErrorDto, description: 'RESET_LINK_INVALID: unknown, used, expired or replaced by a newer link' })
  async reset(@Body() body: PasswordResetDto, @Res({ passthrough: true }) res: Response): Promise<AuthUserDto> {
    const signedIn = await this.accounts.resetPassword(body.token, body.password);
    setAuthCookies(res, signedIn.token, signedIn.csrfToken, this.secure);
    return signedIn.user;
  }
}
