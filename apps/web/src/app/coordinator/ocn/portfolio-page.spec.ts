import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AssessmentView, AuthUser, PortfolioView } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { dialogButton, polyfillDialog } from '../../testing/dialog';
import { getButton, getByLabel, settle, type } from '../../testing/queries';
import { C11, C12, C21, HELPER_ID, MODULE_ID, aPortfolio, anEvidence } from '../../testing/ocn';
import { PortfolioPage } from './portfolio-page';

const URL = `/api/ocn/portfolios/${HELPER_ID}/modules/${MODULE_ID}`;
const karin: AuthUser = { id: '80000000-0000-4000-8000-000000000001', email: 'coordinator@example.org', name: 'Karin Lindqvist', role: 'coordinator' };
const omar: AuthUser = { id: '80000000-0000-4000-8000-000000000002', email: 'omar@example.org', name: 'Omar Kvist', role: 'coordinator' };

const allMet: AssessmentView = {
  decisions: { [C11]: { met: true, comment: 'Lyssnar väl.' }, [C12]: { met: true, comment: null }, [C21]: { met: true, comment: null } },
  assessorId: '80000000-0000-4000-8000-000000000001',
  assessorName: 'Karin Lindqvist',
  assessedAt: '2030-03-10T10:00:00.000Z',
  qualityAssurerName: null,
  qualityAssuredAt: null,
  creditsAwarded: 0,
};
const assessed = (assessment: AssessmentView = allMet, overrides: Partial<PortfolioView> = {}) => aPortfolio({ evidence: [anEvidence()], assessment, ...overrides });

describe(PortfolioPage.name, () => {
  let fixture: ComponentFixture<PortfolioPage>;
  let http: HttpTestingController;

  async function open(me: AuthUser, portfolio: PortfolioView): Promise<void> {
    polyfillDialog();
    TestBed.configureTestingModule({
      imports: [PortfolioPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: AuthService, useValue: { user: signal(me) } }],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PortfolioPage);
    fixture.componentRef.setInput('helperId', HELPER_ID);
    fixture.componentRef.setInput('moduleId', MODULE_ID);
    fixture.detectChanges();
    http.expectOne(URL).flush(portfolio);
    await settle(fixture);
  }

  afterEach(() => http.verify());

  const page = () => fixture.nativeElement as HTMLElement;
  const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const section = (heading: string) => Array.from(page().querySelectorAll('section')).find((s) => text(s.querySelector('h2')) === heading) as HTMLElement;
  /** The radio in a criterion's "Bedömning av kriterium n" group. */
  const decide = (number: string, choice: 'Uppfyllt' | 'Inte uppfyllt än') => {
    const group = Array.from(page().querySelectorAll('fieldset')).find((f) => text(f.querySelector('legend')) === `Bedömning av kriterium ${number}`) as HTMLElement;
    getByLabel(group, choice).click();
  };
  const turn = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  };

  it('assesses every criterion, with comments, and says what the result means', async () => {
    await open(karin, aPortfolio({ evidence: [anEvidence()] }));
    expect(text(page().querySelector('h1'))).toBe('Yusuf Ahmadi: Digital vägledning för andra');
    expect(text(section('Kvalitetssäkring'))).toContain('Modulen är inte bedömd än.');
    expect(text(section('Kvalitetssäkring'))).toContain('Den som har bedömt kan inte kvalitetssäkra sin egen bedömning');

    decide('1.1', 'Uppfyllt');
    getButton(page(), 'Spara bedömningen').click();
    await settle(fixture);
    expect(Array.from(section('Bedömning').querySelectorAll('dh-error-summary a')).map(text)).toEqual([
      'Kriterium 1.2: Välj uppfyllt eller inte uppfyllt än.',
      'Kriterium 2.1: Välj uppfyllt eller inte uppfyllt än.',
    ]);
    http.expectNone(`${URL}/assessment`);

    decide('1.2', 'Uppfyllt');
    decide('2.1', 'Inte uppfyllt än');
    type(getByLabel(page(), 'Kommentar till 1.1 (frivillig)'), ' Lyssnar väl. ');
    getButton(page(), 'Spara bedömningen').click();
    await turn();
    const req = http.expectOne({ method: 'PUT', url: `${URL}/assessment` });
    expect(req.request.body).toEqual({
      decisions: { [C11]: { met: true, comment: 'Lyssnar väl.' }, [C12]: { met: true, comment: null }, [C21]: { met: false, comment: null } },
    });
    const notYet = { ...allMet, decisions: { ...allMet.decisions, [C21]: { met: false, comment: null } } };
    req.flush(assessed(notYet));
    await settle(fixture);
    const done = page().querySelector('#assessment-saved');
    expect(text(done)).toBe('Bedömningen är sparad. 2 av 3 kriterier är uppfyllda.');
    expect(document.activeElement).toBe(done);
    expect(text(section('Kvalitetssäkring'))).toContain('1 kriterium är inte uppfyllda än, så modulen kan inte kvalitetssäkras ännu.');
    expect(text(page().querySelector('dh-sign-offs'))).toContain('Bedömare: Karin Lindqvist, sön 10 mars 2030');
  });

  it('does not offer quality assurance to the assessor, and says why', async () => {
    await open(karin, assessed());
    const qa = section('Kvalitetssäkring');
    expect(text(qa)).toContain('Du bedömde modulen (Karin Lindqvist, sön 10 mars 2030). Be en annan samordnare att kvalitetssäkra den.');
    expect(qa.querySelectorAll('button')).toHaveLength(0);
  });

  it('lets another coordinator quality-assure after confirming, and then the assessment is locked', async () => {
    await open(omar, assessed());
    const qa = section('Kvalitetssäkring');
    expect(text(qa)).toContain('Bedömd av Karin Lindqvist, sön 10 mars 2030. Alla kriterier är uppfyllda.');
    getButton(qa, 'Kvalitetssäkra bedömningen').click();
    await settle(fixture);
    expect(text(page().querySelector('dialog[open]'))).toContain('Du bekräftar bedömningen av Yusuf Ahmadi som Karin Lindqvist gjorde.');
    dialogButton(page(), 'Ja, kvalitetssäkra').click();
    await turn();
    const req = http.expectOne({ method: 'POST', url: `${URL}/quality-assurance` });
    req.flush(assessed({ ...allMet, qualityAssurerName: 'Omar Kvist', qualityAssuredAt: '2030-03-11T10:00:00.000Z', creditsAwarded: 3 }), { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(text(page().querySelector('#qa-done'))).toBe('Bedömningen är kvalitetssäkrad. Yusuf Ahmadi får 3 poäng.');
    expect(Array.from(page().querySelectorAll('dh-sign-offs p')).map(text)).toEqual([
      'Bedömare: Karin Lindqvist, sön 10 mars 2030',
      'Intern kvalitetssäkrare: Omar Kvist, mån 11 mars 2030',
      'Poäng: 3 av 3',
    ]);
    expect(text(section('Bedömning'))).toContain('Bedömningen är kvalitetssäkrad och låst.');
    expect(section('Bedömning').querySelectorAll('input')).toHaveLength(0);
    expect(text(section('Bedömning'))).toContain('Bedömning: Uppfyllt – Lyssnar väl.');
  });

  it('shows the API’s refusal of quality assurance', async () => {
    await open(omar, assessed());
    getButton(section('Kvalitetssäkring'), 'Kvalitetssäkra bedömningen').click();
    await settle(fixture);
    dialogButton(page(), 'Ja, kvalitetssäkra').click();
    await turn();
    const message = 'Den som har bedömt kan inte kvalitetssäkra sin egen bedömning. Be en annan samordnare.';
    http.expectOne(`${URL}/quality-assurance`).flush({ code: 'SAME_ASSESSOR_AND_ASSURER', message }, { status: 403, statusText: 'Forbidden' });
    await turn();
    http.expectOne(URL).flush(assessed());
    await settle(fixture);
    expect(text(page().querySelector('#qa-error'))).toBe(message);
    expect(document.activeElement?.id).toBe('qa-error');
  });

  it('adds a witness statement linked to criteria, and keeps an assessment being written', async () => {
    await open(karin, aPortfolio({ evidence: [anEvidence()] }));
    decide('1.1', 'Uppfyllt');
    const form = section('Lägg till vittnesintyg eller observation');
    expect(Array.from(form.querySelectorAll('input[type=radio]')).map((r) => text(r.closest('label')))).toEqual(['Vittnesintyg', 'Observation']);
    getByLabel(form, 'Vittnesintyg').click();
    getByLabel(form, /^1\.2 /).click();
    await settle(fixture);
    type(getByLabel(form, 'Vittnesintyget'), 'Jag såg Yusuf visa BankID steg för steg.');
    getButton(form, 'Lägg till beviset').click();
    await turn();
    const req = http.expectOne({ method: 'POST', url: `${URL}/evidence` });
    expect(req.request.body).toEqual({ kind: 'witness-statement', criterionIds: [C12], text: 'Jag såg Yusuf visa BankID steg för steg.', hoursEntryIds: [] });
    req.flush(aPortfolio({ evidence: [anEvidence(), anEvidence({ kind: 'witness-statement', criterionIds: [C12], authorName: 'Karin Lindqvist' })] }));
    await settle(fixture);
    expect(text(page().querySelector('#evidence-added'))).toBe('Beviset är tillagt för kriterium 1.2.');
    const criterion12 = Array.from(page().querySelectorAll('li.criterion')).find((li) => text(li.querySelector('h4')).startsWith('1.2'));
    expect(text(criterion12)).toContain('Vittnesintyg – Karin Lindqvist');
    expect((page().querySelector(`#decision-${C11}-met`) as HTMLInputElement).checked).toBe(true);
  });
});
