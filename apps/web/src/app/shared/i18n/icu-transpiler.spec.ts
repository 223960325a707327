import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { translocoTesting } from '../../testing/i18n';
import { IcuTranspiler } from './icu-transpiler';

describe(IcuTranspiler.name, () => {
  let transloco: TranslocoService;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [translocoTesting()] });
    transloco = TestBed.inject(TranslocoService);
  });

  it('follows the active language’s plural rules', () => {
    expect(transloco.translate('site.seatsLeft', { count: 1 })).toBe('1 plats kvar att boka');
    transloco.setActiveLang('ar');
    expect(transloco.translate('site.seatsLeft', { count: 2 })).toBe('مكانان متبقيان للحجز');
    expect(transloco.translate('site.seatsLeft', { count: 11 })).toBe('11 مكانًا متبقيًا للحجز');
    transloco.setActiveLang('en');
    expect(transloco.translate('site.seatsLeft', { count: 2 })).toBe('2 places left to book');
  });

  it('mixes ICU plurals and Transloco parameters in one text', () => {
    transloco.setActiveLang('ar');
    expect(transloco.translate('booking.errors.needsTooLong', { max: 3, count: 7 })).toBe('اكتب 3 أحرف على الأكثر. العدد الآن 7.');
  });

  it('leaves text without arguments alone, apostrophes included', () => {
    transloco.setActiveLang('en');
    expect(transloco.translate('manage.phone')).toBe("The library's phone");
  });

  it('translates every key of an object with its own parameters', () => {
    const transpiler = TestBed.runInInjectionContext(() => new IcuTranspiler());
    const value = { a: '{n, plural, one {# sak} other {# saker}}', b: { c: 'Hej {{ name }}' } };
    expect(transpiler.transpile({ value, params: { a: { n: 2 }, 'b.c': { name: 'Sam' } }, translation: {}, key: 'x' })).toEqual({ a: '2 saker', b: { c: 'Hej Sam' } });
  });

  it('shows a broken text raw instead of failing the page', () => {
    const transpiler = TestBed.runInInjectionContext(() => new IcuTranspiler());
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(transpiler.transpile({ value: 'Trasig {text', params: {}, translation: {}, key: 'x' })).toBe('Trasig {text');
  });
});
