import { directionOf, initialLanguage, languageName } from './languages';

describe(initialLanguage.name, () => {
  it('takes the language from the URL when ?lang= names a known one', () => {
    expect(initialLanguage('?lang=en', 'lang=sv')).toBe('en');
  });

  it('falls back to the cookie when the URL has an unknown language', () => {
    expect(initialLanguage('?lang=xx', 'theme=dark; lang=en')).toBe('en');
  });

  it('opens in Swedish when neither URL nor cookie says anything', () => {
    expect(initialLanguage('', '')).toBe('sv');
  });
});

describe(directionOf.name, () => {
  it('lays Arabic out right-to-left and Swedish left-to-right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('sv')).toBe('ltr');
  });
});

describe(languageName.name, () => {
  it('names a language in the reader’s language', () => {
    expect(languageName('ar', 'sv')).toBe('arabiska');
    expect(languageName('ar', 'en')).toBe('Arabic');
  });
});
