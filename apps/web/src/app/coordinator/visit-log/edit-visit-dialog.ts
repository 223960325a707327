import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, input, output, signal, viewChild } from '@angular/core';
import type { VisitCategoryView, VisitView } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { draftOf, type VisitDraft, type VisitFields } from '../../shared/ui/visit-form/visit-draft';
import { VisitForm } from '../../shared/ui/visit-form/visit-form';
import { CoordinatorApi } from '../coordinator-api';

/**
 * Corrects a logged visit in the same form the helpers use. A native modal <dialog>: focus stays
 * inside, Esc closes, and focus goes back to the "Ändra" button.
 */
@Component({
  selector: 'dh-edit-visit-dialog',
  imports: [VisitForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="edit-visit-title" (close)="onClose()">
      <h2 id="edit-visit-title">Ändra besöket</h2>
      @if (visit(); as v) {
        <p class="what">{{ label() }}</p>
        <dh-visit-form
          idPrefix="edit-visit"
          submitLabel="Spara ändringarna"
          [categories]="categories()"
          [initial]="draft()!"
          [serverError]="error()"
          [saving]="saving()"
          (saved)="save(v, $event)"
          (cancelled)="close()"
        />
      }
    </dialog>
  `,
  styles: `
    dialog {
      width: min(60rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem); padding: 1.25rem 1.5rem; border: 0;
      border-radius: var(--dh-radius); box-shadow: 0 10px 40px rgb(0 0 0 / 35%); background: var(--dh-surface);
    }
    dialog::backdrop { background: rgb(0 0 0 / 50%); }
    h2 { margin-block: 0 0.25rem; font-size: 1.35rem; }
    .what { margin-block: 0 0.75rem; color: var(--dh-muted); }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class EditVisitDialog {
  readonly categories = input.required<readonly VisitCategoryView[]>();
  readonly updated = output<VisitView>();

  private readonly api = inject(CoordinatorApi);
  private readonly injector = inject(Injector);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly form = viewChild(VisitForm);
  protected readonly visit = signal<VisitView | null>(null);
  protected readonly draft = signal<VisitDraft | null>(null);
  protected readonly label = signal('');
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);

  /** `label` says which visit ("Tisdag 24 november, Stadsbiblioteket, Yusuf Ahmadi"). */
  open(visit: VisitView, label: string): void {
    this.visit.set(visit);
    this.draft.set(draftOf(visit));
    this.label.set(label);
    this.error.set(null);
    this.dialog().nativeElement.showModal();
    afterNextRender(() => this.form()?.focusFirst(), { injector: this.injector });
  }

  close(): void {
    this.dialog().nativeElement.close();
  }

  protected onClose(): void {
    this.visit.set(null);
  }

  protected async save(visit: VisitView, fields: VisitFields): Promise<void> {
    if (this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    try {
      const updated = await this.api.updateVisit(visit.id, { ...fields, clientId: visit.clientId, sessionId: visit.sessionId, bookingId: visit.bookingId });
      this.close();
      this.updated.emit(updated);
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.saving.set(false);
    }
  }
}
