import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AUDIT_GROUPS, auditActionLabel, type AuditEntryView, type AuditPage } from '@digihjalpen/domain';
import { descriptionOf, getButton, getByLabel, type } from '../../testing/queries';
import { detailsText } from './audit-log-filters';
import { AuditLogPage } from './audit-log-page';

const KARIN_ID = '10000000-0000-4000-8000-000000000001';

function anEntry(overrides: Partial<AuditEntryView> = {}): AuditEntryView {
  const action = overrides.action ?? 'auth.password-changed';
  const entity = overrides.entity ?? 'app_user';
  return {
    id: '1',
    at: '2030-03-05T13:05:00.000Z',
    actorName: 'Karin Lindqvist',
    actorRole: 'coordinator',
    action,
    actionLabel: auditActionLabel(action, entity),
    entity,
    entityId: KARIN_ID,
    details: { otherSignInsEnded: 2 },
    ...overrides,
  };
}

const aPage = (items: AuditEntryView[], overrides: Partial<AuditPage> = {}): AuditPage => ({ items, page: 1, pageSize: 50, total: items.length, ...overrides });

describe(AuditLogPage.name, () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'samordnare/logg', component: AuditLogPage }], withComponentInputBinding())],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const settle = async () => {
    await tick();
    await harness.fixture.whenStable();
  };
  /** Lets a click's navigation and request go out (whenStable would wait for the answer). */
  const turn = async () => {
    await tick();
    TestBed.tick();
    await tick();
  };
  const auditRequest = (): TestRequest => http.expectOne((r) => r.url === '/api/audit');
  const paramsOf = (req: TestRequest) => Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]));
  const cells = () => Array.from(page().querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map(text));
  const heading = () => text(page().querySelector('#audit-results-heading'));
  const url = () => TestBed.inject(Router).url;

  async function open(address: string, answer: (req: TestRequest) => void = (req) => req.flush(aPage([anEntry()]))): Promise<TestRequest> {
    harness = await RouterTestingHarness.create();
    const navigated = harness.navigateByUrl(address, AuditLogPage);
    for (let i = 0; i < 3; i++) await tick();
    const req = auditRequest();
    answer(req);
    await navigated;
    await settle();
    return req;
  }

  it('says what is logged, and shows who did what and when, in Stockholm time', async () => {
    const req = await open('/samordnare/logg', (r) =>
      r.flush(
        aPage([
          anEntry(),
          anEntry({ id: '2', at: '2030-07-01T08:00:00.000Z', actorName: null, actorRole: null, action: 'privacy.retention', entity: 'booking', entityId: null, details: {} }),
          anEntry({ id: '3', actorName: 'Yusuf Ahmadi', actorRole: 'helper', action: 'auth.signed-in', details: {} }),
        ]),
      ),
    );
    expect(paramsOf(req)).toEqual({});
    expect(text(page().querySelector('h1'))).toBe('Logg');
    expect(text(page())).toContain('inga personuppgifter om dem som får hjälp');
    expect(heading()).toBe('3 händelser');
    expect(cells()).toEqual([
      ['tis 5 mars 2030 kl. 14:05', 'Karin Lindqvist , samordnare', 'Bytte lösenord (andra inloggningar avslutades)', 'Person 10000000', 'otherSignInsEnded: 2'],
      ['mån 1 juli 2030 kl. 10:00', 'Systemet', 'Gamla kontaktuppgifter raderades automatiskt', 'Bokning', '–inga detaljer'],
      ['tis 5 mars 2030 kl. 14:05', 'Yusuf Ahmadi , digivärd', 'Loggade in', 'Person 10000000', '–inga detaljer'],
    ]);
    expect(page().querySelector('tbody time')?.getAttribute('datetime')).toBe('2030-03-05T13:05:00.000Z');
    expect(page().querySelector('.pager')).toBeNull();
  });

  it('never renders details as HTML', async () => {
    await open('/samordnare/logg', (r) => r.flush(aPage([anEntry({ action: 'create', entity: 'visit_category', entityId: 'x', details: { label: '<img src=x onerror=alert(1)>Bostad' } })])));
    expect(page().querySelector('tbody img')).toBeNull();
    expect(cells()[0]?.[4]).toBe('label: <img src=x onerror=alert(1)>Bostad');
  });

  it('takes the filter from the address and offers every group', async () => {
    const req = await open('/samordnare/logg?fran=2030-03-01&till=2030-03-31&grupp=sign-in&sida=2', (r) => r.flush(aPage([anEntry()], { page: 2, total: 51 })));
    expect(paramsOf(req)).toEqual({ from: '2030-03-01', to: '2030-03-31', group: 'sign-in', page: '2' });
    expect(getByLabel(page(), 'Från och med').value).toBe('2030-03-01');
    expect(getByLabel(page(), 'Till och med').value).toBe('2030-03-31');
    const select = getByLabel<HTMLSelectElement>(page(), 'Typ av händelse');
    expect(select.value).toBe('sign-in');
    expect(Array.from(select.options).map((o) => o.textContent?.trim())).toEqual(['Alla', ...AUDIT_GROUPS.map((g) => g.label)]);
  });

  it('puts a new choice in the address, back on the first page', async () => {
    await open('/samordnare/logg?sida=3', (r) => r.flush(aPage([anEntry()], { page: 3, total: 120 })));
    type(getByLabel(page(), 'Från och med'), '2030-02-01');
    type(getByLabel(page(), 'Till och med'), '2030-02-28');
    const select = getByLabel<HTMLSelectElement>(page(), 'Typ av händelse');
    select.value = 'exports';
    select.dispatchEvent(new Event('change'));
    getButton(page(), 'Visa').click();
    await turn();
    const req = auditRequest();
    expect(paramsOf(req)).toEqual({ from: '2030-02-01', to: '2030-02-28', group: 'exports' });
    expect(url()).toBe('/samordnare/logg?fran=2030-02-01&till=2030-02-28&grupp=exports');
    req.flush(aPage([]));
    await settle();
    expect(heading()).toBe('0 händelser');
    expect(text(page())).toContain('Inga händelser passar det du valde.');
  });

  it('pages through 50 at a time', async () => {
    await open('/samordnare/logg?grupp=sign-in', (r) => r.flush(aPage([anEntry()], { total: 320 })));
    expect(heading()).toBe('320 händelser – sida 1 av 7');
    expect(text(page().querySelector('.pager'))).toContain('Sida 1 av 7');
    expect(getButton(page(), 'Föregående sida').disabled).toBe(true);

    getButton(page(), 'Nästa sida').click();
    await turn();
    const req = auditRequest();
    expect(paramsOf(req)).toEqual({ group: 'sign-in', page: '2' });
    expect(url()).toBe('/samordnare/logg?grupp=sign-in&sida=2');
    req.flush(aPage([anEntry({ id: '51' })], { page: 2, total: 320 }));
    await settle();
    expect(text(page().querySelector('.pager'))).toContain('Sida 2 av 7');
    expect(getButton(page(), 'Föregående sida').disabled).toBe(false);
    expect(document.activeElement).toBe(page().querySelector('#audit-results-heading'));
  });

  it('shows the API’s INVALID_RANGE messages at the fields', async () => {
    await open('/samordnare/logg?fran=2030-04-01&till=2030-03-01&grupp=nonsense', (r) =>
      r.flush(
        { code: 'INVALID_RANGE', message: 'The date range is not valid.', fields: { from: 'Startdatumet är efter slutdatumet.', group: 'Välj en grupp i listan.' } },
        { status: 400, statusText: 'Bad Request' },
      ),
    );
    const from = getByLabel(page(), 'Från och med');
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), from)).toContain('Startdatumet är efter slutdatumet.');
    expect(descriptionOf(page(), getByLabel(page(), 'Typ av händelse'))).toContain('Välj en grupp i listan.');
    const summary = page().querySelector('dh-error-summary [tabindex="-1"]');
    expect(text(summary)).toContain('Rätta urvalet.');
    expect(text(summary)).not.toContain('The date range');
    expect(page().querySelector('table')).toBeNull();
  });

  it('says when the log cannot be fetched, and tries again', async () => {
    await open('/samordnare/logg', (r) => r.flush({ code: 'INTERNAL', message: 'Något gick fel.' }, { status: 500, statusText: 'Server Error' }));
    expect(text(page().querySelector('[role="alert"]'))).toContain('Vi kunde inte hämta loggen just nu.');
    getButton(page(), 'Försök igen').click();
    await turn();
    auditRequest().flush(aPage([anEntry()]));
    await settle();
    expect(cells()).toHaveLength(1);
  });

  it('offers the first page when the page asked for is past the end', async () => {
    await open('/samordnare/logg?sida=9', (r) => r.flush(aPage([], { page: 9, total: 60 })));
    expect(text(page())).toContain('Sidan 9 finns inte. Loggen har 2 sidor med det här urvalet.');
    getButton(page(), 'Till första sidan').click();
    await turn();
    expect(paramsOf(auditRequest())).toEqual({});
  });
});

describe('detailsText', () => {
  it('writes each detail as “key: value”, shortening ids and long texts', () => {
    expect(detailsText({ moduleId: '20000000-0000-4000-8000-000000000009', rows: 12, format: 'csv', ok: true, none: null, codes: ['A1', 'B2'], filter: { siteId: 'x', from: '2030-01-01' } })).toEqual([
      'moduleId: 20000000',
      'rows: 12',
      'format: csv',
      'ok: ja',
      'none: –',
      'codes: A1, B2',
      'filter.siteId: x',
      'filter.from: 2030-01-01',
    ]);
    expect(detailsText({ title: 'x'.repeat(100) })[0]).toHaveLength('title: '.length + 60);
  });

  it('shows only what changed between before and after', () => {
    expect(detailsText({ before: { outcome: 'solved', durationMinutes: 20, date: '2030-03-05' }, after: { outcome: 'partly', durationMinutes: 30, date: '2030-03-05' } })).toEqual([
      'outcome: solved → partly',
      'durationMinutes: 20 → 30',
    ]);
  });

  it('has nothing to say about no details', () => {
    expect(detailsText({})).toEqual([]);
    expect(detailsText(null)).toEqual([]);
  });
});
