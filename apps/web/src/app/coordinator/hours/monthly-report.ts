import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import type { OrganisationView } from '@digihjalpen/domain';
import { hoursText, monthName, recentMonths } from '../../shared/data/hours-labels';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { CoordinatorApi, reportUrl } from '../coordinator-api';
import type { ApiError } from '../../shared/data/api-error';

/** The report can look back two years. */
export const REPORT_MONTHS = 24;

const kronor = new Intl.NumberFormat('sv', { style: 'currency', currency: 'SEK', maximumFractionDigits: 2, minimumFractionDigits: 0 });

/** "1 234,50 kr". */
export function formatKronor(amount: number): string {
  return kronor.format(amount);
}

/**
 * One organisation's approved hours in a month, for settling fees: per helper when the fee goes to
 * each person, the total only when it goes to the organisation. As a table, CSV and PDF.
 */
@Component({
  selector: 'dh-monthly-report',
  imports: [FIELD, ErrorSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="report-heading" tabindex="-1">Månadsrapport</h2>
    <p>Godkända timmar per organisation och månad. Använd rapporten för att betala ut arvode.</p>
    <dh-error-summary [error]="formError()" [fields]="fields" />
    <form novalidate class="choose" (submit)="show($event)">
      <dh-field label="Organisation" [error]="formError()?.fields?.['organisation']">
        <select dhControl #org id="report-organisation" (change)="organisationId.set(org.value)">
          <option value="" [selected]="organisationId() === ''">Välj organisation</option>
          @for (o of organisations(); track o.id) {
            <option [value]="o.id" [selected]="organisationId() === o.id">{{ o.name }}</option>
          }
        </select>
      </dh-field>
      <dh-field label="Månad">
        <select dhControl #m id="report-month" (change)="month.set(m.value)">
          @for (choice of months; track choice) {
            <option [value]="choice" [selected]="month() === choice">{{ label(choice) }}</option>
          }
        </select>
      </dh-field>
      <button type="submit" class="dh-button">Visa rapporten</button>
    </form>

    @if (query(); as q) {
      <div class="result" aria-live="polite">
        @if (report.error()) {
          <div class="dh-alert" role="alert">
            <p>Vi kunde inte hämta rapporten just nu.</p>
            <button type="button" class="dh-button" (click)="report.reload()">Försök igen</button>
          </div>
        } @else if (report.hasValue()) {
          @let r = report.value();
          <h3 id="report-result">{{ r.organisation.name }}, {{ label(r.month) }}</h3>
          <p>
            {{ r.organisation.feeRecipient === 'person' ? 'Arvodet betalas till varje digivärd.' : 'Arvodet betalas till organisationen, så rapporten visar bara den sammanlagda tiden.' }}
            {{ r.organisation.hourlyRate === null ? 'Inget timarvode är inlagt.' : 'Timarvode: ' + kr(r.organisation.hourlyRate) + '.' }}
          </p>
          @if (r.helpers) {
            @if (r.helpers.length === 0) {
              <p class="dh-status">Ingen digivärd hör till organisationen än.</p>
            } @else {
              <div class="table-wrap" role="region" aria-labelledby="report-result" tabindex="0">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Digivärd</th>
                      <th scope="col" class="num">Godkänd tid</th>
                      @if (r.totalFee !== null) {
                        <th scope="col" class="num">Arvode</th>
                      }
                    </tr>
                  </thead>
                  <tbody>
                    @for (h of r.helpers; track h.helperId) {
                      <tr>
                        <th scope="row">{{ h.name }}</th>
                        <td class="num">{{ hours(h.approvedMinutes) }}</td>
                        @if (r.totalFee !== null) {
                          <td class="num">{{ h.fee === null ? '–' : kr(h.fee) }}</td>
                        }
                      </tr>
                    }
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">Totalt</th>
                      <td class="num">{{ hours(r.totalApprovedMinutes) }}</td>
                      @if (r.totalFee !== null) {
                        <td class="num">{{ kr(r.totalFee) }}</td>
                      }
                    </tr>
                  </tfoot>
                </table>
              </div>
            }
          } @else {
            <dl class="totals">
              <div>
                <dt>Godkänd tid totalt</dt>
                <dd>{{ hours(r.totalApprovedMinutes) }}</dd>
              </div>
              @if (r.totalFee !== null) {
                <div>
                  <dt>Arvode till organisationen</dt>
                  <dd>{{ kr(r.totalFee) }}</dd>
                </div>
              }
            </dl>
          }
          <p class="downloads">
            <a class="dh-button-secondary" [href]="csv(q)" download>Ladda ner CSV<span class="visually-hidden">: {{ r.organisation.name }}, {{ label(r.month) }}</span></a>
            <a class="dh-button-secondary" [href]="pdf(q)" download>Ladda ner PDF<span class="visually-hidden">: {{ r.organisation.name }}, {{ label(r.month) }}</span></a>
            <span class="dh-hint">Nedladdningar sparas i en logg.</span>
          </p>
        } @else {
          <p class="dh-status">Hämtar rapporten …</p>
        }
      </div>
    }
  `,
  styles: `
    :host { display: block; }
    h2 { font-size: 1.4rem; margin-block: 0 0.5rem; }
    h2:focus { outline: none; }
    h3 { font-size: 1.2rem; margin-block: 1rem 0.25rem; }
    .choose { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 0 1rem; }
    .choose dh-field { flex: 1 1 14rem; max-width: 20rem; margin-block-end: 0.5rem; }
    @media (min-width: 40rem) {
      .choose .dh-button { margin-block-start: 1.85rem; }
    }
    .table-wrap { overflow-x: auto; border: 1px solid var(--dh-line); border-radius: var(--dh-radius); background: var(--dh-surface); max-width: 40rem; }
    .table-wrap:focus-visible { outline: var(--dh-focus); outline-offset: 2px; }
    table { width: 100%; border-collapse: collapse; }
    th, td { padding: 0.5rem 0.75rem; text-align: start; border-block-end: 1px solid var(--dh-line); }
    thead th { background: #e3edf5; }
    tbody th { font-weight: 400; }
    tfoot th, tfoot td { font-weight: 700; border-block-end: 0; border-block-start: 2px solid var(--dh-ink); }
    .num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .totals { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0.5rem 0; }
    .totals > div { padding: 0.6rem 1rem; border-radius: var(--dh-radius); background: var(--dh-surface); border: 1px solid var(--dh-line); }
    .totals dt { color: var(--dh-muted); }
    .totals dd { margin: 0; font-size: 1.3rem; font-weight: 700; }
    .downloads { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin-block: 1rem 0; }
  `,
})
export class MonthlyReport {
  readonly organisations = input.required<readonly OrganisationView[]>();

  protected readonly months = recentMonths(REPORT_MONTHS);
  protected readonly organisationId = signal('');
  protected readonly month = signal(this.months[0] ?? '');
  /** The report shown: the choice as it was when "Visa rapporten" was pressed. */
  protected readonly query = signal<{ organisationId: string; month: string } | undefined>(undefined);
  protected readonly report = inject(CoordinatorApi).monthlyReport(this.query);
  protected readonly formError = signal<ApiError | null>(null);
  protected readonly fields: SummaryField[] = [{ name: 'organisation', id: 'report-organisation', label: 'Organisation' }];

  protected show(event: Event): void {
    event.preventDefault();
    if (!this.organisationId()) {
      this.formError.set({ status: 0, code: 'INVALID', message: 'Välj en organisation.', fields: { organisation: 'Välj vilken organisation rapporten gäller.' } });
      return;
    }
    this.formError.set(null);
    this.query.set({ organisationId: this.organisationId(), month: this.month() });
  }

  protected label(month: string): string {
    return monthName(month);
  }

  protected hours(minutes: number): string {
    return hoursText(minutes);
  }

  protected kr(amount: number): string {
    return formatKronor(amount);
  }

  protected csv(q: { organisationId: string; month: string }): string {
    return reportUrl(q.organisationId, q.month, 'csv');
  }

  protected pdf(q: { organisationId: string; month: string }): string {
    return reportUrl(q.organisationId, q.month, 'pdf');
  }
}
