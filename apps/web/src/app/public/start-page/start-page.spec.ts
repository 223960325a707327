import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideHttpClient } from '@angular/common/http';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { aSite } from '@digihjalpen/domain/testing';
import { toPublicSite } from '@digihjalpen/domain';
import en from '../../../../public/i18n/en.json';
import sv from '../../../../public/i18n/sv.json';
import { LanguageService } from '../../shared/i18n/language.service';
import { translocoSettings } from '../../shared/i18n/transloco-settings';
import { StartPage } from './start-page';

describe(StartPage.name, () => {
  let fixture: ComponentFixture<StartPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    document.cookie = 'lang=; max-age=0; path=/';
    TestBed.configureTestingModule({
      imports: [
        StartPage,
        TranslocoTestingModule.forRoot({
          langs: { sv, en },
          translocoConfig: translocoSettings,
          preloadLangs: true,
        }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StartPage);
    // Not whenStable(): the pending request keeps the app unstable until a test answers it.
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const respond = async (body: object, init?: { status: number; statusText: string }) => {
    http.expectOne('/api/public/sites').flush(body, init);
    await fixture.whenStable();
  };

  it('shows a loading message until the sites arrive', async () => {
    expect(page().textContent).toContain('Hämtar biblioteken');
    await respond([]);
    expect(page().textContent).not.toContain('Hämtar biblioteken');
  });

  it('lists each site with its address and the languages of its helpers, in Swedish', async () => {
    await respond([toPublicSite(aSite({ name: 'Stadsbiblioteket', address: 'Bibliotekstorget 1', languages: ['sv', 'ar'] }))]);
    const heading = Array.from(page().querySelectorAll('h3')).map((h) => h.textContent?.trim());
    expect(heading).toEqual(['Stadsbiblioteket']);
    expect(page().textContent).toContain('Bibliotekstorget 1');
    expect(page().textContent).toContain('svenska och arabiska');
    expect(page().querySelector('h1')?.textContent).toContain('Få hjälp med mobilen');
  });

  it('says so plainly when no site has Digihjälpen yet', async () => {
    await respond([]);
    expect(page().textContent).toContain('Just nu finns Digihjälpen inte på något bibliotek');
  });

  it('offers to try again when the sites cannot be fetched', async () => {
    await respond({ code: 'INTERNAL_ERROR' }, { status: 500, statusText: 'Server Error' });
    const alert = page().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Vi kunde inte hämta listan');
    alert?.querySelector('button')?.click();
    TestBed.tick();
    await respond([toPublicSite(aSite({ name: 'Norrby bibliotek' }))]);
    expect(page().textContent).toContain('Norrby bibliotek');
  });

  it('switches every text to English when the reader picks English', async () => {
    await respond([toPublicSite(aSite({ languages: ['sv', 'ar'] }))]);
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(page().querySelector('h1')?.textContent).toContain('Get help with your phone');
    expect(page().textContent).toContain('Swedish and Arabic');
    expect(document.documentElement.lang).toBe('en');
    expect(document.cookie).toContain('lang=en');
  });
});
