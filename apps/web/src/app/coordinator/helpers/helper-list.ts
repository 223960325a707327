import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, Directive, ElementRef, Injector, TemplateRef, afterNextRender, computed, contentChild, inject, input, viewChild } from '@angular/core';
import type { HelperListed } from '@digihjalpen/domain';
import { Pager } from '../../shared/ui/pager';
import { helperSearch, helpersText } from './helper-search';

/** Marks the template of one helper in a `dh-helper-list`: `<ng-template dhHelperRow let-helper>`. */
@Directive({ selector: 'ng-template[dhHelperRow]' })
export class HelperRow {
  static ngTemplateContextGuard(_dir: HelperRow, _context: unknown): _context is { $implicit: HelperListed } {
    return true;
  }
}

/**
 * Every helper, 50 a page, with a search field above (name or e-mail; it searches as you type) and a
 * pager below. The page says how each helper is shown, with a `dhHelperRow` template.
 */
@Component({
  selector: 'dh-helper-list',
  imports: [NgTemplateOutlet, Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="dh-field search">
      <label [for]="controlId()">Sök digivärd</label>
      <p class="dh-hint" [id]="controlId() + '-hint'">Skriv en del av namnet eller e-postadressen. Listan visar {{ search.pageSize }} digivärdar åt gången.</p>
      <input #field type="search" autocomplete="off" spellcheck="false" maxlength="100" [id]="controlId()" [attr.aria-describedby]="controlId() + '-hint'" [value]="search.text()" (input)="search.type(field.value)" />
    </div>

    @if (search.result.error()) {
      <div class="dh-alert" role="alert">
        <p>Vi kunde inte hämta digivärdarna just nu.</p>
        <button type="button" class="dh-button" (click)="search.result.reload()">Försök igen</button>
      </div>
    } @else {
      <p #count class="count" [id]="controlId() + '-count'" tabindex="-1" role="status">{{ status() }}</p>
      @if (search.items().length) {
        <ul class="helper-list" [class.grid]="layout() === 'grid'" [attr.aria-label]="'Digivärdar, sida ' + search.page() + ' av ' + search.pages()">
          @for (h of search.items(); track h.id) {
            <li><ng-container [ngTemplateOutlet]="row()" [ngTemplateOutletContext]="{ $implicit: h }" /></li>
          }
        </ul>
      }
      <dh-pager [page]="search.page()" [pages]="search.pages()" label="Sidor med digivärdar" (pageChange)="goTo($event)" />
    }
  `,
  styles: `
    :host { display: block; }
    .search { max-width: 28rem; }
    .count { margin: 0 0 0.5rem; font-weight: 600; }
    .count:focus { outline: none; }
    .count:focus-visible { outline: var(--dh-focus); outline-offset: 2px; }
    .helper-list { display: grid; gap: 0.5rem; margin: 0; padding: 0; list-style: none; }
    .helper-list.grid { grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr)); }
  `,
})
export class HelperList {
  readonly controlId = input.required<string>();
  /** 'grid': short items side by side (links); 'rows': one item a row (forms). */
  readonly layout = input<'grid' | 'rows'>('rows');

  protected readonly search = helperSearch('everyone');
  protected readonly row = contentChild.required(HelperRow, { read: TemplateRef });
  private readonly count = viewChild<ElementRef<HTMLElement>>('count');
  private readonly injector = inject(Injector);

  protected readonly status = computed(() => {
    const result = this.search.result;
    const total = this.search.total();
    if (result.isLoading() && !result.hasValue()) return 'Hämtar digivärdarna …';
    if (total === 0) return this.search.q() ? 'Inga digivärdar heter så.' : 'Det finns inga digivärdar än.';
    const what = this.search.q() ? `${helpersText(total)} hittades` : helpersText(total);
    return this.search.pages() > 1 ? `${what}. Sida ${this.search.page()} av ${this.search.pages()}.` : `${what}.`;
  });

  /** Fetches the page again (after a helper was added elsewhere on the page). */
  reload(): void {
    this.search.result.reload();
  }

  protected goTo(page: number): void {
    this.search.goTo(page);
    // The list under the pager changed: start reading at its count again.
    afterNextRender(() => this.count()?.nativeElement.focus(), { injector: this.injector });
  }
}
