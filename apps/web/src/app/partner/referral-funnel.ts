import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import type { FunnelView, Period } from '@digihjalpen/domain';
import { statusOf, toApiError, type ApiError } from '../shared/data/api-error';
import { ErrorSummary, type SummaryField } from '../shared/ui/error-summary';
import { FIELD } from '../shared/ui/field';
import { PartnerApi } from './partner-api';

let nextId = 0;

/** A count as a partner sees it: null is 1–4, hidden to protect the people behind it. */
export function countText(count: number | null): string {
  return count === null ? 'färre än 5' : count.toLocaleString('sv-SE');
}

/** "4 december 2025 – 3 mars 2026": with years, since a period often spans New Year. */
export function periodText(from: string, to: string): string {
  const format = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(new Date(`${from}T12:00:00Z`), new Date(`${to}T12:00:00Z`));
}

interface Bar {
  key: string;
  label: string;
  hint: string | null;
  count: number | null;
  /** Share of the longest bar, 0–1; hidden counts get a short hatched stub instead. */
  share: number;
}

const STEPS: { key: 'referred' | 'booked' | 'came'; label: string; hint: string }[] = [
  { key: 'referred', label: 'Hänvisade', hint: 'öppnade bokningssidan från er länk eller lapp, eller fick en tid bokad av er' },
  { key: 'booked', label: 'Bokade', hint: 'bokade en tid med er kod, eller fick en tid bokad av er' },
  { key: 'came', label: 'Kom', hint: 'kom till sin tid' },
];

function barsOf(rows: { key: string; label: string; hint: string | null; count: number | null }[]): Bar[] {
  const max = Math.max(1, ...rows.map((r) => r.count ?? 0));
  return rows.map((r) => ({ ...r, share: r.count === null ? 0 : r.count / max }));
}

/**
 * How a partner's referrals went in a period: referred → booked → came, then what the visits ended
 * with. Only counts, never a person; 1–4 arrive as null and read "färre än 5". The bars carry their
 * numbers in text, and the same numbers are in a table.
 */
@Component({
  selector: 'dh-referral-funnel',
  imports: [FIELD, ErrorSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="period" novalidate (submit)="show($event)">
      <dh-error-summary [error]="rangeError()" [fields]="fields" />
      <div class="period-fields">
        <dh-field label="Från och med" [error]="rangeError()?.fields?.['from']">
          <input dhControl #from type="date" [id]="id + '-from'" [value]="draft().from" (input)="setDraft('from', from.value)" />
        </dh-field>
        <dh-field label="Till och med" [error]="rangeError()?.fields?.['to']">
          <input dhControl #to type="date" [id]="id + '-to'" [value]="draft().to" (input)="setDraft('to', to.value)" />
        </dh-field>
        <button type="submit" class="dh-button-secondary">Visa<span class="visually-hidden"> siffrorna för perioden</span></button>
      </div>
    </form>

    @if (loadError(); as e) {
      <div class="dh-alert" role="alert">
        <p>{{ e.message }}</p>
        <button type="button" class="dh-button" (click)="funnel.reload()">Försök igen</button>
      </div>
    } @else if (view(); as v) {
      <p class="shown" aria-live="polite">
        <strong>{{ v.partnerName }}</strong>, {{ periodText(v.from, v.to) }}@if (funnel.isLoading()) {<span class="dh-hint"> – hämtar …</span>}
      </p>
      @if (summary(); as s) {
        <p>{{ s }}</p>
      }
      <figure>
        <figcaption>Från hänvisning till besök</figcaption>
        <ol class="bars">
          @for (bar of steps(); track bar.key) {
            <li>
              <span class="label">{{ bar.label }}<span class="dh-hint">{{ bar.hint }}</span></span>
              <span class="track">
                <span class="bar" [class.hidden-count]="bar.count === null" [class.zero]="bar.count === 0" [style.--share]="bar.share"></span>
                <span class="value">{{ countText(bar.count) }}</span>
              </span>
            </li>
          }
        </ol>
      </figure>
      <figure>
        <figcaption>Hur det gick för dem som kom</figcaption>
        @if (outcomes().length) {
          <ul class="bars">
            @for (bar of outcomes(); track bar.key) {
              <li>
                <span class="label">{{ bar.label }}</span>
                <span class="track">
                  <span class="bar outcome" [class.hidden-count]="bar.count === null" [class.zero]="bar.count === 0" [style.--share]="bar.share"></span>
                  <span class="value">{{ countText(bar.count) }}</span>
                </span>
              </li>
            }
          </ul>
        } @else {
          <p class="dh-hint">Inga besök är loggade för perioden.</p>
        }
      </figure>
      <p class="dh-hint small">
        <strong>Färre än 5</strong> betyder 1, 2, 3 eller 4. Så små tal visar vi inte, och alla andra tal är avrundade till närmaste 5-tal. Det skyddar
        de personer ni har hänvisat: med exakta och små tal skulle någon kunna lista ut vem det gäller. Perioden räknas i hela månader.
      </p>
      <details>
        <summary>Visa siffrorna som tabell</summary>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Hänvisningar {{ periodText(v.from, v.to) }}</caption>
            <thead>
              <tr><th scope="col">Steg eller resultat</th><th scope="col" class="num">Antal (avrundat)</th></tr>
            </thead>
            <tbody>
              @for (bar of steps(); track bar.key) {
                <tr><th scope="row">{{ bar.label }}</th><td class="num">{{ countText(bar.count) }}</td></tr>
              }
              @for (bar of outcomes(); track bar.key) {
                <tr><th scope="row">Kom – {{ bar.label.toLocaleLowerCase('sv') }}</th><td class="num">{{ countText(bar.count) }}</td></tr>
              }
            </tbody>
          </table>
        </div>
      </details>
    } @else {
      <p class="dh-status">Hämtar siffrorna …</p>
    }
  `,
  styles: `
    :host { display: block; }
    .period-fields { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0 1rem; }
    .period-fields dh-field { flex: 0 1 13rem; margin-block-end: 0.75rem; }
    /* Level with the inputs (below their labels), also when a field shows an error. */
    .period-fields button { margin-block: 1.75rem 0.75rem; }
    .shown { margin-block: 0.5rem; }
    figure { margin: 1.25rem 0; }
    figcaption { font-weight: 700; font-size: 1.1rem; margin-block-end: 0.5rem; }
    .bars { display: grid; gap: 0.75rem; margin: 0; padding: 0; list-style: none; }
    .bars li { display: grid; grid-template-columns: minmax(0, 17rem) minmax(0, 1fr); gap: 0.25rem 1rem; align-items: center; }
    .label { display: flex; flex-direction: column; font-weight: 600; }
    .label .dh-hint { font-weight: 400; font-size: 0.9rem; }
    .track { display: flex; align-items: center; gap: 0.6rem; min-height: 2rem; }
    /* The longest bar leaves room for its number ("färre än 5" is the longest). */
    .bar { display: block; flex: none; width: calc((100% - 7rem) * var(--share, 0)); height: 1.75rem; border-radius: 0.25rem; background: var(--dh-brand); }
    .bar.outcome { background: #3d6f8e; }
    .bar.hidden-count { width: 1.5rem !important; border: 2px dashed var(--dh-muted); background: repeating-linear-gradient(45deg, #e3e8ee 0 4px, #fff 4px 8px); }
    .bar.zero { display: none; }
    .value { font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .small { font-size: 0.9rem; max-width: 48rem; }
    details { margin-block: 1rem; }
    summary { cursor: pointer; font-weight: 600; color: var(--dh-brand); min-height: 44px; display: flex; align-items: center; }
    .table-wrap { overflow-x: auto; max-width: 32rem; border: 1px solid var(--dh-line); border-radius: var(--dh-radius); background: var(--dh-surface); }
    table { width: 100%; border-collapse: collapse; }
    th, td { padding: 0.4rem 0.75rem; text-align: start; border-block-end: 1px solid var(--dh-line); }
    thead th { background: #e3edf5; }
    tbody th { font-weight: 400; }
    tbody tr:last-child > * { border-block-end: 0; }
    .num { text-align: end; font-variant-numeric: tabular-nums; }
    @media (max-width: 36rem) {
      .bars li { grid-template-columns: minmax(0, 1fr); }
    }
  `,
})
export class ReferralFunnel {
  readonly partnerId = input.required<string>();

  protected readonly id = `funnel-${nextId++}`;
  protected readonly fields: SummaryField[] = [
    { name: 'from', id: `${this.id}-from`, label: 'Från och med' },
    { name: 'to', id: `${this.id}-to`, label: 'Till och med' },
  ];
  protected readonly countText = countText;
  protected readonly periodText = periodText;

  /** The period asked for; null until the person chooses one: the API's default (90 days). */
  private readonly period = signal<Period | null>(null);
  protected readonly funnel = inject(PartnerApi).funnel(() => ({ partnerId: this.partnerId(), period: this.period() }));

  /** The last figures that arrived (kept while new ones load or a period is refused). */
  protected readonly view = linkedSignal<FunnelView | undefined, FunnelView | null>({
    source: () => (this.funnel.hasValue() ? this.funnel.value() : undefined),
    computation: (value, previous) => value ?? previous?.value ?? null,
  });
  /** The dates in the form: the period shown, until the person types. */
  protected readonly draft = linkedSignal<FunnelView | null, Period>({
    source: this.view,
    computation: (value, previous) => (value ? { from: value.from, to: value.to } : (previous?.value ?? { from: '', to: '' })),
  });

  private readonly checkError = signal<ApiError | null>(null);
  private readonly serverError = computed(() => {
    const error = this.funnel.error();
    return error ? toApiError(error) : null;
  });
  /** A refused period is shown on its fields; any other failure as an alert with "try again". */
  protected readonly rangeError = computed(() => {
    const checked = this.checkError();
    if (checked) return checked;
    const server = this.serverError();
    if (!server || statusOf(this.funnel.error()) !== 400) return null;
    return Object.keys(server.fields).length ? server : { ...server, fields: { from: server.message } };
  });
  protected readonly loadError = computed(() => {
    const server = this.serverError();
    if (!server || server.status === 400) return null;
    return server.status === 0 ? server : { ...server, message: 'Vi kunde inte hämta siffrorna just nu.' };
  });

  protected readonly steps = computed(() => {
    const v = this.view();
    return v ? barsOf(STEPS.map((s) => ({ key: s.key, label: s.label, hint: s.hint, count: v[s.key] }))) : [];
  });
  protected readonly outcomes = computed(() => barsOf((this.view()?.outcomes ?? []).map((o) => ({ ...o, hint: null }))));
  /** "Av 12 som bokade kom 9." — only when both numbers may be shown. */
  protected readonly summary = computed(() => {
    const v = this.view();
    if (!v || v.booked === null || v.came === null || v.booked === 0) return null;
    return `Av ${countText(v.booked)} som bokade kom ${countText(v.came)}.`;
  });

  protected setDraft(field: keyof Period, value: string): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected show(event: Event): void {
    event.preventDefault();
    const { from, to } = this.draft();
    const fields: Record<string, string> = {};
    if (!from) fields['from'] = 'Välj ett startdatum.';
    if (!to) fields['to'] = 'Välj ett slutdatum.';
    if (from && to && from > to) fields['to'] = 'Slutdatumet är före startdatumet.';
    if (Object.keys(fields).length) {
      this.checkError.set({ status: 0, code: 'INVALID_RANGE', message: 'Rätta datumen.', fields });
      return;
    }
    this.checkError.set(null);
    const same = this.period();
    if (same && same.from === from && same.to === to) this.funnel.reload();
    else this.period.set({ from, to });
  }
}
