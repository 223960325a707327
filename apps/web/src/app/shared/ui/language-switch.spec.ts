import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { translocoTesting } from '../../testing/i18n';
import { getButton } from '../../testing/queries';
import { LanguageSwitch } from './language-switch';

describe(LanguageSwitch.name, () => {
  beforeEach(() => {
    document.cookie = 'lang=; max-age=0; path=/';
    TestBed.configureTestingModule({ imports: [LanguageSwitch, translocoTesting()], providers: [provideRouter([])] });
  });

  it('offers Swedish, English and Arabic, each named in itself', async () => {
    const fixture = TestBed.createComponent(LanguageSwitch);
    await fixture.whenStable();
    const buttons = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button'));
    expect(buttons.map((b) => [b.textContent?.trim(), b.getAttribute('lang')])).toEqual([
      ['Svenska', 'sv'],
      ['English', 'en'],
      ['العربية', 'ar'],
    ]);
  });

  it('lays the page out right to left when Arabic is chosen, and back again', async () => {
    const fixture = TestBed.createComponent(LanguageSwitch);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    getButton(root, 'العربية').click();
    await fixture.whenStable();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.cookie).toContain('lang=ar');
    expect(getButton(root, 'العربية').getAttribute('aria-pressed')).toBe('true');
    getButton(root, 'Svenska').click();
    await fixture.whenStable();
    expect(document.documentElement.dir).toBe('ltr');
  });
});
