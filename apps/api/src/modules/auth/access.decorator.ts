import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { AuthUser, Role } from '@digihjalpen/domain';
import type { Request } from 'express';

/** Who may call a route: anyone, or signed-in people with one of the roles. Every route must say. */
export type AccessRule = 'public' | readonly Role[];
export const ACCESS_KEY = 'digihjalpen:access';

export const Public = () => SetMetadata(ACCESS_KEY, 'public' satisfies AccessRule);
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_KEY, roles satisfies AccessRule);

export interface AuthenticatedRequest extends Request {
  user?: AuthUser;
  /** Key of this sign-in's offline visit queue (see MeView). */
  queueKey?: string;
}

/** The signed-in person (routes with Roles(...) always have one). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
});
