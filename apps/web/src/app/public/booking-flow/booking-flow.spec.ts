import { Location } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideLocationMocks } from '@angular/common/testing';
import { toPublicSite } from '@digihjalpen/domain';
import { aSite } from '@digihjalpen/domain/testing';
import { acceptLanguageInterceptor } from '../../shared/i18n/accept-language.interceptor';
import { LanguageService } from '../../shared/i18n/language.service';
import { translocoTesting } from '../../testing/i18n';
import { aCreatedBooking, aPublicSession, aSlot } from '../../testing/public';
import { descriptionOf, getButton, getByLabel, setChecked, settle, type } from '../../testing/queries';
import { BookingFlow } from './booking-flow';

@Component({ template: '<p>Bokningssidan</p>' })
class ManagePage {}

const SITE = toPublicSite(aSite({ slug: 'stadsbiblioteket', name: 'Stadsbiblioteket', address: 'Bibliotekstorget 1, 411 38 Staden' }));
const SESSIONS = [
  aPublicSession(),
  aPublicSession({
    id: 'session-2',
    start: '2030-03-12T10:00:00+01:00',
    end: '2030-03-12T11:00:00+01:00',
    dropIn: false,
    slots: [aSlot('2030-03-12T10:00:00+01:00', '2030-03-12T10:30:00+01:00', 0, 'slot-full'), aSlot('2030-03-12T10:30:00+01:00', '2030-03-12T11:00:00+01:00', 2, 'slot-c')],
  }),
];

describe(BookingFlow.name, () => {
  let harness: RouterTestingHarness | undefined;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    harness = undefined;
    document.cookie = 'lang=; max-age=0; path=/';
    sessionStorage.clear();
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideHttpClient(withInterceptors([acceptLanguageInterceptor])),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'bibliotek/:slug/boka', component: BookingFlow },
            { path: 'bokning/:token', component: ManagePage },
          ],
          withComponentInputBinding(),
        ),
        provideLocationMocks(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => {
    http.verify();
    TestBed.inject(LanguageService).use('sv');
  });

  const fixture = () => {
    if (!harness) throw new Error('Open a page first');
    return harness.fixture;
  };
  const page = () => harness?.routeNativeElement as HTMLElement;
  const text = () => page().textContent?.replace(/\s+/g, ' ') ?? '';
  const heading = () => page().querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const query = () => new URL(router.url, 'http://x').searchParams;
  /** Twice: a click starts a navigation, and the new step moves focus in a timeout after rendering. */
  const settleAll = async () => {
    await settle(fixture());
    await settle(fixture());
  };

  const open = async (url: string, sessions: object = SESSIONS) => {
    harness ??= await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    http.expectOne('/api/public/sites/stadsbiblioteket').flush(SITE);
    http.expectOne('/api/public/sites/stadsbiblioteket/sessions').flush(sessions);
    await settleAll();
  };
  const next = async () => {
    getButton(page(), 'Nästa').click();
    await settleAll();
  };
  /** Screens 1–3 filled in: time slot-b, BankID, Amina with e-mail, own device yes. */
  const fillToConfirm = async () => {
    getByLabel(page(), '10:30–11:00 1 plats kvar').click();
    await next();
    getByLabel(page(), 'BankID och e-legitimation').click();
    await next();
    type(getByLabel(page(), 'Förnamn eller smeknamn'), ' Amina ');
    type(getByLabel(page(), 'E-post (om du vill)'), 'amina@example.org');
    getByLabel(page(), 'Ja').click();
    await next();
  };
  const summary = () => page().querySelector('dh-error-summary [tabindex="-1"]');
  const book = async (): Promise<TestRequest> => {
    getButton(page(), 'Boka').click();
    await settle(fixture());
    return http.expectOne('/api/public/bookings');
  };

  it('walks through four screens, one step in the URL each, and books with the referral code from the link', async () => {
    await open('/bibliotek/stadsbiblioteket/boka?ref=KC-12');
    // The partner's figures count the opened link, once: the steps below ask nothing more of it.
    http.expectOne({ method: 'POST', url: '/api/public/referrals/KC-12/opened' }).flush(null, { status: 204, statusText: 'No Content' });
    expect(heading()).toBe('Steg 1 av 4: Välj en tid');
    expect(text()).toContain('Du bokar en tid på Stadsbiblioteket');
    // Free times only, grouped by day; the full one is not offered.
    expect(Array.from(page().querySelectorAll('fieldset.day legend')).map((l) => l.textContent?.trim())).toEqual(['Tisdag 5 mars', 'Tisdag 12 mars']);
    expect(() => getByLabel(page(), /^10:00–10:30.*12/)).toThrow();
    expect(getByLabel(page(), /^10:30–11:00 1 plats kvar$/).type).toBe('radio');

    getByLabel(page(), /^10:30–11:00 1 plats kvar$/).click();
    await next();
    expect(heading()).toBe('Steg 2 av 4: Vad vill du ha hjälp med?');
    expect(query().get('steg')).toBe('2');
    expect(query().get('tid')).toBe('slot-b');
    expect(query().get('ref')).toBe('KC-12');
    expect(document.activeElement).toBe(page().querySelector('h1'));
    expect(text()).toContain('Din tid: Tisdag 5 mars, 10:30–11:00');

    const bankid = getByLabel(page(), 'BankID och e-legitimation');
    expect(bankid.type).toBe('checkbox');
    bankid.click();
    getByLabel(page(), 'E-post').click();
    await next();
    expect(heading()).toBe('Steg 3 av 4: Om dig');
    expect(descriptionOf(page(), getByLabel(page(), 'Förnamn eller smeknamn'))).toBe('Det räcker med förnamn eller smeknamn.');
    expect(descriptionOf(page(), getByLabel(page(), 'E-post (om du vill)'))).toContain('en påminnelse dagen innan');
    expect(getByLabel(page(), 'Svenska').checked).toBe(true);

    type(getByLabel(page(), 'Förnamn eller smeknamn'), ' Amina ');
    type(getByLabel(page(), 'E-post (om du vill)'), 'amina@example.org');
    getByLabel(page(), 'Ja').click();
    type(getByLabel<HTMLTextAreaElement>(page(), 'Något mer vi behöver veta? (om du vill)'), 'Behöver hörslinga');
    await next();
    expect(heading()).toBe('Steg 4 av 4: Kontrollera och boka');
    expect(query().get('ref')).toBe('KC-12');
    expect(text()).toContain('Tisdag 5 mars, 10:30–11:00');
    expect(text()).toContain('BankID och e-legitimation');
    expect(text()).toContain('KC-12');
    const changeLinks = Array.from(page().querySelectorAll('.summary-head a')).map((a) => [a.textContent?.replace(/\s+/g, ' ').trim(), a.getAttribute('href')]);
    expect(changeLinks).toEqual([
      ['Ändra tid', '/bibliotek/stadsbiblioteket/boka?ref=KC-12&steg=1&tid=slot-b'],
      ['Ändra vad du vill ha hjälp med', '/bibliotek/stadsbiblioteket/boka?ref=KC-12&steg=2&tid=slot-b'],
      ['Ändra uppgifterna om dig', '/bibliotek/stadsbiblioteket/boka?ref=KC-12&steg=3&tid=slot-b'],
    ]);

    const request = await book();
    expect(request.request.headers.get('Accept-Language')).toBe('sv');
    expect(request.request.body).toEqual({
      slotId: 'slot-b',
      name: 'Amina',
      email: 'amina@example.org',
      phone: null,
      language: 'sv',
      topics: ['bankid', 'email'],
      ownDevice: true,
      needs: 'Behöver hörslinga',
      ref: 'KC-12',
      website: '',
    });
    // Sending: the button says so and a second press sends nothing.
    const button = getButton(page(), 'Bokar …');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    button.click();
    http.expectNone('/api/public/bookings');

    const created = aCreatedBooking();
    request.flush(created, { status: 201, statusText: 'Created' });
    await settleAll();
    expect(router.url).toBe('/bokning/secret-token');
    // The manage page gets the masked view only: the router state is kept in the browser's history.
    const { email: _email, phone: _phone, topics: _topics, needs: _needs, manageToken: _token, manageUrl: _url, ...view } = created;
    expect(router.lastSuccessfulNavigation()?.extras.state).toEqual({ handedOver: { token: 'secret-token', booking: view } });
    expect(JSON.stringify(router.lastSuccessfulNavigation()?.extras.state)).not.toContain('amina@example.org');
  });

  it('tells the API once per tab that a partner’s link was opened, and books even when that fails', async () => {
    const opened = (code: string) => ({ method: 'POST', url: `/api/public/referrals/${code}/opened` });
    await open('/bibliotek/stadsbiblioteket/boka?ref=AB12%2FCD%2034');
    const first = http.expectOne(opened('AB12%2FCD%2034'));
    expect(first.request.body).toBeNull();
    first.flush({ code: 'INTERNAL' }, { status: 500, statusText: 'Server Error' });
    await settleAll();
    expect(heading()).toBe('Steg 1 av 4: Välj en tid');
    expect(page().querySelector('[role=alert]')).toBeNull();

    // Failed, so the next opening tries again; after a success it is not told again in this tab.
    await harness?.navigateByUrl('/bokning/secret-token');
    await open('/bibliotek/stadsbiblioteket/boka?ref=AB12%2FCD%2034');
    http.expectOne(opened('AB12%2FCD%2034')).flush(null, { status: 204, statusText: 'No Content' });
    await harness?.navigateByUrl('/bokning/secret-token');
    await open('/bibliotek/stadsbiblioteket/boka?ref=AB12%2FCD%2034&steg=1');
    http.expectNone(opened('AB12%2FCD%2034'));

    // Another code is another referral.
    await harness?.navigateByUrl('/bokning/secret-token');
    await open('/bibliotek/stadsbiblioteket/boka?ref=KC4M-7QXH');
    http.expectOne(opened('KC4M-7QXH')).flush(null, { status: 204, statusText: 'No Content' });

    await fillToConfirm();
    const request = await book();
    expect(request.request.body).toMatchObject({ ref: 'KC4M-7QXH' });
    request.flush(aCreatedBooking(), { status: 201, statusText: 'Created' });
    await settleAll();
  });

  it('tells the API nothing without a referral code', async () => {
    await open('/bibliotek/stadsbiblioteket/boka?ref=%20');
    http.expectNone((r) => r.url.startsWith('/api/public/referrals/'));
  });

  it('goes back a step with the browser’s back button and keeps what was chosen', async () => {
    await open('/bibliotek/stadsbiblioteket/boka');
    getByLabel(page(), '10:30–11:00 1 plats kvar').click();
    await next();
    getByLabel(page(), 'Skatteverket').click();
    await next();
    expect(heading()).toContain('Steg 3 av 4');

    router.setUpLocationChangeListener();
    TestBed.inject(Location).back();
    await settleAll();
    expect(heading()).toContain('Steg 2 av 4');
    expect(getByLabel(page(), 'Skatteverket').checked).toBe(true);

    getButton(page(), 'Tillbaka').click();
    await settleAll();
    expect(heading()).toContain('Steg 1 av 4');
    expect(getByLabel(page(), '10:30–11:00 1 plats kvar').checked).toBe(true);
  });

  it('says what is missing on each screen, in a summary linked to the field, without asking the server', async () => {
    await open('/bibliotek/stadsbiblioteket/boka');
    await next();
    expect(heading()).toContain('Steg 1 av 4');
    expect(summary()?.textContent).toContain('Lediga tider: Välj en tid.');
    expect(summary()?.querySelector('a')?.getAttribute('href')).toBe('#booking-slot');
    expect(document.getElementById('booking-slot')?.getAttribute('type')).toBe('radio');
    expect(document.activeElement).toBe(summary());

    getByLabel(page(), /^10:00–10:30/).click();
    await next();
    await next();
    expect(summary()?.textContent).toContain('Välj minst en sak du vill ha hjälp med.');
    for (const topic of ['E-post', 'Dator', 'Skatteverket', 'Bank och Swish', 'Något annat', 'Samhällsinformation']) getByLabel(page(), topic).click();
    await next();
    expect(summary()?.textContent).toContain('Välj högst 5 saker.');
    setChecked(getByLabel(page(), 'Något annat'), false);
    await next();

    expect(heading()).toContain('Steg 3 av 4');
    type(getByLabel(page(), 'E-post (om du vill)'), 'amina@');
    type(getByLabel(page(), 'Telefon (om du vill)'), 'ring mig');
    type(getByLabel<HTMLTextAreaElement>(page(), 'Något mer vi behöver veta? (om du vill)'), 'x'.repeat(301));
    await next();
    expect(heading()).toContain('Steg 3 av 4');
    const name = getByLabel(page(), 'Förnamn eller smeknamn');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), name)).toContain('Skriv ditt förnamn eller ett smeknamn.');
    expect(descriptionOf(page(), getByLabel(page(), 'E-post (om du vill)'))).toContain('Skriv e-postadressen så här: namn@exempel.se');
    expect(descriptionOf(page(), getByLabel(page(), 'Telefon (om du vill)'))).toContain('Skriv telefonnumret med siffror');
    expect(descriptionOf(page(), getByLabel(page(), 'Något mer vi behöver veta? (om du vill)'))).toContain('Skriv högst 300 tecken. Nu är det 301.');

    type(name, 'A'.repeat(41));
    await next();
    expect(descriptionOf(page(), name)).toContain('Skriv högst 40 tecken.');
    http.expectNone('/api/public/bookings');
  });

  it('opens on screen 2 with the time chosen on the site page', async () => {
    await open('/bibliotek/stadsbiblioteket/boka?steg=2&tid=slot-a');
    expect(heading()).toContain('Steg 2 av 4');
    expect(text()).toContain('Din tid: Tisdag 5 mars, 10:00–10:30');
  });

  it('sends a reload of a later screen back to the first one with something missing', async () => {
    await open('/bibliotek/stadsbiblioteket/boka?steg=4&tid=slot-a');
    expect(heading()).toContain('Steg 2 av 4');
    expect(query().get('steg')).toBe('2');
  });

  it('asks for another time when the linked time has filled up since', async () => {
    await open('/bibliotek/stadsbiblioteket/boka?steg=2&tid=slot-full');
    expect(heading()).toContain('Steg 1 av 4');
    expect(text()).toContain('Tiden du valde går inte att boka längre. Välj en annan tid.');
    expect(query().get('tid')).toBeNull();
  });

  it('offers the nearest free times when the time was taken, and keeps everything else', async () => {
    await open('/bibliotek/stadsbiblioteket/boka');
    await fillToConfirm();
    (await book()).flush(
      {
        code: 'SLOT_FULL',
        message: 'Tiden är fullbokad.',
        alternatives: [{ slotId: 'slot-c', sessionId: 'session-2', start: '2030-03-12T10:30:00+01:00', end: '2030-03-12T11:00:00+01:00', seatsLeft: 2 }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    // The list is fetched again so that "Change time" does not offer the taken time.
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
    http.expectOne('/api/public/sites/stadsbiblioteket/sessions').flush(SESSIONS);
    await settleAll();

    const taken = page().querySelector('section.taken');
    expect(taken?.querySelector('h2')?.textContent).toBe('Den här tiden hann någon annan boka');
    expect(taken?.textContent).toContain('Tiden är fullbokad.');
    expect(document.activeElement).toBe(taken);
    getButton(page(), 'Tisdag 12 mars, 10:30–11:00').click();
    await settleAll();
    expect(query().get('tid')).toBe('slot-c');
    expect(query().get('steg')).toBe('4');
    expect(page().querySelector('section.taken')).toBeNull();
    expect(text()).toContain('Du har valt en ny tid.');
    expect(page().querySelector('.when')?.textContent).toBe('Tisdag 12 mars, 10:30–11:00');

    const again = await book();
    expect(again.request.body).toMatchObject({ slotId: 'slot-c', name: 'Amina', email: 'amina@example.org', topics: ['bankid'], ownDevice: true });
    again.flush(aCreatedBooking(), { status: 201, statusText: 'Created' });
    await settleAll();
    expect(router.url).toBe('/bokning/secret-token');
  });

  it('shows the server’s field errors on the screen that has the field, and the next one after it is fixed', async () => {
    await open('/bibliotek/stadsbiblioteket/boka');
    await fillToConfirm();
    (await book()).flush(
      { code: 'INVALID_BOOKING', message: 'Kontrollera det som är markerat.', fields: { topics: 'Välj något från listan.', email: 'Den adressen tar inte emot e-post.' } },
      { status: 400, statusText: 'Bad Request' },
    );
    await settleAll();
    expect(heading()).toContain('Steg 2 av 4');
    expect(summary()?.textContent).toContain('Kontrollera det som är markerat.');
    expect(summary()?.textContent).toContain('Välj det du vill ha hjälp med: Välj något från listan.');
    expect(document.activeElement).toBe(summary());

    await next();
    expect(heading()).toContain('Steg 3 av 4');
    const email = getByLabel(page(), 'E-post (om du vill)');
    expect(email.value).toBe('amina@example.org');
    expect(descriptionOf(page(), email)).toContain('Den adressen tar inte emot e-post.');
    type(email, 'amina@example.com');
    await next();
    expect(heading()).toContain('Steg 4 av 4');
    expect(summary()).toBeNull();
  });

  it('shows a refusal the person cannot fix in a form (too many bookings, too many tries) as it is', async () => {
    await open('/bibliotek/stadsbiblioteket/boka');
    await fillToConfirm();
    (await book()).flush({ code: 'TOO_MANY_REQUESTS', message: 'Du har försökt många gånger. Vänta en stund.' }, { status: 429, statusText: 'Too Many Requests' });
    await settleAll();
    expect(heading()).toContain('Steg 4 av 4');
    expect(summary()?.textContent).toContain('Du har försökt många gånger. Vänta en stund.');
    expect(getButton(page(), 'Boka').getAttribute('aria-disabled')).toBeNull();
  });

  it('has a hidden field for bots that people never reach', async () => {
    await open('/bibliotek/stadsbiblioteket/boka?steg=2&tid=slot-a');
    getByLabel(page(), 'E-post').click();
    await next();
    const trap = getByLabel(page(), 'Lämna tomt');
    expect(trap.name).toBe('website');
    expect(trap.tabIndex).toBe(-1);
    expect(trap.getAttribute('autocomplete')).toBe('off');
    expect(trap.closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it('reads right to left in Arabic and asks the API for Arabic answers', async () => {
    await open('/bibliotek/stadsbiblioteket/boka?steg=2&tid=slot-a');
    TestBed.inject(LanguageService).use('ar');
    await settleAll();
    expect(document.documentElement.dir).toBe('rtl');
    expect(query().get('lang')).toBe('ar');
    expect(heading()).toBe('الخطوة 2 من 4: بماذا تريد المساعدة؟');
    getByLabel(page(), 'البريد الإلكتروني').click();
    getButton(page(), 'التالي').click();
    await settleAll();
    type(getByLabel(page(), 'الاسم الأول أو اسم مستعار'), 'أمينة');
    expect(getByLabel(page(), 'العربية').checked).toBe(true);
    getButton(page(), 'التالي').click();
    await settleAll();
    getButton(page(), 'احجز').click();
    await settle(fixture());
    const request = http.expectOne('/api/public/bookings');
    expect(request.request.headers.get('Accept-Language')).toBe('ar');
    expect(request.request.body).toMatchObject({ name: 'أمينة', language: 'ar', topics: ['email'], slotId: 'slot-a' });
    request.flush(aCreatedBooking(), { status: 201, statusText: 'Created' });
    await settleAll();
    expect(router.url).toBe('/bokning/secret-token?lang=ar');
  });
});
