import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { AuthUser, Page, PublicSiteName, StaffBookingDetail, StaffBookingListItem } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { aPublicSession, aSlot } from '../../testing/public';
import { getButton, getByLabel, settle, type } from '../../testing/queries';
import { BookingsPage } from './bookings-page';

const SITES: PublicSiteName[] = [
  { id: 'site-1', slug: 'stadsbiblioteket', name: 'Stadsbiblioteket' },
  { id: 'site-2', slug: 'norrby-bibliotek', name: 'Norrby bibliotek' },
];
const COORDINATOR: AuthUser = { id: 'u-1', email: 'sam@example.org', name: 'Sam', role: 'coordinator' };
const LIBRARY_STAFF: AuthUser = { id: 'u-2', email: 'lena@example.org', name: 'Lena', role: 'library-staff', siteId: 'site-2' };

function anItem(overrides: Partial<StaffBookingListItem> = {}): StaffBookingListItem {
  return {
    id: 'b-1',
    reference: 'K7F-3QD',
    status: 'confirmed',
    cancelledBy: null,
    name: 'Amina',
    phone: '070-123 45 67',
    email: 'amina@example.org',
    language: 'ar',
    topics: ['bankid'],
    attendance: null,
    slot: { id: 'slot-x', start: '2030-03-05T10:00:00+01:00', end: '2030-03-05T10:30:00+01:00' },
    session: { id: 'session-1', start: '2030-03-05T10:00:00+01:00', end: '2030-03-05T12:00:00+01:00', cancelled: false },
    site: { id: 'site-1', slug: 'stadsbiblioteket', name: 'Stadsbiblioteket', timeZone: 'Europe/Stockholm' },
    bookedByStaff: false,
    keptToSite: false,
    suspiciousRun: null,
    ...overrides,
  };
}
const aDetail = (overrides: Partial<StaffBookingDetail> = {}): StaffBookingDetail => ({
  ...anItem(),
  ownDevice: true,
  needs: null,
  history: { earlier: 3, came: 2, didNotCome: 1, upcoming: 0 },
  changeable: true,
  run: null,
  ...overrides,
});
const RUN = 'run-1';
const aFlaggedDetail = () =>
  aDetail({ suspiciousRun: RUN, email: null, phone: null, run: { id: RUN, bookings: 6, cancellable: 5, toldByEmail: 1, phoneOnly: 2 } });
const pageOf = (items: StaffBookingListItem[]): Page<StaffBookingListItem> => ({ items, page: 1, pageSize: 50, total: items.length });

describe(BookingsPage.name, () => {
  let fixture: ComponentFixture<BookingsPage>;
  let http: HttpTestingController;
  const user = signal<AuthUser | null>(COORDINATOR);

  const tick = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };
  const open = async (who: AuthUser) => {
    user.set(who);
    fixture = TestBed.createComponent(BookingsPage);
    await tick();
    http.expectOne('/api/public/site-names').flush(SITES);
    await settle(fixture);
  };

  beforeEach(() => {
    polyfillDialog();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), { provide: AuthService, useValue: { user } }] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = () => page().textContent?.replace(/\s+/g, ' ') ?? '';
  const term = (label: string) =>
    Array.from(page().querySelectorAll('dl > div'))
      .find((d) => d.querySelector('dt')?.textContent?.trim() === label)
      ?.querySelector('dd')
      ?.textContent?.replace(/\s+/g, ' ')
      .trim();
  const search = async (q: string, answer: Page<StaffBookingListItem>) => {
    type(getByLabel(page(), 'Bokningsnummer, namn eller telefon'), q);
    getButton(page(), 'Sök').click();
    await tick();
    const req = http.expectOne((r) => r.url === '/api/staff/bookings');
    req.flush(answer);
    await settle(fixture);
    return req.request.params;
  };
  const showFirst = async (detail: StaffBookingDetail) => {
    getButton(page(), /^Visa bokningen för/).click();
    await tick();
    http.expectOne(`/api/staff/bookings/${detail.id}`).flush(detail);
    await settle(fixture);
  };

  it('finds a booking by phone and shows it with how the same contact came before (counts only)', async () => {
    await open(COORDINATOR);
    const params = await search('070-123 45 67', pageOf([anItem()]));
    expect(params.get('q')).toBe('070-123 45 67');
    expect(params.get('page')).toBe('1');
    expect(text()).toContain('1 bokning');
    expect(text()).toContain('K7F-3QD');
    await showFirst(aDetail());
    expect(term('Tidigare besök')).toBe('Har bokat 3 gånger förut: kom 2 gånger, kom inte 1 gång.');
    expect(term('Språk')).toBe('arabiska');
  });

  it("lists the whole session's bookings from one booking", async () => {
    await open(COORDINATOR);
    await search('Amina', pageOf([anItem()]));
    await showFirst(aDetail());
    getButton(page(), 'Visa alla bokningar på den här träffen').click();
    await tick();
    const req = http.expectOne((r) => r.url === '/api/staff/bookings');
    expect(req.request.params.get('sessionId')).toBe('session-1');
    expect(req.request.params.get('q')).toBeNull();
    req.flush(pageOf([anItem(), anItem({ id: 'b-2', reference: 'M4P-9TW', name: 'Bo' })]));
    await settle(fixture);
    expect(text()).toContain('2 bokningar');
    expect(term('Status')).toBe('Bokad');
  });

  it('asks for something to search on instead of listing every booking', async () => {
    await open(COORDINATOR);
    getButton(page(), 'Sök').click();
    await settle(fixture);
    expect(page().querySelector('dh-error-summary')?.textContent).toContain('Skriv ett bokningsnummer');
    http.expectNone((r) => r.url === '/api/staff/bookings');
  });

  it('says so when nothing is found', async () => {
    await open(COORDINATOR);
    await search('Zelda', pageOf([]));
    expect(text()).toContain('Inga bokningar hittades');
  });

  it("keeps library staff to their library: it is fixed and sent with every search", async () => {
    await open(LIBRARY_STAFF);
    expect(text()).toContain('Bibliotek: Norrby bibliotek');
    const params = await search('Amina', pageOf([]));
    expect(params.get('siteId')).toBe('site-2');
  });

  it('cancels after a confirmation with a required reason, and says how the person is told', async () => {
    await open(COORDINATOR);
    await search('K7F-3QD', pageOf([anItem()]));
    await showFirst(aDetail());
    getButton(page(), /^Avboka/).click();
    await settle(fixture);
    expect(page().querySelector('dialog[open] h2')?.textContent).toContain('Avboka Aminas tid?');
    dialogButton(page(), 'Ja, avboka tiden').click();
    await settle(fixture);
    expect(page().querySelector('dialog[open]')?.textContent).toContain('Skriv varför');
    http.expectNone((r) => r.url.endsWith('/cancel'));

    type(getByLabel(page(), 'Skäl'), 'Biblioteket är stängt');
    dialogButton(page(), 'Ja, avboka tiden').click();
    await tick();
    const req = http.expectOne('/api/staff/bookings/b-1/cancel');
    expect(req.request.body).toEqual({ reason: 'Biblioteket är stängt' });
    req.flush(aDetail({ status: 'cancelled', cancelledBy: 'staff', changeable: false }));
    await tick();
    http.expectOne((r) => r.url === '/api/staff/bookings').flush(pageOf([anItem({ status: 'cancelled', cancelledBy: 'staff' })]));
    await settle(fixture);
    expect(page().querySelector('dialog[open]')).toBeNull();
    expect(page().querySelector('[role="status"]')?.textContent).toContain('Tiden är avbokad. Amina får ett e-postmeddelande på arabiska med skälet.');
    expect(text()).toContain('Avbokad (av personalen)');
  });

  it("moves to a time chosen from the library's free times, and shows a refusal in the dialog", async () => {
    await open(COORDINATOR);
    await search('Amina', pageOf([anItem()]));
    await showFirst(aDetail());
    getButton(page(), /^Flytta/).click();
    await tick();
    await tick();
    http
      .expectOne((r) => r.url === '/api/public/sites/stadsbiblioteket/sessions')
      .flush([aPublicSession({ slots: [aSlot('2030-03-05T10:00:00+01:00', '2030-03-05T10:30:00+01:00', 0, 'slot-full'), aSlot('2030-03-05T10:30:00+01:00', '2030-03-05T11:00:00+01:00', 1, 'slot-free')] })]);
    await settle(fixture);
    getByLabel(page(), /^10:30–11:00/).click();
    type(getByLabel(page(), 'Skäl'), 'Hon kan inte på förmiddagen');
    dialogButton(page(), 'Flytta tiden').click();
    await tick();
    const req = http.expectOne('/api/staff/bookings/b-1/move');
    expect(req.request.body).toEqual({ slotId: 'slot-free', reason: 'Hon kan inte på förmiddagen' });
    req.flush({ code: 'BOOKING_STARTED', message: 'Tiden har redan börjat och kan inte ändras eller avbokas längre.' }, { status: 409, statusText: 'Conflict' });
    await tick();
    http.expectOne((r) => r.url === '/api/public/sites/stadsbiblioteket/sessions').flush([]);
    await settle(fixture);
    expect(page().querySelector('dialog[open] [role="alert"]')?.textContent).toContain('Tiden har redan börjat');
  });

  describe('suspicious runs', () => {
    it('marks a booking of a suspicious run in the list, with the reason for screen readers', async () => {
      await open(COORDINATOR);
      await search('Amina', pageOf([anItem({ suspiciousRun: RUN }), anItem({ id: 'b-2', reference: 'M4P-9TW', name: 'Bo' })]));
      const badges = Array.from(page().querySelectorAll('.list .run-badge'));
      expect(badges).toHaveLength(1);
      expect(badges[0]?.textContent?.replace(/\s+/g, ' ')).toBe('Misstänkt serie: många bokningar från samma nätverk på kort tid');
    });

    it('lists only flagged bookings when asked, also without any other search', async () => {
      await open(COORDINATOR);
      getByLabel(page(), 'Bara flaggade').click();
      getButton(page(), 'Sök').click();
      await tick();
      const req = http.expectOne((r) => r.url === '/api/staff/bookings');
      expect(req.request.params.get('flagged')).toBe('true');
      expect(req.request.params.get('q')).toBeNull();
      req.flush(pageOf([]));
      await settle(fixture);
      expect(text()).toContain('Inga bokningar hittades');
    });

    it('cancels the whole run after a confirmation that says how many and who is told, with a required reason', async () => {
      await open(COORDINATOR);
      await search('Amina', pageOf([anItem({ suspiciousRun: RUN })]));
      await showFirst(aFlaggedDetail());
      expect(page().querySelector('.run h3')?.textContent?.trim()).toBe('Misstänkt serie');
      expect(page().querySelector('.run p')?.textContent).toBe('6 bokningar gjordes från samma nätverk på kort tid. Det kan vara någon som försöker boka upp tiderna.');
      getButton(page(), /^Avboka hela serien/).click();
      await settle(fixture);
      const dialog = () => page().querySelector('dialog[open]') as HTMLElement;
      expect(dialog().querySelector('h2')?.textContent).toContain('Avboka 5 bokningar i serien?');
      expect(dialog().textContent).toContain('1 person får ett e-postmeddelande med skälet.');
      expect(dialog().textContent).toContain('2 personer har bara telefon.');
      expect(dialog().textContent).toContain('1 av serien är redan avbokade');
      dialogButton(page(), 'Ja, avboka 5 bokningar').click();
      await settle(fixture);
      expect(dialog().textContent).toContain('Skriv varför');
      http.expectNone((r) => r.url.endsWith('/cancel-run'));

      type(getByLabel(dialog(), 'Skäl'), 'Många bokningar på kort tid');
      dialogButton(page(), 'Ja, avboka 5 bokningar').click();
      await tick();
      const req = http.expectOne('/api/staff/bookings/b-1/cancel-run');
      expect(req.request.body).toEqual({ reason: 'Många bokningar på kort tid' });
      req.flush({ cancelled: 5, toldByEmail: 1 });
      await tick();
      http.expectOne('/api/staff/bookings/b-1').flush(aDetail({ status: 'cancelled', cancelledBy: 'staff', changeable: false, suspiciousRun: RUN, run: { id: RUN, bookings: 6, cancellable: 0, toldByEmail: 0, phoneOnly: 0 } }));
      http.expectOne((r) => r.url === '/api/staff/bookings').flush(pageOf([anItem({ status: 'cancelled', cancelledBy: 'staff', suspiciousRun: RUN })]));
      await settle(fixture);
      expect(page().querySelector('dialog[open]')).toBeNull();
      expect(page().querySelector('[role="status"]')?.textContent).toContain('5 bokningar i serien är avbokade. 1 fick e-post med skälet.');
      expect(text()).toContain('Det finns inget kvar i serien som du kan avboka.');
    });

    it('keeps the bookings when the dialog is closed, and shows a refusal in the dialog', async () => {
      await open(COORDINATOR);
      await search('Amina', pageOf([anItem({ suspiciousRun: RUN })]));
      await showFirst(aFlaggedDetail());
      getButton(page(), /^Avboka hela serien/).click();
      await settle(fixture);
      type(getByLabel(page().querySelector('dialog[open]') as HTMLElement, 'Skäl'), 'Serie');
      dialogButton(page(), 'Ja, avboka 5 bokningar').click();
      await tick();
      http.expectOne('/api/staff/bookings/b-1/cancel-run').flush({ code: 'OTHER_SITE', message: 'Du kan bara ändra bokningar på ditt eget bibliotek.' }, { status: 403, statusText: 'Forbidden' });
      await settle(fixture);
      expect(page().querySelector('dialog[open] [role="alert"]')?.textContent).toContain('ditt eget bibliotek');
      dialogButton(page(), 'Behåll bokningarna').click();
      await settle(fixture);
      expect(page().querySelector('dialog[open]')).toBeNull();
    });
  });
});
