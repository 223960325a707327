import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { descriptionOf, getButton, getByLabel, settle, type } from '../../testing/queries';
import { aHelper } from '../../testing/staffing';
import { StaffInvitationsPage } from './staff-invitations-page';

describe(StaffInvitationsPage.name, () => {
  let fixture: ComponentFixture<StaffInvitationsPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [StaffInvitationsPage],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StaffInvitationsPage);
    fixture.detectChanges();
    http.expectOne('/api/helpers').flush([aHelper()]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = () => page().textContent?.replace(/\s+/g, ' ') ?? '';
  const fill = (name: string, email: string, role: string) => {
    type(getByLabel(page(), 'Namn'), name);
    type(getByLabel(page(), 'E-postadress'), email);
    const select = getByLabel<HTMLSelectElement>(page(), 'Roll');
    select.value = role;
    select.dispatchEvent(new Event('change'));
  };

  it('offers the roles by their Swedish names, digivärd first', () => {
    const options = Array.from(getByLabel<HTMLSelectElement>(page(), 'Roll').options).map((o) => o.textContent?.split(' – ')[0]);
    expect(options).toEqual(['Digivärd', 'Samordnare', 'Partner']);
    expect(text()).toContain('Yusuf Ahmadi');
  });

  it('sends the invitation and shows the secret link with a copy button', async () => {
    fill(' Amina Testsson ', 'amina@example.org', 'partner');
    getButton(page(), 'Skicka inbjudan').click();
    await settle(fixture);
    const req = http.expectOne('/api/auth/invitations');
    expect(req.request.body).toEqual({ name: 'Amina Testsson', email: 'amina@example.org', role: 'partner' });
    const inviteUrl = 'http://localhost:3000/inbjudan/secret-token-0123456789';
    req.flush({ user: { id: 'u9', email: 'amina@example.org', name: 'Amina Testsson', role: 'partner' }, inviteUrl }, { status: 201, statusText: 'Created' });
    await settle(fixture);

    const heading = page().querySelector('h2');
    expect(heading?.textContent).toBe('Inbjudan skickad till Amina Testsson');
    expect(document.activeElement).toBe(heading);
    expect(getByLabel(page(), 'Inbjudningslänk').value).toBe(inviteUrl);
    expect(getButton(page(), 'Kopiera länken')).toBeTruthy();
    expect(text()).toContain('Länken gäller i 7 dagar och är hemlig');
    expect(text()).toContain('Amina Testsson blir partner.');
    expect(text()).not.toContain('pass under Bemanning');
  });

  it('shows the API’s message next to the field it is about', async () => {
    fill('Amina Testsson', 'helper@example.org', 'helper');
    getButton(page(), 'Skicka inbjudan').click();
    await settle(fixture);
    const message = 'Det finns redan ett konto med den e-postadressen.';
    http.expectOne('/api/auth/invitations').flush({ code: 'EMAIL_TAKEN', message, fields: { email: message } }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);

    const email = getByLabel(page(), 'E-postadress');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), email)).toBe(`Hit skickar vi inbjudan. ${message}`);
    expect(page().querySelector('dh-error-summary')?.textContent).toContain(message);
  });

  it('says in Swedish what to fix when the API’s validation refuses the e-mail', async () => {
    fill('Amina Testsson', 'inte-en-adress', 'helper');
    getButton(page(), 'Skicka inbjudan').click();
    await settle(fixture);
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
});
