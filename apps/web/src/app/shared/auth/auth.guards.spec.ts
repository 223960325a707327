import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { AuthUser } from '@digihjalpen/domain';
import { requireRole, safeReturnUrl } from './auth.guards';
import { AuthService } from './auth.service';

@Component({ template: '' })
class Blank {}

const helper: AuthUser = { id: 'u2', email: 'helper@example.org', name: 'Yusuf Ahmadi', role: 'helper' };

describe(requireRole.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'samordnare/platser/:id', canMatch: [requireRole('coordinator')], component: Blank },
          { path: 'logga-in', component: Blank },
          { path: 'ingen-atkomst', component: Blank },
        ]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.cookie = 'XSRF-TOKEN=; max-age=0; path=/';
  });

  const navigate = (url: string) => {
    const router = TestBed.inject(Router);
    return { router, done: router.navigateByUrl(url) };
  };

  it('sends anonymous visitors to sign in, and asks the API nothing when there is no session cookie', async () => {
    const { router, done } = navigate('/samordnare/platser/42');
    await done;
    http.expectNone('/api/auth/me');
    expect(router.url).toBe('/logga-in?till=%2Fsamordnare%2Fplatser%2F42');
  });

  it('refuses a signed-in helper the coordinator area', async () => {
    document.cookie = 'XSRF-TOKEN=abc; path=/';
    const { router, done } = navigate('/samordnare/platser/42');
    await new Promise((resolve) => setTimeout(resolve, 0));
    http.expectOne('/api/auth/me').flush(helper);
    await done;
    expect(router.url).toBe('/ingen-atkomst');
  });

  it('keeps the partner organisation and the library of the signed-in person', async () => {
    document.cookie = 'XSRF-TOKEN=abc; path=/';
    const { router, done } = navigate('/samordnare/platser/42');
    await new Promise((resolve) => setTimeout(resolve, 0));
    http.expectOne('/api/auth/me').flush({ ...helper, role: 'library-staff', siteId: 's1', partnerId: null, idleMinutes: 15, queueKey: 'k' });
    await done;
    expect(router.url).toBe('/ingen-atkomst');
    expect(TestBed.inject(AuthService).user()).toEqual({ ...helper, role: 'library-staff', siteId: 's1', partnerId: null });
  });

  it('treats an expired session (401) as signed out', async () => {
    document.cookie = 'XSRF-TOKEN=stale; path=/';
    const { router, done } = navigate('/samordnare/platser/42');
    await new Promise((resolve) => setTimeout(resolve, 0));
    http.expectOne('/api/auth/me').flush({ code: 'NOT_SIGNED_IN', message: 'Du behöver logga in.' }, { status: 401, statusText: 'Unauthorized' });
    await done;
    expect(router.url).toBe('/logga-in?till=%2Fsamordnare%2Fplatser%2F42');
  });
});

describe(safeReturnUrl.name, () => {
  it('accepts a path on this site and refuses other sites', () => {
    expect(safeReturnUrl('/samordnare')).toBe('/samordnare');
    expect(safeReturnUrl('//evil.example')).toBeNull();
    expect(safeReturnUrl('/\\evil.example')).toBeNull();
    expect(safeReturnUrl('https://evil.example')).toBeNull();
    expect(safeReturnUrl(undefined)).toBeNull();
  });
});
