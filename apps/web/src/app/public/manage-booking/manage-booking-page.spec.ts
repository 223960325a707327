import { Location } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { translocoTesting } from '../../testing/i18n';
import { aBookingView, aCreatedBooking, aPublicSession } from '../../testing/public';
import { getButton, getByLabel, settle } from '../../testing/queries';
import { handOver } from './handover';
import { ManageBookingPage } from './manage-booking-page';

@Component({ template: '<p>Bokning</p>' })
class FlowPage {}

const URL = '/api/public/bookings/secret-token';

describe(ManageBookingPage.name, () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeAll(() => polyfillDialog());

  beforeEach(async () => {
    document.cookie = 'lang=; max-age=0; path=/';
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'bokning/:token', component: ManageBookingPage },
            { path: 'bibliotek/:slug/boka', component: FlowPage },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const text = () => page().textContent?.replace(/\s+/g, ' ') ?? '';
  const heading = () => page().querySelector('h1')?.textContent?.trim();
  const settleAll = async () => {
    await settle(harness.fixture);
    await settle(harness.fixture);
  };
  /** Lets a resource send its request: not whenStable(), which waits for the answer. */
  const requestsSent = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };
  const load = async (body: object, init?: { status: number; statusText: string }) => {
    await harness.navigateByUrl('/bokning/secret-token');
    http.expectOne(URL).flush(body, init);
    await settleAll();
  };

  it('shows the booking the flow handed over without asking the server again', async () => {
    await harness.navigateByUrl('/bibliotek/stadsbiblioteket/boka?steg=4');
    await TestBed.inject(Router).navigate(['/bokning', 'secret-token'], { state: handOver(aCreatedBooking()) });
    await settleAll();
    http.expectNone(URL);
    expect(heading()).toBe('Klart! Du har bokat en tid');
    expect(page().querySelector('.reference')?.textContent).toBe('K7F-3QD');
    expect(text()).toContain('Tisdag 5 mars, 10:00–10:30');
    expect(text()).toContain('Bibliotekstorget 1, 411 38 Staden');
    expect(text()).toContain('Plan 2, vid fönstren.');
    // The needs are counted, not shown; the contact is masked.
    expect(page().querySelector('.topics')).toBeNull();
    expect(text()).toContain('2 saker');
    expect(text()).toContain('Bekräftelsen och en påminnelse dagen innan skickas till a…@example.org');
    expect(text()).not.toContain('amina@example.org');
    const bring = Array.from(page().querySelectorAll('.bring li')).map((li) => li.textContent?.trim());
    expect(bring).toContain('Laddare till mobilen');
    expect(bring).toContain('Din egen mobil, surfplatta eller dator');
    const calendar = Array.from(page().querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Lägg till i kalendern');
    expect(calendar?.getAttribute('href')).toBe('/api/public/bookings/secret-token/calendar.ics');
    expect(calendar?.hasAttribute('download')).toBe(true);
  });

  it('loads the booking from the link in the e-mail', async () => {
    await load(aBookingView({ ownDevice: false, maskedEmail: null, maskedPhone: '070-… 67' }));
    expect(heading()).toBe('Din bokning');
    expect(page().querySelector('.reference')?.textContent).toBe('K7F-3QD');
    expect(text()).toContain('Du fick ingen e-post eftersom du inte skrev någon adress.');
    expect(text()).toContain('Ditt telefonnummer070-… 67');
    // The hint for a shared computer belongs to the page right after booking.
    expect(text()).not.toContain('Sitter du vid en dator som andra också använder?');
    expect(Array.from(page().querySelectorAll('.bring li')).map((li) => li.textContent?.trim())).not.toContain('Din egen mobil, surfplatta eller dator');
  });

  it('prints the page', async () => {
    await load(aBookingView());
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    getButton(page(), 'Skriv ut').click();
    expect(print).toHaveBeenCalled();
    print.mockRestore();
  });

  it('cancels after asking, then shows the cancelled state and a way to book again', async () => {
    await load(aBookingView());
    getButton(page(), 'Avboka').click();
    await settle(harness.fixture);
    expect(page().querySelector('dialog[open] h2')?.textContent).toBe('Vill du avboka tiden?');
    dialogButton(page(), 'Ja, avboka').click();
    await settle(harness.fixture);
    const request = http.expectOne(URL);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settleAll();
    expect(heading()).toBe('Avbokad');
    expect(text()).toContain('Din tid är avbokad.');
    const again = Array.from(page().querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Boka en ny tid');
    expect(again?.getAttribute('href')).toBe('/bibliotek/stadsbiblioteket/boka');
    expect(() => getButton(page(), 'Avboka')).toThrow();
  });

  it('keeps the booking when the person says no', async () => {
    await load(aBookingView());
    getButton(page(), 'Avboka').click();
    await settle(harness.fixture);
    dialogButton(page(), 'Nej, behåll tiden').click();
    await settle(harness.fixture);
    http.expectNone(URL);
    expect(heading()).toBe('Din bokning');
  });

  it('says the link has ended, without saying why, when the booking was cancelled or the visit is over (410)', async () => {
    await load({ code: 'BOOKING_LINK_ENDED', message: 'This link no longer works.' }, { status: 410, statusText: 'Gone' });
    expect(heading()).toBe('Länken fungerar inte längre');
    expect(text()).toContain('Bokningen är avbokad eller har redan varit.');
    expect(text()).not.toContain('Flytta till en annan tid');
    const again = Array.from(page().querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Se bibliotek och tider');
    expect(again?.getAttribute('href')).toBe('/');
  });

  it('shows what the person needs help with only after the click, and hides it again', async () => {
    await load(aBookingView({ topicCount: 2, hasNeedsText: true }));
    expect(text()).toContain('2 saker och något du skrev');
    const show = getButton(page(), 'Visa vad du behöver hjälp med');
    expect(show.getAttribute('aria-expanded')).toBe('false');
    http.expectNone(`${URL}/needs`);
    show.click();
    await settle(harness.fixture);
    http.expectOne(`${URL}/needs`).flush({ topics: ['bankid', 'email'], needs: 'Tolk på somaliska' });
    await settleAll();
    expect(Array.from(page().querySelectorAll('.topics li')).map((li) => li.textContent)).toEqual(['BankID och e-legitimation', 'E-post']);
    expect(text()).toContain('Du skrev: Tolk på somaliska');
    const hide = getButton(page(), 'Dölj vad du behöver hjälp med');
    expect(hide.getAttribute('aria-expanded')).toBe('true');
    hide.click();
    await settleAll();
    expect(page().querySelector('.topics')).toBeNull();
    expect(text()).not.toContain('Tolk på somaliska');
  });

  it('says the link has ended when the needs are asked for after it ended', async () => {
    await load(aBookingView());
    getButton(page(), 'Visa vad du behöver hjälp med').click();
    await settle(harness.fixture);
    http.expectOne(`${URL}/needs`).flush({ code: 'BOOKING_LINK_ENDED', message: 'Ended' }, { status: 410, statusText: 'Gone' });
    await settleAll();
    expect(heading()).toBe('Länken fungerar inte längre');
  });

  it('says the link has ended when a cancellation finds it ended (cancelled elsewhere or over)', async () => {
    await load(aBookingView());
    getButton(page(), 'Avboka').click();
    await settle(harness.fixture);
    dialogButton(page(), 'Ja, avboka').click();
    await settle(harness.fixture);
    http.expectOne(URL).flush({ code: 'BOOKING_LINK_ENDED', message: 'Ended' }, { status: 410, statusText: 'Gone' });
    await settleAll();
    expect(heading()).toBe('Länken fungerar inte längre');
  });

  it('tells the person right after booking what to do on a shared computer, and clears what the browser keeps', async () => {
    sessionStorage.setItem('dh-referral-opened:KC-2027', '1');
    sessionStorage.setItem('other-app', 'kept');
    document.cookie = 'lang=sv; path=/';
    await harness.navigateByUrl('/bibliotek/stadsbiblioteket/boka?steg=4');
    await TestBed.inject(Router).navigate(['/bokning', 'secret-token'], { state: handOver(aCreatedBooking()) });
    await settleAll();
    const location = TestBed.inject(Location);
    expect(location.getState()).toHaveProperty('handedOver');
    expect(page().querySelector('h2#shared-heading')?.textContent).toBe('Sitter du vid en dator som andra också använder?');
    expect(text()).toContain('Stäng fliken när du är klar.');
    expect(text()).toContain('Länken slutar fungera när besöket är över.');
    getButton(page(), 'Rensa det webbläsaren sparat om bokningen').click();
    await settleAll();
    expect(page().querySelector('.cleared[role="status"]')?.textContent).toContain('Klart.');
    expect(location.getState()).not.toHaveProperty('handedOver');
    expect(location.getState()).toHaveProperty('navigationId');
    expect(location.path()).toBe('/bokning/secret-token');
    expect(sessionStorage.getItem('dh-referral-opened:KC-2027')).toBeNull();
    expect(sessionStorage.getItem('other-app')).toBe('kept');
    expect(document.cookie).not.toContain('lang=');
    sessionStorage.clear();
  });

  it('says only that no booking has that link when the token is wrong or revoked', async () => {
    await load({ code: 'BOOKING_NOT_FOUND', message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    expect(heading()).toBe('Vi hittar ingen bokning med den länken');
    expect(text()).not.toContain('Not found');
  });

  it('moves the booking to a free time of the same site', async () => {
    await load(aBookingView());
    getButton(page(), 'Flytta till en annan tid').click();
    await requestsSent();
    http.expectOne('/api/public/sites/stadsbiblioteket/sessions').flush([aPublicSession()]);
    await settleAll();
    // The time the booking already has is not offered.
    expect(() => getByLabel(page(), /^10:00–10:30/)).toThrow();
    getByLabel(page(), '10:30–11:00 1 plats kvar').click();
    getButton(page(), 'Flytta bokningen').click();
    await settle(harness.fixture);
    const request = http.expectOne(`${URL}/move`);
    expect(request.request.body).toEqual({ slotId: 'slot-b' });
    request.flush(aBookingView({ slot: { id: 'slot-b', start: '2030-03-05T10:30:00+01:00', end: '2030-03-05T11:00:00+01:00' } }));
    await settleAll();
    expect(text()).toContain('Klart! Bokningen är flyttad.');
    expect(page().querySelector('.when')?.textContent).toBe('Tisdag 5 mars, 10:30–11:00');
  });

  it('offers the nearest free times when the new time was taken meanwhile', async () => {
    await load(aBookingView());
    getButton(page(), 'Flytta till en annan tid').click();
    await requestsSent();
    http.expectOne('/api/public/sites/stadsbiblioteket/sessions').flush([aPublicSession()]);
    await settleAll();
    getByLabel(page(), '10:30–11:00 1 plats kvar').click();
    getButton(page(), 'Flytta bokningen').click();
    await settle(harness.fixture);
    http.expectOne(`${URL}/move`).flush(
      {
        code: 'SLOT_FULL',
        message: 'Tiden är fullbokad.',
        alternatives: [{ slotId: 'slot-c', sessionId: 'session-2', start: '2030-03-12T10:30:00+01:00', end: '2030-03-12T11:00:00+01:00', seatsLeft: 2 }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await requestsSent();
    http.expectOne('/api/public/sites/stadsbiblioteket/sessions').flush([aPublicSession()]);
    await settleAll();
    expect(page().querySelector('[role="alert"]')?.textContent).toContain('Den tiden hann någon annan boka.');
    getButton(page(), 'Tisdag 12 mars, 10:30–11:00').click();
    await requestsSent();
    http.expectOne('/api/public/sites/stadsbiblioteket/sessions').flush([aPublicSession()]);
    getButton(page(), 'Flytta bokningen').click();
    await settle(harness.fixture);
    const again = http.expectOne(`${URL}/move`);
    expect(again.request.body).toEqual({ slotId: 'slot-c' });
    again.flush(aBookingView());
    await settleAll();
  });
});
