import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { SignInThrottleView } from '@digihjalpen/domain';
import { aSignInThrottle } from '@digihjalpen/domain/testing';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { getButton, settle } from '../../testing/queries';
import { SignInThrottles } from './sign-in-throttles';

const karin = aSignInThrottle({ id: '70000000-0000-4000-8000-000000000001' });
const unknown = aSignInThrottle({ id: '70000000-0000-4000-8000-000000000002', email: null, name: null, address: '203.0.113.9', failures: 12, blockedUntil: null });
const spraying = aSignInThrottle({ id: '70000000-0000-4000-8000-000000000003', kind: 'address', email: null, name: null, address: '203.0.113.9', failures: 31 });
const passwordPage = aSignInThrottle({ id: '70000000-0000-4000-8000-000000000004', kind: 'password-change', address: null, email: 'yusuf@example.org', name: 'Yusuf Ahmadi' });

describe(SignInThrottles.name, () => {
  let fixture: ComponentFixture<SignInThrottles>;
  let http: HttpTestingController;

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  async function open(list: SignInThrottleView[]): Promise<void> {
    fixture = TestBed.createComponent(SignInThrottles);
    fixture.detectChanges();
    http.expectOne('/api/sign-in-throttles').flush(list);
    await settle(fixture);
  }

  beforeEach(() => {
    polyfillDialog();
    TestBed.configureTestingModule({ imports: [SignInThrottles], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists each throttle in plain Swedish: who, from where, how many wrong passwords, until when (Stockholm time)', async () => {
    await open([karin, unknown, spraying, passwordPage]);
    const items = Array.from(page().querySelectorAll('li')).map((li) => Array.from(li.querySelectorAll('h3, p')).map(text));
    expect(items).toEqual([
      ['Karin Lindqvist (karin@example.org)', 'Inloggning från IP-adress 198.51.100.7 · 7 fel lösenord', 'Nästa försök tidigast kl. 13:15', 'Senaste fel: måndag 23 november kl. 13:00'],
      [
        'En e-postadress som inte hör till något konto',
        'Inloggning från IP-adress 203.0.113.9 · 12 fel lösenord',
        'Kan försöka nu, men nästa fel lösenord ger längre väntan',
        'Senaste fel: måndag 23 november kl. 13:00',
      ],
      ['Alla e-postadresser (någon har provat många konton)', 'Inloggning från IP-adress 203.0.113.9 · 31 fel lösenord', 'Nästa försök tidigast kl. 13:15', 'Senaste fel: måndag 23 november kl. 13:00'],
      ['Yusuf Ahmadi (yusuf@example.org)', 'Byte av lösenord (personen var inloggad) · 7 fel lösenord', 'Nästa försök tidigast kl. 13:15', 'Senaste fel: måndag 23 november kl. 13:00'],
    ]);
    expect(getButton(page(), 'Ta bort spärren: karin@example.org från 198.51.100.7')).toBeTruthy();
    expect(getButton(page(), 'Ta bort spärren: byte av lösenord för yusuf@example.org')).toBeTruthy();
  });

  it('says so when nothing is throttled', async () => {
    await open([]);
    expect(text(page())).toContain('Inga spärrade inloggningar.');
    expect(page().querySelector('li')).toBeNull();
  });

  it('asks first, and keeps the throttle when the answer is no', async () => {
    await open([karin]);
    getButton(page(), 'Ta bort spärren: karin@example.org från 198.51.100.7').click();
    await settle(fixture);
    expect(text(page().querySelector('dialog[open] h2'))).toBe('Ta bort spärren?');
    expect(text(page().querySelector('dialog[open] p'))).toContain('Karin Lindqvist (karin@example.org). Inloggning från IP-adress 198.51.100.7. Då kan personen försöka logga in direkt');
    dialogButton(page(), 'Nej, behåll').click();
    await tick();
    http.expectNone('/api/sign-in-throttles/70000000-0000-4000-8000-000000000001');
    expect(page().querySelectorAll('li')).toHaveLength(1);
  });

  it('clears a throttle after the yes, announces it, and shows the empty state when it was the last', async () => {
    await open([karin]);
    getButton(page(), 'Ta bort spärren: karin@example.org från 198.51.100.7').click();
    await settle(fixture);
    dialogButton(page(), 'Ja, ta bort spärren').click();
    await tick();
    const req = http.expectOne('/api/sign-in-throttles/70000000-0000-4000-8000-000000000001');
    expect(req.request.method).toBe('DELETE');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(text(page().querySelector('[aria-live="polite"]'))).toBe('Spärren är borttagen: karin@example.org från 198.51.100.7.');
    expect(text(page())).toContain('Inga spärrade inloggningar.');
    expect(document.activeElement?.id).toBe('throttles-empty');
  });

  it('takes a throttle that is already gone off the list, with the API’s message', async () => {
    await open([karin, unknown]);
    getButton(page(), 'Ta bort spärren: karin@example.org från 198.51.100.7').click();
    await settle(fixture);
    dialogButton(page(), 'Ja, ta bort spärren').click();
    await tick();
    const message = 'Spärren finns inte längre. Den kan redan vara borttagen eller ha gått ut.';
    http.expectOne('/api/sign-in-throttles/70000000-0000-4000-8000-000000000001').flush({ code: 'SIGN_IN_THROTTLE_NOT_FOUND', message }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);
    expect(page().querySelectorAll('li')).toHaveLength(1);
    expect(text(page().querySelector('[aria-live="polite"]'))).toBe(message);
  });

  it('says what went wrong when clearing fails, and keeps the throttle', async () => {
    await open([karin]);
    getButton(page(), 'Ta bort spärren: karin@example.org från 198.51.100.7').click();
    await settle(fixture);
    dialogButton(page(), 'Ja, ta bort spärren').click();
    await tick();
    http.expectOne('/api/sign-in-throttles/70000000-0000-4000-8000-000000000001').flush({ code: 'INTERNAL_ERROR', message: 'Något gick fel.' }, { status: 500, statusText: 'Error' });
    await settle(fixture);
    expect(text(page().querySelector('[role="alert"]'))).toContain('Det gick inte att ta bort spärren.');
    expect(page().querySelectorAll('li')).toHaveLength(1);
    expect(document.activeElement?.id).toBe('throttles-error');
  });

  it('offers to try again when the list cannot be fetched', async () => {
    fixture = TestBed.createComponent(SignInThrottles);
    fixture.detectChanges();
    http.expectOne('/api/sign-in-throttles').flush({ code: 'INTERNAL_ERROR', message: 'x' }, { status: 500, statusText: 'Error' });
    await settle(fixture);
    expect(text(page())).toContain('Vi kunde inte hämta spärrarna just nu.');
    getButton(page(), 'Försök igen').click();
    fixture.detectChanges();
    http.expectOne('/api/sign-in-throttles').flush([karin]);
    await settle(fixture);
    expect(page().querySelectorAll('li')).toHaveLength(1);
  });
});
