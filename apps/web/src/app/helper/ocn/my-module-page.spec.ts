import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../shared/auth/auth.service';
import { addMonths, currentMonth } from '../../shared/data/hours-labels';
import { getButton, getByLabel, settle, type } from '../../testing/queries';
import { C11, C12, C21, HELPER_ID, MODULE_ID, aPortfolio, anEvidence, anHoursEntry, myHours } from '../../testing/ocn';
import { aHelper } from '../../testing/staffing';
import { MyModulePage } from './my-module-page';

const PORTFOLIO_URL = `/api/ocn/portfolios/${HELPER_ID}/modules/${MODULE_ID}`;
const training = anHoursEntry({ date: '2030-03-04', minutes: 150, status: 'approved' });
const pending = anHoursEntry({ date: '2030-03-05', minutes: 60, activity: 'meeting', status: 'pending' });

describe(MyModulePage.name, () => {
  let fixture: ComponentFixture<MyModulePage>;
  let http: HttpTestingController;
  const month = currentMonth();

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [MyModulePage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: AuthService, useValue: { user: signal(aHelper({ id: HELPER_ID })) } }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyModulePage);
    fixture.componentRef.setInput('moduleId', MODULE_ID);
    fixture.detectChanges();
    http.expectOne(PORTFOLIO_URL).flush(
      aPortfolio({
        evidence: [
          anEvidence({ criterionIds: [C11, C12] }),
          anEvidence({ kind: 'hours', text: '', criterionIds: [C11], hours: [{ id: training.id, date: '2030-03-04', minutes: 150, activity: 'training' }] }),
          anEvidence({ kind: 'witness-statement', text: 'Jag såg Yusuf visa BankID steg för steg.', criterionIds: [C12], authorName: 'Karin Lindqvist' }),
        ],
        assessment: {
          decisions: { [C11]: { met: true, comment: 'Lyssnar väl.' }, [C12]: { met: false, comment: null }, [C21]: { met: false, comment: null } },
          assessorId: 'assessor-id',
          assessorName: 'Karin Lindqvist',
          assessedAt: '2030-03-10T10:00:00.000Z',
          qualityAssurerName: null,
          qualityAssuredAt: null,
          creditsAwarded: 0,
        },
      }),
    );
    hoursRequest(month).flush(myHours({ month, entries: [training, pending] }));
    await settle(fixture);
  });

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const hoursRequest = (m: string): TestRequest => http.expectOne((r) => r.url === '/api/hours/mine' && r.params.get('month') === m);
  const criterion = (number: string) => Array.from(page().querySelectorAll('li.criterion')).find((li) => text(li.querySelector('h4')).startsWith(number)) as HTMLElement;
  const form = () => page().querySelector('dh-evidence-form') as HTMLElement;
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  it('lists the outcomes and numbered criteria with their evidence and the assessment', () => {
    expect(text(page().querySelector('h1'))).toBe('Digital vägledning för andra');
    expect(Array.from(page().querySelectorAll('h3')).map(text)).toEqual([
      'Läranderesultat 1: Kunna hjälpa en annan person att använda digitala tjänster',
      'Läranderesultat 2: Kunna hänvisa vidare',
    ]);
    const first = criterion('1.1');
    expect(text(first.querySelector('h4'))).toBe('1.1 Ta reda på vad personen behöver hjälp med.');
    expect(text(first.querySelector('.decision'))).toBe('Bedömning: Uppfyllt – Lyssnar väl.');
    expect(text(first)).toContain('Reflektion – Yusuf Ahmadi, ons 6 mars 2030');
    expect(text(first)).toContain('Godkända timmar – Yusuf Ahmadi');
    expect(text(first)).toContain('1 tillfälle, sammanlagt 2,5 timmar:');
    expect(Array.from(first.querySelectorAll('.hours li')).map(text)).toEqual(['mån 4 mars 2030: Utbildning, 2 timmar 30 minuter']);
    expect(text(criterion('1.2'))).toContain('Vittnesintyg – Karin Lindqvist');
    expect(text(criterion('1.2').querySelector('.decision'))).toBe('Bedömning: Inte uppfyllt än');
    expect(text(criterion('2.1'))).toContain('Inga bevis än.');
  });

  it('shows progress, the sign-offs so far and the portfolio PDF', () => {
    const summary = page().querySelector('.summary') as HTMLElement;
    expect(Array.from(summary.querySelectorAll('progress')).map((p) => p.getAttribute('aria-valuetext'))).toEqual(['2 av 3 kriterier har bevis', '12,5 av 30 timmar']);
    expect(text(summary)).toContain('Läge: Bedömd, väntar på kvalitetssäkring');
    expect(Array.from(summary.querySelectorAll('dh-sign-offs p')).map(text)).toEqual([
      'Bedömare: Karin Lindqvist, sön 10 mars 2030',
      'Intern kvalitetssäkrare: Inte kvalitetssäkrad än',
      'Poäng: 0 av 3',
    ]);
    const pdf = summary.querySelector('a[download]');
    expect(text(pdf)).toBe('Ladda ner portfölj (PDF)');
    expect(pdf?.getAttribute('href')).toBe(`${PORTFOLIO_URL}/portfolio.pdf`);
  });

  it('offers only the helper’s own kinds of evidence, and says what is missing', async () => {
    expect(Array.from(form().querySelectorAll('input[type=radio]')).map((r) => text(r.closest('label')))).toEqual([
      'Godkända timmar',
      'Statistik över egna besök',
      'Reflektion',
    ]);
    getButton(form(), 'Lägg till beviset').click();
    await settle(fixture);
    expect(Array.from(form().querySelectorAll('dh-error-summary a')).map(text)).toEqual([
      'Vilken sorts bevis: Välj vilken sorts bevis det är.',
      'Kriterier: Välj minst ett kriterium som beviset visar.',
    ]);
    getByLabel(form(), 'Reflektion').click();
    getByLabel(form(), /^2\.1 /).click();
    getButton(form(), 'Lägg till beviset').click();
    await settle(fixture);
    expect(Array.from(form().querySelectorAll('dh-error-summary a')).map(text)).toEqual(['Din reflektion: Skriv texten.']);
    http.expectNone(`${PORTFOLIO_URL}/evidence`);
  });

  it('links approved hours, from any recent month, to chosen criteria', async () => {
    getByLabel(form(), 'Godkända timmar').click();
    await settle(fixture);
    // Only approved hours can be evidence.
    expect(Array.from(form().querySelectorAll('fieldset input[type=checkbox]')).filter((b) => b.id.includes('-hours-')).length).toBe(1);
    getByLabel(form(), 'mån 4 mars 2030: Utbildning, 2 timmar 30 minuter').click();

    const earlier = addMonths(month, -1);
    const select = getByLabel<HTMLSelectElement>(form(), 'Månad');
    select.value = earlier;
    select.dispatchEvent(new Event('change'));
    await turn();
    const older = anHoursEntry({ date: `${earlier}-20`, minutes: 45, activity: 'meeting', status: 'approved' });
    hoursRequest(earlier).flush(myHours({ month: earlier, entries: [older] }));
    await settle(fixture);
    getByLabel(form(), /: Möte, 45 minuter$/).click();
    await settle(fixture);
    expect(text(form())).toContain('Du har valt 2 tillfällen.');

    getByLabel(form(), /^2\.1 /).click();
    getByLabel(form(), /^1\.2 /).click();
    type(getByLabel(form(), 'Kommentar (frivillig)'), 'Kurs och möte om hänvisning.');
    getButton(form(), 'Lägg till beviset').click();
    await turn();
    const req = http.expectOne({ method: 'POST', url: `${PORTFOLIO_URL}/evidence` });
    expect(req.request.body).toEqual({ kind: 'hours', criterionIds: [C12, C21], text: 'Kurs och möte om hänvisning.', hoursEntryIds: [training.id, older.id] });
    req.flush(aPortfolio({ evidence: [anEvidence({ kind: 'hours', criterionIds: [C12, C21] })] }), { status: 201, statusText: 'Created' });
    await settle(fixture);
    const added = page().querySelector('#evidence-added');
    expect(text(added)).toBe('Beviset är tillagt för kriterierna 1.2, 2.1.');
    expect(document.activeElement).toBe(added);
    expect(form().querySelectorAll('input:checked')).toHaveLength(0);
    expect(text(criterion('2.1'))).toContain('Godkända timmar');
  });

  it('adds visit statistics, counted by the API', async () => {
    getByLabel(form(), 'Statistik över egna besök').click();
    await settle(fixture);
    expect(text(form())).toContain('räknar vi hur många besök du har loggat inom varje ämne');
    getByLabel(form(), /^1\.1 /).click();
    getButton(form(), 'Lägg till beviset').click();
    await turn();
    const req = http.expectOne(`${PORTFOLIO_URL}/evidence`);
    expect(req.request.body).toEqual({ kind: 'visit-statistics', criterionIds: [C11], text: '', hoursEntryIds: [] });
    req.flush(aPortfolio({ evidence: [anEvidence({ kind: 'visit-statistics', text: '', statistics: { bankid: 5, email: 2 } })] }));
    await settle(fixture);
    expect(text(criterion('1.1'))).toContain('Besök per ämne: BankID och e-legitimation 5, E-post 2');
  });
});
