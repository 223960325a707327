/** Languages of the help-seeker pages (the same as the domain's LANGUAGES: e-mails and calendar files too). */
export const UI_LANGUAGES = ['sv', 'en', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const DEFAULT_UI_LANGUAGE: UiLanguage = 'sv';

const RTL = new Set<string>(['ar', 'fa']);

export function isUiLanguage(value: string | null | undefined): value is UiLanguage {
  return !!value && (UI_LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(lang: string): 'rtl' | 'ltr' {
  return RTL.has(lang) ? 'rtl' : 'ltr';
}

/** "sv" → "svenska" (in Swedish), "English" (in English): the name of a language in the reader's language. */
export function languageName(code: string, inLanguage: string): string {
  return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
}

/** The language a page opens in: ?lang= in the URL first, then the cookie, then Swedish. */
export function initialLanguage(search: string, cookie: string): UiLanguage {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isUiLanguage(fromUrl)) return fromUrl;
  const fromCookie = /(?:^|;\s*)lang=([a-z]{2})/.exec(cookie)?.[1];
  return isUiLanguage(fromCookie) ? fromCookie : DEFAULT_UI_LANGUAGE;
}
