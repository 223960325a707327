import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError } from '@digihjalpen/domain';
import type { Response } from 'express';
import { ACCESS_KEY, type AccessRule, type AuthenticatedRequest } from './access.decorator';
import { SESSION_COOKIE, XSRF_HEADER } from './auth.cookies';
import { AuthService } from './auth.service';
import { sameSecret } from './secrets';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * One guard for every route: it fails closed (a route without an access rule is refused), finds the
 * signed-in person from the session cookie, demands the CSRF header on state-changing requests made
 * with that cookie, and checks the role.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!rule) {
      this.logger.error(`${req.method} ${req.path} has no access rule; refusing`);
      throw AuthError.forbidden();
    }
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    const session = typeof token === 'string' && token.length <= 100 ? await this.auth.resolve(token) : null;
    if (session) {
      req.user = session.user;
      req.queueKey = session.queueKey;
      if (STATE_CHANGING.has(req.method)) {
        const header = req.headers[XSRF_HEADER];
        if (typeof header !== 'string' || !sameSecret(header, session.csrfToken)) throw AuthError.csrf();
      }
    }
    if (rule === 'public') return true;
    // Answers for signed-in people are theirs alone: no shared or browser cache keeps them (shared laptops).
    context.switchToHttp().getResponse<Response>().setHeader('Cache-Control', 'private, no-store');
    if (!session) throw AuthError.notSignedIn();
    if (!rule.includes(session.user.role)) throw AuthError.forbidden();
    return true;
  }
}
