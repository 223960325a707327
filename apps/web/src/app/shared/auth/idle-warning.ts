import { ChangeDetectionStrategy, Component, ElementRef, effect, input, output, viewChild } from '@angular/core';

/**
 * "Du loggas ut om 60 sekunder": a modal dialog a minute before the idle sign-out. Focus goes to
 * "Fortsätt arbeta"; Esc counts as continuing too (the person is clearly there).
 */
@Component({
  selector: 'dh-idle-warning',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="idle-title" aria-describedby="idle-text" (cancel)="onEsc($event)">
      <h2 id="idle-title">Du loggas ut om {{ secondsLeft() }} sekunder</h2>
      <div id="idle-text">
        <p>Du har inte använt datorn på en stund. För att skydda uppgifterna på en delad dator loggas du ut automatiskt.</p>
        @if (unsent() > 0) {
          <p class="unsent"><strong>{{ unsent() }} besök har inte skickats ännu</strong> och försvinner om du loggas ut.</p>
        }
      </div>
      <div class="dh-actions">
        <button type="button" class="dh-button" autofocus (click)="keepWorking.emit()">Fortsätt arbeta</button>
        <button type="button" class="dh-button-secondary" (click)="signOutNow.emit()">Logga ut nu</button>
      </div>
    </dialog>
  `,
  styles: `
    dialog { width: min(34rem, calc(100vw - 2rem)); padding: 1.25rem 1.5rem; border: 0; border-radius: var(--dh-radius); box-shadow: 0 10px 40px rgb(0 0 0 / 35%); }
    dialog::backdrop { background: rgb(0 0 0 / 50%); }
    h2 { margin-block: 0 0.5rem; font-size: 1.35rem; }
    .unsent { color: var(--dh-error); }
    .dh-actions { margin-block-end: 0; }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class IdleWarning {
  /** Seconds until the sign-out; null hides the dialog. */
  readonly secondsLeft = input<number | null>(null);
  /** Visits still waiting to be sent, which the sign-out would lose. */
  readonly unsent = input(0);
  readonly keepWorking = output<void>();
  readonly signOutNow = output<void>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      const show = this.secondsLeft() !== null;
      if (show && !dialog.open) dialog.showModal();
      if (!show && dialog.open) dialog.close();
    });
  }

  protected onEsc(event: Event): void {
    event.preventDefault();
    this.keepWorking.emit();
  }
}
