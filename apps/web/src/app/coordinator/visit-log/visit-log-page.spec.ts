import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { DEFAULT_TIME_ZONE, type VisitPage } from '@digihjalpen/domain';
import { aSite } from '@digihjalpen/domain/testing';
import { todayIn } from '../../shared/data/dates';
import { BUILTIN_CATEGORIES } from '../../shared/data/visit-labels';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { descriptionOf, getButton, getByLabel, settle, type } from '../../testing/queries';
import { aVisitInput, aVisitView } from '../../testing/visits';
import { VisitLogPage } from './visit-log-page';

const stadsbiblioteket = aSite({ id: '20000000-0000-4000-8000-000000000001', name: 'Stadsbiblioteket' });
const norrby = aSite({ id: '20000000-0000-4000-8000-000000000002', name: 'Norrby bibliotek' });
const first = aVisitView(aVisitInput({ categories: ['bankid', 'email'], outcome: 'referred', referredTo: 'skatteverket', durationMinutes: 25, cameVia: 'booked' }), { date: '2030-03-05' });
const second = aVisitView(aVisitInput({ categories: ['printing'], outcome: 'solved', durationMinutes: 5 }), {
  date: '2030-03-04',
  siteName: 'Norrby bibliotek',
  helperName: 'Maria Johansson',
});

describe(VisitLogPage.name, () => {
  let fixture: ComponentFixture<VisitLogPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    polyfillDialog();
    TestBed.configureTestingModule({ imports: [VisitLogPage], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(VisitLogPage);
    fixture.detectChanges();
    http.expectOne('/api/sites').flush([stadsbiblioteket, norrby]);
    http.expectOne('/api/visit-categories').flush([...BUILTIN_CATEGORIES, { key: 'housing', label: 'Bostad', builtin: false }]);
    visitsRequest().flush({ items: [first, second], page: 1, pageSize: 50, total: 2 } satisfies VisitPage);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const visitsRequest = (): TestRequest => http.expectOne((r) => r.url === '/api/visits' && r.method === 'GET');
  const cells = () => Array.from(page().querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, 7).map(text));
  const select = (label: string, value: string) => {
    const el = getByLabel<HTMLSelectElement>(page(), label);
    el.value = value;
    el.dispatchEvent(new Event('change'));
  };
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  it('shows the last 30 days, newest first, with what each visit was about', () => {
    const today = todayIn(DEFAULT_TIME_ZONE);
    expect(text(page().querySelector('#results-heading'))).toBe('2 besök');
    expect(cells()).toEqual([
      ['tis 5 mars 2030', 'Stadsbiblioteket', 'Yusuf Ahmadi', 'BankID och e-legitimation, E-post', 'Hänvisad till Skatteverket', '25', 'Bokad tid'],
      ['mån 4 mars 2030', 'Norrby bibliotek', 'Maria Johansson', 'Skriva ut och skanna', 'Löst', '5', 'Drop-in'],
    ]);
    expect(getByLabel(page(), 'Till och med').value).toBe(today);
    expect(page().querySelector('a[download]')?.getAttribute('href')).toBe(`/api/visits.csv?from=${getByLabel(page(), 'Från och med').value}&to=${today}`);
    expect(text(page())).toContain('Tillagda av samordnare: Bostad.');
  });

  it('filters by site, dates, category and outcome, and the CSV link follows', async () => {
    select('Plats', norrby.id);
    type(getByLabel(page(), 'Från och med'), '2030-03-01');
    type(getByLabel(page(), 'Till och med'), '2030-03-31');
    select('Kategori', 'printing');
    select('Resultat', 'solved');
    getButton(page(), 'Visa').click();
    await turn();
    const req = visitsRequest();
    expect(Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]))).toEqual({
      siteId: norrby.id,
      from: '2030-03-01',
      to: '2030-03-31',
      category: 'printing',
      outcome: 'solved',
      page: '1',
    });
    req.flush({ items: [second], page: 1, pageSize: 50, total: 1 });
    await settle(fixture);
    expect(cells()).toHaveLength(1);
    expect(page().querySelector('a[download]')?.getAttribute('href')).toBe(
      `/api/visits.csv?siteId=${norrby.id}&from=2030-03-01&to=2030-03-31&category=printing&outcome=solved`,
    );
  });

  it('refuses a date range that ends before it starts', async () => {
    type(getByLabel(page(), 'Från och med'), '2030-04-01');
    type(getByLabel(page(), 'Till och med'), '2030-03-01');
    getButton(page(), 'Visa').click();
    await settle(fixture);
    expect(descriptionOf(page(), getByLabel(page(), 'Från och med'))).toBe('Från-datumet kan inte vara efter till-datumet.');
  });

  it('pages through 50 visits at a time', async () => {
    getButton(page(), 'Visa').click();
    await turn();
    visitsRequest().flush({ items: [first, second], page: 1, pageSize: 50, total: 120 });
    await settle(fixture);
    expect(text(page().querySelector('#results-heading'))).toBe('120 besök – sida 1 av 3');
    getButton(page(), 'Nästa sida').click();
    await turn();
    const req = visitsRequest();
    expect(req.request.params.get('page')).toBe('2');
    req.flush({ items: [second], page: 2, pageSize: 50, total: 120 });
    await settle(fixture);
    expect(text(page().querySelector('#results-heading'))).toBe('120 besök – sida 2 av 3');
  });

  it('corrects a visit in the helpers’ form', async () => {
    getButton(page(), /^Ändra besöket tis 5 mars 2030 på Stadsbiblioteket$/).click();
    await settle(fixture);
    const dialog = page().querySelector('dialog[open]') as HTMLElement;
    expect(text(dialog.querySelector('h2'))).toBe('Ändra besöket');
    expect(getByLabel(dialog, 'Hänvisad vidare').checked).toBe(true);
    getByLabel(dialog, 'Delvis löst').click();
    type(getByLabel(dialog, 'Tid i minuter'), '30');
    dialogButton(page(), 'Spara ändringarna').click();
    await settle(fixture);
    const req = http.expectOne(`/api/visits/${first.id}`);
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toMatchObject({ clientId: first.clientId, sessionId: first.sessionId, outcome: 'partly', referredTo: null, durationMinutes: 30 });
    req.flush({ ...first, outcome: 'partly', referredTo: null, durationMinutes: 30 });
    await settle(fixture);
    expect(page().querySelector('dialog[open]')).toBeNull();
    expect(cells()[0]?.slice(4, 6)).toEqual(['Delvis löst', '30']);
  });

  it('removes a visit only after confirming', async () => {
    getButton(page(), /^Ta bort besöket mån 4 mars 2030/).click();
    await settle(fixture);
    expect(text(page().querySelector('dialog[open] h2'))).toBe('Ta bort besöket?');
    dialogButton(page(), 'Nej, behåll det').click();
    await settle(fixture);
    http.expectNone(`/api/visits/${second.id}`);

    getButton(page(), /^Ta bort besöket mån 4 mars 2030/).click();
    await settle(fixture);
    dialogButton(page(), 'Ja, ta bort besöket').click();
    await turn();
    const req = http.expectOne(`/api/visits/${second.id}`);
    expect(req.request.method).toBe('DELETE');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await turn();
    visitsRequest().flush({ items: [first], page: 1, pageSize: 50, total: 1 });
    await settle(fixture);
    expect(cells()).toHaveLength(1);
  });

  it('adds a visit category', async () => {
    getButton(page(), 'Lägg till kategori').click();
    await settle(fixture);
    http.expectNone('/api/visit-categories');
    expect(descriptionOf(page(), getByLabel(page(), 'Ny kategori'))).toContain('Skriv vad kategorin ska heta.');

    type(getByLabel(page(), 'Ny kategori'), ' Körkortsteori ');
    getButton(page(), 'Lägg till kategori').click();
    await turn();
    const req = http.expectOne({ method: 'POST', url: '/api/visit-categories' });
    expect(req.request.body).toEqual({ label: 'Körkortsteori' });
    req.flush({ key: 'korkortsteori', label: 'Körkortsteori', builtin: false }, { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(text(page())).toContain('Kategorin ”Körkortsteori” är tillagd.');
    expect(text(page())).toContain('Tillagda av samordnare: Bostad, Körkortsteori.');
    expect(Array.from(getByLabel<HTMLSelectElement>(page(), 'Kategori').options).map((o) => o.textContent?.trim())).toContain('Körkortsteori');
  });
});
