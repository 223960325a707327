import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { toPublicSite, type AuthUser, type PublicSite, type PublicSiteName } from '@digihjalpen/domain';
import { aSite } from '@digihjalpen/domain/testing';
import { AuthService } from '../../shared/auth/auth.service';
import { todayIn } from '../../shared/data/dates';
import { translocoTesting } from '../../testing/i18n';
import { aCreatedBooking, aPublicSession, aSlot } from '../../testing/public';
import { descriptionOf, getButton, getByLabel, setChecked, settle, type } from '../../testing/queries';
import { StaffBookingPage } from './staff-booking-page';

const STADSBIBLIOTEKET = toPublicSite(aSite({ id: 'site-1', slug: 'stadsbiblioteket', name: 'Stadsbiblioteket', address: 'Bibliotekstorget 1, 411 38 Staden' }));
const NORRBY = toPublicSite(aSite({ id: 'site-2', slug: 'norrby-bibliotek', name: 'Norrby bibliotek', address: 'Norrbyvägen 5' }));
/** The picker's list: every active library by name only (GET /api/public/site-names). */
const SITE_NAMES: PublicSiteName[] = [STADSBIBLIOTEKET, NORRBY].map(({ id, slug, name }) => ({ id, slug, name }));

const staff = (overrides: Partial<AuthUser>): AuthUser => ({ id: 'user-1', email: 'lena@example.org', name: 'Lena Bok', role: 'coordinator', ...overrides });
const LIBRARY_STAFF = staff({ role: 'library-staff', siteId: NORRBY.id });

/** Tuesday 5 March 2030 at Norrby: 10:00 is full, 10:30 has one seat left. */
const NORRBY_SESSIONS = [
  aPublicSession({
    slots: [aSlot('2030-03-05T10:00:00+01:00', '2030-03-05T10:30:00+01:00', 0, 'slot-full'), aSlot('2030-03-05T10:30:00+01:00', '2030-03-05T11:00:00+01:00', 1, 'slot-free')],
  }),
];

describe(StaffBookingPage.name, () => {
  let fixture: ComponentFixture<StaffBookingPage>;
  let http: HttpTestingController;
  const user = signal<AuthUser | null>(LIBRARY_STAFF);

  /** Opens the page; a library's details (its time zone) are fetched once it is chosen or fixed. */
  const open = async (who: AuthUser, details: PublicSite | null = null) => {
    user.set(who);
    fixture = TestBed.createComponent(StaffBookingPage);
    await requestsSent();
    http.expectOne('/api/public/site-names').flush(SITE_NAMES);
    await requestsSent();
    if (details) await answerSite(details);
  };

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: AuthService, useValue: { user } }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = () => page().textContent?.replace(/\s+/g, ' ') ?? '';
  const summary = () => page().querySelector('dh-error-summary')?.textContent?.replace(/\s+/g, ' ') ?? '';
  /** Lets a resource send its request: not whenStable(), which waits for the answer. */
  const requestsSent = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };
  const answerSite = async (details: PublicSite) => {
    await requestsSent();
    http.expectOne(`/api/public/sites/${details.slug}`).flush(details);
    await requestsSent();
  };
  const sessionsRequest = (slug: string): TestRequest => http.expectOne((r) => r.url === `/api/public/sites/${slug}/sessions`);
  const answerSessions = async (slug = NORRBY.slug, sessions = NORRBY_SESSIONS) => {
    await requestsSent();
    await requestsSent();
    sessionsRequest(slug).flush(sessions);
    await settle(fixture);
  };
  const radio = (name: RegExp) => getByLabel(page(), name);
  const fillPerson = () => {
    radio(/^10:30–11:00/).click();
    type(getByLabel(page(), 'Förnamn eller smeknamn'), ' Samir ');
    type(getByLabel(page(), 'E-post (frivilligt)'), 'samir@example.org ');
    setChecked(getByLabel(page(), /^Engelska/), true);
    setChecked(getByLabel(page(), 'BankID och e-legitimation'), true);
    setChecked(getByLabel(page(), 'Skatteverket'), true);
    setChecked(getByLabel(page(), 'Ja'), true);
  };
  const submit = async () => {
    getButton(page(), 'Boka tiden').click();
    await settle(fixture);
  };
  const bookingRequest = () => http.expectOne({ url: '/api/staff/bookings', method: 'POST' });

  describe('library staff', () => {
    beforeEach(async () => {
      await open(LIBRARY_STAFF, NORRBY);
    });

    it('book at their own library only, from today over the next four weeks', async () => {
      await requestsSent();
      const req = sessionsRequest(NORRBY.slug);
      const today = todayIn('Europe/Stockholm');
      expect(req.request.params.get('from')).toBe(today);
      const to = new Date(Date.parse(`${today}T12:00:00Z`) + 27 * 86_400_000).toISOString().slice(0, 10);
      expect(req.request.params.get('to')).toBe(to);
      req.flush(NORRBY_SESSIONS);
      await settle(fixture);

      expect(text()).toContain('Bibliotek: Norrby bibliotek');
      expect(page().querySelector('select')).toBeNull();
      expect(text()).not.toContain('Stadsbiblioteket');
    });

    it('see full times but cannot choose them, and see the seats left of the others', async () => {
      await answerSessions();
      const full = radio(/^10:00–10:30/);
      expect(full.disabled).toBe(true);
      expect(full.closest('label')?.textContent).toContain('Fullbokad');
      const free = radio(/^10:30–11:00/);
      expect(free.disabled).toBe(false);
      expect(free.closest('label')?.textContent).toContain('1 plats kvar');
      expect(text()).toContain('Tisdag 5 mars');
    });

    it('send what was typed in, trimmed, without the fields left empty', async () => {
      await answerSessions();
      fillPerson();
      await settle(fixture);
      expect(text()).toContain('Vald tid: Tisdag 5 mars, 10:30–11:00, Norrby bibliotek');
      await submit();
      expect(bookingRequest().request.body).toEqual({
        slotId: 'slot-free',
        name: 'Samir',
        email: 'samir@example.org',
        language: 'en',
        topics: ['bankid', 'skatteverket'],
        ownDevice: true,
      });
    });

    it('show a receipt with the reference to read out, the manage link and a slip to print; "Boka en till" starts again', async () => {
      await answerSessions();
      fillPerson();
      await submit();
      const booking = aCreatedBooking({
        reference: 'K7F-3QD',
        name: 'Samir',
        email: 'samir@example.org',
        language: 'ar',
        ownDevice: true,
        slot: { id: 'slot-free', start: '2030-03-05T10:30:00+01:00', end: '2030-03-05T11:00:00+01:00' },
        manageUrl: 'http://localhost/bokning/secret-token?lang=ar',
      });
      bookingRequest().flush(booking, { status: 201, statusText: 'Created' });
      await requestsSent();
      // The seat is gone: the list behind "Boka en till" is fetched again.
      await answerSessions();

      const heading = page().querySelector('#receipt-heading');
      expect(heading?.textContent).toBe('Klart! Samir har en tid');
      expect(document.activeElement).toBe(heading);
      expect(page().querySelector('.receipt .reference')?.textContent).toBe('K7F-3QD');
      expect(text()).toContain('Tisdag 5 mars, 10:30–11:00');
      expect(text()).toContain('Bekräftelsen och en påminnelse dagen innan skickas till samir@example.org, på arabiska.');
      expect(text()).toContain('mobilen eller dosan som hen använder för BankID');
      expect(getByLabel(page(), 'Länk till bokningen').value).toBe(booking.manageUrl);

      // The printed slip is in the person's language.
      const slip = page().querySelector('dh-booking-slip') as HTMLElement;
      expect(slip.getAttribute('lang')).toBe('ar');
      expect(slip.getAttribute('dir')).toBe('rtl');
      expect(slip.textContent).toContain('رقم الحجز');
      expect(slip.textContent).toContain('K7F-3QD');
      const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
      getButton(page(), 'Skriv ut').click();
      expect(print).toHaveBeenCalled();
      print.mockRestore();

      getButton(page(), 'Boka en till').click();
      await settle(fixture);
      expect(getByLabel(page(), 'Förnamn eller smeknamn').value).toBe('');
      expect(getByLabel(page(), 'BankID och e-legitimation').checked).toBe(false);
      expect(text()).toContain('Bibliotek: Norrby bibliotek');
      expect(text()).toContain('Ingen tid vald än.');
    });

    it('offer the nearest free times when the chosen one filled up, and keep what was typed', async () => {
      await answerSessions();
      fillPerson();
      await submit();
      const message = 'Den tiden är fullbokad. Välj en annan tid.';
      const alternative = { slotId: 'slot-later', sessionId: 'session-2', start: '2030-03-12T10:00:00+01:00', end: '2030-03-12T10:30:00+01:00', seatsLeft: 2 };
      bookingRequest().flush({ code: 'SLOT_FULL', message, alternatives: [alternative] }, { status: 409, statusText: 'Conflict' });
      await requestsSent();
      await answerSessions(NORRBY.slug, [
        aPublicSession({ slots: [aSlot('2030-03-05T10:00:00+01:00', '2030-03-05T10:30:00+01:00', 0, 'slot-full'), aSlot('2030-03-05T10:30:00+01:00', '2030-03-05T11:00:00+01:00', 0, 'slot-free')] }),
      ]);

      const box = page().querySelector('section.taken');
      expect(box?.textContent).toContain('Tiden hann bli fullbokad');
      expect(box?.textContent).toContain(message);
      expect(document.activeElement).toBe(box);
      expect(radio(/^10:30–11:00/).disabled).toBe(true);
      expect(text()).toContain('Ingen tid vald än.');

      getButton(page(), /^Tisdag 12 mars, 10:00–10:30/).click();
      await settle(fixture);
      expect(page().querySelector('section.taken')).toBeNull();
      const chosen = page().querySelector('.chosen');
      expect(chosen?.textContent?.replace(/\s+/g, ' ')).toContain('Ny tid vald: Tisdag 12 mars, 10:00–10:30');
      expect(chosen?.getAttribute('role')).toBe('status');
      expect(document.activeElement).toBe(chosen);
      expect(getByLabel(page(), 'Förnamn eller smeknamn').value).toBe(' Samir ');

      await submit();
      expect(bookingRequest().request.body).toMatchObject({ slotId: 'slot-later', name: 'Samir', topics: ['bankid', 'skatteverket'] });
    });

    it('show the API’s field messages at the fields and in a summary, keeping what was typed', async () => {
      await answerSessions();
      fillPerson();
      type(getByLabel(page(), 'Telefon (frivilligt)'), '070-123 45 67');
      await submit();
      const nameMessage = 'Skriv ett förnamn eller smeknamn, högst 40 tecken.';
      const phoneMessage = 'Skriv telefonnumret med siffror.';
      bookingRequest().flush(
        { code: 'INVALID_BOOKING', message: 'Rätta det som är markerat.', fields: { name: nameMessage, phone: phoneMessage } },
        { status: 400, statusText: 'Bad Request' },
      );
      await settle(fixture);

      const name = getByLabel(page(), 'Förnamn eller smeknamn');
      expect(name.getAttribute('aria-invalid')).toBe('true');
      expect(descriptionOf(page(), name)).toBe(`Det räcker med ett förnamn eller ett smeknamn. ${nameMessage}`);
      const phone = getByLabel(page(), 'Telefon (frivilligt)');
      expect(descriptionOf(page(), phone)).toContain(phoneMessage);
      expect(phone.value).toBe('070-123 45 67');
      expect(summary()).toContain(`Förnamn eller smeknamn: ${nameMessage}`);
      expect(summary()).toContain(`Telefon: ${phoneMessage}`);
      expect(document.activeElement?.closest('dh-error-summary')).not.toBeNull();
    });

    it('say what is missing before sending anything', async () => {
      await answerSessions();
      await submit();
      http.expectNone('/api/staff/bookings');
      expect(summary()).toContain('Tid: Välj en tid.');
      expect(summary()).toContain('Förnamn eller smeknamn: Skriv personens förnamn eller ett smeknamn.');
      expect(summary()).toContain('Hjälp med: Välj minst en sak som personen vill ha hjälp med.');
      expect(radio(/^10:30–11:00/).getAttribute('aria-invalid')).toBe('true');
    });

    it('are told when the library is not theirs (403 OTHER_SITE)', async () => {
      await answerSessions();
      fillPerson();
      await submit();
      const message = 'Du kan bara boka på ditt eget bibliotek.';
      bookingRequest().flush({ code: 'OTHER_SITE', message }, { status: 403, statusText: 'Forbidden' });
      await settle(fixture);
      expect(summary()).toContain(message);
      expect(getByLabel(page(), 'Förnamn eller smeknamn').value).toBe(' Samir ');
    });

    it('are told when the person already has as many bookings as allowed (409 TOO_MANY_BOOKINGS)', async () => {
      await answerSessions();
      fillPerson();
      await submit();
      const message = 'Personen har redan 3 bokade tider. Avboka en först.';
      bookingRequest().flush({ code: 'TOO_MANY_BOOKINGS', message }, { status: 409, statusText: 'Conflict' });
      await settle(fixture);
      expect(summary()).toContain(message);
      expect(page().querySelector('section.taken')).toBeNull();
    });
  });

  it('library staff without a library are told to ask a coordinator', async () => {
    await open(staff({ role: 'library-staff', siteId: null }));
    expect(page().querySelector('[role="alert"]')?.textContent).toContain('inte kopplat till något bibliotek');
    expect(page().querySelector('form')).toBeNull();
  });

  it('coordinators and partners choose among all libraries, and then see its times', async () => {
    await open(staff({ role: 'partner', partnerId: 'partner-1' }));
    const select = getByLabel<HTMLSelectElement>(page(), 'Bibliotek');
    expect(Array.from(select.options).map((o) => o.textContent?.trim())).toEqual(['Välj bibliotek', 'Stadsbiblioteket', 'Norrby bibliotek']);
    http.expectNone((r) => r.url.endsWith('/sessions'));

    await submit();
    expect(summary()).toContain('Bibliotek: Välj ett bibliotek.');
    expect(summary()).not.toContain('Välj en tid.');

    select.value = STADSBIBLIOTEKET.id;
    select.dispatchEvent(new Event('change'));
    await answerSite(STADSBIBLIOTEKET);
    await answerSessions(STADSBIBLIOTEKET.slug, [aPublicSession()]);
    expect(radio(/^10:00–10:30/).closest('label')?.textContent).toContain('2 platser kvar');
  });

  it('say so when the chosen library cannot be fetched, and try again', async () => {
    await open(staff({ role: 'coordinator' }));
    const select = getByLabel<HTMLSelectElement>(page(), 'Bibliotek');
    select.value = NORRBY.id;
    select.dispatchEvent(new Event('change'));
    await requestsSent();
    expect(text()).toContain('Hämtar tiderna …');
    http.expectOne(`/api/public/sites/${NORRBY.slug}`).flush({ code: 'INTERNAL_ERROR' }, { status: 500, statusText: 'Server Error' });
    await settle(fixture);
    expect(page().querySelector('[role="alert"]')?.textContent).toContain('Vi kunde inte hämta tiderna just nu.');
    http.expectNone((r) => r.url.endsWith('/sessions'));

    getButton(page(), 'Försök igen').click();
    await answerSite(NORRBY);
    await answerSessions();
    expect(page().querySelector('[role="alert"]')).toBeNull();
    expect(radio(/^10:30–11:00/).disabled).toBe(false);
  });

  it('show the times in the library’s own time zone, which comes with the library', async () => {
    await open(staff({ role: 'coordinator' }));
    const select = getByLabel<HTMLSelectElement>(page(), 'Bibliotek');
    select.value = NORRBY.id;
    select.dispatchEvent(new Event('change'));
    await answerSite({ ...NORRBY, timeZone: 'Europe/Helsinki' });
    await answerSessions();
    // 10:30 in Stockholm is 11:30 in Helsinki.
    expect(radio(/^11:30–12:00/).disabled).toBe(false);
  });
});
