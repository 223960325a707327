import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { DASHBOARD_CHARTS, DEFAULT_TIME_ZONE, dashboardTables } from '@digihjalpen/domain';
import { aSite } from '@digihjalpen/domain/testing';
import { todayIn } from '../../shared/data/dates';
import { descriptionOf, getButton, getByLabel, setChecked, type } from '../../testing/queries';
import type { ChartSpec } from './chart-config';
import { ChartRenderer, type RenderedChart } from './chart-renderer';
import { cellText } from './stat-chart';
import { quickPeriod } from './statistics-filters';
import { StatisticsPage } from './statistics-page';
import { NORRBY_ID, STADSBIBLIOTEKET_ID, aCapacityView, aDashboardView, aSuppressedDashboardView } from './statistics-testing';

const stadsbiblioteket = aSite({ id: STADSBIBLIOTEKET_ID, name: 'Stadsbiblioteket', slug: 'stadsbiblioteket' });
const norrby = aSite({ id: NORRBY_ID, name: 'Norrby bibliotek', slug: 'norrby' });

/** Chart.js needs a real canvas; the page's charts go to this instead. */
class FakeChartRenderer {
  readonly drawn: ChartSpec[] = [];
  readonly updated: ChartSpec[] = [];
  destroyed = 0;

  render(_canvas: HTMLCanvasElement, spec: ChartSpec): Promise<RenderedChart> {
    this.drawn.push(spec);
    return Promise.resolve({ update: (next: ChartSpec) => this.updated.push(next), destroy: () => (this.destroyed += 1) });
  }
}

describe(StatisticsPage.name, () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let charts: FakeChartRenderer;

  beforeEach(() => {
    charts = new FakeChartRenderer();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'samordnare/statistik', component: StatisticsPage }], withComponentInputBinding()),
        { provide: ChartRenderer, useValue: charts },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await harness.fixture.whenStable();
  };
  /** Lets a click's navigation and requests go out (whenStable would wait for the answers). */
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const dashboardRequest = (): TestRequest => http.expectOne((r) => r.url === '/api/insights/dashboard');
  const paramsOf = (req: TestRequest) => Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]));
  const chart = (title: string) => {
    const found = Array.from(page().querySelectorAll('dh-stat-chart')).find((c) => text(c.querySelector('h3')) === title);
    if (!found) throw new Error(`No chart ${title}`);
    return found as HTMLElement;
  };
  const tableRows = (root: HTMLElement) => Array.from(root.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map(text));

  /**
   * Opens the page at `url` and answers its requests; `answer` answers the dashboard's (by default
   * with a view). The navigation only settles once every request is answered.
   */
  async function open(url: string, answer: (req: TestRequest) => void = (req) => req.flush(aDashboardView())): Promise<TestRequest> {
    harness = await RouterTestingHarness.create();
    const navigated = harness.navigateByUrl(url, StatisticsPage);
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    http.expectOne('/api/sites').flush([stadsbiblioteket, norrby]);
    http.expectOne('/api/insights/capacity').flush(aCapacityView());
    http.expectOne('/api/insights/weekly-summary').flush({ enabled: false });
    const req = dashboardRequest();
    answer(req);
    await navigated;
    await settle();
    return req;
  }

  it('asks for the API’s default period and all sites, and shows the key figures', async () => {
    const req = await open('/samordnare/statistik');
    expect(paramsOf(req)).toEqual({});
    expect(text(page().querySelector('#results-heading'))).toBe('4–24 mars 2030');
    expect(text(page().querySelector('.scope'))).toBe('Alla platser.');
    const figures = Array.from(page().querySelectorAll('.figure')).map((f) => Array.from(f.children).map(text));
    expect(figures).toEqual([
      ['Besök', '46', 'loggade av digivärdarna'],
      ['Bokningar', '40', 'bokade tider'],
      ['Kom', '31', 'av dem som bokat'],
      ['Uteblev', '16 %', 'av bokningarna som markerats'],
      ['Har varit här förut', '40 %', 'av besöken med svar'],
      ['Beläggning', '63 %', 'av platserna bokade'],
      ['Digivärdarnas tid', '25,5 timmar', 'godkänd tid'],
    ]);
  });

  it('draws one chart per dashboard table, each canvas an image named by its summary', async () => {
    await open('/samordnare/statistik');
    const canvases = Array.from(page().querySelectorAll('canvas'));
    expect(canvases).toHaveLength(DASHBOARD_CHARTS.length);
    expect(canvases.every((c) => c.getAttribute('role') === 'img')).toBe(true);
    expect(charts.drawn.map((s) => s.chart)).toEqual([...DASHBOARD_CHARTS]);
    expect(chart('Besök per vecka').querySelector('canvas')?.getAttribute('aria-label')).toContain('Sammanlagt: bokade 31, drop-in 15.');
    expect(charts.drawn.find((s) => s.chart === 'helper-hours')?.series.map((s) => s.style)).toEqual(['solid', 'stripes']);
  });

  it('takes the filter from the address, and links every CSV with the same query', async () => {
    const view = aDashboardView({ from: '2030-03-01', to: '2030-03-31', siteIds: [NORRBY_ID], suppressed: true });
    const req = await open(`/samordnare/statistik?fran=2030-03-01&till=2030-03-31&platser=${NORRBY_ID}&dolj=1`, (r) => r.flush(view));
    expect(paramsOf(req)).toEqual({ from: '2030-03-01', to: '2030-03-31', sites: NORRBY_ID, suppress: 'true' });
    expect(getByLabel(page(), 'Från och med').value).toBe('2030-03-01');
    expect(getByLabel(page(), 'Till och med').value).toBe('2030-03-31');
    expect(getByLabel(page(), 'Norrby bibliotek').checked).toBe(true);
    expect(getByLabel(page(), 'Stadsbiblioteket').checked).toBe(false);
    expect(getByLabel(page(), 'Dölj tal 1–4 och avrunda till 5-tal (för rapporter som delas)').checked).toBe(true);
    expect(text(page().querySelector('.scope'))).toBe('Norrby bibliotek. Tal 1–4 visas som ”färre än 5”.');
    const links = Array.from(page().querySelectorAll('a[download]')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(DASHBOARD_CHARTS.map((c) => `/api/insights/dashboard/${c}.csv?from=2030-03-01&to=2030-03-31&sites=${NORRBY_ID}&suppress=true`));
  });

  it('puts a new choice in the address and asks again', async () => {
    await open('/samordnare/statistik');
    type(getByLabel(page(), 'Från och med'), '2030-02-01');
    type(getByLabel(page(), 'Till och med'), '2030-02-28');
    setChecked(getByLabel(page(), 'Stadsbiblioteket'), true);
    setChecked(getByLabel(page(), 'Norrby bibliotek'), true);
    setChecked(getByLabel(page(), 'Dölj tal 1–4 och avrunda till 5-tal (för rapporter som delas)'), true);
    getButton(page(), 'Visa').click();
    await turn();
    expect(TestBed.inject(Router).url).toBe(`/samordnare/statistik?fran=2030-02-01&till=2030-02-28&platser=${STADSBIBLIOTEKET_ID},${NORRBY_ID}&dolj=1`);
    const req = dashboardRequest();
    expect(paramsOf(req)).toEqual({ from: '2030-02-01', to: '2030-02-28', sites: `${STADSBIBLIOTEKET_ID},${NORRBY_ID}`, suppress: 'true' });
    req.flush(aSuppressedDashboardView({ from: '2030-02-01', to: '2030-02-28' }));
    await settle();
    expect(text(page().querySelector('#results-heading'))).toBe('1–28 februari 2030');
    // The canvases stay; the charts are given the new numbers.
    expect(charts.drawn).toHaveLength(DASHBOARD_CHARTS.length);
    expect(charts.destroyed).toBe(0);
    expect(charts.updated.find((s) => s.chart === 'visits-per-week')?.series[1]?.data).toEqual([5, null, 7]);
  });

  it('applies a quick choice at once', async () => {
    await open('/samordnare/statistik');
    getButton(page(), 'Förra månaden').click();
    await turn();
    const { from, to } = quickPeriod('last-month', todayIn(DEFAULT_TIME_ZONE));
    expect(TestBed.inject(Router).url).toBe(`/samordnare/statistik?fran=${from}&till=${to}`);
    dashboardRequest().flush(aDashboardView({ from, to }));
    await settle();
    expect(getByLabel(page(), 'Från och med').value).toBe(from);
  });

  it('shows a chart as a table with exactly the rows of dashboardTables (the CSV’s rows)', async () => {
    const view = aDashboardView();
    await open('/samordnare/statistik', (req) => req.flush(view));
    const visits = chart('Besök per vecka');
    const toggle = getButton(visits, 'Visa som tabell – Besök per vecka');
    const tableBox = page().querySelector(`#${toggle.getAttribute('aria-controls') ?? 'missing'}`) as HTMLElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(tableBox.hidden).toBe(true);
    toggle.click();
    await settle();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(text(toggle)).toBe('Dölj tabellen – Besök per vecka');
    expect(tableBox.hidden).toBe(false);
    for (const table of dashboardTables(view)) {
      const root = chart(table.title);
      if (table.chart !== 'visits-per-week') getButton(root, `Visa som tabell – ${table.title}`).click();
      await settle();
      expect(Array.from(root.querySelectorAll('thead th')).map(text)).toEqual(table.columns);
      expect(tableRows(root)).toEqual(table.rows.map((row) => row.map((cell, i) => cellText(cell, table.columns[i] ?? ''))));
    }
    expect(tableRows(chart('Digivärdarnas timmar'))).toEqual([
      ['2030-03-04', '8', '0'],
      ['2030-03-11', '7,5', '1,5'],
      ['2030-03-18', '0', '8,5'],
    ]);
  });

  it('writes hidden counts as “färre än 5” and a share without anything to divide by as “–”', async () => {
    const view = aSuppressedDashboardView({ totals: { ...aDashboardView().totals, visits: null, noShowRate: null } });
    await open('/samordnare/statistik?dolj=1', (req) => req.flush(view));
    const figure = (label: string) => Array.from(page().querySelectorAll('.figure')).find((f) => text(f.querySelector('dt')) === label);
    expect(text(figure('Besök')?.querySelector('.figure-value'))).toBe('färre än 5');
    expect(text(figure('Uteblev')?.querySelector('.figure-value'))).toBe('–inget tal att visa');

    expect(text(chart('Besök per vecka'))).toContain('Tal under 5 visas inte i diagrammet.');
    expect(text(chart('Digivärdarnas timmar'))).not.toContain('Tal under 5 visas inte');

    const categories = chart('Vad besöken gällde');
    getButton(categories, 'Visa som tabell – Vad besöken gällde').click();
    await settle();
    expect(tableRows(categories)).toContainEqual(['1177 och vården', 'färre än 5']);
    expect(text(categories)).toContain('”Färre än 5” betyder 1–4.');

    const bySite = chart('Beläggning per plats');
    getButton(bySite, 'Visa som tabell – Beläggning per plats').click();
    await settle();
    expect(tableRows(bySite)).toContainEqual(['Norrby bibliotek', '3', '16', 'färre än 5', 'färre än 5', '0', '–']);
  });

  it('shows the API’s Swedish message at the date when the period is reversed', async () => {
    await open('/samordnare/statistik?fran=2030-04-01&till=2030-03-01', (req) =>
      req.flush(
        { code: 'INVALID_RANGE', message: 'The date range is not valid.', fields: { to: 'Slutdatum är före startdatum. Byt plats på datumen.' } },
        { status: 400, statusText: 'Bad Request' },
      ),
    );
    expect(descriptionOf(page(), getByLabel(page(), 'Till och med'))).toBe('Tomt: i dag. Slutdatum är före startdatum. Byt plats på datumen.');
    expect(getByLabel(page(), 'Till och med').getAttribute('aria-invalid')).toBe('true');
    const summary = page().querySelector('dh-error-summary');
    expect(text(summary)).toContain('Rätta perioden.');
    expect(text(summary)).toContain('Till och med: Slutdatum är före startdatum. Byt plats på datumen.');
    expect(text(summary)).not.toContain('The date range');
    expect(text(page())).toContain('Rätta urvalet ovan, så visas statistiken.');
    expect(page().querySelectorAll('canvas')).toHaveLength(0);
  });

  it('shows an unknown site’s message at the sites', async () => {
    await open('/samordnare/statistik?platser=nope', (req) =>
      req.flush({ code: 'UNKNOWN_SITE', message: 'Rätta urvalet.', fields: { sites: 'Någon av platserna finns inte.' } }, { status: 400, statusText: 'Bad Request' }),
    );
    const fieldset = page().querySelector('fieldset') as HTMLElement;
    expect(descriptionOf(page(), fieldset)).toBe('Välj ingen för att se alla platser. Någon av platserna finns inte.');
    expect(text(page().querySelector('dh-error-summary a'))).toBe('Platser: Någon av platserna finns inte.');
  });

  it('offers to try again when the API fails', async () => {
    await open('/samordnare/statistik', (req) => req.flush({ code: 'INTERNAL', message: 'Något gick fel.' }, { status: 500, statusText: 'Server Error' }));
    expect(text(page().querySelector('[role="alert"]'))).toContain('Vi kunde inte hämta statistiken just nu.');
    getButton(page(), 'Försök igen').click();
    await turn();
    dashboardRequest().flush(aDashboardView());
    await settle();
    expect(page().querySelectorAll('canvas')).toHaveLength(DASHBOARD_CHARTS.length);
  });

  it('says so when there were no visits, and shows only the charts that still have something', async () => {
    const exact = aDashboardView();
    const none = aDashboardView({
      totals: { ...exact.totals, visits: 0, returningShare: null },
      visitsPerWeek: exact.visitsPerWeek.map((w) => ({ ...w, booked: 0, dropIn: 0 })),
      categories: [],
      outcomes: [],
      cameVia: [],
      referredTo: [],
      returning: [],
    });
    await open('/samordnare/statistik', (req) => req.flush(none));
    expect(text(page())).toContain('Inga besök under perioden.');
    expect(Array.from(page().querySelectorAll('dh-stat-chart h3')).map(text)).toEqual(['Kom de som bokat?', 'Hur fulla träffarna var', 'Beläggning per plats', 'Digivärdarnas timmar']);
  });
});
