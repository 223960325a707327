import type { Response } from 'express';

export const SESSION_COOKIE = 'dh_session';
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';

/**
 * The session cookie is HttpOnly and has no Max-Age (gone when the browser closes: shared laptops);
 * XSRF-TOKEN is readable by the page, which echoes it in X-XSRF-TOKEN (Angular's convention).
 */
export function setAuthCookies(res: Response, token: string, csrf: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  res.cookie(XSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'lax', secure, path: '/' });
}

export function clearAuthCookies(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  res.clearCookie(XSRF_COOKIE, { httpOnly: false, sameSite: 'lax', secure, path: '/' });
}
