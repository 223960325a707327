import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { PublicSiteName } from '@digihjalpen/domain';
import { dialogButton, polyfillDialog } from '../testing/dialog';
import { descriptionOf, getButton, getByLabel, settle, type } from '../testing/queries';
import { KOMPETENSCENTER_ID, STADSBIBLIOTEKET_ID, aReferralCode } from './partner-test-data';
import { ReferralCodes } from './referral-codes';

const CODES = `/api/partners/${KOMPETENSCENTER_ID}/referral-codes`;
const stadsbiblioteket: PublicSiteName = { id: STADSBIBLIOTEKET_ID, slug: 'stadsbiblioteket', name: 'Stadsbiblioteket' };
const hisingen: PublicSiteName = { id: '20000000-0000-4000-8000-000000000002', slug: 'hisingen', name: 'Hisingens bibliotek' };
const active = aReferralCode();
const revoked = aReferralCode({ code: 'RS7T-2WQK', label: 'Socialtjänsten våren 2026', createdAt: '2026-01-10T10:00:00.000Z', revokedAt: '2026-02-20T13:00:00.000Z' });

describe(ReferralCodes.name, () => {
  let fixture: ComponentFixture<ReferralCodes>;
  let http: HttpTestingController;
  let changes: number;

  beforeAll(() => polyfillDialog());

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [ReferralCodes], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReferralCodes);
    fixture.componentRef.setInput('partnerId', KOMPETENSCENTER_ID);
    changes = 0;
    fixture.componentInstance.changed.subscribe(() => (changes += 1));
    fixture.detectChanges();
    // The picker needs names only: the light list of every active site, not the paged one.
    http.expectOne('/api/public/site-names').flush([stadsbiblioteket, hisingen]);
    http.expectOne(CODES).flush([active, revoked]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined = page()) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };
  const choose = (label: string, value: string) => {
    const select = getByLabel<HTMLSelectElement>(page(), label);
    select.value = value;
    select.dispatchEvent(new Event('change'));
  };
  const headings = () => Array.from(page().querySelectorAll('[role=heading]')).map((h) => `${h.getAttribute('aria-level')} ${text(h)}`);

  it('lists the active codes, each with its link, a slip to print and a way to revoke it', () => {
    expect(headings()).toEqual(['3 Skapa en ny kod', '3 Aktiva koder', '4 KC4M-7QXH', '3 Återkallade koder']);
    const card = page().querySelector('.codes li');
    expect(text(card?.querySelector('.label'))).toBe('Jobbcoachning hösten 2026');
    expect(text(card?.querySelector('.meta'))).toBe('Stadsbiblioteket · skapad 3 mars 2026 · Aktiv');
    expect(getByLabel(page(), 'Länk med koden KC4M-7QXH').value).toBe('http://localhost:3000/bibliotek/stadsbiblioteket/boka?ref=KC4M-7QXH');
    expect(getButton(page(), 'Kopiera länken')).toBeTruthy();

    const slip = Array.from(page().querySelectorAll('a')).find((a) => text(a).startsWith('Skriv ut lapp'));
    expect(text(slip)).toBe('Skriv ut lapp med koden KC4M-7QXH (PDF, öppnas i en ny flik)');
    expect(slip?.getAttribute('href')).toBe(`${CODES}/KC4M-7QXH/slip.pdf`);
    expect(slip?.getAttribute('target')).toBe('_blank');
    expect(getButton(page(), 'Återkalla koden KC4M-7QXH')).toBeTruthy();

    expect(text(page().querySelector('.revoked'))).toBe('RS7T-2WQK Socialtjänsten våren 2026 · Stadsbiblioteket · Återkallad 20 februari 2026');
    expect(() => getButton(page(), 'Återkalla koden RS7T-2WQK')).toThrow();
  });

  it('offers every active library by name to choose from', () => {
    const site = getByLabel<HTMLSelectElement>(page(), 'Bibliotek');
    expect(Array.from(site.options).map((o) => [o.value, text(o)])).toEqual([
      ['', 'Välj bibliotek'],
      [stadsbiblioteket.id, 'Stadsbiblioteket'],
      [hisingen.id, 'Hisingens bibliotek'],
    ]);
  });

  it('makes a code for a library, after saying what is missing', async () => {
    getButton(page(), 'Skapa koden').click();
    await settle(fixture);
    expect(descriptionOf(page(), getByLabel(page(), 'Vad är koden till för?'))).toContain('Skriv vad koden är till för');
    expect(text(page().querySelector('dh-error-summary'))).toContain('Bibliotek: Välj vilket bibliotek koden leder till.');
    http.expectNone(CODES);

    type(getByLabel(page(), 'Vad är koden till för?'), '  Språkcafé  ');
    choose('Bibliotek', hisingen.id);
    getButton(page(), 'Skapa koden').click();
    await turn();
    const req = http.expectOne({ method: 'POST', url: CODES });
    expect(req.request.body).toEqual({ label: 'Språkcafé', siteId: hisingen.id });
    req.flush(aReferralCode({ code: 'HS9P-4MNB', label: 'Språkcafé', siteId: hisingen.id, siteName: 'Hisingens bibliotek' }), { status: 201, statusText: 'Created' });
    await settle(fixture);

    const done = page().querySelector('[role=status]');
    expect(text(done)).toBe('Koden HS9P-4MNB är skapad. Kopiera länken eller skriv ut en lapp till personen.');
    expect(document.activeElement).toBe(done);
    expect(Array.from(page().querySelectorAll('.codes .code')).map((c) => text(c))).toEqual(['HS9P-4MNB', 'KC4M-7QXH']);
    expect(getByLabel(page(), 'Vad är koden till för?').value).toBe('');
    expect(changes).toBe(1);
  });

  it('shows the API’s refusal on the field it is about', async () => {
    type(getByLabel(page(), 'Vad är koden till för?'), 'x'.repeat(80));
    choose('Bibliotek', stadsbiblioteket.id);
    getButton(page(), 'Skapa koden').click();
    await turn();
    http
      .expectOne({ method: 'POST', url: CODES })
      .flush(
        { code: 'INVALID_REFERRAL_CODE', message: 'Några uppgifter om hänvisningskoden behöver rättas.', fields: { siteId: 'Välj vilket bibliotek koden leder till.' } },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);
    const site = getByLabel(page(), 'Bibliotek');
    expect(site.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), site)).toBe('Koden leder till bokningen på det här biblioteket. Välj vilket bibliotek koden leder till.');
    expect(changes).toBe(0);
  });

  it('asks before revoking a code, and then moves it to the revoked ones', async () => {
    getButton(page(), 'Återkalla koden KC4M-7QXH').click();
    await settle(fixture);
    expect(text(page().querySelector('dialog[open] h2'))).toBe('Återkalla koden KC4M-7QXH?');
    expect(text(page().querySelector('dialog[open] p'))).toContain('räknas de bokningarna inte längre som era hänvisningar');
    dialogButton(page(), 'Nej, behåll koden').click();
    await settle(fixture);
    http.expectNone({ method: 'DELETE' });

    getButton(page(), 'Återkalla koden KC4M-7QXH').click();
    await settle(fixture);
    dialogButton(page(), 'Ja, återkalla').click();
    await turn();
    http.expectOne({ method: 'DELETE', url: `${CODES}/KC4M-7QXH` }).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);

    expect(text(page().querySelector('[role=status]'))).toBe('Koden KC4M-7QXH är återkallad.');
    expect(document.activeElement).toBe(page().querySelector('[role=status]'));
    expect(text()).toContain('Det finns inga aktiva koder. Skapa en kod ovan.');
    expect(Array.from(page().querySelectorAll('.revoked .code')).map((c) => text(c))).toEqual(['KC4M-7QXH', 'RS7T-2WQK']);
    expect(changes).toBe(1);
  });

  it('says so when a code could not be revoked', async () => {
    getButton(page(), 'Återkalla koden KC4M-7QXH').click();
    await settle(fixture);
    dialogButton(page(), 'Ja, återkalla').click();
    await turn();
    http.expectOne({ method: 'DELETE', url: `${CODES}/KC4M-7QXH` }).flush({ code: 'REFERRAL_CODE_NOT_FOUND', message: 'Hänvisningskoden finns inte.' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);
    expect(text(page().querySelector('[role=alert]'))).toBe('Koden KC4M-7QXH kunde inte återkallas. Hänvisningskoden finns inte.');
    expect(getButton(page(), 'Återkalla koden KC4M-7QXH')).toBeTruthy();
  });
});
