import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { NoticeSettings } from '@digihjalpen/domain';
import { getButton, getByLabel, setChecked, settle } from '../../testing/queries';
import { NoticeSettingsPage } from './notice-settings-page';

const allOn: NoticeSettings = { language: 'sv', cancelled: true, shiftChanges: true, timeChanges: true, digest: true };

describe(NoticeSettingsPage.name, () => {
  let fixture: ComponentFixture<NoticeSettingsPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [NoticeSettingsPage], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NoticeSettingsPage);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const status = () => page().querySelector('[role="status"]')?.textContent?.trim() ?? '';
  const box = (label: string | RegExp) => getByLabel(page(), label);
  const language = () => getByLabel<HTMLSelectElement>(page(), 'Språk i mejlen');
  const load = async (settings: NoticeSettings = allOn) => {
    http.expectOne('/api/me/notice-settings').flush(settings);
    await settle(fixture);
  };

  it('says it is loading, then shows the saved choices', async () => {
    expect(page().textContent).toContain('Hämtar dina inställningar …');
    await load({ ...allOn, language: 'ar', digest: false });
    expect(box('En träff där jag har pass ställs in').checked).toBe(true);
    expect(box('Lediga pass varje vecka').checked).toBe(false);
    expect(box('Lediga pass varje vecka').getAttribute('aria-describedby')).toBe('notice-digest-hint');
    expect(language().value).toBe('ar');
    expect(Array.from(language().options).map((o) => o.textContent?.trim())).toEqual(['svenska', 'engelska – English', 'arabiska – العربية']);
  });

  it('saves the choices and the language together, and says what was saved', async () => {
    await load();
    setChecked(box('En samordnare ger mig ett pass eller tar bort mig från ett pass'), false);
    language().value = 'en';
    language().dispatchEvent(new Event('change'));
    getButton(page(), 'Spara').click();
    const req = http.expectOne({ method: 'PUT', url: '/api/me/notice-settings' });
    expect(req.request.body).toEqual({ ...allOn, language: 'en', shiftChanges: false });
    req.flush({ ...allOn, language: 'en', shiftChanges: false });
    await settle(fixture);
    expect(status()).toBe('Sparat. Du får 3 av 4 sorters mejl om dina pass, på engelska.');
  });

  it('says when nothing will be sent, and keeps the choices when saving fails', async () => {
    await load();
    for (const label of ['En träff där jag har pass ställs in', 'En samordnare ger mig ett pass eller tar bort mig från ett pass', 'Tiden för ett av mina pass ändras', 'Lediga pass varje vecka']) {
      setChecked(box(label), false);
    }
    await settle(fixture);
    expect(page().textContent).toContain('Du får inga mejl om dina pass.');
    getButton(page(), 'Spara').click();
    http.expectOne({ method: 'PUT', url: '/api/me/notice-settings' }).flush({ code: 'INTERNAL', message: 'Något gick fel hos oss.' }, { status: 500, statusText: 'Server Error' });
    await settle(fixture);
    expect(status()).toBe('Dina val sparades inte. Något gick fel hos oss.');
    expect(box('Lediga pass varje vecka').checked).toBe(false);
  });

  it('offers to try again when the settings cannot be fetched', async () => {
    http.expectOne('/api/me/notice-settings').flush({ code: 'INTERNAL', message: 'Fel' }, { status: 500, statusText: 'Server Error' });
    await settle(fixture);
    expect(page().querySelector('[role="alert"]')?.textContent).toContain('Vi kunde inte hämta dina inställningar just nu.');
    getButton(page(), 'Försök igen').click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
    await load();
    expect(box('Tiden för ett av mina pass ändras').checked).toBe(true);
  });
});
