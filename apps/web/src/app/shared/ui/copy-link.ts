import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { FIELD } from './field';

/**
 * A link to pass on (an invitation, a calendar feed): shown in a read-only box so it can be read and
 * selected, with a button that copies it. When the browser does not allow copying, the text is
 * selected and the person is told which keys to press.
 */
@Component({
  selector: 'dh-copy-link',
  imports: [FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dh-field [label]="label()" [hint]="hint()">
      <input dhControl #box [id]="controlId()" type="text" readonly spellcheck="false" [value]="url()" (focus)="box.select()" />
    </dh-field>
    <div class="row">
      <button type="button" class="dh-button" (click)="copy()">{{ buttonLabel() }}</button>
      <p class="status" aria-live="polite">{{ status() }}</p>
    </div>
  `,
  styles: `
    :host { display: block; }
    dh-field { margin-block-end: 0.5rem; }
    input { font-family: ui-monospace, 'Cascadia Mono', Menlo, monospace; font-size: 0.95rem; max-width: 100% !important; }
    .row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
    .status { margin: 0; font-weight: 600; }
  `,
})
export class CopyLink {
  readonly url = input.required<string>();
  readonly label = input.required<string>();
  readonly controlId = input.required<string>();
  readonly hint = input<string | null>(null);
  readonly buttonLabel = input('Kopiera länken');

  private readonly document = inject(DOCUMENT);
  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('box');
  protected readonly status = signal('');

  protected async copy(): Promise<void> {
    this.status.set('');
    try {
      const clipboard = this.document.defaultView?.navigator.clipboard;
      if (!clipboard) throw new Error('No clipboard');
      await clipboard.writeText(this.url());
      this.status.set('Länken är kopierad. Klistra in den där du vill ha den.');
    } catch {
      const box = this.box().nativeElement;
      box.focus();
      box.select();
      this.status.set('Det gick inte att kopiera automatiskt. Länken är markerad: tryck Ctrl+C (Cmd+C på Mac) för att kopiera.');
    }
  }
}
