import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, input, linkedSignal, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { NOTIONAL_HOURS_PER_CREDIT, type OcnModule, type OcnModuleInput } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { OcnApi } from '../../shared/data/ocn-api';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import type { OcnPageState } from './ocn-page';

export const TEXT_MAX = 500;
const LEVELS = [1, 2, 3] as const;
type Level = (typeof LEVELS)[number];

interface CriterionDraft {
  key: number;
  /** Kept when the criterion exists: its evidence and decisions stay linked. */
  id?: string;
  text: string;
}

interface OutcomeDraft {
  key: number;
  text: string;
  criteria: CriterionDraft[];
}

interface ModuleDraft {
  title: string;
  level: Level | null;
  credits: string;
  outcomes: OutcomeDraft[];
}

let nextKey = 1;
const newCriterion = (): CriterionDraft => ({ key: nextKey++, text: '' });
const newOutcome = (): OutcomeDraft => ({ key: nextKey++, text: '', criteria: [newCriterion()] });

function draftOf(module: OcnModule | undefined): ModuleDraft {
  if (!module) return { title: '', level: null, credits: '', outcomes: [newOutcome()] };
  return {
    title: module.title,
    level: module.level,
    credits: String(module.credits),
    outcomes: module.outcomes.map((o) => ({ key: nextKey++, text: o.text, criteria: o.criteria.map((c) => ({ key: nextKey++, id: c.id, text: c.text })) })),
  };
}

/**
 * The catalogue editor (/samordnare/ocn/moduler/ny and /:moduleId): title, level, credits, and the
 * learning outcomes with their numbered assessment criteria. Rows are added and removed (after a
 * question); existing criteria keep their id, so their evidence and decisions stay with them.
 */
@Component({
  selector: 'dh-module-editor-page',
  imports: [RouterLink, FIELD, ErrorSummary, ConfirmDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './module-editor-page.html',
  styleUrl: './module-editor-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class ModuleEditorPage {
  /** From the route; none for a new module. */
  readonly moduleId = input<string>();

  private readonly ocn = inject(OcnApi);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly confirm = viewChild.required(ConfirmDialog);

  protected readonly levels = LEVELS;
  protected readonly textMax = TEXT_MAX;
  protected readonly hoursPerCredit = NOTIONAL_HOURS_PER_CREDIT;
  protected readonly modules = this.ocn.modules();
  protected readonly module = computed(() => {
    const id = this.moduleId();
    return id ? this.modules.value().find((m) => m.id === id) : undefined;
  });
  protected readonly isNew = computed(() => !this.moduleId());
  protected readonly missing = computed(() => !this.isNew() && this.modules.hasValue() && !this.module());
  protected readonly draft = linkedSignal<OcnModule | undefined, ModuleDraft>({ source: this.module, computation: (m) => draftOf(m) });

  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.error()?.fields ?? {});
  protected readonly fields = computed<SummaryField[]>(() => {
    const outcomes = this.draft().outcomes;
    return [
      { name: 'title', id: 'module-title', label: 'Modulens namn' },
      { name: 'level', id: 'module-level-1', label: 'Nivå' },
      { name: 'credits', id: 'module-credits', label: 'Poäng' },
      { name: 'outcomes', id: `outcome-${outcomes[0]?.key ?? 0}`, label: 'Läranderesultat' },
      ...outcomes.flatMap((o, i) => [
        { name: `outcome-${o.key}`, id: `outcome-${o.key}`, label: `Läranderesultat ${i + 1}` },
        ...o.criteria.map((c, j) => ({ name: `criterion-${c.key}`, id: `criterion-${c.key}`, label: `Kriterium ${i + 1}.${j + 1}` })),
      ]),
    ];
  });
  protected readonly notionalHours = computed(() => {
    const credits = Number(this.draft().credits);
    return Number.isInteger(credits) && credits > 0 ? credits * NOTIONAL_HOURS_PER_CREDIT : null;
  });

  protected set<K extends 'title' | 'credits'>(field: K, value: string): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected setLevel(level: Level): void {
    this.draft.update((d) => ({ ...d, level }));
  }

  protected setOutcome(key: number, text: string): void {
    this.draft.update((d) => ({ ...d, outcomes: d.outcomes.map((o) => (o.key === key ? { ...o, text } : o)) }));
  }

  protected setCriterion(outcomeKey: number, key: number, text: string): void {
    this.draft.update((d) => ({
      ...d,
      outcomes: d.outcomes.map((o) => (o.key === outcomeKey ? { ...o, criteria: o.criteria.map((c) => (c.key === key ? { ...c, text } : c)) } : o)),
    }));
  }

  protected addCriterion(outcomeKey: number): void {
    const criterion = newCriterion();
    this.draft.update((d) => ({ ...d, outcomes: d.outcomes.map((o) => (o.key === outcomeKey ? { ...o, criteria: [...o.criteria, criterion] } : o)) }));
    this.focusLater(`criterion-${criterion.key}`);
  }

  protected addOutcome(): void {
    const outcome = newOutcome();
    this.draft.update((d) => ({ ...d, outcomes: [...d.outcomes, outcome] }));
    this.focusLater(`outcome-${outcome.key}`);
  }

  protected async removeCriterion(outcome: OutcomeDraft, criterion: CriterionDraft, number: string): Promise<void> {
    if (criterion.id || criterion.text.trim()) {
      const yes = await this.confirm().ask({
        title: `Ta bort kriterium ${number}?`,
        text: criterion.id
          ? 'Kriteriet försvinner ur modulen när du sparar. Ett kriterium som redan har bevis eller en bedömning kan inte tas bort: ändra texten i stället.'
          : 'Texten du har skrivit försvinner.',
        confirm: 'Ja, ta bort kriteriet',
        cancel: 'Nej, behåll det',
      });
      if (!yes) return;
    }
    this.draft.update((d) => ({
      ...d,
      outcomes: d.outcomes.map((o) => (o.key === outcome.key ? { ...o, criteria: o.criteria.filter((c) => c.key !== criterion.key) } : o)),
    }));
    this.focusLater(`add-criterion-${outcome.key}`);
  }

  protected async removeOutcome(outcome: OutcomeDraft, number: number): Promise<void> {
    const hasContent = outcome.text.trim() || outcome.criteria.some((c) => c.id || c.text.trim());
    if (hasContent) {
      const count = outcome.criteria.length;
      const yes = await this.confirm().ask({
        title: `Ta bort läranderesultat ${number}?`,
        text: `Läranderesultatet och ${count === 1 ? 'dess kriterium' : `dess ${count} kriterier`} försvinner ur modulen när du sparar.`,
        confirm: 'Ja, ta bort läranderesultatet',
        cancel: 'Nej, behåll det',
      });
      if (!yes) return;
    }
    this.draft.update((d) => ({ ...d, outcomes: d.outcomes.filter((o) => o.key !== outcome.key) }));
    this.focusLater('add-outcome');
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    const d = this.draft();
    const fields: Record<string, string> = {};
    const title = d.title.trim();
    const credits = Number(d.credits.trim());
    if (title.length < 3 || title.length > 160) fields['title'] = 'Skriv modulens namn (3–160 tecken).';
    if (!d.level) fields['level'] = 'Välj nivå 1, 2 eller 3.';
    if (!/^\d+$/.test(d.credits.trim()) || credits < 1 || credits > 60) fields['credits'] = 'Skriv antal poäng som ett heltal mellan 1 och 60.';
    d.outcomes.forEach((o, i) => {
      const text = o.text.trim();
      if (!text || text.length > TEXT_MAX) fields[`outcome-${o.key}`] = text ? `Skriv högst ${TEXT_MAX} tecken.` : `Skriv läranderesultat ${i + 1}.`;
      o.criteria.forEach((c, j) => {
        const ctext = c.text.trim();
        if (!ctext || ctext.length > TEXT_MAX) fields[`criterion-${c.key}`] = ctext ? `Skriv högst ${TEXT_MAX} tecken.` : `Skriv kriterium ${i + 1}.${j + 1}.`;
      });
    });
    if (!d.level || Object.keys(fields).length) {
      this.error.set({ status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields });
      return;
    }
    const input: OcnModuleInput = {
      title,
      level: d.level,
      credits,
      outcomes: d.outcomes.map((o) => ({ text: o.text.trim(), criteria: o.criteria.map((c) => (c.id ? { id: c.id, text: c.text.trim() } : { text: c.text.trim() })) })),
    };
    this.saving.set(true);
    this.error.set(null);
    try {
      const saved = await this.ocn.saveModule(input, this.moduleId());
      const state: OcnPageState = { savedModule: saved.title };
      await this.router.navigateByUrl('/samordnare/ocn', { state });
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.saving.set(false);
    }
  }

  private focusLater(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
