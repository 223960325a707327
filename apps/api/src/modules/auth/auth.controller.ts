import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiErrorDto } from '../../common/api-error.dto';
import { RateLimit } from '../../common/rate-limit';
import { ROLES, type AuthUser, type MeView } from '@digihjalpen/domain';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CurrentUser, Public, Roles, type AuthenticatedRequest } from './access.decorator';
import { clearAuthCookies, SESSION_COOKIE, setAuthCookies } from './auth.cookies';
import { AuthService, type SignedIn } from './auth.service';
import { clientNetwork } from './client-address';
import { AcceptInvitationDto, AuthUserDto, ChangePasswordDto, InvitationCreatedDto, InviteDto, LoginDto, MeDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  private readonly secure: boolean;

  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.secure = config.publicUrl.startsWith('https:');
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: AuthUserDto, description: 'Sets the HttpOnly session cookie and the XSRF-TOKEN cookie' })
  @ApiUnauthorizedResponse({
    type: ApiErrorDto,
    description: 'INVALID_CREDENTIALS: the same answer for a wrong password, an unknown or deactivated e-mail and a throttled attempt (growing delays per client address and e-mail)',
  })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AuthUser> {
    return this.signIn(await this.auth.login(body.email, body.password, clientNetwork(req, this.config.network)), res);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string') await this.auth.logout(token);
    clearAuthCookies(res, this.secure);
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser, @Req() req: AuthenticatedRequest): MeView {
    return { ...user, idleMinutes: this.config.idleMinutes, queueKey: req.queueKey ?? '' };
  }

  @Post('password')
  @Roles(...ROLES)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; every other sign-in of the person has ended' })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'WRONG_PASSWORD (current) or WEAK_PASSWORD (new), with a Swedish message on the field' })
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'TOO_MANY_ATTEMPTS: too many wrong current passwords; says how long to wait' })
  async changePassword(@CurrentUser() user: AuthUser, @Req() req: Request, @Body() body: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user, req.cookies?.[SESSION_COOKIE] as string, body.currentPassword, body.newPassword);
  }

  @Post('invitations')
  @Roles('coordinator')
  @ApiCreatedResponse({ type: InvitationCreatedDto })
  invite(@CurrentUser() user: AuthUser, @Body() body: InviteDto): Promise<InvitationCreatedDto> {
    return this.auth.invite(user, body);
  }

  @Post('invitations/accept')
  @Public()
  @HttpCode(200)
  @RateLimit('login')
  @ApiTooManyRequestsResponse({ type: ApiErrorDto, description: 'TOO_MANY_REQUESTS with Retry-After: ten tries a minute per client network and link' })
  @ApiOkResponse({ type: AuthUserDto, description: 'Sets the password and signs the person in' })
  async accept(@Body() body: AcceptInvitationDto, @Res({ passthrough: true }) res: Response): Promise<AuthUser> {
    return this.signIn(await this.auth.acceptInvitation(body.token, body.password), res);
  }

  private signIn(signedIn: SignedIn, res: Response): AuthUser {
    setAuthCookies(res, signedIn.token, signedIn.csrfToken, this.secure);
    return signedIn.user;
  }
}
