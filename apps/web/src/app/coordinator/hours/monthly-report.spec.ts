import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { MonthlyReportView, OrganisationView } from '@digihjalpen/domain';
import { addMonths, currentMonth, monthName } from '../../shared/data/hours-labels';
import { getButton, getByLabel, settle } from '../../testing/queries';
import { MonthlyReport, REPORT_MONTHS } from './monthly-report';

const fontanhuset: OrganisationView = { id: '70000000-0000-4000-8000-000000000001', name: 'Fontänhuset', feeRecipient: 'person', hourlyRate: 150 };
const rsmh: OrganisationView = { id: '70000000-0000-4000-8000-000000000002', name: 'RSMH', feeRecipient: 'organisation', hourlyRate: 200 };

describe(MonthlyReport.name, () => {
  let fixture: ComponentFixture<MonthlyReport>;
  let http: HttpTestingController;
  const month = currentMonth();

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [MonthlyReport], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MonthlyReport);
    fixture.componentRef.setInput('organisations', [fontanhuset, rsmh]);
    fixture.detectChanges();
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const choose = (label: string, value: string) => {
    const select = getByLabel<HTMLSelectElement>(page(), label);
    select.value = value;
    select.dispatchEvent(new Event('change'));
  };
  const reportRequest = (org: OrganisationView, m: string): TestRequest =>
    http.expectOne((r) => r.url === `/api/organisations/${org.id}/report` && r.params.get('month') === m);
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  it('asks for an organisation and offers the last two years', async () => {
    expect(getByLabel<HTMLSelectElement>(page(), 'Månad').options).toHaveLength(REPORT_MONTHS);
    expect(getByLabel<HTMLSelectElement>(page(), 'Månad').value).toBe(month);
    getButton(page(), 'Visa rapporten').click();
    await settle(fixture);
    expect(text(page().querySelector('dh-error-summary'))).toContain('Organisation: Välj vilken organisation rapporten gäller.');
  });

  it('shows approved hours and fees per helper when the fee goes to each person', async () => {
    choose('Organisation', fontanhuset.id);
    const last = addMonths(month, -1);
    choose('Månad', last);
    getButton(page(), 'Visa rapporten').click();
    await turn();
    reportRequest(fontanhuset, last).flush({
      organisation: fontanhuset,
      month: last,
      helpers: [
        { helperId: 'a', name: 'Maria Johansson', approvedMinutes: 0, fee: 0 },
        { helperId: 'b', name: 'Yusuf Ahmadi', approvedMinutes: 330, fee: 825 },
      ],
      totalApprovedMinutes: 330,
      totalFee: 825,
    } satisfies MonthlyReportView);
    await settle(fixture);
    expect(text(page().querySelector('h3'))).toBe(`Fontänhuset, ${monthName(last)}`);
    expect(text(page())).toContain('Arvodet betalas till varje digivärd. Timarvode: 150 kr.');
    expect(Array.from(page().querySelectorAll('tr')).map((tr) => Array.from(tr.children).map(text))).toEqual([
      ['Digivärd', 'Godkänd tid', 'Arvode'],
      ['Maria Johansson', '0 timmar', '0 kr'],
      ['Yusuf Ahmadi', '5,5 timmar', '825 kr'],
      ['Totalt', '5,5 timmar', '825 kr'],
    ]);
    const links = Array.from(page().querySelectorAll('a[download]')).map((a) => a.getAttribute('href'));
    expect(links).toEqual([`/api/organisations/${fontanhuset.id}/report.csv?month=${last}`, `/api/organisations/${fontanhuset.id}/report.pdf?month=${last}`]);
  });

  it('shows the total only when the organisation is paid', async () => {
    choose('Organisation', rsmh.id);
    getButton(page(), 'Visa rapporten').click();
    await turn();
    reportRequest(rsmh, month).flush({ organisation: rsmh, month, helpers: null, totalApprovedMinutes: 600, totalFee: 2000 } satisfies MonthlyReportView);
    await settle(fixture);
    expect(page().querySelector('table')).toBeNull();
    expect(text(page())).toContain('Arvodet betalas till organisationen, så rapporten visar bara den sammanlagda tiden.');
    expect(Array.from(page().querySelectorAll('.totals dd')).map(text)).toEqual(['10 timmar', '2 000 kr']);
  });
});
