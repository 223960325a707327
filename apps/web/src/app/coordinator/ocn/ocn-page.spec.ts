import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../shared/auth/auth.service';
import { getButton, getByLabel, settle, type } from '../../testing/queries';
import { HELPER_ID, MODULE_ID, aModule, aSummary } from '../../testing/ocn';
import { HELPER_SEARCH_DELAY } from '../helpers/helper-search';
import { aListedHelper, aPage, maria } from '../helpers/helper-testing';
import { HelperModulesPage } from './helper-modules-page';
import { OcnPage } from './ocn-page';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe(OcnPage.name, () => {
  let fixture: ComponentFixture<OcnPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [OcnPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: HELPER_SEARCH_DELAY, useValue: 0 }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OcnPage);
    fixture.detectChanges();
    http.expectOne('/api/helpers?page=1').flush(aPage([aListedHelper({ id: HELPER_ID })], { total: 120 }));
    http.expectOne('/api/ocn/modules').flush([aModule()]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('leads to each helper’s modules and to the catalogue editor', () => {
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('a.helper')?.getAttribute('href')).toBe(`/samordnare/ocn/digivardar/${HELPER_ID}`);
    expect(text(page.querySelector('.catalogue h3'))).toBe('Digital vägledning för andra');
    expect(text(page.querySelector('.catalogue .facts'))).toBe('Nivå 2 · 3 poäng · 2 läranderesultat · 3 kriterier');
    expect(page.querySelector('.catalogue a')?.getAttribute('href')).toBe(`/samordnare/ocn/moduler/${MODULE_ID}`);
    expect(text(page)).toContain('Den som har bedömt får aldrig kvalitetssäkra sin egen bedömning.');
  });

  it('searches the helpers by name and pages through them', async () => {
    const page = fixture.nativeElement as HTMLElement;
    const turn = async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      TestBed.tick();
    };
    expect(text(page.querySelector('#ocn-helper-search-count'))).toBe('120 digivärdar. Sida 1 av 3.');
    getButton(page, 'Nästa sida').click();
    await turn();
    http.expectOne('/api/helpers?page=2').flush(aPage([maria], { page: 2, total: 120 }));
    await settle(fixture);
    expect(Array.from(page.querySelectorAll('a.helper')).map(text)).toEqual(['Maria Johansson']);

    type(getByLabel(page, 'Sök digivärd'), 'maria j');
    await turn();
    // A new search starts on the first page.
    http.expectOne('/api/helpers?q=maria%20j&page=1').flush(aPage([maria]));
    await settle(fixture);
    expect(text(page.querySelector('#ocn-helper-search-count'))).toBe('1 digivärd hittades.');
    expect(page.querySelector('nav[aria-label="Sidor med digivärdar"]')).toBeNull();
  });
});

describe(HelperModulesPage.name, () => {
  let fixture: ComponentFixture<HelperModulesPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [HelperModulesPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: AuthService, useValue: { user: signal(null) } }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HelperModulesPage);
    fixture.componentRef.setInput('helperId', HELPER_ID);
    fixture.detectChanges();
    http.expectOne(`/api/helpers/${HELPER_ID}`).flush(aListedHelper({ id: HELPER_ID }));
    http.expectOne(`/api/ocn/portfolios/${HELPER_ID}`).flush([
      aSummary({ progress: { criteriaWithEvidence: 8, criteriaTotal: 8, criteriaMet: 8, approvedHours: 31, notionalHours: 30 }, creditsAwarded: 3, qualityAssured: true }),
    ]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('shows the helper’s modules with progress and where each stands', () => {
    const page = fixture.nativeElement as HTMLElement;
    expect(text(page.querySelector('h1'))).toBe('Yusuf Ahmadi: moduler');
    const module = page.querySelector('li.module') as HTMLElement;
    expect(module.querySelector('a')?.getAttribute('href')).toBe(`/samordnare/ocn/digivardar/${HELPER_ID}/${MODULE_ID}`);
    expect(Array.from(module.querySelectorAll('progress')).map((p) => p.getAttribute('aria-valuetext'))).toEqual(['8 av 8 kriterier har bevis', '31 av 30 timmar']);
    expect(text(module)).toContain('Läge: Klar: 3 poäng');
    expect(page.querySelector('a[download]')?.getAttribute('href')).toBe(`/api/helpers/${HELPER_ID}/hours.csv`);
  });

  it('says so when there is no helper with that id', async () => {
    fixture.componentRef.setInput('helperId', '30000000-0000-4000-8000-00000000dead');
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
    http
      .expectOne('/api/helpers/30000000-0000-4000-8000-00000000dead')
      .flush({ code: 'HELPER_NOT_FOUND', message: 'Digivärden finns inte.' }, { status: 404, statusText: 'Not Found' });
    http.expectOne('/api/ocn/portfolios/30000000-0000-4000-8000-00000000dead').flush([]);
    await settle(fixture);
    const page = fixture.nativeElement as HTMLElement;
    expect(text(page.querySelector('h1'))).toBe('Digivärd: moduler');
    expect(text(page)).toContain('Det finns ingen digivärd med den adressen.');
  });
});
