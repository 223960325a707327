import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { KOMPETENSCENTER_ID, aFunnel, aPartner, aReferralCode } from '../../partner/partner-test-data';
import { descriptionOf, getButton, getByLabel, settle, type } from '../../testing/queries';
import { PartnersPage } from './partners-page';

const kompetenscenter = aPartner();
const socialtjansten = aPartner({ id: '50000000-0000-4000-8000-000000000002', name: 'Socialtjänsten Centrum', users: 0, activeCodes: 0 });

describe(PartnersPage.name, () => {
  let fixture: ComponentFixture<PartnersPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [PartnersPage], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PartnersPage);
    fixture.detectChanges();
    http.expectOne('/api/partners').flush([socialtjansten, kompetenscenter]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined = page()) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };
  const rows = () => Array.from(page().querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).slice(0, 3).map((c) => text(c)));

  it('lists the partners by name with their staff and active codes, and links to inviting their staff', () => {
    expect(rows()).toEqual([
      ['Kompetenscenter', '2', '1'],
      ['Socialtjänsten Centrum', '0', '0'],
    ]);
    const invite = Array.from(page().querySelectorAll('a')).find((a) => text(a) === 'Bjud in en person från partnern');
    expect(invite?.getAttribute('href')).toBe('/samordnare/personal');
    expect(page().getAttribute('lang')).toBe('sv');
  });

  it('adds a partner, and shows a name already in use on the field', async () => {
    getButton(page(), 'Lägg till partnern').click();
    await settle(fixture);
    expect(descriptionOf(page(), getByLabel(page(), 'Organisationens namn'))).toContain('Skriv organisationens namn.');
    http.expectNone('/api/partners');

    type(getByLabel(page(), 'Organisationens namn'), ' Kompetenscenter ');
    getButton(page(), 'Lägg till partnern').click();
    await turn();
    const taken = http.expectOne({ method: 'POST', url: '/api/partners' });
    expect(taken.request.body).toEqual({ name: 'Kompetenscenter' });
    const message = 'Det finns redan en partner med det namnet.';
    taken.flush({ code: 'PARTNER_TAKEN', message, fields: { name: message } }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    const name = getByLabel(page(), 'Organisationens namn');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), name)).toContain(message);

    type(name, 'Bryggan');
    getButton(page(), 'Lägg till partnern').click();
    await turn();
    const bryggan = aPartner({ id: '50000000-0000-4000-8000-000000000003', name: 'Bryggan', users: 0, activeCodes: 0 });
    http.expectOne({ method: 'POST', url: '/api/partners' }).flush(bryggan, { status: 201, statusText: 'Created' });
    await settle(fixture);

    const added = page().querySelector('[role=status]');
    expect(text(added)).toBe('Bryggan är tillagd. Nu kan du bjuda in en person från Bryggan.');
    expect(document.activeElement).toBe(added);
    expect(added?.querySelector('a')?.getAttribute('href')).toBe('/samordnare/personal');
    expect(rows().map((r) => r[0])).toEqual(['Bryggan', 'Kompetenscenter', 'Socialtjänsten Centrum']);
    expect(getByLabel(page(), 'Organisationens namn').value).toBe('');
  });

  it('shows a partner’s figures and codes, the same the partner sees', async () => {
    getButton(page(), 'Visa siffror och koder för Kompetenscenter').click();
    await turn();
    http.expectOne(`/api/partners/${KOMPETENSCENTER_ID}/funnel`).flush(aFunnel());
    http.expectOne('/api/public/site-names').flush([{ id: 'site-1', slug: 'stadsbiblioteket', name: 'Stadsbiblioteket' }]);
    http.expectOne(`/api/partners/${KOMPETENSCENTER_ID}/referral-codes`).flush([aReferralCode()]);
    await settle(fixture);

    const heading = page().querySelector('#partner-detail-heading');
    expect(text(heading)).toBe('Kompetenscenter');
    expect(document.activeElement).toBe(heading);
    expect(getButton(page(), 'Visa siffror och koder för Kompetenscenter').getAttribute('aria-current')).toBe('true');
    expect(text(page().querySelector('.detail figure li .value'))).toBe('24');
    expect(text(page().querySelector('.detail .codes [role=heading]'))).toBe('KC4M-7QXH');

    // Revoking a code changes the count of active codes in the list.
    fixture.debugElement.query((d) => d.name === 'dh-referral-codes').componentInstance.changed.emit();
    await turn();
    http.expectOne('/api/partners').flush([socialtjansten, { ...kompetenscenter, activeCodes: 0 }]);
    await settle(fixture);
    expect(rows()[0]).toEqual(['Kompetenscenter', '2', '0']);
  });
});
