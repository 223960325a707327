import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, RouterOutlet, provideRouter } from '@angular/router';
import type { SignInPageState } from '../../shared/auth/auth.guards';
import type { AuthUser, MeView } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { descriptionOf, getButton, getByLabel, settle, type } from '../../testing/queries';
import { SignInPage } from './sign-in-page';

@Component({ template: '' })
class Blank {}

@Component({ imports: [RouterOutlet], template: '<router-outlet />' })
class RouterOutletHost {}

const coordinator: AuthUser = { id: 'u1', email: 'coordinator@example.org', name: 'Karin Lindqvist', role: 'coordinator' };
const me: MeView = { ...coordinator, idleMinutes: 15, queueKey: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' };

describe(SignInPage.name, () => {
  let fixture: ComponentFixture<SignInPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SignInPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'samordnare', component: Blank },
          { path: 'samordnare/platser/ny', component: Blank },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SignInPage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  /** The sign-in answer has no queue key: the page asks /api/auth/me for it (and the idle time). */
  const answerSignIn = async () => {
    http.expectOne('/api/auth/login').flush(coordinator);
    await new Promise((resolve) => setTimeout(resolve, 0));
    http.expectOne('/api/auth/me').flush(me);
    await settle(fixture);
  };
  const signIn = async (email: string, password: string) => {
    type(getByLabel(page(), 'E-postadress'), email);
    type(getByLabel(page(), 'Lösenord'), password);
    getButton(page(), 'Logga in').click();
    await fixture.whenStable();
  };

  it('asks for e-mail and password with labelled fields', () => {
    expect(getByLabel(page(), 'E-postadress').getAttribute('autocomplete')).toBe('username');
    expect(getByLabel(page(), 'Lösenord').type).toBe('password');
    expect(page().querySelector('h1')?.textContent).toContain('Logga in');
  });

  it('says what is missing next to each empty field, without asking the server', async () => {
    await signIn('', '');
    const email = getByLabel(page(), 'E-postadress');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), email)).toContain('Skriv din e-postadress.');
    expect(descriptionOf(page(), getByLabel(page(), 'Lösenord'))).toContain('Skriv ditt lösenord.');
    http.expectNone('/api/auth/login');
  });

  it('shows the API’s message and moves focus to it when the password is wrong', async () => {
    await signIn('coordinator@example.org', 'fel-lösenord');
    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'coordinator@example.org', password: 'fel-lösenord' });
    req.flush({ code: 'INVALID_CREDENTIALS', message: 'Fel e-postadress eller lösenord.' }, { status: 401, statusText: 'Unauthorized' });
    await settle(fixture);

    const summary = page().querySelector('dh-error-summary [tabindex="-1"]');
    expect(summary?.textContent).toContain('Fel e-postadress eller lösenord.');
    expect(document.activeElement).toBe(summary);
    expect(TestBed.inject(AuthService).user()).toBeNull();
  });

  it('shows the one answer for a wrong password or too many tries, marking no field (the server never says which)', async () => {
    await signIn('coordinator@example.org', 'fel-lösenord-igen');
    const message = 'Fel e-postadress eller lösenord – eller för många försök. Vänta en stund och försök igen.';
    http.expectOne('/api/auth/login').flush({ code: 'INVALID_CREDENTIALS', message }, { status: 401, statusText: 'Unauthorized' });
    await settle(fixture);

    const summary = page().querySelector('dh-error-summary [tabindex="-1"]');
    expect(summary?.textContent?.trim()).toBe(message);
    expect(document.activeElement).toBe(summary);
    expect(getByLabel(page(), 'Lösenord').getAttribute('aria-invalid')).toBeNull();
    expect(getByLabel(page(), 'E-postadress').getAttribute('aria-invalid')).toBeNull();
    expect(TestBed.inject(AuthService).user()).toBeNull();
  });

  it('signs a coordinator in and opens the coordinator area', async () => {
    await signIn('  coordinator@example.org ', 'demo-coordinator');
    await answerSignIn();

    const auth = TestBed.inject(AuthService);
    expect(auth.user()).toEqual({ ...coordinator, partnerId: null, siteId: null });
    expect(auth.protection()).toEqual({ idleMinutes: 15, queueKey: me.queueKey });
    expect(TestBed.inject(Router).url).toBe('/samordnare');
  });

  it('asks nothing more when the sign-in answer already has the queue key', async () => {
    await signIn('coordinator@example.org', 'demo-coordinator');
    http.expectOne('/api/auth/login').flush({ ...me, idleMinutes: 20 });
    await settle(fixture);
    http.expectNone('/api/auth/me');
    expect(TestBed.inject(AuthService).protection()).toEqual({ idleMinutes: 20, queueKey: me.queueKey });
  });

  it('returns to the page that asked for sign-in', async () => {
    fixture.componentRef.setInput('till', '/samordnare/platser/ny');
    await signIn('coordinator@example.org', 'demo-coordinator');
    await answerSignIn();
    expect(TestBed.inject(Router).url).toBe('/samordnare/platser/ny');
  });

  it('ignores a return address that points to another site', async () => {
    fixture.componentRef.setInput('till', '//evil.example/samordnare');
    await signIn('coordinator@example.org', 'demo-coordinator');
    await answerSignIn();
    expect(TestBed.inject(Router).url).toBe('/samordnare');
  });

  it('says why the helper was signed out after the idle time', async () => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [SignInPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'logga-in', component: SignInPage }])],
    });
    const router = TestBed.inject(Router);
    const host = TestBed.createComponent(RouterOutletHost);
    await host.whenStable();
    await router.navigateByUrl('/logga-in', { state: { idleMinutes: 15 } satisfies SignInPageState });
    await host.whenStable();
    const status = (host.nativeElement as HTMLElement).querySelector('[role="status"]');
    expect(status?.textContent).toContain('Du loggades ut efter 15 minuter utan aktivitet.');
  });
});
