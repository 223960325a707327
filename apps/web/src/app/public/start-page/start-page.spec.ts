import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { provideHttpClient } from '@angular/common/http';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Page, PublicSiteSummary } from '@digihjalpen/domain';
import { LanguageService } from '../../shared/i18n/language.service';
import { translocoTesting } from '../../testing/i18n';
import { aNextSession, aSiteSummary } from '../../testing/public';
import { getButton, getByLabel, settle, type } from '../../testing/queries';
import { SEARCH_DELAY_MS, StartPage } from './start-page';

const PAGE_SIZE = 20;

/** One page of the API's answer; `total` defaults to the items given. */
function aPage(items: PublicSiteSummary[], page = 1, total = items.length): Page<PublicSiteSummary> {
  return { items, page, pageSize: PAGE_SIZE, total };
}

/** Sites "Bibliotek 001" … in order, from number `from`. */
function someSites(count: number, from = 1): PublicSiteSummary[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(from + i).padStart(3, '0');
    return aSiteSummary({ id: `site-${n}`, slug: `bibliotek-${n}`, name: `Bibliotek ${n}` });
  });
}

describe(StartPage.name, () => {
  let fixture: ComponentFixture<StartPage>;
  let http: HttpTestingController;

  /** Opens the start page at `url` (the page URL can carry ?q= and a partner's ?ref=). */
  const open = async (url = '/') => {
    document.cookie = 'lang=; max-age=0; path=/';
    TestBed.configureTestingModule({
      imports: [StartPage, translocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigateByUrl(url);
    fixture = TestBed.createComponent(StartPage);
    // Not whenStable(): the pending request keeps the app unstable until a test answers it.
    fixture.detectChanges();
  };

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined = page()) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const status = () => text(page().querySelector('[role="status"]'));
  const url = () => TestBed.inject(Router).url;
  const headings = () => Array.from(page().querySelectorAll('h3')).map((h) => text(h));
  const sitesRequest = (): TestRequest => http.expectOne((r) => r.url === '/api/public/sites');
  /** Answers the one request for sites and returns what it asked for (q and page). */
  const respond = async (body: object, init?: { status: number; statusText: string }) => {
    const req = sitesRequest();
    const asked = { q: req.request.params.get('q'), page: req.request.params.get('page') };
    req.flush(body, init);
    await fixture.whenStable();
    return asked;
  };
  const searchField = () => getByLabel(page(), 'Sök bibliotek eller ort');
  const typingPause = () => new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY_MS + 50));
  /** Lets a resource send its request: not whenStable(), which waits for the answer. */
  const requestsSent = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  it('shows a loading message until the sites arrive', async () => {
    await open();
    expect(page().textContent).toContain('Hämtar biblioteken');
    await respond(aPage([]));
    expect(page().textContent).not.toContain('Hämtar biblioteken');
  });

  it('lists each site with its address and the languages of its helpers, in Swedish', async () => {
    await open();
    await respond(aPage([aSiteSummary({ name: 'Stadsbiblioteket', address: 'Bibliotekstorget 1', languages: ['sv', 'ar'] })]));
    const heading = Array.from(page().querySelectorAll('h3')).map((h) => h.textContent?.trim());
    expect(heading).toEqual(['Stadsbiblioteket']);
    expect(status()).toBe('Visar 1 av 1 bibliotek');
    expect(page().textContent).toContain('Bibliotekstorget 1');
    expect(page().textContent).toContain('svenska och arabiska');
    expect(page().querySelector('h1')?.textContent).toContain('Få hjälp med mobilen');
  });

  it('says so plainly when no site has Digihjälpen yet', async () => {
    await open();
    await respond(aPage([]));
    expect(page().textContent).toContain('Just nu finns Digihjälpen inte på något bibliotek');
  });

  it('offers to try again when the sites cannot be fetched', async () => {
    await open();
    await respond({ code: 'INTERNAL_ERROR' }, { status: 500, statusText: 'Server Error' });
    const alert = page().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Vi kunde inte hämta listan');
    alert?.querySelector('button')?.click();
    TestBed.tick();
    await respond(aPage([aSiteSummary({ name: 'Norrby bibliotek' })]));
    expect(page().textContent).toContain('Norrby bibliotek');
  });

  it('shows each site’s next sessions with drop-in or booking only, free times in words, and a link to book', async () => {
    await open();
    await respond(aPage([
      aSiteSummary({ slug: 'stadsbiblioteket', name: 'Stadsbiblioteket' }, [
        aNextSession({ id: 'n1', start: '2030-03-05T10:00:00+01:00', end: '2030-03-05T12:00:00+01:00', dropIn: true, seatsLeft: 3 }),
        aNextSession({ id: 'n2', start: '2030-03-12T10:00:00+01:00', end: '2030-03-12T12:00:00+01:00', dropIn: false, seatsLeft: 1 }),
        aNextSession({ id: 'n3', start: '2030-04-02T10:00:00+02:00', end: '2030-04-02T12:00:00+02:00', dropIn: true, seatsLeft: 0 }),
      ]),
    ]));
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
    await open();
    await respond(aPage([aSiteSummary({ name: 'Norrby bibliotek' })]));
    expect(page().textContent).toContain('Inga träffar är inplanerade just nu.');
    expect(page().textContent).not.toContain('Boka en tid');
  });

  it('reads right to left in Arabic, with Arabic plural forms', async () => {
    await open();
    await respond(aPage([aSiteSummary({}, [aNextSession({ seatsLeft: 2 }), aNextSession({ id: 'n2', seatsLeft: 3 }), aNextSession({ id: 'n3', seatsLeft: 11 })])]));
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
    await open();
    await respond(aPage([aSiteSummary({ languages: ['sv', 'ar'] })]));
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(page().querySelector('h1')?.textContent).toContain('Get help with your phone');
    expect(page().textContent).toContain('Swedish and Arabic');
    expect(document.documentElement.lang).toBe('en');
    expect(document.cookie).toContain('lang=en');
  });

  describe('with about 1,100 libraries', () => {
    const FIRST = someSites(PAGE_SIZE, 1);
    const SECOND = someSites(PAGE_SIZE, 21);

    it('shows the first 20 and the count, then adds the next 20 with "Visa fler bibliotek" and moves focus to the first new one', async () => {
      await open();
      expect(await respond(aPage(FIRST, 1, 1100))).toEqual({ q: null, page: '1' });
      expect(headings()).toHaveLength(20);
      expect(status()).toBe('Visar 20 av 1 100 bibliotek');

      getButton(page(), 'Visa fler bibliotek').click();
      await requestsSent();
      // While the next page loads, the first 20 stay and the button says it is working.
      expect(headings()).toHaveLength(20);
      expect(getButton(page(), 'Hämtar fler bibliotek …').getAttribute('aria-disabled')).toBe('true');
      expect(await respond(aPage(SECOND, 2, 1100))).toEqual({ q: null, page: '2' });
      await settle(fixture);

      expect(headings()).toEqual([...FIRST, ...SECOND].map((s) => s.name));
      expect(status()).toBe('Visar 40 av 1 100 bibliotek');
      expect(document.activeElement).toBe(page().querySelectorAll('h3 a')[20]);
      expect(document.activeElement?.textContent).toBe('Bibliotek 021');
    });

    it('offers no more once every library is shown', async () => {
      await open();
      await respond(aPage(FIRST, 1, 25));
      getButton(page(), 'Visa fler bibliotek').click();
      await requestsSent();
      await respond(aPage(someSites(5, 21), 2, 25));
      expect(headings()).toHaveLength(25);
      expect(status()).toBe('Visar 25 av 25 bibliotek');
      expect(() => getButton(page(), 'Visa fler bibliotek')).toThrow();
    });

    it('keeps the list when the next page cannot be fetched, and tries that page again', async () => {
      await open();
      await respond(aPage(FIRST, 1, 1100));
      getButton(page(), 'Visa fler bibliotek').click();
      await requestsSent();
      await respond({ code: 'INTERNAL_ERROR' }, { status: 500, statusText: 'Server Error' });
      expect(headings()).toHaveLength(20);
      const alert = page().querySelector('[role="alert"]');
      expect(text(alert)).toContain('Vi kunde inte hämta fler bibliotek just nu.');
      getButton(page(), 'Försök igen').click();
      await requestsSent();
      expect(await respond(aPage(SECOND, 2, 1100))).toEqual({ q: null, page: '2' });
      expect(headings()).toHaveLength(40);
      expect(page().querySelector('[role="alert"]')).toBeNull();
    });

    it('counts in English and in Arabic with their plural forms', async () => {
      await open();
      await respond(aPage(FIRST, 1, 1100));
      TestBed.inject(LanguageService).use('en');
      await fixture.whenStable();
      expect(status()).toBe('Showing 20 of 1,100 libraries');
      TestBed.inject(LanguageService).use('ar');
      await fixture.whenStable();
      expect(status()).toBe('يُعرض 20 من أصل 1,100 مكتبة');
      TestBed.inject(LanguageService).use('sv');
      await fixture.whenStable();
    });
  });

  describe('search', () => {
    it('searches once typing pauses, keeps q in the page URL next to the partner’s ref, and starts from the first page again', async () => {
      await open('/?ref=KC4M-7QXH');
      await respond(aPage(someSites(20), 1, 1100));
      getButton(page(), 'Visa fler bibliotek').click();
      await requestsSent();
      await respond(aPage(someSites(20, 21), 2, 1100));

      const field = searchField();
      expect(field.type).toBe('search');
      expect(field.maxLength).toBe(100);
      expect(field.getAttribute('autocomplete')).toBe('off');
      type(field, 'gote');
      type(field, 'goteborg');
      await requestsSent();
      http.expectNone((r) => r.url === '/api/public/sites');

      await typingPause();
      await requestsSent();
      expect(url()).toBe('/?ref=KC4M-7QXH&q=goteborg');
      const hisingen = aSiteSummary({ id: 'site-h', slug: 'hisingens-bibliotek', name: 'Hisingens bibliotek', address: 'Hjalmar Brantingsplatsen 1, Göteborg' });
      expect(await respond(aPage([hisingen]))).toEqual({ q: 'goteborg', page: '1' });
      expect(headings()).toEqual(['Hisingens bibliotek']);
      expect(status()).toBe('Visar 1 av 1 bibliotek');

      // A site's links keep the partner's code but leave the search behind (Back brings it back).
      const links = Array.from(page().querySelectorAll('.site a[href^="/bibliotek"]')).map((a) => a.getAttribute('href'));
      expect(links).toEqual(['/bibliotek/hisingens-bibliotek?ref=KC4M-7QXH', '/bibliotek/hisingens-bibliotek?ref=KC4M-7QXH']);
    });

    it('searches at once when the search is sent', async () => {
      await open();
      await respond(aPage(someSites(3)));
      type(searchField(), '  malmö  ');
      searchField().form?.requestSubmit();
      await requestsSent();
      expect(url()).toBe('/?q=malm%C3%B6');
      expect(await respond(aPage([aSiteSummary({ name: 'Malmö stadsbibliotek' })]))).toEqual({ q: 'malmö', page: '1' });
      expect(headings()).toEqual(['Malmö stadsbibliotek']);
    });

    it('opens with the search from the URL, says plainly when nothing matches, and clears the search', async () => {
      await open('/?q=xyzzy%20torp&ref=KC4M-7QXH');
      expect(searchField().value).toBe('xyzzy torp');
      expect(await respond(aPage([], 1, 0))).toEqual({ q: 'xyzzy torp', page: '1' });
      expect(status()).toBe('Vi hittade inget bibliotek för ”\u2068xyzzy torp\u2069”. Kontrollera stavningen eller sök på en ort i närheten.');
      expect(page().querySelector('.sites')).toBeNull();
      expect(() => getButton(page(), 'Visa fler bibliotek')).toThrow();

      getButton(page(), 'Rensa sökningen').click();
      await requestsSent();
      expect(url()).toBe('/?ref=KC4M-7QXH');
      expect(searchField().value).toBe('');
      expect(document.activeElement).toBe(searchField());
      expect(await respond(aPage(someSites(20), 1, 1100))).toEqual({ q: null, page: '1' });
      expect(status()).toBe('Visar 20 av 1 100 bibliotek');
    });

    it('follows the URL when Back changes the search', async () => {
      await open('/?q=lund');
      await respond(aPage(someSites(2)));
      await TestBed.inject(Router).navigateByUrl('/?q=malm%C3%B6');
      await requestsSent();
      expect(searchField().value).toBe('malmö');
      expect(await respond(aPage([]))).toEqual({ q: 'malmö', page: '1' });
    });
  });
});
