import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { tap } from 'rxjs';
import { SIGN_IN_PATH, type SignInPageState } from './auth.guards';
import { AuthService } from './auth.service';

/**
 * When a staff request answers 401 the session has ended (timed out, or signed out in another tab):
 * forget the user and send them to sign in, then back to where they were.
 */
export const sessionExpiredInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(req).pipe(
    tap({
      error: (error: unknown) => {
        const staffCall = req.url.startsWith('/api/') && !req.url.startsWith('/api/auth/') && !req.url.startsWith('/api/public/');
        if (error instanceof HttpErrorResponse && error.status === 401 && staffCall && auth.user()) {
          auth.forget('expired');
          void router.navigate([SIGN_IN_PATH], { queryParams: { till: router.url }, state: { expired: true } satisfies SignInPageState });
        }
      },
    }),
  );
};
