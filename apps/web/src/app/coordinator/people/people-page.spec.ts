import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AccountListed, AuthUser, DeactivationResult } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { getButton, getByLabel, settle, type } from '../../testing/queries';
import { aPage } from '../helpers/helper-testing';
import { PEOPLE_SEARCH_DELAY } from './people-store';
import { PeoplePage } from './people-page';

let sequence = 0;
function anAccount(overrides: Partial<AccountListed> = {}): AccountListed {
  sequence += 1;
  return {
    id: `40000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    name: `Person ${sequence}`,
    email: `person-${sequence}@example.org`,
    role: 'helper',
    status: 'active',
    belongsTo: null,
    invitationExpiresAt: null,
    deactivatedAt: null,
    ...overrides,
  };
}

const me: AuthUser = { id: '40000000-0000-4000-8000-999999999999', email: 'samordnare@example.org', name: 'Sara Samordnare', role: 'coordinator' };
const hana = anAccount({ name: 'Hana Ali', belongsTo: { kind: 'organisation', id: 'o1', name: 'Bryggan' } });
const ingrid = anAccount({ name: 'Ingrid Berg', status: 'invited', invitationExpiresAt: '2026-11-30T12:00:00.000Z' });
const petra = anAccount({ name: 'Petra Ek', role: 'partner', belongsTo: { kind: 'partner', id: 'p1', name: 'Kompetenscenter' } });
const olle = anAccount({ name: 'Olle Ström', status: 'deactivated', deactivatedAt: '2026-11-20T09:00:00.000Z' });
const self = anAccount({ ...me, belongsTo: null, status: 'active' });

describe(PeoplePage.name, () => {
  let fixture: ComponentFixture<PeoplePage>;
  let http: HttpTestingController;

  beforeEach(() => {
    polyfillDialog();
    TestBed.configureTestingModule({
      imports: [PeoplePage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthService, useValue: { user: signal(me) } },
        { provide: PEOPLE_SEARCH_DELAY, useValue: 0 },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = () => page().textContent?.replace(/\s+/g, ' ') ?? '';
  const accounts = (url = '/api/accounts?page=1'): TestRequest => http.expectOne((r) => r.urlWithParams === url);
  const open = async (people = [hana, ingrid, petra, olle, self]) => {
    fixture = TestBed.createComponent(PeoplePage);
    fixture.detectChanges();
    accounts().flush(aPage(people));
    http.expectOne('/api/partners').flush([]);
    http.expectOne('/api/sites').flush([]);
    http.expectOne('/api/sign-in-throttles').flush([]);
    await settle(fixture);
  };
  const row = (name: string) => Array.from(page().querySelectorAll<HTMLElement>('li.person')).find((li) => li.querySelector('.name')?.textContent === name) as HTMLElement;
  const buttonsOf = (name: string) => Array.from(row(name).querySelectorAll('button')).map((b) => b.textContent?.replace(/\s+/g, ' ').trim());
  /** A reload is on its way: the fixture is not stable until it is answered. */
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  it('lists everyone with role, what they belong to and status, with the actions that fit each', async () => {
    await open();
    expect(page().querySelector('h1')?.textContent).toBe('Personal och konton');
    expect(text()).toContain('5 personer.');
    expect(row('Hana Ali').textContent).toContain('digivärd på Bryggan');
    expect(row('Petra Ek').textContent).toContain('partner för Kompetenscenter');
    expect(row('Ingrid Berg').textContent).toContain('Inbjuden – länken gäller till 30 november kl. 13:00');
    expect(row('Olle Ström').textContent).toContain('Avstängt sedan 20 november 2026');
    expect(buttonsOf('Hana Ali')).toEqual(['Skicka länk för nytt lösenord för Hana Ali', 'Stäng av kontot för Hana Ali']);
    expect(buttonsOf('Ingrid Berg')).toEqual(['Skicka inbjudan igen för Ingrid Berg', 'Återkalla inbjudan för Ingrid Berg', 'Stäng av kontot för Ingrid Berg']);
    expect(buttonsOf('Olle Ström')).toEqual(['Öppna kontot igen för Olle Ström']);
    expect(buttonsOf('Sara Samordnare')).toEqual([]);
    expect(row('Sara Samordnare').textContent).toContain('Det här är du.');
    // The invitation form is on the page too.
    expect(getButton(page(), 'Skicka inbjudan')).toBeTruthy();
  });

  it('searches as you type and filters by role and status, from the first page', async () => {
    await open();
    type(getByLabel(page(), 'Sök person'), ' hana ');
    await turn();
    accounts('/api/accounts?q=hana&page=1').flush(aPage([hana]));
    await settle(fixture);
    expect(text()).toContain('1 person hittades.');

    const role = getByLabel<HTMLSelectElement>(page(), 'Visa roll');
    expect(Array.from(role.options).map((o) => o.textContent?.trim())).toEqual(['Alla roller', 'Digivärdar', 'Samordnare', 'Partner', 'Bibliotekspersonal']);
    role.value = 'partner';
    role.dispatchEvent(new Event('change'));
    await turn();
    accounts('/api/accounts?q=hana&role=partner&page=1').flush(aPage([]));
    await settle(fixture);
    expect(text()).toContain('Ingen person passar sökningen.');

    const status = getByLabel<HTMLSelectElement>(page(), 'Visa status');
    status.value = 'invited';
    status.dispatchEvent(new Event('change'));
    await turn();
    accounts('/api/accounts?q=hana&role=partner&status=invited&page=1').flush(aPage([]));
    await settle(fixture);
  });

  it('asks before turning an account off, then says which sessions now lack helpers', async () => {
    await open();
    getButton(row('Hana Ali'), /Stäng av kontot/).click();
    await settle(fixture);
    expect(page().querySelector('dialog[open] h2')?.textContent).toBe('Stänga av kontot för Hana Ali?');
    dialogButton(page(), 'Nej, behåll kontot').click();
    await settle(fixture);
    http.expectNone('/api/accounts/' + hana.id + '/deactivate');

    getButton(row('Hana Ali'), /Stäng av kontot/).click();
    await settle(fixture);
    dialogButton(page(), 'Ja, stäng av kontot').click();
    await settle(fixture);
    const result: DeactivationResult = {
      account: { ...hana, status: 'deactivated', deactivatedAt: '2026-11-23T12:00:00.000Z' },
      signInsEnded: 2,
      shiftsRemoved: 2,
      shiftsNeedingPeople: [
        { sessionId: 's1', siteId: 'x', siteName: 'Stadsbiblioteket', timeZone: 'Europe/Stockholm', start: '2026-11-24T10:00:00+01:00', end: '2026-11-24T12:00:00+01:00', helpers: 1, helpersNeeded: 2 },
      ],
    };
    const req = http.expectOne(`/api/accounts/${hana.id}/deactivate`);
    expect(req.request.method).toBe('POST');
    req.flush(result);
    await turn();
    accounts().flush(aPage([{ ...hana, status: 'deactivated' }]));
    await settle(fixture);

    const heading = page().querySelector('#people-outcome');
    expect(heading?.textContent).toBe('Hana Alis konto är avstängt. 2 inloggningar avslutades. Hen togs bort från 2 kommande pass.');
    expect(document.activeElement).toBe(heading);
    expect(text()).toContain('Tisdag 24 november 10:00–12:00, Stadsbiblioteket: 1 av 2 digivärdar');
    const link = Array.from(page().querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Bemanna träffarna under Bemanning');
    expect(link?.getAttribute('href')).toBe('/samordnare/bemanning');
  });

  it('shows a new invitation link to pass on after a resend', async () => {
    await open();
    getButton(row('Ingrid Berg'), /Skicka inbjudan igen/).click();
    await settle(fixture);
    const inviteUrl = 'http://localhost:3000/inbjudan/ny-hemlig-lank-0123456789';
    http.expectOne(`/api/accounts/${ingrid.id}/invitation/resend`).flush({ account: ingrid, inviteUrl, expiresAt: '2026-11-30T12:00:00.000Z' });
    await turn();
    accounts().flush(aPage([ingrid]));
    await settle(fixture);
    expect(text()).toContain(`En ny inbjudan är skickad till ${ingrid.email}. Den gamla länken fungerar inte längre.`);
    expect(getByLabel(page(), 'Ny inbjudningslänk').value).toBe(inviteUrl);
  });

  it('says why an action was refused, in the API’s words', async () => {
    await open();
    getButton(row('Hana Ali'), /Skicka länk för nytt lösenord/).click();
    await settle(fixture);
    const message = 'Kontot är avstängt. Öppna kontot igen först.';
    http.expectOne(`/api/accounts/${hana.id}/password-reset`).flush({ code: 'ACCOUNT_NOT_ACTIVE', message }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(page().querySelector('[role="alert"]')?.textContent).toContain(`Det gick inte för Hana Ali: ${message}`);
  });

  it('says so when the list cannot be fetched, and tries again', async () => {
    fixture = TestBed.createComponent(PeoplePage);
    fixture.detectChanges();
    accounts().flush({ code: 'X', message: 'x' }, { status: 500, statusText: 'Error' });
    http.expectOne('/api/partners').flush([]);
    http.expectOne('/api/sites').flush([]);
    http.expectOne('/api/sign-in-throttles').flush([]);
    await settle(fixture);
    expect(text()).toContain('Vi kunde inte hämta personerna just nu.');
    getButton(page(), 'Försök igen').click();
    await turn();
    accounts().flush(aPage([hana]));
    await settle(fixture);
    expect(text()).toContain('1 person.');
  });
});
