import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { AuthUser, MeView } from '@digihjalpen/domain';
import { descriptionOf, getButton, getByLabel, settle, type } from '../../testing/queries';
import { ResetPage } from './reset-page';

@Component({ template: '' })
class Blank {}

const helper: AuthUser = { id: 'u2', email: 'hana@example.org', name: 'Hana Ali', role: 'helper' };
const me: MeView = { ...helper, idleMinutes: 15, queueKey: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' };
const TOKEN = 'hemlig-lank-0123456789-0123456789-0123456789';

describe(ResetPage.name, () => {
  let fixture: ComponentFixture<ResetPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ResetPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'personal', component: Blank }])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ResetPage);
    fixture.componentRef.setInput('token', TOKEN);
    await fixture.whenStable();
  });
  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const save = async () => {
    getButton(page(), 'Spara det nya lösenordet').click();
    await settle(fixture);
  };

  it('sets the new password with the link and signs the person in', async () => {
    type(getByLabel(page(), 'Nytt lösenord'), 'blå cykel under regnig bro');
    await save();
    const req = http.expectOne('/api/auth/password-reset');
    expect(req.request.body).toEqual({ token: TOKEN, password: 'blå cykel under regnig bro' });
    req.flush(helper);
    await new Promise((resolve) => setTimeout(resolve, 0));
    http.expectOne('/api/auth/me').flush(me);
    await settle(fixture);
    expect(TestBed.inject(Router).url).toBe('/personal');
  });

  it('says what is wrong with a short password before sending it', async () => {
    const password = getByLabel(page(), 'Nytt lösenord');
    type(password, 'kort');
    await save();
    http.expectNone('/api/auth/password-reset');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), password)).toContain('Lösenordet behöver minst 12 tecken');
  });

  it('explains a used or run-out link and offers to sign in instead', async () => {
    type(getByLabel(page(), 'Nytt lösenord'), 'blå cykel under regnig bro');
    await save();
    const message = 'Länken är redan använd. Den fungerar bara en gång.';
    http.expectOne('/api/auth/password-reset').flush({ code: 'RESET_LINK_INVALID', message }, { status: 410, statusText: 'Gone' });
    await settle(fixture);
    expect(page().querySelector('[role="alert"]')?.textContent).toContain(message);
    expect(() => getByLabel(page(), 'Nytt lösenord')).toThrow();
    expect(Array.from(page().querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Logga in')?.getAttribute('href')).toBe('/logga-in');
  });
});
