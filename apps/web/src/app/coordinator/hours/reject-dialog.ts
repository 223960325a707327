import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { HOURS_LIMITS } from '@digihjalpen/domain';
import type { ApiError } from '../../shared/data/api-error';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';

const FIELDS: SummaryField[] = [{ name: 'reason', id: 'reject-reason', label: 'Anledning' }];

/**
 * Asks why the chosen hours are not approved: the helper sees the reason. A native modal <dialog>:
 * focus starts in the text box, Esc cancels, and focus goes back to the "Avslå" button.
 */
@Component({
  selector: 'dh-reject-dialog',
  imports: [FIELD, ErrorSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="reject-title" (close)="onClose()">
      <h2 id="reject-title">{{ title() }}</h2>
      <dh-error-summary [error]="shownError()" [fields]="fields" />
      <form novalidate (submit)="submit($event)">
        <dh-field label="Varför godkänns inte tiden?" hint="Digivärden ser det du skriver. Skriv kort och vänligt vad som behöver ändras." [error]="shownError()?.fields?.['reason']">
          <textarea dhControl #reason id="reject-reason" rows="4" [value]="text()" (input)="text.set(reason.value)"></textarea>
        </dh-field>
        <div class="dh-actions">
          <button type="submit" class="dh-button-danger" [attr.aria-disabled]="saving() ? true : null">{{ saving() ? 'Avslår …' : 'Avslå tiden' }}</button>
          <button type="button" class="dh-button-secondary" (click)="close()">Avbryt</button>
        </div>
      </form>
    </dialog>
  `,
  styles: `
    dialog { width: min(36rem, calc(100vw - 2rem)); padding: 1.25rem 1.5rem; border: 0; border-radius: var(--dh-radius); box-shadow: 0 10px 40px rgb(0 0 0 / 35%); }
    dialog::backdrop { background: rgb(0 0 0 / 50%); }
    h2 { margin-block: 0 0.75rem; font-size: 1.35rem; }
    .dh-actions { margin-block-end: 0; }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class RejectDialog {
  readonly count = input(0);
  readonly saving = input(false);
  readonly serverError = input<ApiError | null>(null);
  /** The reason, trimmed. */
  readonly rejected = output<string>();

  private readonly injector = inject(Injector);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly fields = FIELDS;
  protected readonly text = signal('');
  private readonly localError = signal<ApiError | null>(null);
  protected readonly shownError = computed(() => this.localError() ?? this.serverError());
  protected readonly title = computed(() => (this.count() === 1 ? 'Avslå 1 tidrapport' : `Avslå ${this.count()} tidrapporter`));

  open(): void {
    this.text.set('');
    this.localError.set(null);
    this.dialog().nativeElement.showModal();
    afterNextRender(() => this.dialog().nativeElement.querySelector('textarea')?.focus(), { injector: this.injector });
  }

  close(): void {
    this.dialog().nativeElement.close();
  }

  protected onClose(): void {
    this.localError.set(null);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.saving()) return;
    const reason = this.text().trim();
    const problem = !reason ? 'Skriv varför tiden inte godkänns, så att digivärden förstår.' : reason.length > HOURS_LIMITS.reasonMax ? `Skriv högst ${HOURS_LIMITS.reasonMax} tecken.` : null;
    if (problem) {
      this.localError.set({ status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields: { reason: problem } });
      return;
    }
    this.localError.set(null);
    this.rejected.emit(reason);
  }
}
