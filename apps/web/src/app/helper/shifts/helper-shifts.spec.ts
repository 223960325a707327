import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PAGE_SIZES, type AuthUser, type Page, type StaffingView } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { getButton, getByLabel, settle } from '../../testing/queries';
import { aHelper, aStaffingRow } from '../../testing/staffing';
import { HelperShifts, MY_WEEKS, OPEN_WEEKS } from './helper-shifts';

const me: AuthUser = aHelper({ id: '30000000-0000-4000-8000-000000000002', email: 'helper2@example.org', name: 'Maria Johansson' });
const yusuf = aHelper();

const mine = aStaffingRow({
  sessionId: '10000000-0000-4000-8000-000000000001',
  helpers: [{ id: me.id, name: me.name }, { id: yusuf.id, name: yusuf.name }],
});
const norrby = aStaffingRow({
  sessionId: '10000000-0000-4000-8000-000000000002',
  siteName: 'Norrby bibliotek',
  siteSlug: 'norrby-bibliotek',
  start: '2030-03-06T13:00:00+01:00',
  end: '2030-03-06T15:00:00+01:00',
  helpersNeeded: 1,
});
const kompetenscenter = aStaffingRow({
  sessionId: '10000000-0000-4000-8000-000000000003',
  siteName: 'Kompetenscenter',
  siteSlug: 'kompetenscenter',
  start: '2030-03-08T09:00:00+01:00',
  end: '2030-03-08T11:00:00+01:00',
  helpersNeeded: 1,
});
/** One page of open shifts as the API answers it (50 a page). */
function aPage(items: StaffingView[], page = 1, total = items.length): Page<StaffingView> {
  return { items, page, pageSize: PAGE_SIZES.openShifts, total };
}
/** `count` open shifts, one a day from 10 March 2030, numbered from `from` (1-based, as in the whole list). */
function openRows(count: number, from = 1): StaffingView[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const day = new Date(Date.UTC(2030, 2, 9 + n));
    const date = day.toISOString().slice(0, 10);
    return aStaffingRow({
      sessionId: `10000000-0000-4000-8000-${String(100 + n).padStart(12, '0')}`,
      siteName: `Bibliotek ${n}`,
      siteSlug: `bibliotek-${n}`,
      start: `${date}T10:00:00+01:00`,
      end: `${date}T12:00:00+01:00`,
    });
  });
}
/** Last week: the API lists it, the page does not. */
const past = aStaffingRow({ sessionId: '10000000-0000-4000-8000-000000000009', start: '2020-03-03T10:00:00+01:00', end: '2020-03-03T12:00:00+01:00' });

describe(HelperShifts.name, () => {
  let fixture: ComponentFixture<HelperShifts>;
  let http: HttpTestingController;

  beforeEach(async () => {
    polyfillDialog();
    TestBed.configureTestingModule({
      imports: [HelperShifts],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: AuthService, useValue: { user: signal(me) } }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HelperShifts);
    fixture.detectChanges();
    mineRequest().flush([past, mine]);
    openRequest().flush(aPage([norrby, kompetenscenter]));
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const section = (heading: string) =>
    Array.from(page().querySelectorAll('section')).find((s) => text(s.querySelector('h2')) === heading) as HTMLElement;
  const headings = (heading: string) => Array.from(section(heading).querySelectorAll('h3')).map(text);
  const mineRequest = (): TestRequest => http.expectOne((r) => r.url === '/api/shifts/mine' && r.params.get('weeks') === String(MY_WEEKS));
  const openRequest = (weeks = OPEN_WEEKS, pageNo = 1): TestRequest =>
    http.expectOne((r) => r.url === '/api/shifts/open' && r.params.get('weeks') === String(weeks) && r.params.get('page') === String(pageNo));
  const pager = () => section('Lediga pass').querySelector<HTMLElement>('nav[aria-label="Sidor med lediga pass"]');
  const openPlaces = () => Array.from(section('Lediga pass').querySelectorAll('.site a')).map(text);
  const chooseWeeks = (weeks: number) => getByLabel(section('Lediga pass'), `De kommande ${weeks} veckorna`).click();
  /** One turn of timers and change detection, without waiting for open requests (whenStable would). */
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  it('lists the coming shifts with who else is on them, and the open ones', () => {
    expect(headings('Mina pass')).toEqual(['Tisdag 5 mars 10:00–12:00']);
    expect(text(section('Mina pass'))).toContain('Med dig: Yusuf Ahmadi.');
    expect(getButton(section('Mina pass'), /^Lämna passet tisdag 5 mars 10:00–12:00 på Stadsbiblioteket$/)).toBeTruthy();
    expect(headings('Lediga pass')).toEqual(['Onsdag 6 mars 13:00–15:00', 'Fredag 8 mars 09:00–11:00']);
    expect(text(section('Lediga pass'))).toContain('0 av 1 digivärdar');
    expect(text(page().querySelector('#open-count'))).toBe('2 träffar behöver fler digivärdar de kommande 4 veckorna.');
    // One page only: no pager.
    expect(pager()).toBeNull();
  });

  it('pages through many open shifts, 50 a page, and moves focus to the list heading', async () => {
    chooseWeeks(8);
    await turn();
    openRequest(8, 1).flush(aPage(openRows(50), 1, 1234));
    await settle(fixture);

    expect(text(page().querySelector('#open-count'))).toBe('1 234 träffar behöver fler digivärdar de kommande 8 veckorna. Här visas pass 1–50.');
    expect(headings('Lediga pass')).toHaveLength(50);
    expect(text(pager())).toContain('Sida 1 av 25');
    expect(getButton(pager() as HTMLElement, 'Föregående sida').disabled).toBe(true);

    getButton(pager() as HTMLElement, 'Nästa sida').click();
    await turn();
    expect(text(section('Lediga pass'))).toContain('Hämtar lediga pass …');
    openRequest(8, 2).flush(aPage(openRows(50, 51), 2, 1234));
    await settle(fixture);

    const places = openPlaces();
    expect(places).toHaveLength(50);
    expect([places[0], places[49]]).toEqual(['Bibliotek 51', 'Bibliotek 100']);
    expect(text(page().querySelector('#open-count'))).toContain('Här visas pass 51–100.');
    expect(text(pager())).toContain('Sida 2 av 25');
    expect(document.activeElement?.id).toBe('open-heading');

    getButton(pager() as HTMLElement, 'Föregående sida').click();
    await turn();
    openRequest(8, 1).flush(aPage(openRows(50), 1, 1234));
    await settle(fixture);
    expect(text(pager())).toContain('Sida 1 av 25');
  });

  it('shows the new last page when taking its only shift empties it', async () => {
    chooseWeeks(8);
    await turn();
    openRequest(8, 1).flush(aPage(openRows(50), 1, 101));
    await settle(fixture);
    getButton(pager() as HTMLElement, 'Nästa sida').click();
    await turn();
    openRequest(8, 2).flush(aPage(openRows(50, 51), 2, 101));
    await settle(fixture);
    getButton(pager() as HTMLElement, 'Nästa sida').click();
    await turn();
    const [last] = openRows(1, 101) as [StaffingView];
    openRequest(8, 3).flush(aPage([last], 3, 101));
    await settle(fixture);
    expect(text(pager())).toContain('Sida 3 av 3');

    getButton(section('Lediga pass'), /^Ta passet/).click();
    await turn();
    http.expectOne(`/api/sessions/${last.sessionId}/shifts/me`).flush(null, { status: 204, statusText: 'No Content' });
    await turn();
    // The reload of page 3 may go out before the page changes; it is not needed any more.
    http.match((r) => r.url === '/api/shifts/open' && r.params.get('page') === '3');
    openRequest(8, 2).flush(aPage(openRows(50, 51), 2, 100));
    await settle(fixture);

    expect(text(pager())).toContain('Sida 2 av 2');
    expect(openPlaces()[0]).toBe('Bibliotek 51');
    expect(headings('Mina pass')).toHaveLength(2);
  });

  it('goes back to page 1 when the weeks change', async () => {
    chooseWeeks(8);
    await turn();
    openRequest(8, 1).flush(aPage(openRows(50), 1, 120));
    await settle(fixture);
    getButton(pager() as HTMLElement, 'Nästa sida').click();
    await turn();
    openRequest(8, 2).flush(aPage(openRows(50, 51), 2, 120));
    await settle(fixture);
    expect(text(pager())).toContain('Sida 2 av 3');

    chooseWeeks(2);
    await turn();
    // Page 1 of the new weeks, not page 2.
    openRequest(2, 1).flush(aPage([norrby]));
    await settle(fixture);

    expect(headings('Lediga pass')).toEqual(['Onsdag 6 mars 13:00–15:00']);
    expect(text(page().querySelector('#open-count'))).toBe('1 träff behöver fler digivärdar de kommande 2 veckorna.');
    expect(pager()).toBeNull();
  });

  it('says so when no shift is open in the chosen weeks', async () => {
    chooseWeeks(2);
    await turn();
    openRequest(2, 1).flush(aPage([]));
    await settle(fixture);

    expect(text(section('Lediga pass'))).toContain('Just nu finns det inga lediga pass de kommande 2 veckorna.');
    expect(page().querySelector('#open-count')).toBeNull();
    expect(pager()).toBeNull();
  });

  it('takes an open shift, which then moves to Mina pass and gets focus', async () => {
    getButton(section('Lediga pass'), /^Ta passet onsdag 6 mars 13:00–15:00 på Norrby bibliotek$/).click();
    await turn();
    const req = http.expectOne(`/api/sessions/${norrby.sessionId}/shifts/me`);
    expect(req.request.method).toBe('POST');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await turn();
    // It leaves the list at once, and the list is fetched again (the next shift moves up, the total changes).
    expect(headings('Lediga pass')).toEqual(['Fredag 8 mars 09:00–11:00']);
    openRequest().flush(aPage([kompetenscenter]));
    await settle(fixture);

    expect(headings('Mina pass')).toEqual(['Tisdag 5 mars 10:00–12:00', 'Onsdag 6 mars 13:00–15:00']);
    expect(headings('Lediga pass')).toEqual(['Fredag 8 mars 09:00–11:00']);
    expect(text(page().querySelector('#open-count'))).toBe('1 träff behöver fler digivärdar de kommande 4 veckorna.');
    expect(document.activeElement?.id).toBe(`mine-${norrby.sessionId}`);
    expect(text(page().querySelector('[aria-live="polite"].visually-hidden'))).toBe(
      'Du har tagit passet onsdag 6 mars 13:00–15:00 på Norrby bibliotek. Det finns nu under Mina pass.',
    );
    expect(text(section('Mina pass'))).toContain('Du är ensam på passet än så länge.');
  });

  it('says why a shift could not be taken and fetches both lists again', async () => {
    getButton(section('Lediga pass'), /^Ta passet onsdag 6 mars/).click();
    await turn();
    const message = 'Träffen har redan så många digivärdar som behövs. Fråga samordnaren om du vill vara med ändå.';
    http.expectOne(`/api/sessions/${norrby.sessionId}/shifts/me`).flush({ code: 'SHIFT_FULL', message }, { status: 409, statusText: 'Conflict' });
    await turn();

    const alert = page().querySelector<HTMLElement>('#take-error');
    expect(text(alert)).toBe(`Du kunde inte ta passet onsdag 6 mars 13:00–15:00 på Norrby bibliotek. ${message}`);
    expect(alert?.getAttribute('role')).toBe('alert');
    openRequest().flush(aPage([kompetenscenter]));
    mineRequest().flush([mine]);
    await settle(fixture);
    expect(document.activeElement).toBe(page().querySelector('#take-error'));
    expect(headings('Lediga pass')).toEqual(['Fredag 8 mars 09:00–11:00']);
    expect(headings('Mina pass')).toEqual(['Tisdag 5 mars 10:00–12:00']);
  });

  it('makes a private calendar link and shows it to copy', async () => {
    getButton(section('Min kalender'), 'Skapa kalenderlänk').click();
    await turn();
    const url = 'http://localhost:3000/api/public/calendars/abc123/shifts.ics';
    http.expectOne('/api/me/calendar-feed').flush({ url });
    await settle(fixture);

    expect(getByLabel(section('Min kalender'), 'Din kalenderlänk').value).toBe(url);
    expect(getButton(section('Min kalender'), 'Kopiera länken')).toBeTruthy();
    expect(section('Min kalender').querySelector<HTMLAnchorElement>('a[href^="webcal:"]')?.getAttribute('href')).toBe(
      'webcal://localhost:3000/api/public/calendars/abc123/shifts.ics',
    );
    expect(text(section('Min kalender'))).toContain('Om du skapar en ny länk slutar den gamla att fungera.');
  });

  it('leaves a shift only after confirming, and the session can be taken again', async () => {
    const leave = () => getButton(section('Mina pass'), /^Lämna passet tisdag 5 mars/).click();
    leave();
    await settle(fixture);
    expect(text(page().querySelector('dialog[open] h2'))).toBe('Lämna passet?');
    dialogButton(page(), 'Nej, behåll passet').click();
    await settle(fixture);
    http.expectNone(`/api/sessions/${mine.sessionId}/shifts/me`);
    expect(page().querySelector('dialog[open]')).toBeNull();

    leave();
    await settle(fixture);
    dialogButton(page(), 'Ja, lämna passet').click();
    await turn();
    const req = http.expectOne(`/api/sessions/${mine.sessionId}/shifts/me`);
    expect(req.request.method).toBe('DELETE');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await turn();
    openRequest().flush(aPage([{ ...mine, helpers: [{ id: yusuf.id, name: yusuf.name }] }, norrby, kompetenscenter]));
    await settle(fixture);

    expect(text(section('Mina pass'))).toContain('Du har inga pass de kommande 8 veckorna.');
    expect(headings('Lediga pass')[0]).toBe('Tisdag 5 mars 10:00–12:00');
    expect(document.activeElement?.id).toBe('mine-heading');
  });
});
