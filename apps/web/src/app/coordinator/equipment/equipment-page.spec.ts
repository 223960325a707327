import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { EquipmentIssueView } from '@digihjalpen/domain';
import { getButton, settle } from '../../testing/queries';
import { EquipmentPage } from './equipment-page';

function anIssue(overrides: Partial<EquipmentIssueView> = {}): EquipmentIssueView {
  return {
    id: '60000000-0000-4000-8000-000000000001',
    siteId: '20000000-0000-4000-8000-000000000001',
    siteName: 'Stadsbiblioteket',
    sessionId: '10000000-0000-4000-8000-000000000001',
    sessionStart: '2030-03-05T10:00:00+01:00',
    kind: 'printer',
    note: 'Papperet fastnar hela tiden',
    reportedBy: 'Yusuf Ahmadi',
    reportedAt: '2030-03-05T12:05:00+01:00',
    fixedAt: null,
    fixedBy: null,
    ...overrides,
  };
}

const printer = anIssue();
const wifi = anIssue({ id: '60000000-0000-4000-8000-000000000002', kind: 'wifi', note: 'Nätet försvann i 20 minuter' });
const charger = anIssue({
  id: '60000000-0000-4000-8000-000000000003',
  siteId: '20000000-0000-4000-8000-000000000002',
  siteName: 'Norrby bibliotek',
  kind: 'charger',
  note: 'Laddaren till laptop 2 saknas',
  reportedBy: 'Maria Johansson',
});

describe(EquipmentPage.name, () => {
  let fixture: ComponentFixture<EquipmentPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [EquipmentPage], providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EquipmentPage);
    fixture.detectChanges();
    const req = http.expectOne((r) => r.url === '/api/equipment-issues' && r.params.get('open') === 'true');
    req.flush([printer, wifi, charger]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('lists the open problems per site', () => {
    expect(Array.from(page().querySelectorAll('h2')).map(text)).toEqual(['Norrby bibliotek 1 problem', 'Stadsbiblioteket 2 problem']);
    const printerItem = Array.from(page().querySelectorAll('li.issue'))[1];
    expect(Array.from(printerItem?.querySelectorAll('h3, p') ?? []).map(text)).toEqual([
      'Skrivare',
      'Papperet fastnar hela tiden',
      'Rapporterat av Yusuf Ahmadi efter träffen tisdag 5 mars.',
    ]);
  });

  it('marks a problem fixed, and says so when none is left', async () => {
    for (const [issue, name] of [
      [charger, 'Markera som åtgärdat: laddare på Norrby bibliotek'],
      [printer, 'Markera som åtgärdat: skrivare på Stadsbiblioteket'],
      [wifi, 'Markera som åtgärdat: wifi på Stadsbiblioteket'],
    ] as const) {
      getButton(page(), name).click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const req = http.expectOne(`/api/equipment-issues/${issue.id}/fixed`);
      expect(req.request.method).toBe('POST');
      req.flush(null, { status: 204, statusText: 'No Content' });
      await settle(fixture);
    }
    expect(text(page())).toContain('Inga öppna problem med utrustningen.');
    expect(document.activeElement?.id).toBe('equipment-empty');
  });
});
