import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, model, output, signal } from '@angular/core';
import type { EvidenceInput, EvidenceKind, HoursEntryView, OcnOutcome } from '@digihjalpen/domain';
import type { ApiError } from '../../data/api-error';
import { formatShortDate } from '../../data/dates';
import { ACTIVITY_LABELS, EVIDENCE_KIND_HINTS, EVIDENCE_KIND_LABELS, durationText, monthName, recentMonths } from '../../data/hours-labels';
import { toggled } from '../../data/sets';
import { ErrorSummary, type SummaryField } from '../error-summary';
import { FIELD } from '../field';

export const EVIDENCE_TEXT_MAX = 4000;
/** How far back the helper can pick approved hours. */
export const HOURS_MONTHS = 12;

const TEXT_LABELS: Readonly<Record<EvidenceKind, { label: string; hint: string }>> = {
  hours: { label: 'Kommentar (frivillig)', hint: 'Till exempel vad du gjorde under timmarna.' },
  'visit-statistics': { label: 'Kommentar (frivillig)', hint: 'Till exempel vad siffrorna visar om din hjälp.' },
  reflection: { label: 'Din reflektion', hint: 'Vad gjorde du? Hur gick det? Vad lärde du dig? Skriv inte namn eller andra uppgifter om besökarna.' },
  'witness-statement': { label: 'Vittnesintyget', hint: 'Vad såg du digivärden göra? Skriv vem som intygar, om det inte är du. Inga namn på besökare.' },
  observation: { label: 'Det här såg du', hint: 'Beskriv vad digivärden gjorde, kriterium för kriterium. Inga namn på besökare.' },
};

/** The text is required for these kinds; for the others it is an optional note. */
const TEXT_REQUIRED: ReadonlySet<EvidenceKind> = new Set(['reflection', 'witness-statement', 'observation']);

interface Draft {
  kind: EvidenceKind | null;
  criterionIds: ReadonlySet<string>;
  hoursEntryIds: ReadonlySet<string>;
  text: string;
}

const EMPTY: Draft = { kind: null, criterionIds: new Set(), hoursEntryIds: new Set(), text: '' };

/**
 * Adds evidence to a portfolio, linked to the criteria it shows: approved hours, the helper's visit
 * statistics or a reflection (helpers), a witness statement or an observation (coordinators).
 * The page sends it and shows the API's answer through `serverError`.
 */
@Component({
  selector: 'dh-evidence-form',
  imports: [FIELD, ErrorSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dh-error-summary [error]="shownError()" [fields]="summaryFields()" />
    <form novalidate (submit)="submit($event)">
      <dh-fieldset legend="Vilken sorts bevis?" [controlId]="idPrefix() + '-kind-' + kinds()[0]" [error]="errors()['kind']">
        <ul class="dh-checks stacked">
          @for (kind of kinds(); track kind) {
            <li>
              <label class="dh-check">
                <input
                  type="radio"
                  [id]="idPrefix() + '-kind-' + kind"
                  [name]="idPrefix() + '-kind'"
                  [checked]="draft().kind === kind"
                  [attr.aria-describedby]="idPrefix() + '-kind-' + kind + '-hint'"
                  (change)="setKind(kind)"
                />
                {{ kindLabels[kind] }}
              </label>
              <p class="dh-hint option-hint" [id]="idPrefix() + '-kind-' + kind + '-hint'">{{ kindHints[kind] }}</p>
            </li>
          }
        </ul>
      </dh-fieldset>

      <dh-fieldset
        legend="Vilka kriterier visar beviset?"
        hint="Välj ett eller flera."
        [controlId]="firstCriterionId()"
        [error]="errors()['criterionIds']"
      >
        @for (outcome of outcomes(); track outcome.number) {
          <p class="outcome" [id]="idPrefix() + '-outcome-' + outcome.number">{{ outcome.number }}. {{ outcome.text }}</p>
          <div role="group" [attr.aria-labelledby]="idPrefix() + '-outcome-' + outcome.number">
            <ul class="criteria">
              @for (criterion of outcome.criteria; track criterion.id) {
                <li>
                  <label class="dh-check">
                    <input
                      #box
                      type="checkbox"
                      [id]="idPrefix() + '-criterion-' + criterion.id"
                      [checked]="draft().criterionIds.has(criterion.id)"
                      (change)="toggleCriterion(criterion.id, box.checked)"
                    />
                    <span><span class="number">{{ criterion.number }}</span> {{ criterion.text }}</span>
                  </label>
                </li>
              }
            </ul>
          </div>
        }
      </dh-fieldset>

      @if (draft().kind === 'hours') {
        <dh-fieldset legend="Vilka godkända timmar?" [controlId]="idPrefix() + '-hours-month'" [error]="errors()['hoursEntryIds']">
          <dh-field label="Månad">
            <select dhControl #month class="dh-narrow month" [id]="idPrefix() + '-hours-month'" (change)="hoursMonth.set(month.value)">
              @for (m of months; track m) {
                <option [value]="m" [selected]="hoursMonth() === m">{{ monthLabel(m) }}</option>
              }
            </select>
          </dh-field>
          @if (hours() === null) {
            <p class="dh-hint">Hämtar dina timmar …</p>
          } @else if (hours()!.length === 0) {
            <p class="dh-hint">Du har inga godkända timmar i {{ monthLabel(hoursMonth()) }}.</p>
          } @else {
            <ul class="dh-checks stacked">
              @for (entry of hourRows(); track entry.id) {
                <li>
                  <label class="dh-check">
                    <input
                      #hourBox
                      type="checkbox"
                      [id]="idPrefix() + '-hours-' + entry.id"
                      [checked]="draft().hoursEntryIds.has(entry.id)"
                      (change)="toggleHours(entry.id, hourBox.checked)"
                    />
                    {{ entry.label }}
                  </label>
                </li>
              }
            </ul>
          }
          @if (draft().hoursEntryIds.size) {
            <p class="chosen">Du har valt {{ draft().hoursEntryIds.size }} {{ draft().hoursEntryIds.size === 1 ? 'tillfälle' : 'tillfällen' }}.</p>
          }
        </dh-fieldset>
      }

      @if (draft().kind === 'visit-statistics') {
        <p class="dh-status note">När du lägger till beviset räknar vi hur många besök du har loggat inom varje ämne. Bara antalen följer med.</p>
      }

      @if (textLabel(); as t) {
        <dh-field [label]="t.label" [hint]="t.hint" [error]="errors()['text']">
          <textarea dhControl #text rows="5" [id]="idPrefix() + '-text'" [value]="draft().text" (input)="setText(text.value)"></textarea>
        </dh-field>
      }

      <div class="dh-actions">
        <button type="submit" class="dh-button" [attr.aria-disabled]="saving() ? true : null">{{ saving() ? 'Lägger till …' : 'Lägg till beviset' }}</button>
      </div>
    </form>
  `,
  styles: `
    :host { display: block; }
    .stacked { flex-direction: column; }
    .option-hint { margin: -0.4rem 0 0.4rem 1.9rem; }
    .outcome { margin: 0.5rem 0 0; font-weight: 600; }
    .criteria { display: grid; margin: 0; padding: 0; list-style: none; }
    .criteria .dh-check { align-items: flex-start; padding-block: 0.35rem; min-height: 0; }
    .number { font-weight: 700; font-variant-numeric: tabular-nums; }
    .month { max-width: 14rem !important; }
    .chosen { margin: 0.25rem 0 0; font-weight: 600; }
    .note { margin-block: 0 1rem; }
  `,
})
export class EvidenceForm {
  readonly idPrefix = input.required<string>();
  readonly kinds = input.required<readonly EvidenceKind[]>();
  readonly outcomes = input.required<readonly OcnOutcome[]>();
  /** The helper's approved hours in `hoursMonth`; null while loading. Only used for 'hours'. */
  readonly hours = input<readonly HoursEntryView[] | null>([]);
  readonly hoursMonth = model(recentMonths(1)[0] ?? '');
  readonly saving = input(false);
  readonly serverError = input<ApiError | null>(null);
  readonly submitted = output<EvidenceInput>();

  private readonly document = inject(DOCUMENT);
  protected readonly months = recentMonths(HOURS_MONTHS);
  protected readonly kindLabels = EVIDENCE_KIND_LABELS;
  protected readonly kindHints = EVIDENCE_KIND_HINTS;
  protected readonly draft = signal<Draft>(EMPTY);
  private readonly localError = signal<ApiError | null>(null);

  protected readonly shownError = computed(() => this.localError() ?? this.serverError());
  protected readonly errors = computed(() => this.shownError()?.fields ?? {});
  protected readonly firstCriterionId = computed(() => `${this.idPrefix()}-criterion-${this.outcomes()[0]?.criteria[0]?.id ?? ''}`);
  protected readonly summaryFields = computed<SummaryField[]>(() => [
    { name: 'kind', id: `${this.idPrefix()}-kind-${this.kinds()[0]}`, label: 'Vilken sorts bevis' },
    { name: 'criterionIds', id: this.firstCriterionId(), label: 'Kriterier' },
    { name: 'hoursEntryIds', id: `${this.idPrefix()}-hours-month`, label: 'Godkända timmar' },
    { name: 'text', id: `${this.idPrefix()}-text`, label: this.textLabel()?.label ?? 'Text' },
  ]);
  protected readonly textLabel = computed(() => {
    const kind = this.draft().kind;
    return kind ? TEXT_LABELS[kind] : null;
  });
  protected readonly hourRows = computed(() =>
    (this.hours() ?? []).map((e) => ({ id: e.id, label: `${formatShortDate(e.date, 'sv')}: ${ACTIVITY_LABELS[e.activity]}, ${durationText(e.minutes)}` })),
  );

  /** Empties the form after the evidence was added. */
  reset(): void {
    this.draft.set(EMPTY);
    this.localError.set(null);
  }

  protected monthLabel(month: string): string {
    return monthName(month);
  }

  protected setKind(kind: EvidenceKind): void {
    this.draft.update((d) => ({ ...d, kind }));
  }

  protected toggleCriterion(id: string, on: boolean): void {
    this.draft.update((d) => ({ ...d, criterionIds: toggled(d.criterionIds, id, on) }));
  }

  protected toggleHours(id: string, on: boolean): void {
    this.draft.update((d) => ({ ...d, hoursEntryIds: toggled(d.hoursEntryIds, id, on) }));
  }

  protected setText(text: string): void {
    this.draft.update((d) => ({ ...d, text }));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.saving()) return;
    const d = this.draft();
    const text = d.text.trim();
    const fields: Record<string, string> = {};
    if (!d.kind) fields['kind'] = 'Välj vilken sorts bevis det är.';
    if (d.criterionIds.size === 0) fields['criterionIds'] = 'Välj minst ett kriterium som beviset visar.';
    if (d.kind === 'hours' && d.hoursEntryIds.size === 0) fields['hoursEntryIds'] = 'Välj minst ett tillfälle med godkända timmar.';
    if (d.kind && TEXT_REQUIRED.has(d.kind) && !text) fields['text'] = 'Skriv texten.';
    if (text.length > EVIDENCE_TEXT_MAX) fields['text'] = `Skriv högst ${EVIDENCE_TEXT_MAX} tecken.`;
    if (!d.kind || Object.keys(fields).length) {
      this.localError.set({ status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields });
      return;
    }
    this.localError.set(null);
    // Criteria in the module's order, as the portfolio lists them.
    const order = this.outcomes().flatMap((o) => o.criteria.map((c) => c.id));
    this.submitted.emit({
      kind: d.kind,
      criterionIds: order.filter((id) => d.criterionIds.has(id)),
      text,
      hoursEntryIds: d.kind === 'hours' ? [...d.hoursEntryIds] : [],
    });
  }

  /** Focus the first field, e.g. when the form is opened. */
  focusFirst(): void {
    this.document.getElementById(`${this.idPrefix()}-kind-${this.kinds()[0]}`)?.focus();
  }
}
