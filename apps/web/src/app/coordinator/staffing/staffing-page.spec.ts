import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { descriptionOf, getButton, getByLabel, settle } from '../../testing/queries';
import { aHelper, aStaffingRow } from '../../testing/staffing';
import { StaffingPage } from './staffing-page';

const yusuf = aHelper();
const maria = aHelper({ id: '30000000-0000-4000-8000-000000000002', email: 'helper2@example.org', name: 'Maria Johansson' });

const tuesday = aStaffingRow();
const wednesday = aStaffingRow({
  sessionId: '10000000-0000-4000-8000-000000000002',
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

describe(StaffingPage.name, () => {
  let fixture: ComponentFixture<StaffingPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    polyfillDialog();
    TestBed.configureTestingModule({
      imports: [StaffingPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StaffingPage);
    fixture.detectChanges();
    staffingRequest(4).flush([tuesday, wednesday, nextWeekCancelled]);
    http.expectOne('/api/helpers').flush([maria, yusuf]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const sessions = () => Array.from(page().querySelectorAll<HTMLElement>('li.session'));
  const staffingRequest = (weeks: number): TestRequest =>
    http.expectOne((r) => r.url === '/api/staffing' && r.params.get('weeks') === String(weeks));
  /** One turn of timers and change detection, without waiting for open requests (whenStable would). */
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };
  const optionsOf = (select: HTMLSelectElement) => Array.from(select.options).map((o) => o.textContent?.trim());

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
    expect(third?.querySelector('select')).toBeNull();
  });

  it('offers only helpers who are not on the session yet', () => {
    const [first, second] = sessions();
    expect(optionsOf(getByLabel<HTMLSelectElement>(first as HTMLElement, /^Lägg till digivärd på passet Stadsbiblioteket tisdag 5 mars/))).toEqual([
      'Välj digivärd',
      'Maria Johansson',
      'Yusuf Ahmadi',
    ]);
    expect(optionsOf(getByLabel<HTMLSelectElement>(second as HTMLElement, /^Lägg till digivärd/))).toEqual(['Välj digivärd', 'Yusuf Ahmadi']);
  });

  it('adds the chosen helper and updates the session in place', async () => {
    const first = sessions()[0] as HTMLElement;
    const select = getByLabel<HTMLSelectElement>(first, /^Lägg till digivärd/);
    select.value = yusuf.id;
    select.dispatchEvent(new Event('change'));
    getButton(first, 'Lägg till').click();
    await settle(fixture);

    const req = http.expectOne(`/api/sessions/${tuesday.sessionId}/shifts`);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ helperId: yusuf.id });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);

    const updated = sessions()[0] as HTMLElement;
    expect(text(updated.querySelector('.helpers'))).toContain('Yusuf Ahmadi');
    expect(text(updated)).toContain('1 av 2 digivärdar Saknar digivärdar');
    expect(optionsOf(getByLabel<HTMLSelectElement>(updated, /^Lägg till digivärd/))).toEqual(['Välj digivärd', 'Maria Johansson']);
    expect(text(page().querySelector('[aria-live="polite"].visually-hidden'))).toBe(
      'Yusuf Ahmadi har nu passet Stadsbiblioteket tisdag 5 mars 10:00–12:00.',
    );

    // The second helper fills the session: the gap flag and the summary go away.
    const again = getByLabel<HTMLSelectElement>(updated, /^Lägg till digivärd/);
    again.value = maria.id;
    again.dispatchEvent(new Event('change'));
    getButton(updated, 'Lägg till').click();
    await settle(fixture);
    http.expectOne(`/api/sessions/${tuesday.sessionId}/shifts`).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);

    const full = sessions()[0] as HTMLElement;
    expect(text(full)).toContain('2 av 2 digivärdar');
    expect(text(full)).not.toContain('Saknar digivärdar');
    expect(text(full)).toContain('Alla digivärdar har redan det här passet.');
    expect(page().querySelector('.understaffed-summary')).toBeNull();
    expect(document.activeElement?.id).toBe(`session-${tuesday.sessionId}`);
  });

  it('asks for a helper before sending anything', async () => {
    const first = sessions()[0] as HTMLElement;
    getButton(first, 'Lägg till').click();
    await settle(fixture);
    http.expectNone(`/api/sessions/${tuesday.sessionId}/shifts`);
    const select = getByLabel<HTMLSelectElement>(first, /^Lägg till digivärd/);
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), select)).toBe('Välj en digivärd i listan först.');
  });

  it('shows the API’s message next to the list and reloads when the session changed meanwhile', async () => {
    const first = sessions()[0] as HTMLElement;
    const select = getByLabel<HTMLSelectElement>(first, /^Lägg till digivärd/);
    select.value = maria.id;
    select.dispatchEvent(new Event('change'));
    getButton(first, 'Lägg till').click();
    await settle(fixture);
    http
      .expectOne(`/api/sessions/${tuesday.sessionId}/shifts`)
      .flush({ code: 'SESSION_NOT_OPEN', message: 'Träffen är inställd eller har redan varit.' }, { status: 409, statusText: 'Conflict' });
    await turn();

    expect(descriptionOf(page(), getByLabel<HTMLSelectElement>(sessions()[0] as HTMLElement, /^Lägg till digivärd/))).toBe(
      'Träffen är inställd eller har redan varit.',
    );
    staffingRequest(4).flush([{ ...tuesday, status: 'cancelled', understaffed: false }, wednesday, nextWeekCancelled]);
    await settle(fixture);
    expect(text(sessions()[0])).toContain('Inställd.');
  });

  it('shows eight weeks when asked', async () => {
    getByLabel(page(), 'De kommande 8 veckorna').click();
    await turn();
    staffingRequest(8).flush([]);
    await settle(fixture);
    expect(text(page())).toContain('Det finns inga träffar de kommande 8 veckorna.');
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
