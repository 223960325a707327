import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuthUser } from '@digihjalpen/domain';
import { AuthService } from '../shared/auth/auth.service';
import { settle } from '../testing/queries';
import { PartnerPage } from './partner-page';
import { KOMPETENSCENTER_ID, aFunnel, aReferralCode } from './partner-test-data';

const PARTNER: AuthUser = { id: '40000000-0000-4000-8000-000000000001', email: 'partner@example.org', name: 'Lina Berg', role: 'partner', partnerId: KOMPETENSCENTER_ID };

describe(PartnerPage.name, () => {
  let fixture: ComponentFixture<PartnerPage>;
  let http: HttpTestingController;

  const open = (user: AuthUser) => {
    TestBed.configureTestingModule({
      imports: [PartnerPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: AuthService, useValue: { user: signal(user) } }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PartnerPage);
    fixture.detectChanges();
  };
  const answerPartsOf = async (partnerId: string) => {
    http.expectOne('/api/public/site-names').flush([{ id: 'site-1', slug: 'stadsbiblioteket', name: 'Stadsbiblioteket' }]);
    http.expectOne(`/api/partners/${partnerId}/referral-codes`).flush([aReferralCode()]);
    http.expectOne(`/api/partners/${partnerId}/funnel`).flush(aFunnel());
    await settle(fixture);
  };

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = () => page().textContent?.replace(/\s+/g, ' ') ?? '';

  it('offers booking for someone first, then the partner’s codes and figures, explained in plain Swedish', async () => {
    open(PARTNER);
    await answerPartsOf(KOMPETENSCENTER_ID);

    expect(Array.from(page().querySelectorAll('h1, h2:not(dialog h2)')).map((h) => h.textContent?.trim())).toEqual([
      'Hänvisningar',
      'Sitter personen hos dig nu?',
      'Hänvisningskoder',
      'Så gick det',
    ]);
    const book = Array.from(page().querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Boka åt någon');
    expect(book?.getAttribute('href')).toBe('/boka-at-nagon');
    expect(text()).toContain('Koden säger ingenting om personen.');
    expect(text()).toContain('KC4M-7QXH');
    expect(page().querySelector('dh-referral-funnel figure li .value')?.textContent).toBe('24');
    expect(page().getAttribute('lang')).toBe('sv');
  });

  it('says so when the account belongs to no partner organisation', async () => {
    open({ ...PARTNER, partnerId: null });
    await settle(fixture);
    expect(text()).toContain('Ditt konto hör inte till någon partnerorganisation än.');
    expect(text()).not.toContain('Hänvisningskoder');
  });
});
