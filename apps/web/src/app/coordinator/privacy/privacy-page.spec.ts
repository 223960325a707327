import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { PrivacyBookingView, PrivacyRequestView } from '@digihjalpen/domain';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { descriptionOf, getButton, getByLabel, settle, type } from '../../testing/queries';
import { PrivacyPage } from './privacy-page';

function aBooking(overrides: Partial<PrivacyBookingView> = {}): PrivacyBookingView {
  return {
    reference: 'K7F-3QD',
    createdAt: '2030-03-01T09:12:00+01:00',
    erasedAt: null,
    bookedBy: null,
    held: { name: 'Amina', email: 'amina@example.org', phone: null, needs: 'BankID på mobilen', manageLinkActive: true },
    kept: {
      siteName: 'Stadsbiblioteket',
      slotStart: '2030-03-05T10:00:00+01:00',
      slotEnd: '2030-03-05T10:30:00+01:00',
      status: 'confirmed',
      attendance: null,
      language: 'sv',
      topics: ['bankid', 'email'],
      ownDevice: true,
      referralCode: null,
      partnerName: null,
    },
    ...overrides,
  };
}

const other = aBooking({ reference: 'M4P-9TW', kept: { ...aBooking().kept, slotStart: '2030-03-12T11:00:00+01:00', slotEnd: '2030-03-12T11:30:00+01:00', partnerName: 'Kompetenscenter' } });
const found: PrivacyRequestView = { reference: 'K7F-3QD', erased: false, bookings: [aBooking(), other], retentionDays: 30 };
const erasedBooking = (b: PrivacyBookingView): PrivacyBookingView => ({ ...b, held: null, erasedAt: '2030-03-20T14:00:00+01:00' });

describe(PrivacyPage.name, () => {
  let fixture: ComponentFixture<PrivacyPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    polyfillDialog();
    TestBed.configureTestingModule({ imports: [PrivacyPage], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PrivacyPage);
    fixture.detectChanges();
    http.expectOne('/api/privacy/settings').flush({ retentionDays: 30 });
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const search = async (reference: string) => {
    type(getByLabel(page(), 'Bokningsnummer'), reference);
    getButton(page(), 'Sök').click();
    await settle(fixture);
  };
  const terms = (article: Element) => Array.from(article.querySelectorAll('dl > div')).map((d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`);

  it('explains in plain Swedish how long contact details are kept', () => {
    expect(text(page().querySelector('h1'))).toBe('Integritet');
    expect(text(page())).toContain('Kontaktuppgifter raderas automatiskt 30 dagar efter träffen.');
  });

  it('asks for the reference before searching, with the error summary and the field described by the message', async () => {
    getButton(page(), 'Sök').click();
    await settle(fixture);
    const input = getByLabel(page(), 'Bokningsnummer');
    expect(text(page().querySelector('dh-error-summary'))).toContain('Bokningsnummer: Skriv bokningsnumret, till exempel K7F-3QD.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), input)).toContain('Skriv bokningsnumret');
  });

  it('shows the API’s Swedish message for an unknown reference', async () => {
    await search('zzz-zzz');
    http
      .expectOne('/api/privacy/bookings/zzz-zzz')
      .flush(
        { code: 'REFERENCE_NOT_FOUND', message: 'Det finns ingen bokning med det bokningsnumret.', fields: { reference: 'Det finns ingen bokning med det bokningsnumret.' } },
        { status: 404, statusText: 'Not Found' },
      );
    await settle(fixture);
    expect(text(page().querySelector('dh-error-summary'))).toContain('Det finns ingen bokning med det bokningsnumret.');
    expect(page().querySelector('#result-heading')).toBeNull();
  });

  it('shows what is held about the person and what statistics keep, for every booking with the same contact details', async () => {
    await search('k7f3qd');
    http.expectOne('/api/privacy/bookings/k7f3qd').flush(found);
    await settle(fixture);
    expect(text(page().querySelector('#result-heading'))).toBe('Uppgifter om bokning K7F-3QD');
    expect(document.activeElement?.id).toBe('result-heading');
    expect(text(page())).toContain('Vi hittade 2 bokningar med samma e-postadress eller telefonnummer.');
    const [first, second] = Array.from(page().querySelectorAll('article.booking'));
    expect(text(first?.querySelector('.when'))).toBe('Tisdag 5 mars 2030, 10:00–10:30, Stadsbiblioteket');
    expect(terms(first as Element)).toEqual(
      expect.arrayContaining([
        'Namn: Amina',
        'E-postadress: amina@example.org',
        'Telefonnummer: –',
        'Det personen skrev att hen behöver: BankID på mobilen',
        'Vill ha hjälp med: BankID och e-legitimation, E-post',
        'Status: Bokad',
      ]),
    );
    expect(terms(second as Element)).toContain('Hänvisad av: Kompetenscenter');
    expect(page().querySelector('a[download]')?.getAttribute('href')).toBe('/api/privacy/bookings/K7F-3QD/export.json');
    expect(text(page().querySelector('a[download]'))).toContain('Ladda ner som fil');
  });

  it('erases only after the coordinator confirms, then says what happened', async () => {
    await search('K7F-3QD');
    http.expectOne('/api/privacy/bookings/K7F-3QD').flush(found);
    await settle(fixture);

    getButton(page(), 'Radera personens uppgifter').click();
    await settle(fixture);
    expect(text(page().querySelector('dialog[open]'))).toContain('från 2 bokningar');
    dialogButton(page(), 'Nej, behåll dem').click();
    await settle(fixture);
    http.expectNone('/api/privacy/bookings/K7F-3QD/erase');

    getButton(page(), 'Radera personens uppgifter').click();
    await settle(fixture);
    dialogButton(page(), 'Ja, radera uppgifterna').click();
    await settle(fixture);
    const erase = http.expectOne('/api/privacy/bookings/K7F-3QD/erase');
    expect(erase.request.method).toBe('POST');
    erase.flush({ erased: 2, cancelled: 1 });
    await settle(fixture);
    http.expectOne('/api/privacy/bookings/K7F-3QD').flush({ ...found, erased: true, bookings: found.bookings.map(erasedBooking) });
    await settle(fixture);

    expect(text(page().querySelector('[role="status"]'))).toBe('Personens uppgifter är raderade från 2 bokningar. En kommande tid är avbokad.');
    expect(text(page())).toContain('Personens uppgifter i den här bokningen är redan raderade.');
    expect(text(page().querySelector('article.booking .erased'))).toBe('Namn och kontaktuppgifter raderades onsdag 20 mars 2030.');
    expect(Array.from(page().querySelectorAll('button')).map(text)).not.toContain('Radera personens uppgifter');
  });
});
