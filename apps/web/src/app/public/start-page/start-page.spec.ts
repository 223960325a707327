import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideHttpClient } from '@angular/common/http';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LanguageService } from '../../shared/i18n/language.service';
import { translocoTesting } from '../../testing/i18n';
import { aNextSession, aSiteSummary } from '../../testing/public';
import { StartPage } from './start-page';

describe(StartPage.name, () => {
  let fixture: ComponentFixture<StartPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    document.cookie = 'lang=; max-age=0; path=/';
    TestBed.configureTestingModule({
      imports: [
        StartPage,
        translocoTesting(),
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
    await respond([aSiteSummary(({ name: 'Stadsbiblioteket', address: 'Bibliotekstorget 1', languages: ['sv', 'ar'] }))]);
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
    await respond([aSiteSummary(({ name: 'Norrby bibliotek' }))]);
    expect(page().textContent).toContain('Norrby bibliotek');
  });

  it('shows each site’s next sessions with drop-in or booking only, free times in words, and a link to book', async () => {
    await respond([
      aSiteSummary({ slug: 'stadsbiblioteket', name: 'Stadsbiblioteket' }, [
        aNextSession({ id: 'n1', start: '2030-03-05T10:00:00+01:00', end: '2030-03-05T12:00:00+01:00', dropIn: true, seatsLeft: 3 }),
        aNextSession({ id: 'n2', start: '2030-03-12T10:00:00+01:00', end: '2030-03-12T12:00:00+01:00', dropIn: false, seatsLeft: 1 }),
        aNextSession({ id: 'n3', start: '2030-04-02T10:00:00+02:00', end: '2030-04-02T12:00:00+02:00', dropIn: true, seatsLeft: 0 }),
      ]),
    ]);
    const sessions = Array.from(page().querySelectorAll('.next li')).map((li) => Array.from(li.children).map((part) => part.textContent?.trim()));
    expect(sessions).toEqual([
      ['Tisdag 5 mars 10:00–12:00', 'Drop-in välkommen', '3 tider lediga'],
      ['Tisdag 12 mars 10:00–12:00', 'Bara bokning', '1 tid ledig'],
      ['Tisdag 2 april 10:00–12:00', 'Drop-in välkommen', 'Fullbokad'],
    ]);
    const book = Array.from(page().querySelectorAll('a')).find((a) => a.textContent?.includes('Boka en tid'));
    expect(book?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Boka en tid på Stadsbiblioteket');
    expect(book?.getAttribute('href')).toBe('/bibliotek/stadsbiblioteket/boka');
  });

  it('offers no booking link for a site without coming sessions', async () => {
    await respond([aSiteSummary({ name: 'Norrby bibliotek' })]);
    expect(page().textContent).toContain('Inga träffar är inplanerade just nu.');
    expect(page().textContent).not.toContain('Boka en tid');
  });

  it('reads right to left in Arabic, with Arabic plural forms', async () => {
    await respond([aSiteSummary({}, [aNextSession({ seatsLeft: 2 }), aNextSession({ id: 'n2', seatsLeft: 3 }), aNextSession({ id: 'n3', seatsLeft: 11 })])]);
    TestBed.inject(LanguageService).use('ar');
    await fixture.whenStable();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(page().querySelector('h1')?.textContent).toContain('احصل على مساعدة');
    const free = Array.from(page().querySelectorAll('.free')).map((el) => el.textContent?.trim());
    expect(free).toEqual(['موعدان متاحان', '3 مواعيد متاحة', '11 موعدًا متاحًا']);
    TestBed.inject(LanguageService).use('sv');
    await fixture.whenStable();
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('switches every text to English when the reader picks English', async () => {
    await respond([aSiteSummary(({ languages: ['sv', 'ar'] }))]);
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(page().querySelector('h1')?.textContent).toContain('Get help with your phone');
    expect(page().textContent).toContain('Swedish and Arabic');
    expect(document.documentElement.lang).toBe('en');
    expect(document.cookie).toContain('lang=en');
  });
});
