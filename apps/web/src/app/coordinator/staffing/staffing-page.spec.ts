import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { StaffingView } from '@digihjalpen/domain';
import { aSite } from '@digihjalpen/domain/testing';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { descriptionOf, getButton, getByLabel, settle, type } from '../../testing/queries';
import { aStaffingRow } from '../../testing/staffing';
import { HELPER_SEARCH_DELAY } from '../helpers/helper-search';
import { aPage, maria, yusuf } from '../helpers/helper-testing';
import { StaffingPage } from './staffing-page';

const stadsbiblioteket = aSite({ id: '20000000-0000-4000-8000-000000000001', name: 'Stadsbiblioteket' });
const norrby = aSite({ id: '20000000-0000-4000-8000-000000000002', name: 'Norrby bibliotek' });
const paused = aSite({ name: 'Pausade biblioteket', active: false });

const tuesday = aStaffingRow();
const wednesday = aStaffingRow({
  sessionId: '10000000-0000-4000-8000-000000000002',
  siteId: norrby.id,
  siteName: 'Norrby bibliotek',
  siteSlug: 'norrby-bibliotek',
  start: '2030-03-06T13:00:00+01:00',
  end: '2030-03-06T15:00:00+01:00',
  helpersNeeded: 1,
  helpers: [{ id: maria.id, name: maria.name }],
});
const nextWeekCancelled = aStaffingRow({
  sessionId: '10000000-0000-4000-8000-000000000003',
  start: '2030-03-12T10:00:00+01:00',
  end: '2030-03-12T12:00:00+01:00',
  status: 'cancelled',
});

const staffingPage = (items: StaffingView[], overrides: { page?: number; total?: number } = {}) => aPage(items, { pageSize: 200, ...overrides });

describe(StaffingPage.name, () => {
  let fixture: ComponentFixture<StaffingPage>;
  let http: HttpTestingController;

  const open = async (sites = [stadsbiblioteket, norrby, paused], first = staffingPage([tuesday, wednesday, nextWeekCancelled])) => {
    fixture = TestBed.createComponent(StaffingPage);
    fixture.detectChanges();
    staffingRequest({ weeks: 4 }).flush(first);
    http.expectOne('/api/sites').flush(sites);
    http.expectOne('/api/helper-notices/open-shifts-digest').flush({ enabled: false });
    await settle(fixture);
  };

  beforeEach(() => {
    polyfillDialog();
    TestBed.configureTestingModule({
      imports: [StaffingPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: HELPER_SEARCH_DELAY, useValue: 0 }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const sessions = () => Array.from(page().querySelectorAll<HTMLElement>('li.session'));
  const staffingRequest = ({ weeks = 4, sites = null as string | null, n = 1 }): TestRequest =>
    http.expectOne(
      (r) => r.url === '/api/staffing' && r.params.get('weeks') === String(weeks) && r.params.get('sites') === sites && r.params.get('page') === String(n),
    );
  const helperSearch = (q: string) => http.expectOne((r) => r.url === '/api/helpers' && r.params.get('q') === q && r.params.get('page') === '1');
  /** One turn of timers and change detection, without waiting for open requests (whenStable would). */
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };
  /** Opens a session's helper search and searches for `q`; the search request is left to the test. */
  const searchAt = async (session: HTMLElement, q: string) => {
    getButton(session, /^Lägg till digivärd på passet/).click();
    await settle(fixture);
    const field = getByLabel(session, /^Sök digivärd att lägga till på passet/);
    expect(document.activeElement).toBe(field);
    type(field, q);
    await turn();
    return field;
  };

  describe('every site', () => {
    beforeEach(() => open());

    it('groups the sessions by week and says in words which need helpers', () => {
      const weeks = Array.from(page().querySelectorAll('section.week h2')).map(text);
      expect(weeks).toEqual(['Vecka 10 4–10 mars', 'Vecka 11 11–17 mars']);
      expect(text(page().querySelector('.understaffed-summary'))).toBe('1 träff saknar digivärdar de kommande 4 veckorna.');

      const [first, second, third] = sessions();
      expect(text(first?.querySelector('h3'))).toBe('Tisdag 5 mars 10:00–12:00, Stadsbiblioteket');
      expect(text(first)).toContain('0 av 2 digivärdar Saknar digivärdar');
      expect(text(second)).toContain('1 av 1 digivärdar');
      expect(text(second)).not.toContain('Saknar digivärdar');
      expect(text(second?.querySelector('.helpers'))).toContain('Maria Johansson');
      expect(text(third)).toContain('Inställd.');
      expect(third?.querySelector('button')).toBeNull();
      expect(page().querySelector('nav[aria-label="Sidor med träffar"]')).toBeNull();
    });

    it('searches helpers by name and marks the ones already on the session', async () => {
      const second = sessions()[1] as HTMLElement;
      await searchAt(second, 'jo');
      helperSearch('jo').flush(aPage([maria, yusuf]));
      await settle(fixture);
      const taken = getButton(second, /^Maria Johansson/);
      expect(text(taken)).toContain('Har redan passet');
      expect(taken.getAttribute('aria-disabled')).toBe('true');
      taken.click();
      await settle(fixture);
      http.expectNone(`/api/sessions/${wednesday.sessionId}/shifts`);
    });

    it('says so when no helper has that name', async () => {
      const field = await searchAt(sessions()[0] as HTMLElement, 'xyz');
      helperSearch('xyz').flush(aPage([]));
      await settle(fixture);
      expect(descriptionOf(page(), field)).toContain('Inga digivärdar heter så.');
    });

    it('adds the chosen helper and updates the session in place', async () => {
      await searchAt(sessions()[0] as HTMLElement, 'yusuf');
      helperSearch('yusuf').flush(aPage([yusuf]));
      await settle(fixture);
      getButton(sessions()[0] as HTMLElement, /^Yusuf Ahmadi/).click();
      await turn();

      const req = http.expectOne(`/api/sessions/${tuesday.sessionId}/shifts`);
      expect(req.request.method).toBe('POST');
      expect(req.request.body).toEqual({ helperId: yusuf.id });
      req.flush(null, { status: 204, statusText: 'No Content' });
      await settle(fixture);

      const updated = sessions()[0] as HTMLElement;
      expect(text(updated.querySelector('.helpers'))).toContain('Yusuf Ahmadi');
      expect(text(updated)).toContain('1 av 2 digivärdar Saknar digivärdar');
      expect(updated.querySelector('dh-helper-picker')).toBeNull();
      expect(document.activeElement?.id).toBe(`add-${tuesday.sessionId}`);
      expect(text(page().querySelector('[aria-live="polite"].visually-hidden'))).toBe('Yusuf Ahmadi har nu passet Stadsbiblioteket tisdag 5 mars 10:00–12:00.');

      // The second helper fills the session: the gap flag and the summary go away.
      await searchAt(updated, 'maria');
      helperSearch('maria').flush(aPage([maria]));
      await settle(fixture);
      getButton(updated, /^Maria Johansson/).click();
      await turn();
      http.expectOne(`/api/sessions/${tuesday.sessionId}/shifts`).flush(null, { status: 204, statusText: 'No Content' });
      await settle(fixture);
      const full = sessions()[0] as HTMLElement;
      expect(text(full)).toContain('2 av 2 digivärdar');
      expect(text(full)).not.toContain('Saknar digivärdar');
      expect(page().querySelector('.understaffed-summary')).toBeNull();
    });

    it('shows the API’s message at the search and reloads when the session changed meanwhile', async () => {
      await searchAt(sessions()[0] as HTMLElement, 'maria');
      helperSearch('maria').flush(aPage([maria]));
      await settle(fixture);
      getButton(sessions()[0] as HTMLElement, /^Maria Johansson/).click();
      await turn();
      http
        .expectOne(`/api/sessions/${tuesday.sessionId}/shifts`)
        .flush({ code: 'SESSION_NOT_OPEN', message: 'Träffen är inställd eller har redan varit.' }, { status: 409, statusText: 'Conflict' });
      await turn();

      const field = getByLabel(sessions()[0] as HTMLElement, /^Sök digivärd att lägga till/);
      expect(descriptionOf(page(), field)).toContain('Träffen är inställd eller har redan varit.');
      staffingRequest({ weeks: 4 }).flush(staffingPage([{ ...tuesday, status: 'cancelled', understaffed: false }, wednesday, nextWeekCancelled]));
      await settle(fixture);
      expect(text(sessions()[0])).toContain('Inställd.');
    });

    it('closes the search and goes back to its button', async () => {
      await searchAt(sessions()[0] as HTMLElement, 'maria');
      helperSearch('maria').flush(aPage([maria]));
      await settle(fixture);
      getButton(sessions()[0] as HTMLElement, /^Stäng sökningen/).click();
      await settle(fixture);
      expect(sessions()[0]?.querySelector('dh-helper-picker')).toBeNull();
      expect(document.activeElement?.id).toBe(`add-${tuesday.sessionId}`);
    });

    it('shows eight weeks when asked', async () => {
      getByLabel(page(), 'De kommande 8 veckorna').click();
      await turn();
      staffingRequest({ weeks: 8 }).flush(staffingPage([]));
      await settle(fixture);
      expect(text(page())).toContain('Det finns inga träffar de kommande 8 veckorna.');
    });

    it('shows only the chosen sites, and all again', async () => {
      expect(Array.from(page().querySelectorAll('.site-list label')).map(text)).toEqual(['Norrby bibliotek', 'Stadsbiblioteket']);
      getByLabel(page(), 'Norrby bibliotek').click();
      await turn();
      staffingRequest({ sites: norrby.id }).flush(staffingPage([]));
      await settle(fixture);
      expect(text(page())).toContain('Det finns inga träffar de kommande 4 veckorna på Norrby bibliotek.');

      getByLabel(page(), 'Stadsbiblioteket').click();
      await turn();
      staffingRequest({ sites: `${norrby.id},${stadsbiblioteket.id}` }).flush(staffingPage([tuesday, wednesday]));
      await settle(fixture);
      expect(text(page().querySelector('.understaffed-summary'))).toBe('1 träff saknar digivärdar de kommande 4 veckorna på 2 valda platser.');

      getButton(page(), 'Visa alla platser').click();
      await turn();
      staffingRequest({}).flush(staffingPage([tuesday]));
      await settle(fixture);
      expect(getByLabel(page(), 'Norrby bibliotek').checked).toBe(false);
    });

    it('removes a helper after confirming, and puts focus on the session', async () => {
      const second = sessions()[1] as HTMLElement;
      getButton(second, /^Ta bort Maria Johansson från passet Norrby bibliotek onsdag 6 mars 13:00–15:00$/).click();
      await settle(fixture);
      expect(text(page().querySelector('dialog[open] h2'))).toBe('Ta bort Maria Johansson från passet?');
      dialogButton(page(), 'Ja, ta bort').click();
      await turn();
      const req = http.expectOne(`/api/sessions/${wednesday.sessionId}/shifts/${maria.id}`);
      expect(req.request.method).toBe('DELETE');
      req.flush(null, { status: 204, statusText: 'No Content' });
      await settle(fixture);

      const updated = sessions()[1] as HTMLElement;
      expect(text(updated)).toContain('0 av 1 digivärdar Saknar digivärdar');
      expect(text(updated)).toContain('Ingen digivärd har passet än.');
      expect(text(page().querySelector('.understaffed-summary'))).toBe('2 träffar saknar digivärdar de kommande 4 veckorna.');
      expect(document.activeElement?.id).toBe(`session-${wednesday.sessionId}`);
    });
  });

  it('pages through many sessions, back to the first page when the filter changes', async () => {
    await open([stadsbiblioteket, norrby], staffingPage([tuesday, wednesday], { total: 450 }));
    expect(text(page().querySelector('#staffing-range'))).toBe('Här visas träff 1–2 av 450, sida 1 av 3.');
    expect(text(page().querySelector('.understaffed-summary'))).toBe('1 träff saknar digivärdar på den här sidan.');

    getButton(page(), 'Nästa sida').click();
    await turn();
    staffingRequest({ n: 2 }).flush(staffingPage([nextWeekCancelled], { page: 2, total: 450 }));
    await settle(fixture);
    expect(text(page().querySelector('#staffing-range'))).toBe('Här visas träff 201–201 av 450, sida 2 av 3.');
    expect(document.activeElement?.id).toBe('staffing-range');
    expect(sessions()).toHaveLength(1);

    getByLabel(page(), 'De kommande 8 veckorna').click();
    await turn();
    staffingRequest({ weeks: 8, n: 1 }).flush(staffingPage([tuesday], { total: 900 }));
    await settle(fixture);
    expect(text(page().querySelector('#staffing-range'))).toBe('Här visas träff 1–1 av 900, sida 1 av 5.');
  });

  it('finds sites by name when there are many', async () => {
    const many = Array.from({ length: 30 }, (_, i) => aSite({ name: `Filial ${i + 1}` }));
    await open([...many, norrby, stadsbiblioteket]);
    expect(page().querySelector('.site-list')).toBeNull();
    type(getByLabel(page(), 'Sök plats'), 'norrby');
    await settle(fixture);
    expect(text(page().querySelector('#staffing-site-status'))).toBe('1 plats hittades.');
    getByLabel(page(), 'Norrby bibliotek').click();
    await turn();
    staffingRequest({ sites: norrby.id }).flush(staffingPage([wednesday]));
    await settle(fixture);
    type(getByLabel(page(), 'Sök plats'), 'ingenstans');
    await settle(fixture);
    // The chosen site stays in view, checked.
    expect(getByLabel(page(), 'Norrby bibliotek').checked).toBe(true);
    expect(text(page().querySelector('#staffing-site-status'))).toBe('Inga platser heter så.');
  });
});
