import type { TranslocoConfig } from '@jsverse/transloco';
import { DEFAULT_UI_LANGUAGE, UI_LANGUAGES } from './languages';

/** Shared by the app and the component tests, so tests switch language the way the app does. */
export const translocoSettings: Partial<TranslocoConfig> = {
  availableLangs: [...UI_LANGUAGES],
  defaultLang: DEFAULT_UI_LANGUAGE,
  fallbackLang: DEFAULT_UI_LANGUAGE,
  reRenderOnLangChange: true,
  missingHandler: { useFallbackTranslation: true, logMissingKey: true, allowEmpty: false },
};
