import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../shared/auth/auth.service';
import { settle } from '../../testing/queries';
import { HELPER_ID, MODULE_ID, aModule, aSummary } from '../../testing/ocn';
import { aHelper } from '../../testing/staffing';
import { HelperModulesPage } from './helper-modules-page';
import { OcnPage } from './ocn-page';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe(OcnPage.name, () => {
  let fixture: ComponentFixture<OcnPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [OcnPage], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OcnPage);
    fixture.detectChanges();
    http.expectOne('/api/helpers').flush([aHelper({ id: HELPER_ID })]);
    http.expectOne('/api/ocn/modules').flush([aModule()]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('leads to each helper’s modules and to the catalogue editor', () => {
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('.helpers a')?.getAttribute('href')).toBe(`/samordnare/ocn/digivardar/${HELPER_ID}`);
    expect(text(page.querySelector('.catalogue h3'))).toBe('Digital vägledning för andra');
    expect(text(page.querySelector('.catalogue .facts'))).toBe('Nivå 2 · 3 poäng · 2 läranderesultat · 3 kriterier');
    expect(page.querySelector('.catalogue a')?.getAttribute('href')).toBe(`/samordnare/ocn/moduler/${MODULE_ID}`);
    expect(text(page)).toContain('Den som har bedömt får aldrig kvalitetssäkra sin egen bedömning.');
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
    http.expectOne('/api/helpers').flush([aHelper({ id: HELPER_ID })]);
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
});
