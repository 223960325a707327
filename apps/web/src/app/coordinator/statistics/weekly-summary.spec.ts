import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { getByLabel, settle } from '../../testing/queries';
import { WeeklySummary } from './weekly-summary';

describe(WeeklySummary.name, () => {
  let fixture: ComponentFixture<WeeklySummary>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [WeeklySummary], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WeeklySummary);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const toggle = () => getByLabel(root(), 'Skicka mig en sammanfattning varje måndag');
  const status = () => root().querySelector('[role="status"]')?.textContent?.trim() ?? '';
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  it('shows the saved choice and saves a new one at once, saying so', async () => {
    http.expectOne('/api/insights/weekly-summary').flush({ enabled: false });
    await settle(fixture);
    expect(toggle().checked).toBe(false);
    expect(toggle().getAttribute('role')).toBe('switch');
    expect(status()).toBe('');

    toggle().click();
    await turn();
    const req = http.expectOne({ method: 'PUT', url: '/api/insights/weekly-summary' });
    expect(req.request.body).toEqual({ enabled: true });
    req.flush({ enabled: true });
    await settle(fixture);
    expect(toggle().checked).toBe(true);
    expect(status()).toBe('Sparat. Du får en sammanfattning varje måndag.');

    toggle().click();
    await turn();
    http.expectOne({ method: 'PUT', url: '/api/insights/weekly-summary' }).flush({ enabled: false });
    await settle(fixture);
    expect(status()).toBe('Sparat. Du får ingen sammanfattning.');
  });

  it('puts the switch back and says so when saving fails', async () => {
    http.expectOne('/api/insights/weekly-summary').flush({ enabled: true });
    await settle(fixture);
    expect(toggle().checked).toBe(true);
    toggle().click();
    await turn();
    http.expectOne({ method: 'PUT', url: '/api/insights/weekly-summary' }).flush({ code: 'INTERNAL', message: 'Något gick fel hos oss.' }, { status: 500, statusText: 'Server Error' });
    await settle(fixture);
    expect(toggle().checked).toBe(true);
    expect(status()).toBe('Ditt val sparades inte. Något gick fel hos oss.');
  });
});
