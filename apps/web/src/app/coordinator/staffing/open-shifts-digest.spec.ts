import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { getByLabel, settle } from '../../testing/queries';
import { OpenShiftsDigest } from './open-shifts-digest';

describe(OpenShiftsDigest.name, () => {
  let fixture: ComponentFixture<OpenShiftsDigest>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [OpenShiftsDigest], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OpenShiftsDigest);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const toggle = () => getByLabel(root(), 'Skicka mejl om lediga pass till digivärdarna varje vecka');
  const status = () => root().querySelector('[role="status"]')?.textContent?.trim() ?? '';
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  it('shows that the e-mail is off, turns it on and off at once, and says so', async () => {
    expect(toggle().disabled).toBe(true);
    http.expectOne('/api/helper-notices/open-shifts-digest').flush({ enabled: false });
    await settle(fixture);
    expect(toggle().checked).toBe(false);
    expect(toggle().getAttribute('role')).toBe('switch');

    toggle().click();
    await turn();
    const on = http.expectOne({ method: 'PUT', url: '/api/helper-notices/open-shifts-digest' });
    expect(on.request.body).toEqual({ enabled: true });
    on.flush({ enabled: true });
    await settle(fixture);
    expect(toggle().checked).toBe(true);
    expect(status()).toBe('Sparat. Digivärdarna får mejl om lediga pass varje måndag.');

    toggle().click();
    await turn();
    http.expectOne({ method: 'PUT', url: '/api/helper-notices/open-shifts-digest' }).flush({ enabled: false });
    await settle(fixture);
    expect(status()).toBe('Sparat. Digivärdarna får inga mejl om lediga pass.');
  });

  it('puts the switch back and says so when saving fails', async () => {
    http.expectOne('/api/helper-notices/open-shifts-digest').flush({ enabled: true });
    await settle(fixture);
    toggle().click();
    await turn();
    http.expectOne({ method: 'PUT', url: '/api/helper-notices/open-shifts-digest' }).flush({ code: 'INTERNAL', message: 'Något gick fel hos oss.' }, { status: 500, statusText: 'Server Error' });
    await settle(fixture);
    expect(toggle().checked).toBe(true);
    expect(status()).toBe('Ändringen sparades inte. Något gick fel hos oss.');
  });
});
