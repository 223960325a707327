import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Schedule, SiteCopyView } from '@digihjalpen/domain';
import { aSchedule, aSite } from '@digihjalpen/domain/testing';
import { todayIn } from '../../shared/data/dates';
import { descriptionOf, getButton, getByLabel, type } from '../../testing/queries';
import { COPIED_STATE_KEY } from './copy-site-api';
import { CopySitePage } from './copy-site-page';

const source = aSite({ name: 'Stadsbiblioteket', slug: 'stadsbiblioteket', languages: ['sv', 'ar'] });
const tuesdays: Schedule = { ...aSchedule({ weekdays: [2], validFrom: '2026-01-06', validUntil: null }), id: '40000000-0000-4000-8000-000000000001', siteId: source.id };
const springOnly: Schedule = { ...aSchedule({ weekdays: [4], validFrom: '2026-01-08', validUntil: '2026-06-11' }), id: '40000000-0000-4000-8000-000000000002', siteId: source.id };
const SITE_URL = `/api/sites/${source.id}`;

describe(CopySitePage.name, () => {
  let fixture: ComponentFixture<CopySitePage>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [CopySitePage], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(CopySitePage);
    fixture.componentRef.setInput('id', source.id);
    fixture.detectChanges();
    http.expectOne(SITE_URL).flush(source);
    http.expectOne(`${SITE_URL}/schedules`).flush([tuesdays, springOnly]);
    await turns();
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  async function turns(count = 3): Promise<void> {
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      TestBed.tick();
    }
  }
  const coming = () => Array.from(page().querySelectorAll('section[aria-labelledby="coming-heading"] li')).map(text);

  it('shows which schedules come along from the start date, and that bookings, shifts and staff do not', async () => {
    expect(text(page().querySelector('h1'))).toBe('Kopiera Stadsbiblioteket');
    expect(text(page())).toContain('Bokningar, pass och personal följer inte med.');
    expect(getByLabel(page(), 'Startdatum').value).toBe(todayIn(source.timeZone));

    type(getByLabel(page(), 'Startdatum'), '2099-03-03');
    await turns();
    const rows = coming();
    expect(rows[0]).toContain('Tisdagar 10:00–12:00');
    expect(rows[0]).toContain('Från tis 3 mars 2099, tills vidare');
    expect(rows[1]).toContain('Följer inte med: schemat slutar före startdatumet.');
  });

  it('sends the name, address and start date, then lands on the new site’s page with a message', async () => {
    type(getByLabel(page(), 'Namn på den nya platsen'), ' Norrby bibliotek ');
    type(getByLabel(page(), 'Adress'), 'Norrby torg 4');
    type(getByLabel(page(), 'Startdatum'), '2099-03-03');
    await turns();
    getButton(page(), 'Kopiera platsen').click();
    await turns();

    const post = http.expectOne(`${SITE_URL}/copy`);
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ name: 'Norrby bibliotek', address: 'Norrby torg 4', startDate: '2099-03-03' });
    const copy: SiteCopyView = { site: { ...source, id: 'new-site-id', name: 'Norrby bibliotek', slug: 'norrby-bibliotek', active: false }, schedules: [tuesdays], sessionsCreated: 26 };
    post.flush(copy);
    await turns();

    expect(navigate).toHaveBeenCalledWith(['/samordnare/platser', 'new-site-id'], {
      state: { [COPIED_STATE_KEY]: expect.stringContaining('Norrby bibliotek är skapad som en kopia av Stadsbiblioteket, med 1 veckoschema och 26 träffar.') },
    });
  });

  it('says what is missing before sending anything', async () => {
    getButton(page(), 'Kopiera platsen').click();
    await turns();
    http.expectNone(`${SITE_URL}/copy`);
    const name = getByLabel(page(), 'Namn på den nya platsen');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), name)).toBe('Skriv den nya platsens namn, till exempel Norrby bibliotek.');
    expect(text(page().querySelector('.dh-alert'))).toContain('Fyll i det som saknas.');
  });

  it('shows the API’s message at the field when the web address is taken', async () => {
    type(getByLabel(page(), 'Namn på den nya platsen'), 'Norrby');
    type(getByLabel(page(), 'Adress'), 'Torget 1');
    type(getByLabel(page(), 'Webbadress (valfritt)'), 'stadsbiblioteket');
    getButton(page(), 'Kopiera platsen').click();
    await turns();
    const message = 'Adressnamnet "stadsbiblioteket" används redan av en annan plats. Välj ett annat.';
    http
      .expectOne(`${SITE_URL}/copy`)
      .flush({ code: 'INVALID_SITE', message: 'Platsen behöver ändras innan den kan sparas.', fields: { slug: message } }, { status: 400, statusText: 'Bad Request' });
    await turns();
    expect(descriptionOf(page(), getByLabel(page(), 'Webbadress (valfritt)'))).toContain(message);
    expect(navigate).not.toHaveBeenCalled();
  });
});
