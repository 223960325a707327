import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuthUser } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { descriptionOf, getButton, getByLabel, settle, type } from '../../testing/queries';
import { PasswordPage } from './password-page';

const helper: AuthUser = { id: 'u2', email: 'yusuf@example.org', name: 'Yusuf Ahmadi', role: 'helper' };
const OLD = 'gammal fras för dörren';
const NEW = 'blå cykel under regnig bro';

describe(PasswordPage.name, () => {
  let fixture: ComponentFixture<PasswordPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [PasswordPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: AuthService, useValue: { user: signal(helper) } }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PasswordPage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const current = () => getByLabel(page(), 'Nuvarande lösenord');
  const next = () => getByLabel(page(), 'Nytt lösenord');
  const repeat = () => getByLabel(page(), 'Upprepa det nya lösenordet');
  const summary = () => page().querySelector('dh-error-summary [tabindex="-1"]');
  const fill = (values: { current?: string; next?: string; repeat?: string }) => {
    type(current(), values.current ?? '');
    type(next(), values.next ?? '');
    type(repeat(), values.repeat ?? '');
  };
  const submit = async () => {
    getButton(page(), 'Byt lösenord').click();
    await settle(fixture);
  };
  const sent = (): TestRequest => {
    const req = http.expectOne('/api/auth/password');
    expect(req.request.method).toBe('POST');
    return req;
  };

  it('asks for the current password and the new one twice, with the rules as a hint', () => {
    expect(text(page().querySelector('h1'))).toBe('Byt lösenord');
    expect(current().type).toBe('password');
    expect(current().getAttribute('autocomplete')).toBe('current-password');
    expect(next().getAttribute('autocomplete')).toBe('new-password');
    expect(repeat().getAttribute('autocomplete')).toBe('new-password');
    expect(descriptionOf(page(), next())).toContain('Minst 12 tecken.');
    expect(descriptionOf(page(), next())).toContain('Välj inte ett vanligt lösenord eller din e-postadress.');
  });

  it('shows both new-password fields when asked', async () => {
    getByLabel(page(), 'Visa lösenordet').click();
    await fixture.whenStable();
    expect(next().type).toBe('text');
    expect(repeat().type).toBe('text');
    expect(current().type).toBe('password');
  });

  it('says what is missing at each field, without asking the server', async () => {
    await submit();
    expect(current().getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), current())).toBe('Skriv ditt nuvarande lösenord.');
    expect(descriptionOf(page(), next())).toContain('Skriv ett nytt lösenord.');
    expect(descriptionOf(page(), repeat())).toBe('Skriv det nya lösenordet en gång till.');
    expect(document.activeElement).toBe(summary());
    expect(Array.from(summary()?.querySelectorAll('a') ?? []).map(text)).toEqual([
      'Nuvarande lösenord: Skriv ditt nuvarande lösenord.',
      'Nytt lösenord: Skriv ett nytt lösenord.',
      'Upprepa det nya lösenordet: Skriv det nya lösenordet en gång till.',
    ]);
    http.expectNone('/api/auth/password');
  });

  it('refuses a short password and two different new passwords in the browser', async () => {
    fill({ current: OLD, next: 'kort', repeat: 'kort' });
    await submit();
    expect(descriptionOf(page(), next())).toContain('Lösenordet behöver minst 12 tecken.');

    fill({ current: OLD, next: NEW, repeat: 'blå cykel under regnig brö' });
    await submit();
    expect(next().getAttribute('aria-invalid')).toBeNull();
    expect(descriptionOf(page(), repeat())).toBe('Lösenorden är inte likadana. Skriv samma nya lösenord i båda fälten.');
    http.expectNone('/api/auth/password');
  });

  it('changes the password, says the other sign-ins ended and clears the fields', async () => {
    fill({ current: OLD, next: NEW, repeat: NEW });
    getByLabel(page(), 'Visa lösenordet').click();
    await submit();
    const req = sent();
    expect(req.request.body).toEqual({ currentPassword: OLD, newPassword: NEW });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);

    const status = page().querySelector('[role="status"]');
    expect(text(status)).toBe('Lösenordet är bytt. Du har loggats ut på andra datorer och mobiler.');
    expect(document.activeElement).toBe(status);
    expect([current().value, next().value, repeat().value]).toEqual(['', '', '']);
    expect(next().type).toBe('password');
    expect(summary()).toBeNull();
  });

  it('shows a wrong current password at that field', async () => {
    fill({ current: 'fel fras', next: NEW, repeat: NEW });
    await submit();
    sent().flush(
      { code: 'WRONG_PASSWORD', message: 'Det nuvarande lösenordet stämmer inte.', fields: { currentPassword: 'Det nuvarande lösenordet stämmer inte.' } },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(current().getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), current())).toBe('Det nuvarande lösenordet stämmer inte.');
    expect(document.activeElement).toBe(summary());
    expect(page().querySelector('[role="status"]')).toBeNull();
  });

  it('shows the wait at the current-password field after too many wrong ones (429)', async () => {
    fill({ current: OLD, next: NEW, repeat: NEW });
    await submit();
    const message = 'Du har skrivit fel nuvarande lösenord för många gånger. Vänta en minut och försök igen.';
    sent().flush({ code: 'TOO_MANY_ATTEMPTS', message, fields: { currentPassword: message } }, { status: 429, statusText: 'Too Many Requests' });
    await settle(fixture);
    expect(current().getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), current())).toBe(message);
    expect(document.activeElement).toBe(summary());
    expect(current().value).toBe(OLD);
  });

  it('shows a weak new password (the API calls the field “password”) at the new-password field', async () => {
    fill({ current: OLD, next: 'lösenord1234', repeat: 'lösenord1234' });
    await submit();
    sent().flush(
      { code: 'WEAK_PASSWORD', message: 'Välj ett annat lösenord.', fields: { password: 'Lösenordet är för vanligt. Välj något som är svårare att gissa.' } },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(next().getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), next())).toContain('Lösenordet är för vanligt. Välj något som är svårare att gissa.');
    expect(Array.from(summary()?.querySelectorAll('a') ?? []).map(text)).toEqual(['Nytt lösenord: Lösenordet är för vanligt. Välj något som är svårare att gissa.']);
    expect(next().value).toBe('lösenord1234');
  });

  it('says so when the server cannot be reached', async () => {
    fill({ current: OLD, next: NEW, repeat: NEW });
    await submit();
    sent().error(new ProgressEvent('error'));
    await settle(fixture);
    expect(text(summary())).toContain('Vi fick ingen kontakt med servern.');
  });
});
