import { ChangeDetectionStrategy, Component, ElementRef, signal, viewChild } from '@angular/core';

export interface Confirmation {
  title: string;
  /** What will happen, in a sentence or two. */
  text: string;
  /** The button that does it, e.g. "Ja, ta bort". */
  confirm: string;
  /** The button that keeps things as they are, e.g. "Nej, behåll". */
  cancel: string;
}

let nextId = 0;

/**
 * Asks before something is removed or undone. A native modal <dialog>: focus stays inside, Esc
 * answers no, and focus goes back to the button that opened it. The safe answer has focus first,
 * so pressing Enter by habit never removes anything.
 */
@Component({
  selector: 'dh-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog [attr.aria-labelledby]="id + '-title'" [attr.aria-describedby]="id + '-text'" (close)="settle(false)">
      <h2 [id]="id + '-title'">{{ question()?.title }}</h2>
      <p [id]="id + '-text'">{{ question()?.text }}</p>
      <div class="dh-actions">
        <button type="button" class="dh-button-danger" (click)="answer(true)">{{ question()?.confirm }}</button>
        <button type="button" class="dh-button-secondary" autofocus (click)="answer(false)">{{ question()?.cancel }}</button>
      </div>
    </dialog>
  `,
  styles: `
    dialog { width: min(34rem, calc(100vw - 2rem)); padding: 1.25rem 1.5rem; border: 0; border-radius: var(--dh-radius); box-shadow: 0 10px 40px rgb(0 0 0 / 35%); }
    dialog::backdrop { background: rgb(0 0 0 / 50%); }
    h2 { margin-block: 0 0.5rem; font-size: 1.35rem; }
    .dh-actions { margin-block-end: 0; }
  `,
})
export class ConfirmDialog {
  protected readonly id = `confirm-${nextId++}`;
  protected readonly question = signal<Confirmation | null>(null);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private resolve: ((yes: boolean) => void) | null = null;

  /** Resolves true when the person confirms, false when they say no, press Esc or close it. */
  ask(question: Confirmation): Promise<boolean> {
    this.settle(false);
    this.question.set(question);
    this.dialog().nativeElement.showModal();
    return new Promise<boolean>((resolve) => (this.resolve = resolve));
  }

  protected answer(yes: boolean): void {
    // Settle first: closing fires (close), which would otherwise answer no.
    this.settle(yes);
    this.dialog().nativeElement.close();
  }

  protected settle(yes: boolean): void {
    const resolve = this.resolve;
    this.resolve = null;
    resolve?.(yes);
  }
}
