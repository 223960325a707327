import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, effect, inject, input, linkedSignal, signal, untracked, viewChild } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { criteriaOf, type CriterionDecision, type EvidenceInput, type EvidenceKind, type PortfolioView } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { statusOf, toApiError, type ApiError } from '../../shared/data/api-error';
import { signedOn } from '../../shared/data/hours-labels';
import { OcnApi, portfolioPdfUrl } from '../../shared/data/ocn-api';
import { assessmentStatus, criteriaWithEvidence } from '../../shared/data/portfolio';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { EvidenceForm } from '../../shared/ui/ocn/evidence-form';
import { EvidenceList } from '../../shared/ui/ocn/evidence-list';
import { ModuleProgress } from '../../shared/ui/ocn/module-progress';
import { SignOffs } from '../../shared/ui/ocn/sign-offs';

/** What coordinators write themselves; helpers add hours, statistics and reflections on their own page. */
export const COORDINATOR_EVIDENCE: readonly EvidenceKind[] = ['witness-statement', 'observation'];
export const COMMENT_MAX = 1000;

interface DecisionDraft {
  met: boolean | null;
  comment: string;
}

type Drafts = Readonly<Record<string, DecisionDraft>>;

function draftsOf(p: PortfolioView | undefined): Drafts {
  if (!p) return {};
  return Object.fromEntries(
    criteriaOf(p.module).map((c) => {
      const d = p.assessment.decisions[c.id];
      return [c.id, { met: d ? d.met : null, comment: d?.comment ?? '' }];
    }),
  );
}

/**
 * One helper's portfolio for one module, for coordinators: the evidence per criterion, a witness
 * statement or observation, the assessment (met / not yet and a comment per criterion), quality
 * assurance by someone other than the assessor, both sign-offs, and the PDF.
 */
@Component({
  selector: 'dh-portfolio-page',
  imports: [RouterLink, FIELD, ErrorSummary, ConfirmDialog, ModuleProgress, EvidenceList, EvidenceForm, SignOffs],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './portfolio-page.html',
  styleUrls: ['../../shared/ui/ocn/portfolio-page.css', './portfolio-page.css'],
  host: { lang: 'sv', dir: 'ltr' },
})
export class PortfolioPage {
  /** From the route. */
  readonly helperId = input.required<string>();
  readonly moduleId = input.required<string>();

  private readonly ocn = inject(OcnApi);
  private readonly me = inject(AuthService).user;
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly confirm = viewChild.required(ConfirmDialog);
  private readonly evidenceForm = viewChild(EvidenceForm);

  protected readonly kinds = COORDINATOR_EVIDENCE;
  protected readonly commentMax = COMMENT_MAX;
  protected readonly portfolio = this.ocn.portfolio(() => ({ helperId: this.helperId(), moduleId: this.moduleId() }));
  protected readonly notFound = computed(() => [400, 404].includes(statusOf(this.portfolio.error())));
  protected readonly pdfUrl = computed(() => portfolioPdfUrl(this.helperId(), this.moduleId()));
  protected readonly rows = computed(() => (this.portfolio.hasValue() ? criteriaWithEvidence(this.portfolio.value().module.outcomes, this.portfolio.value().evidence) : []));
  protected readonly status = computed(() => (this.portfolio.hasValue() ? assessmentStatus(this.portfolio.value().assessment, this.portfolio.value().module.credits) : ''));

  /** The assessment being written; starts again from the saved one whenever that changes (not when evidence is added). */
  protected readonly drafts = linkedSignal<string, Drafts>({
    source: () => {
      const p = this.portfolio.hasValue() ? this.portfolio.value() : undefined;
      return p ? `${p.module.id}|${p.helper.id}|${p.assessment.assessedAt ?? ''}|${p.assessment.qualityAssuredAt ?? ''}` : '';
    },
    // The source's signals change with every new portfolio (new evidence too); only a new key starts the draft again.
    computation: (key, previous) => (previous && previous.source === key ? previous.value : untracked(() => draftsOf(this.portfolio.hasValue() ? this.portfolio.value() : undefined))),
  });
  protected readonly assessing = signal(false);
  protected readonly assessError = signal<ApiError | null>(null);
  protected readonly assessErrors = computed(() => this.assessError()?.fields ?? {});
  protected readonly assessed = signal<string | null>(null);
  /** The API names the whole assessment ("decisions"); the page names each criterion. */
  protected readonly assessFields = computed<SummaryField[]>(() => {
    if (!this.portfolio.hasValue()) return [];
    const criteria = criteriaOf(this.portfolio.value().module);
    return [
      { name: 'decisions', id: `decision-${criteria[0]?.id ?? ''}-met`, label: 'Bedömningen' },
      ...criteria.map((c) => ({ name: `decision-${c.id}`, id: `decision-${c.id}-met`, label: `Kriterium ${c.number}` })),
    ];
  });

  protected readonly qa = computed(() => {
    if (!this.portfolio.hasValue()) return null;
    const { assessment, progress } = this.portfolio.value();
    const assessed = assessment.assessorName !== null && assessment.assessedAt !== null;
    return {
      assessed,
      done: assessment.qualityAssurerName !== null,
      allMet: progress.criteriaTotal > 0 && progress.criteriaMet === progress.criteriaTotal,
      // The view names the assessor but has no id: the API refuses the assessor in any case.
      mine: assessed && assessment.assessorId === this.me()?.id,
      assessedBy: assessed ? `${assessment.assessorName}, ${signedOn(assessment.assessedAt ?? '')}` : null,
      unmet: progress.criteriaTotal - progress.criteriaMet,
    };
  });
  protected readonly assuring = signal(false);
  protected readonly qaError = signal<string | null>(null);
  protected readonly qaDone = signal<string | null>(null);

  protected readonly evidenceSaving = signal(false);
  protected readonly evidenceError = signal<ApiError | null>(null);
  protected readonly evidenceAdded = signal<string | null>(null);

  constructor() {
    const title = inject(Title);
    effect(() => {
      if (this.portfolio.hasValue()) {
        const p = this.portfolio.value();
        title.setTitle(`${p.helper.name}: ${p.module.title} – OCN – Samordnare – Digihjälpen`);
      }
    });
  }

  protected savedDecision(p: PortfolioView, criterionId: string): string {
    const d = p.assessment.decisions[criterionId];
    if (!d) return 'Inte bedömt';
    return `${d.met ? 'Uppfyllt' : 'Inte uppfyllt än'}${d.comment ? ` – ${d.comment}` : ''}`;
  }

  protected setMet(criterionId: string, met: boolean): void {
    this.drafts.update((all) => ({ ...all, [criterionId]: { met, comment: all[criterionId]?.comment ?? '' } }));
    this.assessed.set(null);
  }

  protected setComment(criterionId: string, comment: string): void {
    this.drafts.update((all) => ({ ...all, [criterionId]: { met: all[criterionId]?.met ?? null, comment } }));
    this.assessed.set(null);
  }

  protected async saveAssessment(event: Event): Promise<void> {
    event.preventDefault();
    if (this.assessing() || !this.portfolio.hasValue()) return;
    const criteria = criteriaOf(this.portfolio.value().module);
    const drafts = this.drafts();
    const fields: Record<string, string> = {};
    for (const c of criteria) {
      const d = drafts[c.id];
      const name = `decision-${c.id}`;
      if (d?.met == null) fields[name] = 'Välj uppfyllt eller inte uppfyllt än.';
      else if (d.comment.trim().length > COMMENT_MAX) fields[name] = `Skriv högst ${COMMENT_MAX} tecken i kommentaren.`;
    }
    this.assessed.set(null);
    if (Object.keys(fields).length) {
      this.assessError.set({ status: 0, code: 'INVALID', message: 'Ta ställning till varje kriterium innan du sparar.', fields });
      return;
    }
    const decisions: Record<string, CriterionDecision> = Object.fromEntries(
      criteria.map((c) => [c.id, { met: drafts[c.id]?.met === true, comment: drafts[c.id]?.comment.trim() || null }]),
    );
    this.assessing.set(true);
    this.assessError.set(null);
    try {
      const updated = await this.ocn.assess(this.helperId(), this.moduleId(), decisions);
      this.portfolio.set(updated);
      const { criteriaMet, criteriaTotal } = updated.progress;
      const message =
        criteriaMet === criteriaTotal
          ? 'Bedömningen är sparad. Alla kriterier är uppfyllda, så en annan samordnare kan nu kvalitetssäkra den.'
          : `Bedömningen är sparad. ${criteriaMet} av ${criteriaTotal} kriterier är uppfyllda.`;
      this.assessed.set(message);
      this.focusLater('assessment-saved');
    } catch (error) {
      const apiError = toApiError(error);
      this.assessError.set(apiError);
      // Quality-assured meanwhile: show the locked assessment.
      if (apiError.status === 409) this.portfolio.reload();
    } finally {
      this.assessing.set(false);
    }
  }

  protected async qualityAssure(): Promise<void> {
    if (this.assuring() || !this.portfolio.hasValue()) return;
    const p = this.portfolio.value();
    const yes = await this.confirm().ask({
      title: 'Kvalitetssäkra bedömningen?',
      text: `Du bekräftar bedömningen av ${p.helper.name} som ${p.assessment.assessorName ?? 'bedömaren'} gjorde. Sedan är bedömningen låst och ${p.helper.name} får ${p.module.credits} poäng.`,
      confirm: 'Ja, kvalitetssäkra',
      cancel: 'Nej, vänta',
    });
    if (!yes) return;
    this.assuring.set(true);
    this.qaError.set(null);
    try {
      const updated = await this.ocn.qualityAssure(this.helperId(), this.moduleId());
      this.portfolio.set(updated);
      const message = `Bedömningen är kvalitetssäkrad. ${updated.helper.name} får ${updated.assessment.creditsAwarded} poäng.`;
      this.qaDone.set(message);
      this.focusLater('qa-done');
    } catch (error) {
      this.qaError.set(toApiError(error).message);
      this.portfolio.reload();
      this.focusLater('qa-error');
    } finally {
      this.assuring.set(false);
    }
  }

  protected async addEvidence(evidence: EvidenceInput): Promise<void> {
    if (this.evidenceSaving()) return;
    this.evidenceSaving.set(true);
    this.evidenceError.set(null);
    this.evidenceAdded.set(null);
    try {
      const updated = await this.ocn.addEvidence(this.helperId(), this.moduleId(), evidence);
      this.portfolio.set(updated);
      this.evidenceForm()?.reset();
      const numbers = criteriaOf(updated.module)
        .filter((c) => evidence.criterionIds.includes(c.id))
        .map((c) => c.number);
      this.evidenceAdded.set(`Beviset är tillagt för ${numbers.length === 1 ? 'kriterium' : 'kriterierna'} ${numbers.join(', ')}.`);
      this.focusLater('evidence-added');
    } catch (error) {
      this.evidenceError.set(toApiError(error));
    } finally {
      this.evidenceSaving.set(false);
    }
  }

  private focusLater(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
