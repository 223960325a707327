import { provideHttpClient, withFetch, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { inject, isDevMode, provideAppInitializer, provideBrowserGlobalErrorListeners, type ApplicationConfig } from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { provideTransloco } from '@jsverse/transloco';
import { routes } from './app.routes';
import { sessionExpiredInterceptor } from './shared/auth/session-expired.interceptor';
import { acceptLanguageInterceptor } from './shared/i18n/accept-language.interceptor';
import { provideIcuTranspiler } from './shared/i18n/icu-transpiler';
import { LanguageService } from './shared/i18n/language.service';
import { translocoSettings } from './shared/i18n/transloco-settings';
import { TranslocoHttpLoader } from './shared/i18n/transloco-http.loader';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'enabled' })),
    provideHttpClient(
      withFetch(),
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
      withInterceptors([acceptLanguageInterceptor, sessionExpiredInterceptor]),
    ),
    provideTransloco({
      config: { ...translocoSettings, prodMode: !isDevMode() },
      loader: TranslocoHttpLoader,
    }),
    // ICU plurals ("1 tid ledig" / "3 tider lediga"; Arabic has six forms), interpreted without eval.
    provideIcuTranspiler(),
    provideAppInitializer(() => inject(LanguageService).restore()),
  ],
};
