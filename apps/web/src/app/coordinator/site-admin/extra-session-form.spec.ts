import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { descriptionOf, getButton, getByLabel, setChecked, settle, type } from '../../testing/queries';
import { aCoordinatorSession } from '../../testing/sessions';
import { ExtraSessionForm } from './extra-session-form';

const SITE_ID = '00000000-0000-4000-8000-000000000001';
const URL = `/api/sites/${SITE_ID}/sessions`;

describe(ExtraSessionForm.name, () => {
  let fixture: ComponentFixture<ExtraSessionForm>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [ExtraSessionForm], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ExtraSessionForm);
    fixture.componentRef.setInput('siteId', SITE_ID);
    fixture.componentRef.setInput('timeZone', 'Europe/Stockholm');
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const save = async () => {
    getButton(page(), 'Spara den extra träffen').click();
    await settle(fixture);
  };

  it('asks for a date and whole numbers before sending anything', async () => {
    type(getByLabel(page(), 'Platser per tid'), '');
    await save();
    http.expectNone(URL);

    const date = getByLabel(page(), 'Datum');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(page(), date)).toBe('Välj vilket datum den extra träffen är.');
    expect(descriptionOf(page(), getByLabel(page(), 'Platser per tid'))).toBe('Skriv antal platser per tid som ett heltal, 1–50.');
    expect(getByLabel(page(), 'Börjar').getAttribute('aria-invalid')).toBeNull();
    const summary = page().querySelector('dh-error-summary');
    expect(text(summary)).toContain('Datum: Välj vilket datum den extra träffen är.');
    expect(document.activeElement).toBe(summary?.querySelector('.summary'));
  });

  it('refuses a date that has already been, without asking the API', async () => {
    type(getByLabel(page(), 'Datum'), '2020-01-07');
    await save();
    http.expectNone(URL);
    expect(descriptionOf(page(), getByLabel(page(), 'Datum'))).toBe('Träffen måste börja senare än nu. Välj ett datum och en tid framåt i tiden.');
  });

  it('sends the session with numbers as numbers, and hands the saved session on', async () => {
    const created = jest.fn();
    fixture.componentRef.instance.created.subscribe(created);
    type(getByLabel(page(), 'Datum'), '2099-12-08');
    type(getByLabel(page(), 'Börjar'), '17:00');
    type(getByLabel(page(), 'Slutar'), '19:00');
    const slot = getByLabel<HTMLSelectElement>(page(), 'Längd på varje tid');
    slot.value = '20';
    slot.dispatchEvent(new Event('change'));
    type(getByLabel(page(), 'Platser per tid'), '3');
    type(getByLabel(page(), 'Digivärdar som behövs'), '1');
    setChecked(getByLabel(page(), 'Drop-in: besökare kan komma utan att boka'), false);
    await save();

    const req = http.expectOne(URL);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ date: '2099-12-08', startTime: '17:00', endTime: '19:00', slotMinutes: 20, seatsPerSlot: 3, dropIn: false, helpersNeeded: 1 });
    const session = aCoordinatorSession({ start: '2099-12-08T17:00:00+01:00', end: '2099-12-08T19:00:00+01:00', scheduleId: null, dropIn: false });
    req.flush(session, { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(created).toHaveBeenCalledWith(session);
  });

  it('shows the API’s message next to the field it is about', async () => {
    type(getByLabel(page(), 'Datum'), '2099-12-08');
    await save();
    http
      .expectOne(URL)
      .flush(
        { code: 'INVALID_SCHEDULE', message: 'Träffen behöver ändras innan den kan sparas.', fields: { startTime: 'Det finns redan en träff som börjar då på den här platsen.' } },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);
    expect(descriptionOf(page(), getByLabel(page(), 'Börjar'))).toBe('Det finns redan en träff som börjar då på den här platsen.');
    expect(text(page().querySelector('dh-error-summary'))).toContain('Träffen behöver ändras innan den kan sparas.');
  });

  it('puts the schedule rules’ date messages and “already been” on the date', async () => {
    type(getByLabel(page(), 'Datum'), '2099-12-08');
    await save();
    http.expectOne(URL).flush({ code: 'SESSION_IN_PAST', message: 'Träffen har redan varit och kan inte ändras.' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(descriptionOf(page(), getByLabel(page(), 'Datum'))).toBe('Träffen måste börja senare än nu. Välj ett datum och en tid framåt i tiden.');

    type(getByLabel(page(), 'Datum'), '2099-12-09');
    await save();
    http
      .expectOne(URL)
      .flush({ code: 'INVALID_SCHEDULE', message: 'Rätta datumet.', fields: { validFrom: 'Datum kan vara från år 2000 till 2199.' } }, { status: 400, statusText: 'Bad Request' });
    await settle(fixture);
    expect(descriptionOf(page(), getByLabel(page(), 'Datum'))).toBe('Datum kan vara från år 2000 till 2199.');
  });
});
