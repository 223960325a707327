import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';

/**
 * The public API answers errors (and writes e-mails) in the language the person reads the page in.
 * Staff endpoints stay Swedish, so only /api/public/ calls carry the header.
 */
export const acceptLanguageInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith('/api/public/') || req.headers.has('Accept-Language')) return next(req);
  const lang = inject(TranslocoService).getActiveLang();
  return next(req.clone({ setHeaders: { 'Accept-Language': lang } }));
};
