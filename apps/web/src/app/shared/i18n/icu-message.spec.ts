import ar from '../../../../public/i18n/ar.json';
import { formatIcu, foreignPluralKeys, IcuSyntaxError, parseIcu } from './icu-message';

/** Formats `source` as the transpiler does; `{{ path }}` reads the same parameters. */
function format(source: string, params: Record<string, unknown> = {}, lang = 'sv'): string {
  return formatIcu(parseIcu(source), { lang, params, param: (path) => String(params[path] ?? '') });
}

const AR_SEATS = ar.slots.seatsLeft;

describe(parseIcu.name, () => {
  it('keeps plain text as one text node', () => {
    expect(parseIcu('Boka en tid')).toEqual([{ type: 'text', value: 'Boka en tid' }]);
  });

  it('reads a plural with exact matches, categories and an offset', () => {
    const [node] = parseIcu('{n, plural, offset:1 =0 {ingen} one {en} other {#}}');
    expect(node).toMatchObject({ type: 'plural', name: 'n', offset: 1 });
    expect(node?.type === 'plural' && [...node.cases.keys()]).toEqual(['=0', 'one', 'other']);
  });

  it.each([
    ['an unclosed argument', '{count'],
    ['an unclosed case', '{n, plural, one {en other {fler}}'],
    ['a stray closing brace', 'text }'],
    ['a plural without "other"', '{n, plural, one {en}}'],
    ['a select without "other"', '{g, select, a {A}}'],
    ['an unsupported type', '{d, date, short}'],
    ['a duplicate case', '{n, plural, one {a} one {b} other {c}}'],
    ['a bad exact match', '{n, plural, =x {a} other {c}}'],
    ['an unclosed Transloco parameter', 'Hej {{name'],
    ['a case without braces', '{n, plural, one en other {fler}}'],
  ])('rejects %s', (_what, source) => {
    expect(() => parseIcu(source)).toThrow(IcuSyntaxError);
  });

  it('says where the error is', () => {
    expect(() => parseIcu('ab }')).toThrow('Unmatched "}" at position 3 in "ab }"');
  });
});

describe(formatIcu.name, () => {
  it('fills in {param} and Transloco {{ param }} arguments', () => {
    expect(format('Steg {{ step }} av {{total}}, {name}', { step: 2, total: 4, name: 'Amina' })).toBe('Steg 2 av 4, Amina');
  });

  it('shows a missing argument as nothing', () => {
    expect(format('Hej {name}!')).toBe('Hej !');
  });

  it('shows a value with braces and apostrophes as typed, never as a message', () => {
    expect(format('Hej {name}, {{other}}', { name: "{x, plural, other {y}} '{'", other: '}}{{' })).toBe("Hej {x, plural, other {y}} '{', }}{{");
  });

  describe('Swedish and English plurals (one/other)', () => {
    it.each([
      [0, '0 tider lediga'],
      [1, '1 tid ledig'],
      [2, '2 tider lediga'],
      [21, '21 tider lediga'],
    ])('%i → %s (sv)', (count, text) => {
      expect(format('{count, plural, one {# tid ledig} other {# tider lediga}}', { count }, 'sv')).toBe(text);
    });

    it.each([
      [1, '1 place left'],
      [5, '5 places left'],
      [1.5, '1.5 places left'],
    ])('%d → %s (en)', (count, text) => {
      expect(format('{count, plural, one {# place left} other {# places left}}', { count }, 'en')).toBe(text);
    });

    it('formats # with the language’s number format', () => {
      expect(format('{n, plural, other {# st}}', { n: 12345 }, 'sv')).toBe('12\u00a0345 st');
      expect(format('{n, plural, other {# pcs}}', { n: 12345 }, 'en')).toBe('12,345 pcs');
    });

    it('takes a number given as a string', () => {
      expect(format('{n, plural, one {en} other {flera}}', { n: '1' }, 'sv')).toBe('en');
    });
  });

  describe('Arabic plurals (zero/one/two/few/many/other)', () => {
    it.each([
      [0, 'لا توجد أماكن متبقية'],
      [1, 'مكان واحد متبقٍ'],
      [2, 'مكانان متبقيان'],
      [3, '3 أماكن متبقية'],
      [10, '10 أماكن متبقية'],
      [11, '11 مكانًا متبقيًا'],
      [99, '99 مكانًا متبقيًا'],
      [100, '100 مكان متبقٍ'],
      [102, '102 مكان متبقٍ'],
      [103, '103 أماكن متبقية'],
      [111, '111 مكانًا متبقيًا'],
    ])('%i → %s', (count, text) => {
      expect(format(AR_SEATS, { count }, 'ar')).toBe(text);
    });

    it('uses Arabic rules only when the language is Arabic', () => {
      expect(format('{n, plural, zero {z} one {o} two {t} few {f} many {m} other {x}}', { n: 0 }, 'sv')).toBe('x');
      expect(format('{n, plural, zero {z} one {o} two {t} few {f} many {m} other {x}}', { n: 0 }, 'ar')).toBe('z');
    });
  });

  it('prefers an exact match over the category, compared before the offset', () => {
    const source = '{n, plural, offset:1 =0 {ingen} =1 {bara du} one {du och # till} other {du och # andra}}';
    expect(format(source, { n: 0 })).toBe('ingen');
    expect(format(source, { n: 1 })).toBe('bara du');
    expect(format(source, { n: 2 })).toBe('du och 1 till');
    expect(format(source, { n: 5 })).toBe('du och 4 andra');
  });

  it('falls back to "other" for a category the message lacks and for a value that is not a number', () => {
    expect(format('{n, plural, one {en} other {annat}}', { n: 0 }, 'ar')).toBe('annat');
    expect(format('{n, plural, one {en} other {# annat}}', { n: undefined }, 'sv')).toBe('NaN annat');
  });

  it('selects by value with "other" as fallback', () => {
    const source = '{role, select, helper {Digivärd} coordinator {Samordnare} other {Annan}}';
    expect(format(source, { role: 'helper' })).toBe('Digivärd');
    expect(format(source, { role: 'partner' })).toBe('Annan');
    expect(format(source, {})).toBe('Annan');
  });

  it('nests a select in a plural, with # still the plural’s number', () => {
    const source = '{n, plural, one {{who, select, me {Du har # tid} other {{name} har # tid}}} other {{who, select, me {Du har # tider} other {{name} har # tider}}}}';
    expect(format(source, { n: 1, who: 'me' })).toBe('Du har 1 tid');
    expect(format(source, { n: 3, who: 'them', name: 'Sam' })).toBe('Sam har 3 tider');
  });

  it('nests a plural in a select and a plural in a plural, # being the nearest plural', () => {
    const source = '{g, select, a {{n, plural, one {# a} other {{m, plural, one {# m} other {#+# m}}}}} other {-}}';
    expect(format(source, { g: 'a', n: 1 })).toBe('1 a');
    expect(format(source, { g: 'a', n: 2, m: 3 })).toBe('3+3 m');
  });

  it('keeps # as text outside a plural', () => {
    expect(format('Rum #3, {g, select, other {nr #}}', { g: 'x' })).toBe('Rum #3, nr #');
  });

  describe('apostrophes (ICU: quote only before a special character)', () => {
    it('leaves a lone apostrophe as text', () => {
      expect(format("The library's phone")).toBe("The library's phone");
      expect(format("{n, plural, other {it's #}}", { n: 2 }, 'en')).toBe("it's 2");
    });

    it('turns a doubled apostrophe into one', () => {
      expect(format("It''s {name}''s", { name: 'Sam' })).toBe("It's Sam's");
    });

    it('quotes braces and # up to the next apostrophe', () => {
      expect(format("Skriv '{name}' så här")).toBe('Skriv {name} så här');
      expect(format("'{{'not a param'}}'")).toBe('{{not a param}}');
      expect(format("{n, plural, other {'#' nummer #}}", { n: 7 })).toBe('# nummer 7');
      expect(format("'{it''s}'")).toBe("{it's}");
    });

    it('runs an unclosed quote to the end, as ICU does', () => {
      expect(format("a '{b} c")).toBe('a {b} c');
    });
  });

  it('keeps whitespace inside a case as written', () => {
    expect(format('{n, plural,\n  one { en }\n  other { # }\n}', { n: 1 })).toBe(' en ');
  });
});

describe(foreignPluralKeys.name, () => {
  it('finds categories the language does not have, also in nested messages', () => {
    const message = parseIcu('{n, plural, =0 {} one {} few {} other {{g, select, x {{m, plural, two {} other {}}} other {}}}}');
    expect(foreignPluralKeys(message, 'sv')).toEqual(['few', 'two']);
    expect(foreignPluralKeys(message, 'ar')).toEqual([]);
  });
});
