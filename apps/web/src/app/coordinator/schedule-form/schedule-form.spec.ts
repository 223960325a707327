import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { aSchedule } from '@digihjalpen/domain/testing';
import { descriptionOf, getButton, getByLabel, setChecked, settle, type } from '../../testing/queries';
import { PREVIEW_DEBOUNCE_MS, ScheduleForm } from './schedule-form';

const SITE_ID = '00000000-0000-4000-8000-000000000001';
const PREVIEW_URL = `/api/sites/${SITE_ID}/schedules/preview`;

describe(ScheduleForm.name, () => {
  let fixture: ComponentFixture<ScheduleForm>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ScheduleForm],
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: PREVIEW_DEBOUNCE_MS, useValue: 0 }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ScheduleForm);
    fixture.componentRef.setInput('siteId', SITE_ID);
    fixture.componentRef.setInput('timeZone', 'Europe/Stockholm');
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const previewText = () => page().querySelector('.preview')?.textContent?.replace(/\s+/g, ' ') ?? '';
  /**
   * Lets change detection run the debounce effect and its timer, then returns the request the form sent.
   * (Not whenStable(): the pending request keeps the app unstable until the test answers it.)
   */
  const nextPreview = async (): Promise<TestRequest> => {
    for (let turn = 0; turn < 5; turn++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      TestBed.tick();
      const sent = http.match(PREVIEW_URL);
      if (sent.length > 1) throw new Error(`Expected one preview request, found ${sent.length}`);
      if (sent[0]) return sent[0];
    }
    throw new Error('The form sent no preview request');
  };
  const answer = async (req: TestRequest, body: object, init?: { status: number; statusText: string }) => {
    req.flush(body, init);
    await settle(fixture);
  };

  it('asks for a weekday before it can show any dates', async () => {
    expect(previewText()).toContain('Välj minst en veckodag så visas datumen här.');
    await settle(fixture);
    http.expectNone(PREVIEW_URL);
  });

  it('previews the dates the API expands from the schedule, in the site’s time zone', async () => {
    setChecked(getByLabel(page(), 'Tisdag'), true);
    const req = await nextPreview();
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual(aSchedule({ validFrom: req.request.body.validFrom }));
    expect(req.request.body.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await answer(req, [
      { date: '2027-03-23', start: '2027-03-23T10:00:00+01:00', end: '2027-03-23T12:00:00+01:00' },
      // After the switch to summer time the wall time stays 10:00–12:00.
      { date: '2027-03-30', start: '2027-03-30T10:00:00+02:00', end: '2027-03-30T12:00:00+02:00' },
    ]);
    const items = Array.from(page().querySelectorAll('.preview li')).map((li) => li.textContent?.trim());
    expect(previewText()).toContain('Schemat ger 2 träffar');
    expect(items).toEqual(['tis 23 mars 2027, 10:00–12:00', 'tis 30 mars 2027, 10:00–12:00']);
  });

  it('asks again when an input changes, and shows the API’s message next to the field it is about', async () => {
    setChecked(getByLabel(page(), 'Tisdag'), true);
    await answer(await nextPreview(), []);
    expect(previewText()).toContain('Schemat ger inga träffar');

    type(getByLabel(page(), 'Slutar'), '09:00');
    const req = await nextPreview();
    expect(req.request.body.endTime).toBe('09:00');
    await answer(
      req,
      { code: 'INVALID_SCHEDULE', message: 'Schemat behöver ändras innan det kan sparas.', fields: { endTime: 'Sluttiden måste vara efter starttiden.' } },
      { status: 400, statusText: 'Bad Request' },
    );

    const end = getByLabel(page(), 'Slutar');
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), end)).toBe('Sluttiden måste vara efter starttiden.');
    expect(previewText()).toContain('Schemat behöver ändras innan det kan sparas.');
    expect(getByLabel(page(), 'Börjar').getAttribute('aria-invalid')).toBeNull();
  });

  it('sends the numbers and the chosen slot length as numbers', async () => {
    setChecked(getByLabel(page(), 'Onsdag'), true);
    setChecked(getByLabel(page(), 'Fredag'), true);
    type(getByLabel(page(), 'Platser per tid'), '3');
    const slot = getByLabel<HTMLSelectElement>(page(), 'Längd på varje tid');
    slot.value = '45';
    slot.dispatchEvent(new Event('change'));
    setChecked(getByLabel(page(), 'Drop-in: besökare kan komma utan att boka'), false);
    const req = await nextPreview();
    expect(req.request.body).toMatchObject({ weekdays: [3, 5], seatsPerSlot: 3, slotMinutes: 45, dropIn: false });
    await answer(req, []);
  });

  it('saves the schedule and reports how many sessions were created', async () => {
    const saved = jest.fn();
    fixture.componentRef.instance.saved.subscribe(saved);
    setChecked(getByLabel(page(), 'Tisdag'), true);
    await answer(await nextPreview(), []);

    getButton(page(), 'Spara schemat').click();
    await settle(fixture);
    const req = http.expectOne(`/api/sites/${SITE_ID}/schedules`);
    expect(req.request.body.weekdays).toEqual([2]);
    const change = { schedule: { id: 's1', siteId: SITE_ID, ...req.request.body }, created: 26, removed: 0, needsDecision: [] };
    await answer(req, change, { status: 201, statusText: 'Created' });
    expect(saved).toHaveBeenCalledWith(change);
  });
});
