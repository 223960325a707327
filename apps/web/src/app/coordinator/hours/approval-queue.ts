import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, effect, inject, signal, viewChild } from '@angular/core';
import { pageCount, type HoursEntryView } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { formatShortDate } from '../../shared/data/dates';
import { ACTIVITY_LABELS, durationText } from '../../shared/data/hours-labels';
import { toggled } from '../../shared/data/sets';
import { Pager } from '../../shared/ui/pager';
import { CoordinatorApi, type HoursDecision } from '../coordinator-api';
import { RejectDialog } from './reject-dialog';

interface QueueRow {
  id: string;
  helperName: string;
  organisationName: string | null;
  date: string;
  activity: string;
  reflection: string | null;
  duration: string;
  flagged: boolean;
  /** "Yusuf Ahmadi, tis 5 mars 2030, Utbildning, 1 timme 30 minuter", for the checkbox's name. */
  label: string;
}

const entries = (n: number) => (n === 1 ? '1 tidrapport' : `${n} tidrapporter`);

/**
 * The hours waiting for approval, flagged ones (a forgotten check-out closed by the system) first.
 * The coordinator picks several, or all, and approves or rejects them together (all or none);
 * a rejection has a reason the helper sees.
 */
@Component({
  selector: 'dh-approval-queue',
  imports: [RejectDialog, Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="queue-heading" tabindex="-1">
      Väntar på godkännande
      @if (queue.hasValue()) {
        <span class="count">{{ total() }}</span>
      }
    </h2>
    @if (queue.hasValue() && total() > 0) {
      <p class="waiting">
        <strong>{{ waitingText() }}</strong>
        @if (pages() > 1) {
          – här visas {{ firstShown() }}–{{ lastShown() }}, sida {{ page() }} av {{ pages() }}.
        }
      </p>
    }
    <p>Kontrollera tiden och godkänn den. Godkänd tid är låst och räknas i månadsrapporten och som bevis för validering. Du kan inte godkänna din egen tid.</p>
    @if (done(); as message) {
      <p class="dh-success" role="status">{{ message }}</p>
    }
    @if (actionError(); as message) {
      <div id="queue-error" class="dh-alert" role="alert" tabindex="-1"><p>{{ message }}</p></div>
    }

    @if (queue.error()) {
      <div class="dh-alert" role="alert">
        <p>Vi kunde inte hämta tiden som väntar just nu.</p>
        <button type="button" class="dh-button" (click)="queue.reload()">Försök igen</button>
      </div>
    } @else if (!queue.hasValue() || (rows().length === 0 && total() > 0)) {
      <p class="dh-status">Hämtar tiden som väntar …</p>
    } @else if (rows().length === 0) {
      <p class="dh-status">Ingen tid väntar på godkännande.</p>
    } @else {
      <div class="toolbar">
        <label class="dh-check select-all">
          <input #all type="checkbox" id="queue-select-all" [checked]="allChosen()" [indeterminate]="someChosen()" (change)="chooseAll(all.checked)" />
          {{ pages() > 1 ? 'Välj alla på sidan' : 'Välj alla' }} ({{ rows().length }})
        </label>
        <p class="chosen" aria-live="polite">{{ chosenText() }}</p>
        <div class="buttons">
          <button type="button" class="dh-button" [attr.aria-disabled]="pending() ? true : null" (click)="approve()">{{ approveText() }}</button>
          <button type="button" class="dh-button-secondary danger" [attr.aria-disabled]="pending() ? true : null" (click)="askReason()">{{ rejectText() }}</button>
        </div>
      </div>
      <div class="table-wrap" role="region" aria-labelledby="queue-heading" tabindex="0">
        <table>
          <thead>
            <tr>
              <th scope="col"><span class="visually-hidden">Välj</span></th>
              <th scope="col">Digivärd</th>
              <th scope="col">Datum</th>
              <th scope="col">Vad</th>
              <th scope="col">Tid</th>
              <th scope="col">Att kontrollera</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.id) {
              <tr [class.flagged]="row.flagged" [class.chosen-row]="chosen().has(row.id)">
                <td class="pick">
                  <input #box type="checkbox" [id]="'queue-' + row.id" [checked]="chosen().has(row.id)" (change)="choose(row.id, box.checked)" />
                  <label class="visually-hidden" [for]="'queue-' + row.id">{{ row.label }}</label>
                </td>
                <td>
                  <span class="name">{{ row.helperName }}</span>
                  @if (row.organisationName) {
                    <span class="org">{{ row.organisationName }}</span>
                  }
                </td>
                <td class="nowrap">{{ row.date }}</td>
                <td>
                  {{ row.activity }}
                  @if (row.reflection) {
                    <p class="reflection">{{ row.reflection }}</p>
                  }
                </td>
                <td class="nowrap">{{ row.duration }}</td>
                <td>
                  @if (row.flagged) {
                    <strong class="flag">Kontrollera: utcheckning saknades</strong>
                    <p class="flag-note">Passet avslutades av sig självt när träffen slutade.</p>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <dh-pager [page]="page()" [pages]="pages()" label="Sidor med tid som väntar" (pageChange)="goTo($event)" />
    }
    <dh-reject-dialog [count]="chosen().size" [saving]="pending()" [serverError]="rejectError()" (rejected)="reject($event)" />
  `,
  styles: `
    :host { display: block; }
    h2 { font-size: 1.4rem; margin-block: 0 0.5rem; }
    h2:focus { outline: none; }
    .waiting { margin-block: 0 0.5rem; }
    .count { display: inline-block; min-width: 1.8rem; padding: 0 0.5rem; border-radius: 999px; background: var(--dh-brand); color: var(--dh-brand-ink); font-size: 1rem; text-align: center; }
    .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin-block: 0.75rem; }
    .select-all { font-weight: 600; }
    .chosen { margin: 0; color: var(--dh-muted); }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-inline-start: auto; }
    .danger { border-color: var(--dh-error); color: var(--dh-error); }
    .table-wrap { overflow-x: auto; border: 1px solid var(--dh-line); border-radius: var(--dh-radius); background: var(--dh-surface); }
    .table-wrap:focus-visible { outline: var(--dh-focus); outline-offset: 2px; }
    table { width: 100%; border-collapse: collapse; }
    th, td { padding: 0.5rem 0.6rem; text-align: start; vertical-align: top; border-block-end: 1px solid var(--dh-line); }
    th { background: #e3edf5; white-space: nowrap; }
    tbody tr:last-child td { border-block-end: 0; }
    .pick { width: 1%; }
    .pick input { width: 1.4rem; height: 1.4rem; margin: 0.1rem; accent-color: var(--dh-brand); }
    .chosen-row { background: #eef5fb; }
    .flagged { background: #fff8ea; }
    .name { display: block; font-weight: 600; }
    .org, .reflection, .flag-note { display: block; margin: 0.15rem 0 0; color: var(--dh-muted); font-size: 0.95rem; }
    .reflection { white-space: pre-line; }
    .nowrap { white-space: nowrap; }
    .flag { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 999px; background: #fff1d6; color: #7a3e00; border: 1px solid #b35c00; }
    .flag::before { content: '⚠ ' / ''; }
    .dh-alert:focus { outline: var(--dh-focus); outline-offset: 2px; }
  `,
})
export class ApprovalQueue {
  private readonly api = inject(CoordinatorApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly rejectDialog = viewChild.required(RejectDialog);

  protected readonly page = signal(1);
  protected readonly queue = this.api.pendingHours(this.page);
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());
  protected readonly pending = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly rejectError = signal<ApiError | null>(null);
  protected readonly done = signal<string | null>(null);

  protected readonly total = computed(() => (this.queue.hasValue() ? this.queue.value().total : 0));
  protected readonly pages = computed(() => (this.queue.hasValue() ? pageCount(this.queue.value().total, this.queue.value().pageSize) : 1));
  private readonly pageSize = computed(() => (this.queue.hasValue() ? this.queue.value().pageSize : 0));
  protected readonly firstShown = computed(() => (this.page() - 1) * this.pageSize() + 1);
  protected readonly lastShown = computed(() => (this.page() - 1) * this.pageSize() + this.rows().length);
  protected readonly waitingText = computed(() => `${entries(this.total())} väntar`);

  protected readonly rows = computed<QueueRow[]>(() =>
    // The API sends flagged entries first; keep that, even if the order of the rest changes.
    [...(this.queue.hasValue() ? this.queue.value().items : [])]
      .sort((a, b) => Number(b.flagged) - Number(a.flagged))
      .map((e) => this.toRow(e)),
  );
  /** Only entries still in the queue count as chosen. */
  private readonly chosenIds = computed(() => this.rows().filter((r) => this.chosen().has(r.id)).map((r) => r.id));
  protected readonly allChosen = computed(() => this.rows().length > 0 && this.chosenIds().length === this.rows().length);
  protected readonly someChosen = computed(() => this.chosenIds().length > 0 && !this.allChosen());
  protected readonly chosenText = computed(() => (this.chosenIds().length ? `${entries(this.chosenIds().length)} ${this.chosenIds().length === 1 ? 'vald' : 'valda'}` : 'Inga valda'));
  protected readonly approveText = computed(() => (this.pending() ? 'Sparar …' : this.chosenIds().length ? `Godkänn ${entries(this.chosenIds().length)}` : 'Godkänn valda'));
  protected readonly rejectText = computed(() => (this.chosenIds().length ? `Avslå ${entries(this.chosenIds().length)}` : 'Avslå valda'));

  constructor() {
    // After deciding the whole last page, or when others decided entries meanwhile: go to the last page there is.
    effect(() => {
      if (!this.queue.hasValue() || this.queue.isLoading()) return;
      const { items, total, pageSize } = this.queue.value();
      if (items.length === 0 && total > 0 && this.page() > 1) this.page.set(pageCount(total, pageSize));
    });
  }

  /** Another page: what was chosen on this one is let go, so nothing unseen is decided. */
  protected goTo(page: number): void {
    this.page.set(Math.min(Math.max(1, page), this.pages()));
    this.chosen.set(new Set());
    this.done.set(null);
    this.actionError.set(null);
    this.focusLater('queue-heading');
  }

  protected choose(id: string, on: boolean): void {
    this.chosen.update((set) => toggled(set, id, on));
    this.done.set(null);
  }

  protected chooseAll(on: boolean): void {
    this.chosen.set(on ? new Set(this.rows().map((r) => r.id)) : new Set());
    this.done.set(null);
  }

  protected approve(): void {
    if (this.pending() || !this.checkChosen()) return;
    void this.decide('approved', null);
  }

  protected askReason(): void {
    if (this.pending() || !this.checkChosen()) return;
    this.rejectError.set(null);
    this.rejectDialog().open();
  }

  protected reject(reason: string): void {
    void this.decide('rejected', reason);
  }

  private checkChosen(): boolean {
    this.done.set(null);
    if (this.chosenIds().length) {
      this.actionError.set(null);
      return true;
    }
    this.actionError.set('Välj minst en tidrapport först, med rutorna i listan.');
    this.focusLater('queue-error');
    return false;
  }

  private async decide(decision: HoursDecision, reason: string | null): Promise<void> {
    const ids = this.chosenIds();
    this.pending.set(true);
    this.actionError.set(null);
    try {
      const decided = await this.api.decideHours(ids, decision, reason);
      if (decision === 'rejected') this.rejectDialog().close();
      const message = `${entries(decided)} ${decision === 'approved' ? (decided === 1 ? 'är godkänd' : 'är godkända') : decided === 1 ? 'är avslagen' : 'är avslagna'}.`;
      this.done.set(message);
      this.chosen.set(new Set());
      // Take the decided ones away now, and fetch the page again so the next entries move up.
      this.queue.update((page) => (page ? { ...page, items: page.items.filter((e) => !ids.includes(e.id)), total: Math.max(0, page.total - decided) } : page));
      this.queue.reload();
      this.focusLater('queue-heading');
    } catch (error) {
      const apiError = toApiError(error);
      if (decision === 'rejected' && apiError.fields['reason']) {
        this.rejectError.set(apiError);
        return;
      }
      if (decision === 'rejected') this.rejectDialog().close();
      this.actionError.set(`Ingen av tidrapporterna är ändrad. ${apiError.message}`);
      // Someone else decided some of them meanwhile: show the queue as it is now.
      if (apiError.status === 404 || apiError.status === 409) this.queue.reload();
      this.focusLater('queue-error');
    } finally {
      this.pending.set(false);
    }
  }

  private toRow(e: HoursEntryView): QueueRow {
    const date = formatShortDate(e.date, 'sv');
    const activity = ACTIVITY_LABELS[e.activity];
    const duration = durationText(e.minutes);
    return {
      id: e.id,
      helperName: e.helperName,
      organisationName: e.organisationName,
      date,
      activity,
      reflection: e.reflection,
      duration,
      flagged: e.flagged,
      label: `${e.helperName}, ${date}, ${activity}, ${duration}`,
    };
  }

  private focusLater(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
