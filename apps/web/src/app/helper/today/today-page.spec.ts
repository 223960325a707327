import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DeskSessionView, VisitInput } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { QUEUE_STORAGE } from '../../shared/data/visit-queue/visit-queue';
import { BUILTIN_CATEGORIES } from '../../shared/data/visit-labels';
import { WEB_CRYPTO } from '../../shared/data/web-crypto';
import { descriptionOf, getButton, getByLabel, setChecked, settle, type } from '../../testing/queries';
import { aHelper } from '../../testing/staffing';
import { MemoryStorage, aDeskBooking, aDeskSession, aQueueKey, aVisitView, testCrypto } from '../../testing/visits';
import { TodayPage } from './today-page';

const SESSION_ID = '10000000-0000-4000-8000-000000000001';
const amina = aDeskBooking({ id: '50000000-0000-4000-8000-000000000001', name: 'Amina', slotStart: '2030-03-05T10:30:00+01:00', topics: ['bankid', 'email'], language: 'ar' });
const bo = aDeskBooking({
  id: '50000000-0000-4000-8000-000000000002',
  name: 'Bo',
  slotStart: '2030-03-05T10:00:00+01:00',
  topics: ['printing'],
  language: 'sv',
  ownDevice: false,
  needs: 'Hör dåligt, sitt gärna nära.',
});

describe(TodayPage.name, () => {
  let fixture: ComponentFixture<TodayPage>;
  let http: HttpTestingController;

  /** `more` answers requests the first render makes besides the day and the categories. */
  const setUp = async (sessions: DeskSessionView[], more?: () => void) => {
    TestBed.configureTestingModule({
      imports: [TodayPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthService, useValue: { user: signal(aHelper()), protection: signal({ idleMinutes: 15, queueKey: aQueueKey() }), endReason: signal(null) } },
        { provide: WEB_CRYPTO, useValue: testCrypto },
        { provide: QUEUE_STORAGE, useValue: new MemoryStorage() },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TodayPage);
    fixture.detectChanges();
    http.expectOne('/api/desk/today').flush(sessions);
    http.expectOne('/api/visit-categories').flush(BUILTIN_CATEGORIES);
    if (more) {
      await turn();
      TestBed.tick();
      more();
    }
    await settle(fixture);
  };

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const rows = () => Array.from(page().querySelectorAll<HTMLElement>('li.booking'));
  const row = (name: string) => rows().find((r) => text(r.querySelector('h4')).endsWith(name)) as HTMLElement;
  const facts = (el: HTMLElement) => Array.from(el.querySelectorAll('dt')).map((dt) => [text(dt), text(dt.nextElementSibling)]);
  const turn = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** Waits for a request the page makes after sealing a queued visit (crypto takes a few turns). */
  // Waits by the clock, not by a number of turns: on a busy machine (CI, parallel workers) WebCrypto can
  // take longer than 50 turns, and the test then failed now and then.
  const next = async (method: string, url: string): Promise<TestRequest> => {
    for (const until = Date.now() + 5_000; Date.now() < until; ) {
      const [found] = http.match({ method, url });
      if (found) return found;
      await turn();
    }
    throw new Error(`No ${method} ${url}`);
  };
  /** Sealing and unsealing take a few turns: wait until the page shows what the test expects. */
  const until = async (ready: () => boolean) => {
    for (let i = 0; i < 50 && !ready(); i += 1) await settle(fixture);
  };
  const noContent = { status: 204, statusText: 'No Content' };

  it('says when the helper has no shift today, with a way to their shifts', async () => {
    await setUp([]);
    expect(text(page())).toContain('Du har inget pass i dag.');
    expect(page().querySelector('a[href="/personal"]')?.textContent?.trim()).toBe('Till dina pass');
  });

  it('lists who booked by time, with topics, language, own device and needs', async () => {
    await setUp([aDeskSession({ bookings: [amina, bo] })]);
    expect(text(page().querySelector('h2'))).toMatch(/^Stadsbiblioteket \d\d:\d\d–\d\d:\d\d$/);
    expect(rows().map((r) => text(r.querySelector('h4')))).toEqual(['10:00 Bo', '10:30 Amina']);
    expect(facts(row('Amina'))).toEqual([
      ['Gäller:', 'BankID och e-legitimation, E-post'],
      ['Språk:', 'arabiska'],
      ['Egen mobil eller dator:', 'Tar med egen'],
    ]);
    expect(facts(row('Bo'))).toEqual([
      ['Gäller:', 'Skriva ut och skanna'],
      ['Språk:', 'svenska'],
      ['Egen mobil eller dator:', 'Har ingen egen'],
      ['Behöver:', 'Hör dåligt, sitt gärna nära.'],
    ]);
    expect(getButton(row('Amina'), 'Checka in Amina 10:30')).toBeTruthy();
    expect(getButton(row('Amina'), 'Kom inte Amina 10:30')).toBeTruthy();
  });

  it('checks the helper in and out of the shift', async () => {
    await setUp([aDeskSession()]);
    getButton(page(), 'Checka in på passet').click();
    await turn();
    const checkIn = http.expectOne(`/api/desk/sessions/${SESSION_ID}/check-in`);
    expect(checkIn.request.method).toBe('POST');
    checkIn.flush(null, noContent);
    await settle(fixture);
    expect(text(page().querySelector('.shift-state'))).toMatch(/^Ditt pass: Incheckad \d\d:\d\d\.$/);

    getButton(page(), 'Checka ut från passet').click();
    await turn();
    http.expectOne(`/api/desk/sessions/${SESSION_ID}/check-out`).flush(null, noContent);
    await settle(fixture);
    expect(text(page().querySelector('.shift-state'))).toMatch(/Utcheckad \d\d:\d\d\.$/);
    expect(page().textContent).not.toContain('Checka ut från passet');
  });

  it('marks a no-show and undoes it', async () => {
    await setUp([aDeskSession({ bookings: [amina] })]);
    getButton(row('Amina'), 'Kom inte Amina 10:30').click();
    await turn();
    const req = http.expectOne(`/api/desk/bookings/${amina.id}/attendance`);
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ attendance: 'no-show' });
    req.flush(null, noContent);
    await settle(fixture);
    expect(text(row('Amina'))).toContain('Kom inte');
    expect(row('Amina').querySelector('button')?.textContent).toContain('Ångra Kom inte');

    getButton(row('Amina'), 'Ångra Kom inte Amina 10:30').click();
    await turn();
    const undo = http.expectOne(`/api/desk/bookings/${amina.id}/attendance`);
    expect(undo.request.body).toEqual({ attendance: null });
    undo.flush(null, noContent);
    await settle(fixture);
    expect(getButton(row('Amina'), 'Checka in Amina 10:30')).toBeTruthy();
  });

  it('starts a visit for a booked person with their topics chosen, and logs it in a few clicks', async () => {
    await setUp([aDeskSession({ bookings: [amina] })]);
    getButton(row('Amina'), 'Starta besök Amina 10:30').click();
    await settle(fixture);
    // Starting the visit checks the person in.
    const came = http.expectOne(`/api/desk/bookings/${amina.id}/attendance`);
    expect(came.request.body).toEqual({ attendance: 'checked-in' });
    came.flush(null, noContent);

    expect(text(page().querySelector('.visit h3'))).toBe('Besök: Amina 10:30');
    expect(getByLabel(page(), 'BankID och e-legitimation').checked).toBe(true);
    expect(document.activeElement?.id).toMatch(/-category-bankid$/);
    getByLabel(page(), 'Löst').click();
    getButton(page(), 'Spara besöket').click();

    const post = await next('POST', '/api/visits');
    const body = post.request.body as VisitInput;
    expect(body).toMatchObject({ sessionId: SESSION_ID, bookingId: amina.id, cameVia: 'booked', categories: ['bankid', 'email'], outcome: 'solved', language: 'ar', durationMinutes: 1 });
    expect(body.clientId).toMatch(/^[0-9a-f-]{36}$/);
    post.flush(aVisitView(body), { status: 201, statusText: 'Created' });
    await settle(fixture);

    expect(page().querySelector('.visit')).toBeNull();
    expect(text(page().querySelector('.notice'))).toBe('Besöket är sparat.');
    expect(text(row('Amina'))).toContain('Besöket är sparat');
    expect(text(page().querySelector('.count'))).toBe('Besök loggade: 1');
    // Nothing waited, so there is no queue news.
    expect(text(page().querySelector('#queue-status'))).toBe('');
    expect(document.activeElement?.id).toBe(`booking-${amina.id}`);
  });

  it('saves a drop-in visit on the laptop when the network is down and says it waits', async () => {
    await setUp([aDeskSession()]);
    getButton(page(), '+ Drop-in-besök').click();
    await settle(fixture);
    expect(getByLabel(page(), 'Drop-in').checked).toBe(true);
    setChecked(getByLabel(page(), 'E-post'), true);
    getByLabel(page(), 'Behöver följas upp').click();
    getButton(page(), 'Spara besöket').click();
    (await next('POST', '/api/visits')).error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await settle(fixture);

    expect(text(page().querySelector('.notice'))).toBe('Besöket är sparat på datorn. Det skickas när internet fungerar igen.');
    expect(text(page().querySelector('#queue-status'))).toContain('1 besök väntar på att skickas.');
    expect(text(page().querySelector('.count'))).toBe('Besök loggade: 0 (+ 1 som väntar på att skickas)');

    getButton(page(), 'Försök skicka nu').click();
    const retry = await next('POST', '/api/visits');
    retry.flush(aVisitView(retry.request.body as VisitInput));
    await settle(fixture);
    expect(text(page().querySelector('#queue-status'))).toBe('Alla besök är skickade.');
    expect(text(page().querySelector('.count'))).toBe('Besök loggade: 1');
    expect(text(page().querySelector('.notice'))).toBe('Besöket är sparat.');
  });

  it('offers to book the next time at once after a visit that needs a follow-up', async () => {
    await setUp([aDeskSession()]);
    getButton(page(), '+ Drop-in-besök').click();
    await settle(fixture);
    setChecked(getByLabel(page(), 'E-post'), true);
    getByLabel(page(), 'Behöver följas upp').click();
    getButton(page(), 'Spara besöket').click();
    const sent = await next('POST', '/api/visits');
    sent.flush(aVisitView(sent.request.body as VisitInput), { status: 201, statusText: 'Created' });
    // The booking panel asks for the site's times at once (not settle(): it would wait for that answer).
    let times: TestRequest | undefined;
    for (const deadline = Date.now() + 5_000; !times && Date.now() < deadline; ) {
      await turn();
      TestBed.tick();
      times = http.match((r) => r.url === '/api/public/sites/stadsbiblioteket/sessions')[0];
    }
    expect(text(page().querySelector('dh-follow-up-booking h3'))).toBe('Boka nästa tid');
    times?.flush([]);
    await settle(fixture);
    expect(text(page().querySelector('dh-follow-up-booking'))).toContain('Det finns inga träffar att boka de här veckorna.');
    getButton(page(), 'Inte nu').click();
    await settle(fixture);
    expect(page().querySelector('dh-follow-up-booking')).toBeNull();
  });

  it('keeps the form open with the API’s message when a visit is refused', async () => {
    await setUp([aDeskSession()]);
    getButton(page(), '+ Drop-in-besök').click();
    await settle(fixture);
    setChecked(getByLabel(page(), 'E-post'), true);
    getByLabel(page(), 'Löst').click();
    getButton(page(), 'Spara besöket').click();
    (await next('POST', '/api/visits')).flush(
      { code: 'NOT_ON_SESSION', message: 'Du har inget pass på den här träffen.' },
      { status: 403, statusText: 'Forbidden' },
    );
    await until(() => !!page().querySelector('.visit dh-error-summary .summary'));
    expect(text(page().querySelector('.visit dh-error-summary'))).toContain('Du har inget pass på den här träffen.');
    expect(text(page().querySelector('#queue-status'))).toBe('');
  });

  it('lists a queued visit the API later refused, to correct and send again with the same id', async () => {
    await setUp([aDeskSession()]);
    getButton(page(), '+ Drop-in-besök').click();
    await settle(fixture);
    setChecked(getByLabel(page(), 'E-post'), true);
    getByLabel(page(), 'Löst').click();
    type(getByLabel(page(), 'Tid i minuter'), '20');
    getButton(page(), 'Spara besöket').click();
    const first = await next('POST', '/api/visits');
    const clientId = (first.request.body as VisitInput).clientId;
    first.error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await settle(fixture);

    getButton(page(), 'Försök skicka nu').click();
    (await next('POST', '/api/visits')).flush(
      { code: 'INVALID_VISIT', message: 'Besöket behöver rättas.', fields: { durationMinutes: 'Besöket kan inte vara längre än träffen.' } },
      { status: 400, statusText: 'Bad Request' },
    );
    await until(() => !!page().querySelector('.problems'));
    const problems = page().querySelector('.problems') as HTMLElement;
    expect(text(problems.querySelector('h2'))).toBe('1 besök behöver rättas');
    expect(text(problems)).toMatch(/Besök kl\. \d\d:\d\d: E-post, löst\. Besöket behöver rättas\./);
    expect(text(page().querySelector('.notice'))).toContain('Besöket kunde inte skickas.');

    getButton(problems, /^Rätta besöket/).click();
    await settle(fixture);
    const minutes = getByLabel(page(), 'Tid i minuter');
    expect(minutes.value).toBe('20');
    expect(descriptionOf(page(), minutes)).toContain('Besöket kan inte vara längre än träffen.');
    type(minutes, '15');
    getButton(page(), 'Spara besöket').click();
    const again = await next('POST', '/api/visits');
    const body = again.request.body as VisitInput;
    expect(body.durationMinutes).toBe(15);
    expect(body.clientId).toBe(clientId);
    again.flush(aVisitView(body), { status: 201, statusText: 'Created' });
    await until(() => text(page().querySelector('.count')) === 'Besök loggade: 1');
    expect(text(page().querySelector('.count'))).toBe('Besök loggade: 1');
    expect(page().querySelector('.problems')).toBeNull();
  });

  it('offers “Avsluta träffen” near the end, and the report with the counts from the log', async () => {
    const now = Date.now();
    await setUp([aDeskSession({ session: { id: SESSION_ID, start: new Date(now - 100 * 60_000).toISOString(), end: new Date(now + 20 * 60_000).toISOString(), status: 'planned', dropIn: true } })]);
    getButton(page(), 'Avsluta träffen').click();
    await turn();
    TestBed.tick();
    http.expectOne(`/api/desk/sessions/${SESSION_ID}/report-draft`).flush({ sessionId: SESSION_ID, booked: 4, checkedIn: 3, noShows: 1, dropIns: 2, visits: 5 });
    await settle(fixture);

    expect(getByLabel(page(), 'Hade bokat').value).toBe('4');
    expect(getByLabel(page(), 'Besök som loggades').value).toBe('5');
    setChecked(getByLabel(page(), 'Skrivare'), true);
    await fixture.whenStable();
    getButton(page(), 'Bekräfta rapporten').click();
    await settle(fixture);
    http.expectNone(`/api/desk/sessions/${SESSION_ID}/report`);
    expect(descriptionOf(page(), getByLabel(page(), 'Skrivare: vad hände?'))).toBe('Skriv kort vad som var fel.');

    const note = getByLabel(page(), 'Skrivare: vad hände?');
    note.value = 'Papperet fastnar';
    note.dispatchEvent(new Event('input'));
    getButton(page(), 'Bekräfta rapporten').click();
    await settle(fixture);
    const req = http.expectOne(`/api/desk/sessions/${SESSION_ID}/report`);
    expect(req.request.body).toEqual({ booked: 4, checkedIn: 3, noShows: 1, dropIns: 2, visits: 5, equipment: [{ kind: 'printer', note: 'Papperet fastnar' }], notes: null });
    req.flush(null, { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(text(page().querySelector('.report .dh-success'))).toMatch(/^Rapporten är skickad\. Yusuf Ahmadi bekräftade den kl\. \d\d:\d\d\.$/);
  });

  it('opens the report by itself once the session has ended', async () => {
    const now = Date.now();
    const ended = aDeskSession({ session: { id: SESSION_ID, start: new Date(now - 3 * 3_600_000).toISOString(), end: new Date(now - 3_600_000).toISOString(), status: 'planned', dropIn: true } });
    await setUp([ended], () =>
      http.expectOne(`/api/desk/sessions/${SESSION_ID}/report-draft`).flush({ sessionId: SESSION_ID, booked: 0, checkedIn: 0, noShows: 0, dropIns: 1, visits: 1 }),
    );
    expect(getButton(page(), 'Bekräfta rapporten')).toBeTruthy();
    expect(getByLabel(page(), 'Kom på drop-in').value).toBe('1');
  });
});
