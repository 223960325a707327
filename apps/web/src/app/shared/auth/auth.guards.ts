import { inject } from '@angular/core';
import { Router, type CanMatchFn, type UrlSegment } from '@angular/router';
import type { Role } from '@digihjalpen/domain';
import { AuthService } from './auth.service';

export const SIGN_IN_PATH = '/logga-in';
export const NO_ACCESS_PATH = '/ingen-atkomst';

/** Navigation state for the sign-in page: how the last sign-in ended, so the page can say it. */
export interface SignInPageState {
  signedOut?: boolean;
  switched?: boolean;
  expired?: boolean;
  idleMinutes?: number;
}

/**
 * Lets signed-in people with one of `roles` reach the route. Anonymous people go to the sign-in page
 * (and come back afterwards); signed-in people with another role see the no-access page.
 * canMatch, so the code of an area is not even downloaded for people who may not use it.
 */
export function requireRole(...roles: Role[]): CanMatchFn {
  return async (_route, segments: UrlSegment[]) => {
    const router = inject(Router);
    const user = await inject(AuthService).ready();
    if (!user) return router.createUrlTree([SIGN_IN_PATH], { queryParams: { till: urlOf(segments) } });
    if (roles.length > 0 && !roles.includes(user.role)) return router.createUrlTree([NO_ACCESS_PATH]);
    return true;
  };
}

/** Any signed-in person. */
export const requireSignedIn: CanMatchFn = requireRole();

function urlOf(segments: readonly UrlSegment[]): string {
  return `/${segments.map((s) => s.path).join('/')}`;
}

/** A same-site path to return to after signing in; anything else (another site, junk) is ignored. */
export function safeReturnUrl(value: string | null | undefined): string | null {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : null;
}
