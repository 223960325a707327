import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { STAFF_REASON_MAX, type StaffBookingDetail, type SuspiciousRunSummary } from '@digihjalpen/domain';
import type { ApiError } from '../../shared/data/api-error';
import { FIELD } from '../../shared/ui/field';
import { BookingsStore, runToldText } from './bookings-store';

/**
 * Cancel a whole suspicious run at once, in a modal dialog that is the confirmation: how many bookings,
 * that the seats are freed and who is told how; the reason is required (people with an e-mail read it).
 * "Behåll bokningarna" has focus first; Esc closes without a change.
 */
@Component({
  selector: 'dh-cancel-run-dialog',
  imports: [FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="run-title" aria-describedby="run-text" (close)="closed()">
      @if (isOpen()) {
        <h2 id="run-title">Avboka {{ count() }} i serien?</h2>
        <p id="run-text">{{ told() }}</p>
        @if (problem(); as p) {
          <div class="dh-alert" role="alert"><p>{{ p.message }}</p></div>
        }
        <form novalidate (submit)="submit($event)">
          <dh-field label="Skäl" hint="Skriv kort och vänligt. De som har e-post får läsa det." [error]="errors()['reason']">
            <textarea dhControl id="run-reason" #reasonInput rows="3" [attr.maxlength]="max" [value]="reason()" (input)="reason.set(reasonInput.value)"></textarea>
          </dh-field>
          <div class="dh-actions">
            <button type="submit" class="dh-button-danger" [attr.aria-disabled]="store.changing() ? true : null">
              {{ store.changing() ? 'Avbokar …' : 'Ja, avboka ' + count() }}
            </button>
            <button type="button" class="dh-button-secondary" autofocus (click)="close()">Behåll bokningarna</button>
          </div>
        </form>
      }
    </dialog>
  `,
  styles: `
    dialog { width: min(40rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem); padding: 1.25rem 1.5rem; border: 0; border-radius: var(--dh-radius); box-shadow: 0 10px 40px rgb(0 0 0 / 35%); }
    dialog::backdrop { background: rgb(0 0 0 / 50%); }
    h2 { margin-block: 0 0.5rem; font-size: 1.35rem; }
    textarea { width: 100%; }
    .dh-actions { margin-block-end: 0; }
    @media (max-width: 30rem) { dialog { padding: 1rem; } }
  `,
})
export class CancelRunDialog {
  readonly booking = input.required<StaffBookingDetail>();
  /** The run was cancelled and the dialog closed (the page says what happened). */
  readonly closedWithChange = output<void>();
  protected readonly store = inject(BookingsStore);
  private readonly injector = inject(Injector);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  protected readonly max = STAFF_REASON_MAX;
  protected readonly isOpen = signal(false);
  protected readonly reason = signal('');
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.problem()?.fields ?? {});
  private readonly run = computed<SuspiciousRunSummary | null>(() => this.booking().run);
  protected readonly count = computed(() => {
    const n = this.run()?.cancellable ?? 0;
    return n === 1 ? '1 bokning' : `${n} bokningar`;
  });
  protected readonly told = computed(() => {
    const run = this.run();
    return run ? runToldText(run) : '';
  });

  open(): void {
    this.isOpen.set(true);
    this.reason.set('');
    this.problem.set(null);
    afterNextRender(() => this.dialog().nativeElement.showModal(), { injector: this.injector });
  }

  close(): void {
    this.dialog().nativeElement.close();
  }

  protected closed(): void {
    this.isOpen.set(false);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.store.changing()) return;
    const reason = this.reason().trim();
    if (!reason) {
      this.problem.set({ status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields: { reason: 'Skriv varför. De som har e-post får läsa det i sitt meddelande.' } });
      return;
    }
    const problem = await this.store.cancelRun(reason);
    if (problem) {
      this.problem.set(problem);
      return;
    }
    this.close();
    this.closedWithChange.emit();
  }
}
