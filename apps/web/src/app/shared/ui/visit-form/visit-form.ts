import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { CAME_VIA, DEFAULT_TIME_ZONE, DEVICES, OUTCOMES, REFERRED_TO, RETURNING, VISIT_LIMITS, type Outcome, type VisitCategoryView } from '@digihjalpen/domain';
import type { ApiError } from '../../data/api-error';
import { toggled } from '../../data/sets';
import { CAME_VIA_LABELS, DEVICE_LABELS, OUTCOME_LABELS, REFERRED_TO_LABELS, RETURNING_LABELS, VISIT_LANGUAGES } from '../../data/visit-labels';
import { ErrorSummary, type SummaryField } from '../error-summary';
import { FIELD } from '../field';
import { elapsedMinutes, toVisitFields, visitProblems, type VisitDraft, type VisitFields, type VisitProblems } from './visit-draft';

/** How often the duration follows the clock while the helper has not typed one. */
const CLOCK_MS = 15_000;

const options = <K extends string>(keys: readonly K[], labels: Readonly<Record<K, string>>) => keys.map((key) => ({ key, label: labels[key] }));

/**
 * One visit on one screen, for the helper's desk and the coordinator's corrections. Keyboard first:
 * the fields come in the order they are usually answered, every choice is a native checkbox or
 * radio, and Enter in any field saves. The duration counts minutes since "Starta besök" until the
 * helper types another number.
 */
@Component({
  selector: 'dh-visit-form',
  imports: [ErrorSummary, FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './visit-form.html',
  styleUrl: './visit-form.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class VisitForm {
  /** Prefix of the controls' ids: two forms on one page must not share them. */
  readonly idPrefix = input('visit');
  readonly categories = input.required<readonly VisitCategoryView[]>();
  readonly initial = input.required<VisitDraft>();
  /** When "Starta besök" was pressed (ms); null when the duration is already known. */
  readonly startedAt = input<number | null>(null);
  /** The site's zone, for the start time in the duration's hint. */
  readonly timeZone = input(DEFAULT_TIME_ZONE);
  /** The API's answer to the last save, shown as on any form. */
  readonly serverError = input<ApiError | null>(null);
  readonly saving = input(false);
  readonly submitLabel = input('Spara besöket');
  readonly cancelLabel = input('Avbryt');

  readonly saved = output<VisitFields>();
  readonly cancelled = output<void>();

  private readonly document = inject(DOCUMENT);
  protected readonly draft = linkedSignal(() => this.initial());
  /** The helper typed a duration: the clock no longer changes it. */
  protected readonly durationTyped = linkedSignal(() => this.initial().duration !== '' || this.startedAt() === null);
  private readonly now = signal(Date.now());
  protected readonly problems = signal<VisitProblems>({});

  protected readonly limits = VISIT_LIMITS;
  protected readonly devices = options(DEVICES, DEVICE_LABELS);
  protected readonly outcomes = options(OUTCOMES, OUTCOME_LABELS);
  protected readonly referredTo = options(REFERRED_TO, REFERRED_TO_LABELS);
  protected readonly cameVia = options(CAME_VIA, CAME_VIA_LABELS);
  protected readonly returning = options(RETURNING, RETURNING_LABELS);
  protected readonly languages = VISIT_LANGUAGES;

  /** The duration shown: typed, or minutes since the start. */
  protected readonly duration = computed(() => {
    const started = this.startedAt();
    return this.durationTyped() || started === null ? this.draft().duration : String(elapsedMinutes(started, this.now()));
  });

  protected readonly startedAtText = computed(() => {
    const started = this.startedAt();
    return started === null ? null : new Intl.DateTimeFormat('sv', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: this.timeZone() }).format(started);
  });

  protected readonly durationHint = computed(() => {
    const at = this.startedAtText();
    return at ? `Räknas från kl. ${at}, när du startade besöket. Ändra om det behövs.` : null;
  });

  /** The last save's problems here, else the API's. */
  protected readonly error = computed<ApiError | null>(() => {
    const local = this.problems();
    if (Object.keys(local).length) return { status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields: local };
    return this.serverError();
  });
  protected readonly errors = computed<Readonly<Record<string, string>>>(() => this.error()?.fields ?? {});

  protected readonly ids = computed(() => {
    const p = this.idPrefix();
    return {
      categories: `${p}-category-${this.categories()[0]?.key ?? 'none'}`,
      outcome: `${p}-outcome-${OUTCOMES[0]}`,
      referredTo: `${p}-referred-${REFERRED_TO[0]}`,
      device: `${p}-device-${DEVICES[0]}`,
      language: `${p}-language`,
      durationMinutes: `${p}-duration`,
      cameVia: `${p}-came-${CAME_VIA[0]}`,
      returning: `${p}-returning-${RETURNING[0]}`,
      civicInformation: `${p}-civic`,
      note: `${p}-note`,
    };
  });

  protected readonly summaryFields = computed<SummaryField[]>(() => {
    const ids = this.ids();
    return [
      { name: 'categories', id: ids.categories, label: 'Vad gällde besöket?' },
      { name: 'outcome', id: ids.outcome, label: 'Hur gick det?' },
      { name: 'referredTo', id: ids.referredTo, label: 'Hänvisad till' },
      { name: 'civicInformation', id: ids.civicInformation, label: 'Samhällsinformation' },
      { name: 'device', id: ids.device, label: 'Vilken enhet?' },
      { name: 'language', id: ids.language, label: 'Språk' },
      { name: 'durationMinutes', id: ids.durationMinutes, label: 'Tid i minuter' },
      { name: 'cameVia', id: ids.cameVia, label: 'Hur kom personen hit?' },
      { name: 'returning', id: ids.returning, label: 'Har personen varit här förut?' },
      { name: 'note', id: ids.note, label: 'Anteckning' },
    ];
  });

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), CLOCK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  /**
   * The category chips are one stop for Tab (17 stops would bury the rest of the form); the arrow
   * keys move between them and Space ticks one, as in a group of radio buttons. This is the chip
   * Tab lands on: the first one chosen, else the first.
   */
  protected readonly activeChip = linkedSignal(() => {
    const chosen = this.initial().categories;
    return Math.max(0, this.categories().findIndex((c) => chosen.includes(c.key)));
  });

  /** Puts focus on the categories, so the helper can start with the keyboard at once. */
  focusFirst(options?: FocusOptions): void {
    this.focusChip(this.activeChip(), options);
  }

  protected onChipKey(event: KeyboardEvent, index: number): void {
    const last = this.categories().length - 1;
    const next: Record<string, number> = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: last };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    this.focusChip(Math.min(Math.max(target, 0), last));
  }

  private focusChip(index: number, options?: FocusOptions): void {
    const key = this.categories()[index]?.key;
    if (!key) return;
    this.activeChip.set(index);
    this.document.getElementById(`${this.idPrefix()}-category-${key}`)?.focus(options);
  }

  protected isChosen(key: string): boolean {
    return this.draft().categories.includes(key);
  }

  protected toggleCategory(key: string, on: boolean): void {
    this.draft.update((d) => ({
      ...d,
      categories: [...toggled(new Set(d.categories), key, on)],
      // Choosing the civic-information topic is a yes to the question too.
      civicInformation: key === 'civic-information' && on ? true : d.civicInformation,
    }));
  }

  protected set<K extends keyof VisitDraft>(field: K, value: VisitDraft[K]): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected setOutcome(outcome: Outcome): void {
    this.draft.update((d) => ({ ...d, outcome, referredTo: outcome === 'referred' ? d.referredTo : null }));
  }

  protected typeDuration(value: string): void {
    this.durationTyped.set(true);
    this.set('duration', value);
  }

  /** Enter in any choice or field saves, as it does in a text field (not in the note, where it is a new line). */
  protected onEnter(event: Event): void {
    const target = event.target as HTMLElement;
    if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON' || target.tagName === 'A') return;
    event.preventDefault();
    this.submit();
  }

  protected onSubmit(event: Event): void {
    event.preventDefault();
    this.submit();
  }

  private submit(): void {
    if (this.saving()) return;
    const draft = { ...this.draft(), duration: this.duration() };
    this.draft.set(draft);
    const problems = visitProblems(draft);
    this.problems.set(problems);
    if (Object.keys(problems).length) return;
    this.saved.emit(toVisitFields(draft));
  }
}
