import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { getButton, settle } from '../../testing/queries';
import { CapacitySignals } from './capacity-signals';
import { NORRBY_ID, STADSBIBLIOTEKET_ID, aCapacityView } from './statistics-testing';

describe(CapacitySignals.name, () => {
  let fixture: ComponentFixture<CapacitySignals>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [CapacitySignals], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CapacitySignals);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const section = (heading: string) => {
    const found = Array.from(root().querySelectorAll('section')).find((s) => text(s.querySelector('h3')) === heading);
    if (!found) throw new Error(`No section ${heading}`);
    return found;
  };

  it('says there is nothing to warn about when no signal is raised', async () => {
    http.expectOne('/api/insights/capacity').flush(aCapacityView());
    await settle(fixture);
    expect(text(root())).toContain('Alla platser, de senaste 8 veckorna och de kommande 14 dagarna.');
    for (const heading of ['Ofta fullbokat – kanske en dag till?', 'Platser med låg användning', 'Kommande träffar som saknar digivärdar']) {
      expect(text(section(heading).querySelector('p'))).toBe('Inget att varna för just nu.');
    }
    expect(root().querySelector('a')).toBeNull();
  });

  it('names the full weekdays, the little-used sites and the sessions that lack helpers', async () => {
    http.expectOne('/api/insights/capacity').flush(
      aCapacityView({
        regularlyFull: [{ siteId: STADSBIBLIOTEKET_ID, site: 'stadsbiblioteket', siteName: 'Stadsbiblioteket', weekday: 2, startTime: '10:00', sessions: 8, fullSessions: 6 }],
        lowUse: [{ siteId: NORRBY_ID, site: 'norrby', siteName: 'Norrby bibliotek', sessions: 5, utilisation: 0.18, visitsPerSession: 1.2 }],
        understaffed: [
          { sessionId: 's1', siteId: STADSBIBLIOTEKET_ID, site: 'stadsbiblioteket', siteName: 'Stadsbiblioteket', start: '2030-03-26T10:00:00+01:00', helpersNeeded: 2, helpers: 1 },
          { sessionId: 's2', siteId: NORRBY_ID, site: 'norrby', siteName: 'Norrby bibliotek', start: '2030-04-02T13:00:00+02:00', helpersNeeded: 1, helpers: 0 },
        ],
      }),
    );
    await settle(fixture);
    expect(text(section('Ofta fullbokat – kanske en dag till?'))).toContain('Stadsbiblioteket, tisdagar 10:00: 6 av 8 träffar fulla');
    expect(text(section('Platser med låg användning'))).toContain('Norrby bibliotek: 18 % av platserna bokade, 1,2 besök per träff (5 träffar)');
    const staffing = section('Kommande träffar som saknar digivärdar');
    expect(Array.from(staffing.querySelectorAll('li')).map(text)).toEqual([
      'Tisdag 26 mars 10:00, Stadsbiblioteket: 1 av 2 digivärdar',
      'Tisdag 2 april 13:00, Norrby bibliotek: 0 av 1 digivärd',
    ]);
    expect(staffing.querySelector('a')?.getAttribute('href')).toBe('/samordnare/bemanning');
  });

  it('offers to try again when the signals cannot be fetched', async () => {
    http.expectOne('/api/insights/capacity').flush({ code: 'INTERNAL', message: 'Fel' }, { status: 500, statusText: 'Server Error' });
    await settle(fixture);
    expect(text(root().querySelector('[role="alert"]'))).toContain('Vi kunde inte hämta signalerna just nu.');
    getButton(root(), 'Försök igen').click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
    http.expectOne('/api/insights/capacity').flush(aCapacityView());
    await settle(fixture);
    expect(text(root())).toContain('Inget att varna för just nu.');
  });
});
