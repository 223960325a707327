import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { translocoTesting } from '../../testing/i18n';
import { aCreatedBooking, aPublicSession, aSlot } from '../../testing/public';
import { getButton, getByLabel, settle, type } from '../../testing/queries';
import { FollowUpBooking, followUpTopics } from './follow-up-booking';

describe(FollowUpBooking.name, () => {
  let fixture: ComponentFixture<FollowUpBooking>;
  let http: HttpTestingController;

  const tick = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [translocoTesting()], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FollowUpBooking);
    fixture.componentRef.setInput('site', { slug: 'stadsbiblioteket', name: 'Stadsbiblioteket', timeZone: 'Europe/Stockholm' });
    fixture.componentRef.setInput('person', { name: 'Amina', language: 'ar', categories: ['bankid', 'my-own-category'] });
    await tick();
    await tick();
    http
      .expectOne((r) => r.url === '/api/public/sites/stadsbiblioteket/sessions')
      .flush([aPublicSession({ slots: [aSlot('2030-03-05T10:00:00+01:00', '2030-03-05T10:30:00+01:00', 0, 'slot-full'), aSlot('2030-03-05T10:30:00+01:00', '2030-03-05T11:00:00+01:00', 1, 'slot-free')] })]);
    await settle(fixture);
  });
  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;

  it('books the next time in two steps: a time, then the person (prefilled from the visit)', async () => {
    getByLabel(page(), /^10:30–11:00/).click();
    getButton(page(), 'Välj tiden').click();
    await settle(fixture);
    expect(getByLabel(page(), 'Förnamn eller smeknamn').value).toBe('Amina');
    expect(getByLabel(page(), /^Arabiska/).checked).toBe(true);
    type(getByLabel(page(), 'Telefon (om personen vill)'), '070-123 45 67');
    getButton(page(), 'Boka tiden').click();
    await tick();
    const req = http.expectOne('/api/staff/bookings');
    expect(req.request.body).toEqual({ slotId: 'slot-free', name: 'Amina', phone: '070-123 45 67', language: 'ar', topics: ['bankid'] });
    req.flush(aCreatedBooking({ reference: 'M4P-9TW', name: 'Amina', language: 'ar' }));
    await settle(fixture);
    expect(page().querySelector('h3')?.textContent).toContain('Klart! Amina har en ny tid');
    expect(page().textContent).toContain('M4P-9TW');
    getButton(page(), 'Skriv ut lappen');
    // The slip for paper is in the person's language.
    expect(page().querySelector('dh-booking-slip')?.getAttribute('lang')).toBe('ar');
  });

  it('asks for a time before going on', async () => {
    getButton(page(), 'Välj tiden').click();
    await settle(fixture);
    expect(page().textContent).toContain('Välj en tid i listan.');
  });

  it("takes the visit's categories a booking knows as its topics, else 'other'", () => {
    expect(followUpTopics(['email', 'custom'])).toEqual(['email']);
    expect(followUpTopics(['custom'])).toEqual(['other']);
  });
});
