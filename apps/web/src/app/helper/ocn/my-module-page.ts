import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { EvidenceInput, EvidenceKind, PortfolioView } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { statusOf, toApiError, type ApiError } from '../../shared/data/api-error';
import { currentMonth } from '../../shared/data/hours-labels';
import { OcnApi, portfolioPdfUrl } from '../../shared/data/ocn-api';
import { assessmentStatus, criteriaWithEvidence } from '../../shared/data/portfolio';
import { EvidenceForm } from '../../shared/ui/ocn/evidence-form';
import { EvidenceList } from '../../shared/ui/ocn/evidence-list';
import { ModuleProgress } from '../../shared/ui/ocn/module-progress';
import { SignOffs } from '../../shared/ui/ocn/sign-offs';
import { HelperApi } from '../helper-api';

/** What a helper can add themselves; witness statements and observations are written by coordinators. */
export const HELPER_EVIDENCE: readonly EvidenceKind[] = ['hours', 'visit-statistics', 'reflection'];

/**
 * One OCN module for the helper (/personal/ocn/:moduleId): its outcomes and numbered criteria, the
 * evidence for each, adding evidence (approved hours, visit statistics, a reflection), the assessment
 * and the sign-offs, and the portfolio as a PDF.
 */
@Component({
  selector: 'dh-my-module-page',
  imports: [RouterLink, ModuleProgress, EvidenceList, EvidenceForm, SignOffs],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-module-page.html',
  styleUrl: '../../shared/ui/ocn/portfolio-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class MyModulePage {
  /** From the route. */
  readonly moduleId = input.required<string>();

  private readonly ocn = inject(OcnApi);
  private readonly helperApi = inject(HelperApi);
  private readonly user = inject(AuthService).user;
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly form = viewChild(EvidenceForm);

  protected readonly kinds = HELPER_EVIDENCE;
  protected readonly portfolio = this.ocn.portfolio(() => {
    const helperId = this.user()?.id;
    return helperId ? { helperId, moduleId: this.moduleId() } : undefined;
  });
  protected readonly notFound = computed(() => [400, 404].includes(statusOf(this.portfolio.error())));
  protected readonly pdfUrl = computed(() => {
    const helperId = this.user()?.id;
    return helperId ? portfolioPdfUrl(helperId, this.moduleId()) : null;
  });

  protected readonly hoursMonth = signal(currentMonth());
  private readonly monthHours = this.helperApi.myHours(this.hoursMonth);
  /** Approved entries of the chosen month: only those can be evidence. */
  protected readonly approvedHours = computed(() => (this.monthHours.hasValue() ? this.monthHours.value().entries.filter((e) => e.status === 'approved') : null));

  protected readonly rows = computed(() => (this.portfolio.hasValue() ? criteriaWithEvidence(this.portfolio.value().module.outcomes, this.portfolio.value().evidence) : []));
  protected readonly status = computed(() => (this.portfolio.hasValue() ? assessmentStatus(this.portfolio.value().assessment, this.portfolio.value().module.credits) : ''));
  protected readonly assessed = computed(() => this.portfolio.hasValue() && this.portfolio.value().assessment.assessorName !== null);

  protected readonly saving = signal(false);
  protected readonly evidenceError = signal<ApiError | null>(null);
  protected readonly added = signal<string | null>(null);

  constructor() {
    const title = inject(Title);
    effect(() => {
      if (this.portfolio.hasValue()) title.setTitle(`${this.portfolio.value().module.title} – Mina timmar – Digihjälpen`);
    });
  }

  protected decision(p: PortfolioView, criterionId: string): string | null {
    if (!p.assessment.assessorName) return null;
    const d = p.assessment.decisions[criterionId];
    if (!d) return 'Inte bedömt';
    return `${d.met ? 'Uppfyllt' : 'Inte uppfyllt än'}${d.comment ? ` – ${d.comment}` : ''}`;
  }

  protected met(p: PortfolioView, criterionId: string): boolean {
    return p.assessment.decisions[criterionId]?.met === true;
  }

  protected async addEvidence(evidence: EvidenceInput): Promise<void> {
    const helperId = this.user()?.id;
    if (!helperId || this.saving()) return;
    this.saving.set(true);
    this.evidenceError.set(null);
    this.added.set(null);
    try {
      const updated = await this.ocn.addEvidence(helperId, this.moduleId(), evidence);
      this.portfolio.set(updated);
      this.form()?.reset();
      const numbers = updated.module.outcomes
        .flatMap((o) => o.criteria)
        .filter((c) => evidence.criterionIds.includes(c.id))
        .map((c) => c.number);
      this.added.set(`Beviset är tillagt för ${numbers.length === 1 ? 'kriterium' : 'kriterierna'} ${numbers.join(', ')}.`);
      afterNextRender(() => this.document.getElementById('evidence-added')?.focus(), { injector: this.injector });
    } catch (error) {
      this.evidenceError.set(toApiError(error));
    } finally {
      this.saving.set(false);
    }
  }
}
