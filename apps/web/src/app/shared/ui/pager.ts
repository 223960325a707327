import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** "Föregående sida · Sida 2 av 7 · Nästa sida" under a long list; shown only when there is more than one page. */
@Component({
  selector: 'dh-pager',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pages() > 1) {
      <nav class="pager" [attr.aria-label]="label()">
        <button type="button" class="dh-button-secondary" [disabled]="page() <= 1" (click)="pageChange.emit(page() - 1)">Föregående sida</button>
        <span>Sida {{ page() }} av {{ pages() }}</span>
        <button type="button" class="dh-button-secondary" [disabled]="page() >= pages()" (click)="pageChange.emit(page() + 1)">Nästa sida</button>
      </nav>
    }
  `,
  styles: `
    .pager { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; margin-block: 1rem; }
    .pager button:disabled { opacity: 0.5; cursor: not-allowed; }
  `,
})
export class Pager {
  readonly page = input.required<number>();
  readonly pages = input.required<number>();
  /** What the pages are of, for screen readers: "Sidor i loggen". */
  readonly label = input.required<string>();
  readonly pageChange = output<number>();
}
