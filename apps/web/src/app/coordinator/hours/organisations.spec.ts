import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { OrganisationView } from '@digihjalpen/domain';
import { descriptionOf, getButton, getByLabel, settle, type } from '../../testing/queries';
import { HELPER_SEARCH_DELAY } from '../helpers/helper-search';
import { aListedHelper, aPage } from '../helpers/helper-testing';
import { Organisations } from './organisations';

const fontanhuset: OrganisationView = { id: '70000000-0000-4000-8000-000000000001', name: 'Fontänhuset', feeRecipient: 'person', hourlyRate: 150 };
const rsmh: OrganisationView = { id: '70000000-0000-4000-8000-000000000002', name: 'RSMH', feeRecipient: 'organisation', hourlyRate: null };
const yusuf = aListedHelper();
const maria = aListedHelper({ id: '30000000-0000-4000-8000-000000000002', name: 'Maria Johansson', email: 'helper2@example.org', organisationId: rsmh.id });

describe(Organisations.name, () => {
  let fixture: ComponentFixture<Organisations>;
  let http: HttpTestingController;
  let saved: OrganisationView[];

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [Organisations], providers: [provideHttpClient(), provideHttpClientTesting(), { provide: HELPER_SEARCH_DELAY, useValue: 0 }] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Organisations);
    fixture.componentRef.setInput('organisations', [fontanhuset, rsmh]);
    saved = [];
    fixture.componentInstance.organisationSaved.subscribe((o) => saved.push(o));
    fixture.detectChanges();
    helpers().flush(aPage([maria, yusuf]));
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const helpers = (q: string | null = null, page = 1) =>
    http.expectOne((r) => r.url === '/api/helpers' && r.params.get('q') === q && r.params.get('page') === String(page));
  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };
  const choose = (label: string, value: string) => {
    const select = getByLabel<HTMLSelectElement>(page(), label);
    select.value = value;
    select.dispatchEvent(new Event('change'));
  };

  it('lists the organisations and how each is paid', () => {
    expect(Array.from(page().querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).slice(0, 3).map(text))).toEqual([
      ['Fontänhuset', 'till digivärden själv', '150 kr'],
      ['RSMH', 'till organisationen', 'Inget'],
    ]);
  });

  it('adds an organisation, after saying what is missing', async () => {
    type(getByLabel(page(), 'Timarvode i kronor (frivilligt)'), 'gratis');
    getButton(page(), 'Lägg till organisationen').click();
    await settle(fixture);
    expect(descriptionOf(page(), getByLabel(page(), 'Namn'))).toBe('Skriv organisationens namn.');
    expect(text(page().querySelector('dh-error-summary'))).toContain('Vem får arvodet: Välj vem arvodet betalas till.');
    expect(descriptionOf(page(), getByLabel(page(), 'Timarvode i kronor (frivilligt)'))).toContain('Skriv timarvodet i kronor, till exempel 150, eller lämna tomt.');

    type(getByLabel(page(), 'Namn'), ' Bryggan ');
    getByLabel(page(), 'Till organisationen').click();
    type(getByLabel(page(), 'Timarvode i kronor (frivilligt)'), '125,50');
    getButton(page(), 'Lägg till organisationen').click();
    await turn();
    const req = http.expectOne({ method: 'POST', url: '/api/organisations' });
    expect(req.request.body).toEqual({ name: 'Bryggan', feeRecipient: 'organisation', hourlyRate: 125.5 });
    const bryggan = { id: '70000000-0000-4000-8000-000000000003', name: 'Bryggan', feeRecipient: 'organisation', hourlyRate: 125.5 } as const;
    req.flush(bryggan, { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(saved).toEqual([bryggan]);
    expect(text(page().querySelector('.org-form [role=status]'))).toBe('Bryggan är tillagd.');
    expect(getByLabel(page(), 'Namn').value).toBe('');
  });

  it('changes an organisation: fees to the person, no hourly rate', async () => {
    getButton(page(), 'Ändra RSMH').click();
    await settle(fixture);
    expect(text(page().querySelector('#org-form-heading'))).toBe('Ändra RSMH');
    expect(document.activeElement).toBe(getByLabel(page(), 'Namn'));
    getByLabel(page(), 'Till digivärden själv').click();
    getButton(page(), 'Spara ändringarna').click();
    await turn();
    const req = http.expectOne({ method: 'PUT', url: `/api/organisations/${rsmh.id}` });
    expect(req.request.body).toEqual({ name: 'RSMH', feeRecipient: 'person', hourlyRate: null });
    req.flush({ ...rsmh, feeRecipient: 'person' });
    await settle(fixture);
    expect(text(page().querySelector('.org-form [role=status]'))).toBe('Ändringarna för RSMH är sparade.');
    expect(text(page().querySelector('#org-form-heading'))).toBe('Lägg till organisation');
  });

  it('puts a helper in an organisation', async () => {
    expect(getByLabel<HTMLSelectElement>(page(), 'Organisation för Maria Johansson').value).toBe(rsmh.id);
    expect(getByLabel<HTMLSelectElement>(page(), 'Organisation för Yusuf Ahmadi').value).toBe('none');

    choose('Organisation för Yusuf Ahmadi', fontanhuset.id);
    getButton(page(), 'Spara organisation för Yusuf Ahmadi').click();
    await turn();
    const req = http.expectOne({ method: 'PUT', url: `/api/helpers/${yusuf.id}/organisation` });
    expect(req.request.body).toEqual({ organisationId: fontanhuset.id });
    req.flush(null);
    await settle(fixture);
    expect(text(page().querySelector('.member-saved'))).toBe('Yusuf Ahmadi hör nu till Fontänhuset.');

    choose('Organisation för Maria Johansson', 'none');
    getButton(page(), 'Spara organisation för Maria Johansson').click();
    await turn();
    const none = http.expectOne(`/api/helpers/${maria.id}/organisation`);
    expect(none.request.body).toEqual({ organisationId: null });
    none.flush(null);
    await settle(fixture);
    expect(text(page())).toContain('Maria Johansson hör inte till någon organisation nu.');
    expect(Array.from(page().querySelectorAll('a.csv')).map((a) => a.getAttribute('href'))).toEqual([`/api/helpers/${maria.id}/hours.csv`, `/api/helpers/${yusuf.id}/hours.csv`]);
  });

  it('finds a helper by searching, a page at a time', async () => {
    expect(text(page().querySelector('#member-search-count'))).toBe('2 digivärdar.');
    type(getByLabel(page(), 'Sök digivärd'), 'yusuf');
    await turn();
    helpers('yusuf').flush(aPage([yusuf], { total: 51 }));
    await settle(fixture);
    expect(text(page().querySelector('#member-search-count'))).toBe('51 digivärdar hittades. Sida 1 av 2.');
    expect(page().querySelectorAll('form.member')).toHaveLength(1);
    getButton(page(), 'Nästa sida').click();
    await turn();
    helpers('yusuf', 2).flush(aPage([maria], { page: 2, total: 51 }));
    await settle(fixture);
    expect(getByLabel<HTMLSelectElement>(page(), 'Organisation för Maria Johansson').value).toBe(rsmh.id);
    expect(document.activeElement?.id).toBe('member-search-count');

    type(getByLabel(page(), 'Sök digivärd'), 'nobody');
    await turn();
    helpers('nobody').flush(aPage([]));
    await settle(fixture);
    expect(text(page().querySelector('#member-search-count'))).toBe('Inga digivärdar heter så.');
    expect(page().querySelectorAll('form.member')).toHaveLength(0);
  });
});
