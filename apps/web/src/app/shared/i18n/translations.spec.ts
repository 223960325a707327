import ar from '../../../../public/i18n/ar.json';
import en from '../../../../public/i18n/en.json';
import sv from '../../../../public/i18n/sv.json';
import { foreignPluralKeys, parseIcu } from './icu-message';
import { UI_LANGUAGES } from './languages';

type Texts = { [key: string]: string | Texts };
const TEXTS: Record<string, Texts> = { sv, en, ar };

function flatten(texts: Texts, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(texts).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value]] : Object.entries(flatten(value, `${prefix}${key}.`)))),
  );
}

describe('translations', () => {
  const keysOf = (lang: string) => Object.keys(flatten(TEXTS[lang] ?? {})).sort();

  it.each(UI_LANGUAGES.filter((lang) => lang !== 'sv'))('%s has every Swedish key and no others', (lang) => {
    expect(keysOf(lang)).toEqual(keysOf('sv'));
  });

  it.each(UI_LANGUAGES)('every %s text is a valid ICU message with only the plural forms of the language', (lang) => {
    for (const [key, text] of Object.entries(flatten(TEXTS[lang] ?? {}))) {
      let foreign: string[] = [];
      expect(() => (foreign = foreignPluralKeys(parseIcu(text), lang))).not.toThrow();
      expect({ key, foreign }).toEqual({ key, foreign: [] });
    }
  });

  it('gives Arabic all six plural forms where it counts', () => {
    const plurals = Object.values(flatten(ar)).filter((text) => text.includes(', plural,'));
    expect(plurals.length).toBeGreaterThan(0);
    for (const text of plurals) {
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) expect(text).toContain(`${form} {`);
    }
  });
});
