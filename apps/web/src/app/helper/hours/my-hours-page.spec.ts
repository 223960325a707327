import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../shared/auth/auth.service';
import { addMonths, currentMonth } from '../../shared/data/hours-labels';
import { descriptionOf, getButton, getByLabel, settle, type } from '../../testing/queries';
import { HELPER_ID, MODULE_ID, aSummary, anHoursEntry, myHours } from '../../testing/ocn';
import { aHelper } from '../../testing/staffing';
import { MyHoursPage } from './my-hours-page';

const approved = anHoursEntry({ date: '2030-03-04', minutes: 120, activity: 'training', status: 'approved', reflection: 'Kurs om BankID.' });
const rejected = anHoursEntry({ date: '2030-03-06', minutes: 45, activity: 'meeting', status: 'rejected', rejectReason: 'Mötet var redan med i passet.' });
const flagged = anHoursEntry({ date: '2030-03-05', minutes: 240, activity: 'session', status: 'pending', flagged: true });

describe(MyHoursPage.name, () => {
  let fixture: ComponentFixture<MyHoursPage>;
  let http: HttpTestingController;
  const month = currentMonth();

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [MyHoursPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: AuthService, useValue: { user: signal(aHelper({ id: HELPER_ID })) } }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyHoursPage);
    fixture.detectChanges();
    hoursRequest(month).flush(
      myHours({ month, entries: [approved, flagged, rejected], monthApprovedMinutes: 120, monthPendingMinutes: 240, totalApprovedMinutes: 750 }),
    );
    http.expectOne(`/api/ocn/portfolios/${HELPER_ID}`).flush([aSummary()]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const hoursRequest = (m: string): TestRequest => http.expectOne((r) => r.url === '/api/hours/mine' && r.params.get('month') === m);
  /** A cell's parts (the status word, the reason under it) separated by a space, as they are read. */
  const cellText = (td: Element) =>
    Array.from(td.childNodes)
      .filter((n) => n.nodeType !== Node.COMMENT_NODE)
      .map((n) => n.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  const rows = () => Array.from(page().querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map(cellText));
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  it('shows the month’s and the total hours, and each entry’s state in words', () => {
    expect(Array.from(page().querySelectorAll('.sums dd')).map(text)).toEqual(['2 timmar', '4 timmar', '12,5 timmar']);
    expect(rows()).toEqual([
      ['ons 6 mars 2030', 'Möte', '45 minuter', 'Inte godkänd Varför: Mötet var redan med i passet.'],
      [
        'tis 5 mars 2030',
        'Pass på en träff',
        '4 timmar',
        'Väntar på godkännande Du glömde checka ut, så passet avslutades när träffen slutade. Samordnaren kontrollerar tiden.',
      ],
      ['mån 4 mars 2030', 'Utbildning Kurs om BankID.', '2 timmar', 'Godkänd'],
    ]);
    expect(page().querySelector('a[download]')?.getAttribute('href')).toBe('/api/hours/mine.csv');
    expect(text(page().querySelector('a[download]'))).toBe('Ladda ner mina timmar (CSV)');
  });

  it('shows each module with progress bars that say their numbers, and links to it', () => {
    const module = page().querySelector('li.module') as HTMLElement;
    expect(module.querySelector('a')?.getAttribute('href')).toBe(`/personal/ocn/${MODULE_ID}`);
    const bars = Array.from(module.querySelectorAll('progress'));
    expect(bars.map((b) => [b.getAttribute('aria-valuetext'), b.value, b.max])).toEqual([
      ['4 av 8 kriterier har bevis', 4, 8],
      ['12,5 av 30 timmar', 12.5, 30],
    ]);
    expect(text(module)).toContain('Nivå 2 · 3 poäng (30 timmar)');
    expect(text(module)).toContain('Läge: Inte bedömd än');
  });

  it('goes back a month, and forward again only up to this month', async () => {
    expect(page().textContent).not.toContain('Nästa månad');
    getButton(page(), /Föregående månad/).click();
    await turn();
    hoursRequest(addMonths(month, -1)).flush(myHours({ month: addMonths(month, -1) }));
    await settle(fixture);
    expect(text(page())).toContain('Du har ingen tid rapporterad');
    getButton(page(), /Nästa månad/).click();
    await turn();
    hoursRequest(month).flush(myHours({ month }));
    await settle(fixture);
    expect(page().textContent).not.toContain('Nästa månad');
  });

  it('says what is missing before sending hours', async () => {
    type(getByLabel(page(), 'Timmar'), '13');
    getButton(page(), 'Spara tiden').click();
    await settle(fixture);
    const links = Array.from(page().querySelectorAll('dh-error-summary a')).map(text);
    expect(links).toEqual(['Hur lång tid: Det går att rapportera högst 12 timmar åt gången.', 'Vad gjorde du: Välj vad du gjorde.']);
    expect(getByLabel(page(), 'Timmar').getAttribute('aria-invalid')).toBe('true');
    http.expectNone('/api/hours');
  });

  it('adds time by hand as hours and minutes, and shows it in its month', async () => {
    type(getByLabel(page(), 'Datum'), '2024-01-15');
    type(getByLabel(page(), 'Timmar'), '2');
    type(getByLabel(page(), 'Minuter'), '30');
    getByLabel(page(), /^Förberedelse/).click();
    type(getByLabel(page(), 'Reflektion (frivillig)'), '  Läste på om Kivra.  ');
    getButton(page(), 'Spara tiden').click();
    await turn();
    const req = http.expectOne({ method: 'POST', url: '/api/hours' });
    expect(req.request.body).toEqual({ date: '2024-01-15', minutes: 150, activity: 'preparation', reflection: 'Läste på om Kivra.' });
    req.flush(anHoursEntry({ date: '2024-01-15', minutes: 150, activity: 'preparation' }), { status: 201, statusText: 'Created' });
    await turn();
    hoursRequest('2024-01').flush(myHours({ month: '2024-01', entries: [anHoursEntry({ date: '2024-01-15', minutes: 150, activity: 'preparation' })] }));
    await settle(fixture);
    const saved = page().querySelector('#hours-saved');
    expect(text(saved)).toBe('Tiden är sparad: förberedelse mån 15 jan. 2024, 2 timmar 30 minuter. Den väntar på att en samordnare godkänner den.');
    expect(document.activeElement).toBe(saved);
    expect(text(page().querySelector('#month-heading'))).toBe('Januari 2024');
    expect(getByLabel(page(), 'Timmar').value).toBe('');
  });

  it('shows the API’s reason at the field, e.g. overlapping hours', async () => {
    type(getByLabel(page(), 'Minuter'), '45');
    getByLabel(page(), /^Möte/).click();
    getButton(page(), 'Spara tiden').click();
    await turn();
    const message = 'Du har redan rapporterat precis den här tiden den dagen.';
    http.expectOne('/api/hours').flush({ code: 'HOURS_OVERLAP', message, fields: { minutes: message } }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(text(page().querySelector('dh-error-summary'))).toContain(`Hur lång tid: ${message}`);
    expect(descriptionOf(page(), page().querySelector('fieldset') as HTMLElement)).toContain(message);
  });
});
