import type { ModuleWithProviders } from '@angular/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import ar from '../../../public/i18n/ar.json';
import en from '../../../public/i18n/en.json';
import sv from '../../../public/i18n/sv.json';
import { provideIcuTranspiler } from '../shared/i18n/icu-transpiler';
import { translocoSettings } from '../shared/i18n/transloco-settings';

/** The real texts of every language and the ICU plural transpiler, set up as the app does. */
export function translocoTesting(): ModuleWithProviders<TranslocoTestingModule> {
  const module = TranslocoTestingModule.forRoot({ langs: { sv, en, ar }, translocoConfig: translocoSettings, preloadLangs: true });
  return { ...module, providers: [...(module.providers ?? []), provideIcuTranspiler()] };
}
