import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { PrivacyBookingView, PrivacyProofView, PrivacyRequestView } from '@digihjalpen/domain';
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
const noProof: PrivacyProofView = { channel: 'email', sendsTo: 'a…@example.org', phoneOnly: false, pending: null, grantedUntil: null };
const found: PrivacyRequestView = { reference: 'K7F-3QD', scope: 'booking', erased: false, bookings: [aBooking()], retentionDays: 30, proof: noProof };
const codeWaiting: PrivacyRequestView = { ...found, proof: { ...noProof, pending: { expiresAt: '2030-03-20T14:10:00+01:00', triesLeft: 5 } } };
const everything: PrivacyRequestView = { ...found, scope: 'contact', bookings: [aBooking(), other], proof: { ...noProof, grantedUntil: '2030-03-20T14:30:00+01:00' } };
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
  const answer = async (url: string, body: object) => {
    http.expectOne(url).flush(body);
    await settle(fixture);
  };
  const lookUp = async (view: PrivacyRequestView = found) => {
    await search('K7F-3QD');
    await answer('/api/privacy/bookings/K7F-3QD', view);
  };
  const terms = (article: Element) => Array.from(article.querySelectorAll('dl > div')).map((d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`);

  it('explains in plain Swedish how long contact details are kept and how to check that it is the person', () => {
    expect(text(page().querySelector('h1'))).toBe('Integritet');
    expect(text(page())).toContain('Kontaktuppgifter raderas automatiskt 30 dagar efter träffen.');
    const identity = text(page().querySelector('section.identity'));
    expect(identity).toContain('Så kontrollerar du att det är personen');
    expect(identity).toContain('Med numret ser du bara den bokningen.');
    expect(identity).toContain('Be personen läsa upp koden från sin e-post');
    expect(identity).toContain('legitimation');
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

  it('shows what is held and what statistics keep for that booking only, and offers to send a code for the others', async () => {
    await search('k7f3qd');
    await answer('/api/privacy/bookings/k7f3qd', found);
    expect(text(page().querySelector('#result-heading'))).toBe('Uppgifter om bokning K7F-3QD');
    expect(document.activeElement?.id).toBe('result-heading');
    expect(text(page())).toContain('Du ser bara den här bokningen.');
    const articles = Array.from(page().querySelectorAll('article.booking'));
    expect(articles).toHaveLength(1);
    expect(text(articles[0]?.querySelector('.when'))).toBe('Tisdag 5 mars 2030, 10:00–10:30, Stadsbiblioteket');
    expect(terms(articles[0] as Element)).toEqual(
      expect.arrayContaining(['Namn: Amina', 'E-postadress: amina@example.org', 'Telefonnummer: –', 'Det personen skrev att hen behöver: BankID på mobilen', 'Vill ha hjälp med: BankID och e-legitimation, E-post', 'Status: Bokad']),
    );
    expect(text(page().querySelector('section.proof'))).toContain('Skicka en kod till e-postadressen på bokningen (a…@example.org). Koden gäller i 10 minuter.');
    expect(getButton(page(), 'Skicka en kod till personens e-post')).toBeTruthy();
    expect(page().querySelector('a[download]')?.getAttribute('href')).toBe('/api/privacy/bookings/K7F-3QD/export.json');
  });

  it('sends a code, shows the API’s message for a wrong one beside the field, and shows every booking with the address after the right one', async () => {
    await lookUp();
    getButton(page(), 'Skicka en kod till personens e-post').click();
    await settle(fixture);
    const send = http.expectOne('/api/privacy/bookings/K7F-3QD/code');
    expect(send.request.method).toBe('POST');
    send.flush({ channel: 'email', sentTo: 'a…@example.org', expiresAt: '2030-03-20T14:10:00+01:00', triesLeft: 5 });
    await settle(fixture);
    await answer('/api/privacy/bookings/K7F-3QD', codeWaiting);
    expect(text(page().querySelector('[role="status"]'))).toBe('En kod är skickad till a…@example.org. Den gäller till kl. 14:10. Be personen läsa upp koden.');

    const input = getByLabel(page(), 'Koden från personens e-post');
    expect(descriptionOf(page(), input)).toContain('Koden gäller till kl. 14:10.');
    getButton(page(), 'Kontrollera koden').click();
    await settle(fixture);
    expect(descriptionOf(page(), input)).toContain('Skriv koden som personen läser upp.');
    http.expectNone('/api/privacy/bookings/K7F-3QD/code/verify');

    type(input, '111 111');
    getButton(page(), 'Kontrollera koden').click();
    await settle(fixture);
    const wrong = http.expectOne('/api/privacy/bookings/K7F-3QD/code/verify');
    expect(wrong.request.body).toEqual({ code: '111111' });
    const message = 'Koden stämmer inte. Be personen läsa upp den igen. Du kan försöka 4 gånger till.';
    wrong.flush({ code: 'WRONG_PROOF_CODE', message, fields: { code: message } }, { status: 400, statusText: 'Bad Request' });
    await settle(fixture);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), input)).toContain(message);

    type(input, '482913');
    getButton(page(), 'Kontrollera koden').click();
    await settle(fixture);
    await answer('/api/privacy/bookings/K7F-3QD/code/verify', { grantedUntil: '2030-03-20T14:30:00+01:00', bookings: 2 });
    await answer('/api/privacy/bookings/K7F-3QD?scope=contact', everything);
    expect(text(page().querySelector('#result-heading'))).toBe('Alla bokningar med samma e-postadress som K7F-3QD');
    expect(document.activeElement?.id).toBe('result-heading');
    expect(text(page().querySelector('[role="status"]'))).toBe('Koden stämmer. Du ser nu 2 bokningar med samma e-postadress, till kl. 14:30.');
    expect(page().querySelectorAll('article.booking')).toHaveLength(2);
    expect(terms(page().querySelectorAll('article.booking')[1] as Element)).toContain('Hänvisad av: Kompetenscenter');
    expect(page().querySelector('a[download]')?.getAttribute('href')).toBe('/api/privacy/bookings/K7F-3QD/export.json?scope=contact');
  });

  it('says when a code is used up, beside the field, and offers a new one', async () => {
    await lookUp(codeWaiting);
    type(getByLabel(page(), 'Koden från personens e-post'), '482913');
    getButton(page(), 'Kontrollera koden').click();
    await settle(fixture);
    const message = 'Koden har skrivits fel för många gånger och gäller inte längre. Skicka en ny kod.';
    http.expectOne('/api/privacy/bookings/K7F-3QD/code/verify').flush({ code: 'PROOF_CODE_USED_UP', message, fields: { code: message } }, { status: 410, statusText: 'Gone' });
    await settle(fixture);
    expect(text(page().querySelector('section.proof'))).toContain(message);
    expect(getButton(page(), 'Skicka en ny kod')).toBeTruthy();
  });

  it('says plainly that no code can be sent to a booking with only a phone number, and what to do instead', async () => {
    await lookUp({ ...found, proof: { channel: null, sendsTo: null, phoneOnly: true, pending: null, grantedUntil: null } });
    const proof = text(page().querySelector('section.proof'));
    expect(proof).toContain('Det går inte att skicka en kod med sms än.');
    expect(proof).toContain('Be hen komma hit med legitimation och bokningsnumren till de andra bokningarna.');
    expect(Array.from(page().querySelectorAll('button')).map(text)).not.toContain('Skicka en kod till personens e-post');
  });

  it('erases that booking only after the coordinator confirms, then says what happened', async () => {
    await lookUp();
    getButton(page(), 'Radera personens uppgifter').click();
    await settle(fixture);
    expect(text(page().querySelector('dialog[open]'))).toContain('tas bort från bokningen,');
    dialogButton(page(), 'Nej, behåll dem').click();
    await settle(fixture);
    http.expectNone('/api/privacy/bookings/K7F-3QD/erase');

    getButton(page(), 'Radera personens uppgifter').click();
    await settle(fixture);
    dialogButton(page(), 'Ja, radera uppgifterna').click();
    await settle(fixture);
    const erase = http.expectOne('/api/privacy/bookings/K7F-3QD/erase');
    expect(erase.request.method).toBe('POST');
    erase.flush({ erased: 1, cancelled: 1 });
    await settle(fixture);
    await answer('/api/privacy/bookings/K7F-3QD', { ...found, erased: true, bookings: found.bookings.map(erasedBooking), proof: { ...noProof, channel: null, sendsTo: null } });

    expect(text(page().querySelector('[role="status"]'))).toBe('Personens uppgifter är raderade från en bokning. En kommande tid är avbokad.');
    expect(text(page())).toContain('Personens uppgifter i den här bokningen är redan raderade.');
    expect(text(page().querySelector('article.booking .erased'))).toBe('Namn och kontaktuppgifter raderades onsdag 20 mars 2030.');
    expect(Array.from(page().querySelectorAll('button')).map(text)).not.toContain('Radera personens uppgifter');
  });

  it('erases every booking with the address when they are shown, and the confirmation says how many', async () => {
    await lookUp({ ...found, proof: everything.proof });
    getButton(page(), 'Visa alla bokningar med samma e-postadress').click();
    await settle(fixture);
    await answer('/api/privacy/bookings/K7F-3QD?scope=contact', everything);
    getButton(page(), 'Radera personens uppgifter från 2 bokningar').click();
    await settle(fixture);
    expect(text(page().querySelector('dialog[open]'))).toContain('tas bort från 2 bokningar');
    dialogButton(page(), 'Ja, radera uppgifterna från 2 bokningar').click();
    await settle(fixture);
    await answer('/api/privacy/bookings/K7F-3QD/erase?scope=contact', { erased: 2, cancelled: 0 });
    await answer('/api/privacy/bookings/K7F-3QD?scope=contact', { ...everything, bookings: everything.bookings.map(erasedBooking) });
    expect(text(page().querySelector('[role="status"]'))).toBe('Personens uppgifter är raderade från 2 bokningar.');
  });
});
