import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { aSite } from '@digihjalpen/domain/testing';
import { aPartner } from '../../partner/partner-test-data';
import { descriptionOf, getButton, getByLabel, settle, type } from '../../testing/queries';
import { InviteForm } from './invite-form';

const kompetenscenter = aPartner();
const stadsbiblioteket = aSite({ name: 'Stadsbiblioteket' });
const paused = aSite({ name: 'Biblioteket i Kortedala', active: false });

describe(InviteForm.name, () => {
  let fixture: ComponentFixture<InviteForm>;
  let invited: string[];
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [InviteForm],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
  });

  const open = async (partners = [kompetenscenter]) => {
    fixture = TestBed.createComponent(InviteForm);
    invited = [];
    fixture.componentInstance.invited.subscribe((user) => invited.push(user.name));
    fixture.detectChanges();
    http.expectOne('/api/partners').flush(partners);
    http.expectOne('/api/sites').flush([stadsbiblioteket, paused]);
    await settle(fixture);
  };

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = () => page().textContent?.replace(/\s+/g, ' ') ?? '';
  const choose = (label: string, value: string) => {
    const select = getByLabel<HTMLSelectElement>(page(), label);
    select.value = value;
    select.dispatchEvent(new Event('change'));
  };
  const fill = async (name: string, email: string, role: string) => {
    type(getByLabel(page(), 'Namn'), name);
    type(getByLabel(page(), 'E-postadress'), email);
    choose('Roll', role);
    await settle(fixture);
  };
  /** A reload is on its way: the fixture is not stable until it is answered. */
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };
  const send = async () => {
    getButton(page(), 'Skicka inbjudan').click();
    await settle(fixture);
  };

  it('offers the roles by their Swedish names, digivärd first', async () => {
    await open();
    const options = Array.from(getByLabel<HTMLSelectElement>(page(), 'Roll').options).map((o) => o.textContent?.trim());
    expect(options.map((o) => o?.split(' – ')[0])).toEqual(['Digivärd', 'Samordnare', 'Partner', 'Bibliotekspersonal']);
    expect(options[3]).toBe('Bibliotekspersonal – kan boka åt besökare på sitt bibliotek');
  });

  it('sends the invitation and shows the secret link with a copy button', async () => {
    await open();
    await fill(' Amina Testsson ', 'amina@example.org', 'partner');
    choose('Partnerorganisation', kompetenscenter.id);
    await send();
    const req = http.expectOne('/api/auth/invitations');
    expect(req.request.body).toEqual({ name: 'Amina Testsson', email: 'amina@example.org', role: 'partner', partnerId: kompetenscenter.id });
    const inviteUrl = 'http://localhost:3000/inbjudan/secret-token-0123456789';
    req.flush({ user: { id: 'u9', email: 'amina@example.org', name: 'Amina Testsson', role: 'partner', partnerId: kompetenscenter.id }, inviteUrl }, { status: 201, statusText: 'Created' });
    await turn();
    // The partner list counts people with an account.
    http.expectOne('/api/partners').flush([{ ...kompetenscenter, users: 3 }]);
    await settle(fixture);

    const heading = page().querySelector('h2');
    expect(heading?.textContent).toBe('Inbjudan skickad till Amina Testsson');
    expect(document.activeElement).toBe(heading);
    expect(getByLabel(page(), 'Inbjudningslänk').value).toBe(inviteUrl);
    expect(getButton(page(), 'Kopiera länken')).toBeTruthy();
    expect(text()).toContain('Länken gäller i 7 dagar och är hemlig');
    expect(text()).toContain('Amina Testsson blir partner för Kompetenscenter.');
    expect(text()).not.toContain('pass under Bemanning');
  });

  it('shows the API’s message next to the field it is about', async () => {
    await open();
    await fill('Amina Testsson', 'helper@example.org', 'helper');
    await send();
    const message = 'Det finns redan ett konto med den e-postadressen.';
    http.expectOne('/api/auth/invitations').flush({ code: 'EMAIL_TAKEN', message, fields: { email: message } }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);

    const email = getByLabel(page(), 'E-postadress');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), email)).toBe(`Hit skickar vi inbjudan. ${message}`);
    expect(page().querySelector('dh-error-summary')?.textContent).toContain(message);
  });

  it('says in Swedish what to fix when the API’s validation refuses the e-mail', async () => {
    await open();
    await fill('Amina Testsson', 'inte-en-adress', 'helper');
    await send();
    http
      .expectOne('/api/auth/invitations')
      .flush(
        { code: 'VALIDATION_FAILED', message: 'Some fields need fixing.', fields: { email: 'Skriv en e-postadress, till exempel namn@example.org.' } },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);
    expect(page().querySelector('dh-error-summary')?.textContent).toContain('Rätta det som är markerat.');
    expect(page().querySelector('dh-error-summary')?.textContent).not.toContain('Some fields');
  });

  it('sends no organisation or library with a helper', async () => {
    await open();
    await fill('Nadia Berg', 'nadia@example.org', 'helper');
    expect(() => getByLabel(page(), 'Partnerorganisation')).toThrow();
    expect(() => getByLabel(page(), 'Bibliotek')).toThrow();
    await send();
    const req = http.expectOne('/api/auth/invitations');
    expect(req.request.body).toEqual({ name: 'Nadia Berg', email: 'nadia@example.org', role: 'helper' });
    req.flush({ user: { id: 'u8', email: 'nadia@example.org', name: 'Nadia Berg', role: 'helper' }, inviteUrl: 'http://localhost:3000/inbjudan/x' }, { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(text()).toContain('Nadia Berg blir digivärd.');
    // The page's list is told, so it can show the new person.
    expect(invited).toEqual(['Nadia Berg']);
  });

  it('invites library staff to one library, after asking which', async () => {
    await open();
    await fill('Olle Ek', 'olle@example.org', 'library-staff');
    const site = getByLabel<HTMLSelectElement>(page(), 'Bibliotek');
    expect(Array.from(site.options).map((o) => o.textContent?.trim())).toEqual(['Välj bibliotek', 'Stadsbiblioteket', 'Biblioteket i Kortedala (pausad)']);
    await send();
    http.expectNone('/api/auth/invitations');
    expect(descriptionOf(page(), site)).toBe('Personen kan boka tider åt besökare på det här biblioteket. Välj vilket bibliotek personen arbetar på.');

    choose('Bibliotek', stadsbiblioteket.id);
    await send();
    const req = http.expectOne('/api/auth/invitations');
    expect(req.request.body).toEqual({ name: 'Olle Ek', email: 'olle@example.org', role: 'library-staff', siteId: stadsbiblioteket.id });
    req.flush(
      { user: { id: 'u7', email: 'olle@example.org', name: 'Olle Ek', role: 'library-staff', siteId: stadsbiblioteket.id }, inviteUrl: 'http://localhost:3000/inbjudan/y' },
      { status: 201, statusText: 'Created' },
    );
    await settle(fixture);
    expect(text()).toContain('Olle Ek blir bibliotekspersonal på Stadsbiblioteket.');
  });

  it('asks which partner organisation, and says what to do when there is none yet', async () => {
    await open([]);
    await fill('Amina Testsson', 'amina@example.org', 'partner');
    expect(() => getByLabel(page(), 'Partnerorganisation')).toThrow();
    expect(text()).toContain('Det finns inga partnerorganisationer än.');
    const link = Array.from(page().querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Lägg till organisationen under Partner');
    expect(link?.getAttribute('href')).toBe('/samordnare/partner');
    await send();
    http.expectNone('/api/auth/invitations');
    expect(page().querySelector('dh-error-summary')?.textContent).toContain('Partnerorganisation: Lägg till partnerorganisationen under Partner först.');
  });

  it('shows the API’s refusal of a missing partner organisation on its field', async () => {
    await open();
    await fill('Amina Testsson', 'amina@example.org', 'partner');
    choose('Partnerorganisation', kompetenscenter.id);
    await send();
    const message = 'Välj vilken partnerorganisation personen arbetar på.';
    http.expectOne('/api/auth/invitations').flush({ code: 'INVALID_INVITATION', message: 'Rätta det som är markerat.', fields: { partnerId: message } }, { status: 400, statusText: 'Bad Request' });
    await settle(fixture);
    const partner = getByLabel(page(), 'Partnerorganisation');
    expect(partner.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), partner)).toContain(message);
  });
});
