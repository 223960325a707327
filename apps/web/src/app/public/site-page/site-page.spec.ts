import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { toPublicSite } from '@digihjalpen/domain';
import { aSite } from '@digihjalpen/domain/testing';
import type { PublicSession } from '../../shared/data/public-api';
import { LanguageService } from '../../shared/i18n/language.service';
import { translocoTesting } from '../../testing/i18n';
import { settle } from '../../testing/queries';
import { SitePage } from './site-page';

const slot = (start: string, end: string, seatsLeft: number) => ({ id: start, start, end, seats: 2, seatsLeft });
const session = (overrides: Partial<PublicSession> & Pick<PublicSession, 'start' | 'end'>): PublicSession => ({
  id: overrides.start,
  status: 'planned',
  dropIn: true,
  slots: [slot(overrides.start, overrides.end, 2)],
  ...overrides,
});

describe(SitePage.name, () => {
  let fixture: ComponentFixture<SitePage>;
  let http: HttpTestingController;
  const site = toPublicSite(aSite({ slug: 'stadsbiblioteket', name: 'Stadsbiblioteket', directions: 'Plan 2, vid fönstren.', contactPhone: '010-123 45 00' }));

  beforeEach(() => {
    document.cookie = 'lang=; max-age=0; path=/';
    TestBed.configureTestingModule({
      imports: [SitePage, translocoTesting()],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SitePage);
    fixture.componentRef.setInput('slug', 'stadsbiblioteket');
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = () => page().textContent?.replace(/\s+/g, ' ') ?? '';
  const respond = async (siteBody: object, sessions: object, siteStatus?: { status: number; statusText: string }) => {
    http.expectOne('/api/public/sites/stadsbiblioteket').flush(siteBody, siteStatus);
    http.expectOne('/api/public/sites/stadsbiblioteket/sessions').flush(sessions);
    await settle(fixture);
  };

  it('groups the sessions by day and shows wall times in the site’s zone, not the browser’s', async () => {
    await respond(site, [
      session({ start: '2027-03-30T10:00:00+02:00', end: '2027-03-30T12:00:00+02:00' }),
      session({ start: '2027-03-23T10:00:00+01:00', end: '2027-03-23T12:00:00+01:00', slots: [slot('a', 'b', 1), slot('c', 'd', 0)] }),
    ]);
    const days = Array.from(page().querySelectorAll('h3')).map((h) => h.textContent?.trim());
    expect(days).toEqual(['Tisdag 23 mars', 'Tisdag 30 mars']);
    const times = Array.from(page().querySelectorAll('.time')).map((t) => t.textContent?.trim());
    expect(times).toEqual(['10:00–12:00', '10:00–12:00']);
    expect(text()).toContain('Drop-in: du kan komma utan att boka');
    expect(text()).toContain('1 plats kvar att boka');
    expect(text()).toContain('2 platser kvar att boka');
    expect(page().querySelector('h1')?.textContent).toBe('Stadsbiblioteket');
    expect(text()).toContain('Plan 2, vid fönstren.');
    expect(page().querySelector<HTMLAnchorElement>('a[href^="tel:"]')?.getAttribute('href')).toBe('tel:0101234500');
    expect(page().querySelector<HTMLAnchorElement>('.calendar-link')?.getAttribute('href')).toBe('/api/public/sites/stadsbiblioteket/calendar.ics');
  });

  it('marks a cancelled session in words, not only in colour', async () => {
    await respond(site, [session({ start: '2027-03-30T10:00:00+02:00', end: '2027-03-30T12:00:00+02:00', status: 'cancelled' })]);
    expect(page().querySelector('.session')?.textContent?.replace(/\s+/g, ' ')).toContain('Inställd: den här träffen blir inte av.');
    expect(text()).not.toContain('Drop-in');
  });

  it('offers a "Book" link for each time with seats left and says "Fullbokad" in words for a full one', async () => {
    await respond(site, [
      session({
        start: '2027-03-30T10:00:00+02:00',
        end: '2027-03-30T11:00:00+02:00',
        slots: [
          { id: 'slot-1', start: '2027-03-30T10:00:00+02:00', end: '2027-03-30T10:30:00+02:00', seats: 2, seatsLeft: 0 },
          { id: 'slot-2', start: '2027-03-30T10:30:00+02:00', end: '2027-03-30T11:00:00+02:00', seats: 2, seatsLeft: 1 },
        ],
      }),
    ]);
    const links = Array.from(page().querySelectorAll<HTMLAnchorElement>('a.slot-book'));
    expect(links.map((a) => a.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Boka 10:30, Tisdag 30 mars']);
    expect(links[0]?.getAttribute('href')).toBe('/bibliotek/stadsbiblioteket/boka?steg=2&tid=slot-2');
    expect(page().querySelector('.slot-full')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('10:00 Fullbokad');
  });

  it('says so when no sessions are planned', async () => {
    await respond(site, []);
    expect(text()).toContain('Det finns inga träffar inlagda de närmaste veckorna.');
  });

  it('explains a link to a library that does not exist', async () => {
    await respond({ code: 'SITE_NOT_FOUND', message: 'No site' }, [], { status: 404, statusText: 'Not Found' });
    expect(page().querySelector('h1')?.textContent).toContain('Vi hittar inte det biblioteket');
  });

  it('reads in English when the visitor chooses English', async () => {
    await respond(site, [session({ start: '2027-03-30T10:00:00+02:00', end: '2027-03-30T12:00:00+02:00' })]);
    TestBed.inject(LanguageService).use('en');
    await settle(fixture);
    expect(page().querySelector('h3')?.textContent?.trim()).toBe('Tuesday 30 March');
    expect(text()).toContain('Drop-in: you can come without booking');
  });

  it('shows a closure above everything else, in the visitor’s language', async () => {
    const closures = [
      { from: '2027-02-08', to: '2027-02-14', reason: 'Biblioteket inventerar' },
      { from: '2026-12-24', to: '2027-01-06', reason: 'Jul och nyår' },
    ];
    await respond({ ...site, closures }, []);
    const notices = () => Array.from(page().querySelectorAll('.closure-notice')).map((p) => p.textContent?.replace(/\s+/g, ' ').trim());
    expect(notices()).toEqual(['Stängt 8–14 feb.: Biblioteket inventerar', 'Stängt 24 dec. 2026–6 jan. 2027: Jul och nyår']);
    TestBed.inject(LanguageService).use('en');
    await settle(fixture);
    expect(notices()[0]).toBe('Closed 8 – 14 Feb: Biblioteket inventerar');
    TestBed.inject(LanguageService).use('ar');
    await settle(fixture);
    expect(notices()[0]).toBe('مغلق 8–14 فبراير: Biblioteket inventerar');
    expect(page().querySelector('.closure-notice span')?.getAttribute('lang')).toBe('sv');
  });
});
