import { Location } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { confirmContactFromLink } from './confirm-contact';

@Component({ template: '<p>Bokning</p>' })
class LinkPage {
  readonly sent = confirmContactFromLink();
}

const PROOF = 'P'.repeat(43);

describe(confirmContactFromLink.name, () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'bokning/:token', component: LinkPage }])],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });
  afterEach(() => http.verify());

  it('sends the proof from the e-mail’s link once, and drops it from the address bar (keeping the language)', async () => {
    const page = await harness.navigateByUrl(`/bokning/secret-token?lang=ar&c=${PROOF}`, LinkPage);
    expect(page.sent).toBe(true);
    const request = http.expectOne('/api/public/bookings/secret-token/confirm-contact');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ proof: PROOF });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Location).path()).toBe('/bokning/secret-token?lang=ar');
  });

  it('shows nothing and changes nothing when the proof is refused', async () => {
    await harness.navigateByUrl(`/bokning/secret-token?c=${PROOF}`, LinkPage);
    http.expectOne('/api/public/bookings/secret-token/confirm-contact').flush({ code: 'BOOKING_NOT_FOUND', message: 'x' }, { status: 404, statusText: 'Not Found' });
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.textContent).toBe('Bokning');
  });

  it('sends nothing without a proof in the link', async () => {
    const page = await harness.navigateByUrl('/bokning/secret-token?lang=sv', LinkPage);
    expect(page.sent).toBe(false);
    http.expectNone('/api/public/bookings/secret-token/confirm-contact');
  });
});
