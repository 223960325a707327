import { ChangeDetectionStrategy, Component, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { FIELD } from '../../shared/ui/field';
import { CoordinatorApi, type CoordinatorSession } from '../coordinator-api';

export interface SessionToCancel {
  id: string;
  /** "Tisdag 24 november 10:00–12:00" */
  label: string;
  seatsBooked: number;
}

/**
 * Asks before a session is cancelled, and why: the reason is in the e-mail to the helpers on shift (unless
 * they turned those e-mails off) and to the people who booked with an e-mail address. A native modal
 * <dialog>: focus stays inside, Esc closes, focus returns to the button.
 */
@Component({
  selector: 'dh-cancel-session-dialog',
  imports: [FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="cancel-title" aria-describedby="cancel-what" (close)="onClose()">
      <!-- Always rendered: showModal() focuses the first field, which must exist at that moment. -->
      <form novalidate (submit)="confirm($event)">
        <h2 id="cancel-title">Ställa in träffen?</h2>
        <p id="cancel-what">
          <strong>{{ session()?.label }}</strong>
          @if (session()?.seatsBooked; as booked) {
            <br />{{ booked }} {{ booked === 1 ? 'person har' : 'personer har' }} bokat en tid.
          }
        </p>
        <dh-field
          label="Varför ställs träffen in?"
          hint="Vi mejlar skälet till digivärdarna som har pass och till dem som har bokat med e-post. Skriv kort, till exempel: Biblioteket är stängt på grund av ett strömavbrott."
          [error]="reasonError()"
        >
          <textarea dhControl #reasonInput id="cancel-reason" rows="3" maxlength="500" [value]="reason()" (input)="reason.set(reasonInput.value)"></textarea>
        </dh-field>
        @if (error(); as e) {
          <div class="dh-alert" role="alert"><p>{{ e.message }}</p></div>
        }
        <div class="dh-actions">
          <button type="submit" class="dh-button-danger" [attr.aria-disabled]="pending() ? true : null">
            {{ pending() ? 'Ställer in …' : 'Ja, ställ in träffen' }}
          </button>
          <button type="button" class="dh-button-secondary" (click)="close()">Nej, behåll träffen</button>
        </div>
      </form>
    </dialog>
  `,
  styles: `
    dialog { width: min(36rem, calc(100vw - 2rem)); padding: 1.25rem 1.5rem; border: 0; border-radius: var(--dh-radius); box-shadow: 0 10px 40px rgb(0 0 0 / 35%); }
    dialog::backdrop { background: rgb(0 0 0 / 50%); }
    h2 { margin-block: 0 0.5rem; font-size: 1.35rem; }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class CancelSessionDialog {
  /** The session after cancelling, to update the list. */
  readonly cancelled = output<CoordinatorSession>();
  /** The list is out of date (someone else cancelled it first). */
  readonly stale = output<void>();

  private readonly api = inject(CoordinatorApi);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  protected readonly session = signal<SessionToCancel | null>(null);
  protected readonly reason = signal('');
  protected readonly reasonError = signal<string | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly pending = signal(false);

  open(session: SessionToCancel): void {
    this.session.set(session);
    this.reason.set('');
    this.reasonError.set(null);
    this.error.set(null);
    this.dialog().nativeElement.showModal();
  }

  close(): void {
    this.dialog().nativeElement.close();
  }

  protected onClose(): void {
    this.session.set(null);
  }

  protected async confirm(event: Event): Promise<void> {
    event.preventDefault();
    const session = this.session();
    if (!session || this.pending()) return;
    const reason = this.reason().trim();
    if (!reason) {
      this.reasonError.set('Skriv kort varför träffen ställs in.');
      this.dialog().nativeElement.querySelector<HTMLElement>('#cancel-reason')?.focus();
      return;
    }
    this.pending.set(true);
    this.reasonError.set(null);
    this.error.set(null);
    try {
      const updated = await this.api.cancelSession(session.id, reason);
      this.close();
      this.cancelled.emit(updated);
    } catch (error) {
      const apiError = toApiError(error);
      this.error.set(apiError);
      if (apiError.fields['reason']) this.reasonError.set(apiError.fields['reason']);
      if (apiError.code === 'SESSION_ALREADY_CANCELLED') this.stale.emit();
    } finally {
      this.pending.set(false);
    }
  }
}
