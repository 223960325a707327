import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Schedule } from '@digihjalpen/domain';
import { aSchedule, aSite } from '@digihjalpen/domain/testing';
import { todayIn } from '../../shared/data/dates';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { descriptionOf, getButton, getByLabel, setChecked, type } from '../../testing/queries';
import { aCoordinatorSession } from '../../testing/sessions';
import type { ScheduleChange } from '../coordinator-api';
import { PREVIEW_DEBOUNCE_MS } from '../schedule-form/schedule-form';
import { monthCaption } from './session-calendar';
import { SiteAdminPage, describeChange } from './site-admin-page';

const site = aSite({ name: 'Norrby bibliotek', slug: 'norrby-bibliotek', address: 'Norrby torg 1' });
const tuesdays: Schedule = { ...aSchedule(), id: '40000000-0000-4000-8000-000000000001', siteId: site.id };
const wednesdays: Schedule = { ...tuesdays, weekdays: [3] };
/** A Tuesday someone has booked: changing the schedule to Wednesdays keeps it for the coordinator to decide. */
const bookedTuesday = aCoordinatorSession({ seatsBooked: 1 });
const wednesday = aCoordinatorSession({ id: '10000000-0000-4000-8000-000000000002', start: '2030-03-06T10:00:00+01:00', end: '2030-03-06T12:00:00+01:00' });

const SITE_URL = `/api/sites/${site.id}`;
const SCHEDULES_URL = `${SITE_URL}/schedules`;
const SESSIONS_URL = `${SITE_URL}/sessions`;
const PREVIEW_URL = `${SITE_URL}/schedules/preview`;

describe(SiteAdminPage.name, () => {
  let fixture: ComponentFixture<SiteAdminPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    polyfillDialog();
    TestBed.configureTestingModule({
      imports: [SiteAdminPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: PREVIEW_DEBOUNCE_MS, useValue: 0 }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SiteAdminPage);
    fixture.componentRef.setInput('id', site.id);
    fixture.detectChanges();
    http.expectOne(SITE_URL).flush(site);
    http.expectOne(SCHEDULES_URL).flush([tuesdays]);
    http.expectOne(SESSIONS_URL).flush([bookedTuesday]);
    await turns();
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /**
   * Timers, change detection and afterNextRender, a few times over. Not whenStable(): an open request
   * (the schedule form's live preview) keeps the app unstable until the test answers it.
   */
  async function turns(count = 3): Promise<void> {
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      TestBed.tick();
    }
  }
  /** Answers the live previews the schedule form has asked for so far. */
  const answerPreviews = async () => {
    await turns();
    for (const req of http.match((r) => r.url === PREVIEW_URL)) if (!req.cancelled) req.flush([]);
    await turns();
  };

  const changeToWednesdays = async (change: ScheduleChange, sessionsAfter: object[]) => {
    getButton(page(), /^Ändra schemat/).click();
    await turns();
    setChecked(getByLabel(page(), 'Tisdag'), false);
    setChecked(getByLabel(page(), 'Onsdag'), true);
    await answerPreviews();
    getButton(page(), 'Spara ändringarna').click();
    await turns();
    const put = http.expectOne(`/api/schedules/${tuesdays.id}`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ ...aSchedule(), weekdays: [3] });
    put.flush(change);
    await turns();
    http.expectOne(SCHEDULES_URL).flush([wednesdays]);
    http.expectOne(SESSIONS_URL).flush(sessionsAfter);
    await turns();
  };

  describe('changing a schedule', () => {
    it('opens the schedule in the form, and its preview does not count the schedule as overlapping itself', async () => {
      getButton(page(), /^Ändra schemat/).click();
      await turns();
      expect(document.activeElement?.textContent?.trim()).toBe('Ändra schemat: Tisdagar 10:00–12:00');
      expect(getByLabel(page(), 'Tisdag').checked).toBe(true);
      expect(getByLabel(page(), 'Börjar').value).toBe('10:00');
      const preview = http.expectOne((r) => r.url === PREVIEW_URL);
      expect(preview.request.params.get('scheduleId')).toBe(tuesdays.id);
      preview.flush([]);
      await turns();

      getButton(page(), 'Avbryt').click();
      await turns();
      expect(page().querySelector('dh-schedule-form')).toBeNull();
      expect(document.activeElement?.id).toBe(`edit-schedule-${tuesdays.id}`);
    });

    it('says how many sessions were added and removed, and lists the kept ones with bookings to cancel', async () => {
      const change: ScheduleChange = { schedule: wednesdays, created: 3, removed: 2, needsDecision: [{ id: bookedTuesday.id, start: bookedTuesday.start }] };
      await changeToWednesdays(change, [bookedTuesday, wednesday]);

      const result = page().querySelector('.result');
      expect(document.activeElement?.id).toBe('schedule-result');
      expect(text(result?.querySelector('h3'))).toBe('Schemat är ändrat');
      expect(text(result)).toContain('3 nya träffar, 2 borttagna.');
      expect(text(result?.querySelector('h4'))).toBe('Träffar som har bokningar eller digivärdar och därför ligger kvar');
      const kept = Array.from(result?.querySelectorAll('.kept li') ?? []).map(text);
      expect(kept).toEqual(['Tisdag 5 mars 10:00–12:00 1 bokade, 0 digivärdar Ställ in träffen Tisdag 5 mars 10:00–12:00']);
      expect(text(page().querySelector('.schedules .when'))).toBe('Onsdagar 10:00–12:00');

      getButton(result as HTMLElement, /^Ställ in/).click();
      await turns();
      const what = page().querySelector('dialog[open] #cancel-what');
      expect(text(what?.querySelector('strong'))).toBe('Tisdag 5 mars 10:00–12:00');
      expect(text(what)).toContain('1 person har bokat en tid.');
      // Who is told the reason (the helpers on shift and the people who booked with an e-mail address).
      expect(descriptionOf(page(), getByLabel(page(), 'Varför ställs träffen in?'))).toMatch(/^Vi mejlar skälet till digivärdarna som har pass och till dem som har bokat med e-post\./);
      type(getByLabel(page(), 'Varför ställs träffen in?'), 'Schemat är ändrat till onsdagar.');
      dialogButton(page(), 'Ja, ställ in träffen').click();
      await turns();
      const cancel = http.expectOne(`/api/sessions/${bookedTuesday.id}/cancel`);
      expect(cancel.request.body).toEqual({ reason: 'Schemat är ändrat till onsdagar.' });
      cancel.flush({ ...bookedTuesday, status: 'cancelled', cancelReason: 'Schemat är ändrat till onsdagar.', understaffed: false });
      await turns();

      const cancelledItem = page().querySelector('.kept li');
      expect(text(cancelledItem?.querySelector('.kept-when'))).toBe('Tisdag 5 mars 10:00–12:00');
      expect(text(cancelledItem?.querySelector('.status-cancelled'))).toBe('Inställd');
      expect(cancelledItem?.querySelector('button')).toBeNull();
      expect(document.activeElement?.id).toBe(`kept-${bookedTuesday.id}`);
      // The same session in the list of coming sessions shows it is cancelled too.
      expect(text(page().querySelector('li.session'))).toContain('Inställd – Schemat är ändrat till onsdagar.');
    });

    it('lists nothing to decide when every session that no longer fits was unused', async () => {
      await changeToWednesdays({ schedule: wednesdays, created: 1, removed: 1, needsDecision: [] }, [wednesday]);
      const result = page().querySelector('.result');
      expect(text(result)).toContain('1 ny träff, 1 borttagen.');
      expect(result?.querySelector('h4')).toBeNull();

      getButton(page(), 'Stäng meddelandet').click();
      await turns();
      expect(page().querySelector('.result')).toBeNull();
      expect(document.activeElement?.id).toBe(`edit-schedule-${tuesdays.id}`);
    });

    it('shows the API’s message when the changed schedule would overlap another one', async () => {
      getButton(page(), /^Ändra schemat/).click();
      await answerPreviews();
      getButton(page(), 'Spara ändringarna').click();
      await turns();
      http
        .expectOne(`/api/schedules/${tuesdays.id}`)
        .flush({ code: 'OVERLAPPING_SCHEDULE', message: 'Tiden krockar med schemat tisdagar 11:00–13:00.' }, { status: 409, statusText: 'Conflict' });
      await turns();
      expect(text(page().querySelector('dh-error-summary'))).toBe('Tiden krockar med schemat tisdagar 11:00–13:00.');
      expect(page().querySelector('dh-schedule-form')).not.toBeNull();
    });
  });

  it('switches the coming sessions between a list and month calendars', async () => {
    const list = getButton(page(), 'Lista');
    const month = getButton(page(), 'Månad');
    expect(list.getAttribute('aria-pressed')).toBe('true');
    expect(month.getAttribute('aria-pressed')).toBe('false');
    expect(page().querySelectorAll('li.session')).toHaveLength(1);
    expect(page().querySelector('table')).toBeNull();

    month.click();
    await turns();
    expect(month.getAttribute('aria-pressed')).toBe('true');
    expect(list.getAttribute('aria-pressed')).toBe('false');
    expect(page().querySelector('li.session')).toBeNull();
    const today = todayIn('Europe/Stockholm');
    const tables = page().querySelectorAll('dh-session-calendar table');
    // Eight weeks always touch two or three months, starting with this one.
    expect(tables.length).toBeGreaterThanOrEqual(2);
    expect(tables.length).toBeLessThanOrEqual(3);
    expect(text(tables[0]?.querySelector('caption'))).toBe(monthCaption(Number(today.slice(0, 4)), Number(today.slice(5, 7))));
    expect(page().querySelector(`td[data-date="${today}"]`)).not.toBeNull();

    list.click();
    await turns();
    expect(page().querySelector('table')).toBeNull();
    expect(page().querySelectorAll('li.session')).toHaveLength(1);
  });

  it('describes a change in plain words', () => {
    expect(describeChange({ created: 0, removed: 0 })).toBe('Inga träffar lades till eller togs bort.');
    expect(describeChange({ created: 1, removed: 0 })).toBe('1 ny träff, 0 borttagna.');
    expect(describeChange({ created: 26, removed: 1 })).toBe('26 nya träffar, 1 borttagen.');
  });

  it('pauses the site: sends the site without its web address, and shows the new status', async () => {
    expect(text(page().querySelector('.site-status'))).toBe('Status: Aktiv Besökare ser platsen på /bibliotek/norrby-bibliotek.');
    getButton(page(), 'Ändra platsen').click();
    await turns();
    expect(document.activeElement?.id).toBe('edit-site-heading');
    expect(getByLabel(page(), 'Namn').value).toBe('Norrby bibliotek');
    expect(getByLabel(page(), 'Aktiv – syns för besökare').checked).toBe(true);
    expect(page().querySelector('#site-slug')).toBeNull();

    getByLabel(page(), 'Pausad – syns inte för besökare').click();
    getButton(page(), 'Spara ändringarna').click();
    await turns();
    const put = http.expectOne(SITE_URL);
    expect(put.request.method).toBe('PUT');
    const { id: _id, slug: _slug, ...body } = site;
    expect(put.request.body).toEqual({ ...body, active: false });
    put.flush({ ...site, active: false });
    await turns();

    expect(text(page().querySelector('.site-status'))).toBe('Status: Pausad Platsen syns inte för besökare.');
    expect(document.activeElement?.id).toBe('site-saved');
    expect(text(document.activeElement)).toBe('Ändringarna är sparade. Platsen är pausad och syns inte för besökare.');
  });

  describe('an extra session', () => {
    const inAWeek = new Date(Date.parse(`${todayIn('Europe/Stockholm')}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);

    it('is added to the list of sessions and gets focus', async () => {
      getButton(page(), 'Lägg till en extra träff').click();
      await turns();
      expect(document.activeElement?.id).toBe('extra-heading');
      type(getByLabel(page(), 'Datum'), inAWeek);
      type(getByLabel(page(), 'Börjar'), '17:00');
      type(getByLabel(page(), 'Slutar'), '19:00');
      getButton(page(), 'Spara den extra träffen').click();
      await turns();

      const post = http.expectOne(SESSIONS_URL);
      expect(post.request.method).toBe('POST');
      expect(post.request.body).toMatchObject({ date: inAWeek, startTime: '17:00', endTime: '19:00' });
      const extra = aCoordinatorSession({
        id: '10000000-0000-4000-8000-000000000009',
        start: `${inAWeek}T17:00:00+01:00`,
        end: `${inAWeek}T19:00:00+01:00`,
        scheduleId: null,
      });
      post.flush(extra, { status: 201, statusText: 'Created' });
      await turns();

      expect(page().querySelector('dh-extra-session-form')).toBeNull();
      expect(document.activeElement?.id).toBe(`session-${extra.id}`);
      const item = page().querySelector(`li.session:has(#session-${extra.id})`);
      expect(text(item)).toContain('Drop-in, extra träff');
    });

    it('beyond the eight weeks of the list, says it is saved instead', async () => {
      getButton(page(), 'Lägg till en extra träff').click();
      await turns();
      type(getByLabel(page(), 'Datum'), '2099-03-05');
      getButton(page(), 'Spara den extra träffen').click();
      await turns();
      http.expectOne(SESSIONS_URL).flush(aCoordinatorSession({ id: '10000000-0000-4000-8000-000000000010', start: '2099-03-05T10:00:00+01:00', end: '2099-03-05T12:00:00+01:00', scheduleId: null }));
      await turns();

      expect(document.activeElement?.id).toBe('extra-saved');
      expect(text(document.activeElement)).toBe(
        'Den extra träffen Torsdag 5 mars 10:00–12:00 är sparad. Den ligger mer än 8 veckor fram, så den visas inte i listan än.',
      );
      expect(page().querySelectorAll('li.session')).toHaveLength(1);
    });
  });
});
