import { ChangeDetectionStrategy, Component, ElementRef, computed, input, output, viewChild, viewChildren } from '@angular/core';
import type { HelperListed } from '@digihjalpen/domain';
import { helperSearch, helpersText } from './helper-search';

/**
 * Choosing one helper out of thousands: a search field that asks the API as you type (after a short
 * pause) and a list of buttons, one per match (at most 50). Arrow keys move between the field and the
 * buttons; Escape goes back to the field. What the search found is read out by screen readers.
 *
 * ```html
 * <dh-helper-picker controlId="assign-123" label="Sök digivärd" [taken]="ids" takenNote="har redan passet" (chosen)="add($event)" />
 * ```
 */
@Component({
  selector: 'dh-helper-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="dh-field">
      <label [for]="controlId()">{{ label() }}<ng-content select="[dhLabelExtra]" /></label>
      <p class="dh-hint" [id]="controlId() + '-hint'">Skriv en del av namnet eller e-postadressen.</p>
      <input
        #field
        type="search"
        autocomplete="off"
        spellcheck="false"
        maxlength="100"
        [id]="controlId()"
        [attr.aria-describedby]="describedBy()"
        [attr.aria-invalid]="error() ? true : null"
        [attr.aria-controls]="controlId() + '-options'"
        [value]="search.text()"
        (input)="search.type(field.value)"
        (keydown)="onFieldKey($event)"
      />
      @if (error(); as message) {
        <p class="dh-field-error" [id]="controlId() + '-error'">{{ message }}</p>
      }
    </div>
    <p class="status" [id]="controlId() + '-status'" role="status">{{ status() }}</p>
    @if (search.result.error()) {
      <button type="button" class="dh-button-secondary" (click)="search.result.reload()">Sök igen</button>
    }
    <ul class="options" [id]="controlId() + '-options'" aria-label="Digivärdar att välja" [hidden]="options().length === 0">
      @for (h of options(); track h.helper.id; let i = $index) {
        <li>
          <button
            #option
            type="button"
            class="option"
            [attr.aria-disabled]="h.taken || busy() ? true : null"
            (click)="choose(h.helper)"
            (keydown)="onOptionKey($event, i)"
          >
            <span class="name">{{ h.helper.name }}</span><span class="visually-hidden">, </span>
            <span class="email">{{ h.helper.email }}</span>
            @if (h.taken) {
              <span class="visually-hidden">, </span><span class="taken">{{ takenNote() }}</span>
            }
          </button>
        </li>
      }
    </ul>
  `,
  styles: `
    :host { display: block; }
    .dh-field { margin-block-end: 0.25rem; }
    .status { margin: 0 0 0.5rem; color: var(--dh-muted); }
    .status:empty { display: none; }
    .options { display: grid; gap: 0.25rem; max-height: 20rem; overflow-y: auto; margin: 0 0 0.5rem; padding: 0; list-style: none; }
    .option {
      display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 0.75rem; width: 100%; min-height: 44px; padding: 0.35rem 0.75rem;
      text-align: start; font: inherit; color: inherit; cursor: pointer;
      background: var(--dh-surface); border: 1px solid var(--dh-line); border-radius: var(--dh-radius);
    }
    .option:hover { background: #eef5fb; }
    .option:focus-visible { outline: var(--dh-focus); outline-offset: 2px; }
    .option[aria-disabled='true'] { cursor: not-allowed; color: var(--dh-muted); }
    .name { font-weight: 600; }
    .email { color: var(--dh-muted); font-size: 0.95rem; overflow-wrap: anywhere; }
    .taken { flex-basis: 100%; font-size: 0.95rem; font-style: italic; }
  `,
})
export class HelperPicker {
  readonly controlId = input.required<string>();
  readonly label = input.required<string>();
  /** A message from the page under the field (adding failed …). */
  readonly error = input<string | null | undefined>(null);
  /** Helpers who cannot be chosen here (already on the shift …): shown, but marked with `takenNote`. */
  readonly taken = input<readonly string[]>([]);
  readonly takenNote = input('Redan vald');
  /** While the page saves a choice: the buttons do nothing. */
  readonly busy = input(false);
  readonly chosen = output<HelperListed>();

  protected readonly search = helperSearch('nothing');
  private readonly field = viewChild.required<ElementRef<HTMLInputElement>>('field');
  private readonly buttons = viewChildren<ElementRef<HTMLButtonElement>>('option');

  protected readonly options = computed(() => {
    const taken = new Set(this.taken());
    return this.search.q() ? this.search.items().map((helper) => ({ helper, taken: taken.has(helper.id) })) : [];
  });

  protected readonly status = computed(() => {
    const result = this.search.result;
    if (!this.search.q()) return '';
    if (result.error()) return 'Vi kunde inte söka just nu.';
    if (result.isLoading()) return 'Söker …';
    const total = this.search.total();
    if (total === 0) return 'Inga digivärdar heter så.';
    if (total > this.search.items().length) return `${helpersText(total)} hittades. Här visas de ${this.search.items().length} första; skriv mer av namnet för att hitta rätt.`;
    return `${helpersText(total)} hittades.`;
  });

  /** Hint, error, then what the search found (when it has found anything yet). */
  protected readonly describedBy = computed(() => {
    const id = this.controlId();
    return [`${id}-hint`, this.error() ? `${id}-error` : null, this.status() ? `${id}-status` : null].filter(Boolean).join(' ');
  });

  /** Puts the cursor in the search field. */
  focus(): void {
    this.field().nativeElement.focus();
  }

  /** Empties the field and the matches (after a choice was saved). */
  clear(): void {
    this.search.clear();
  }

  protected choose(helper: HelperListed): void {
    if (this.busy() || this.taken().includes(helper.id)) return;
    this.chosen.emit(helper);
  }

  protected onFieldKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' && this.buttons().length) {
      event.preventDefault();
      this.focusOption(0);
    }
  }

  protected onOptionKey(event: KeyboardEvent, index: number): void {
    const last = this.buttons().length - 1;
    const to: Record<string, number | 'field'> = { ArrowDown: Math.min(index + 1, last), ArrowUp: index === 0 ? 'field' : index - 1, Home: 0, End: last, Escape: 'field' };
    const target = to[event.key];
    if (target === undefined) return;
    event.preventDefault();
    if (target === 'field') this.focus();
    else this.focusOption(target);
  }

  private focusOption(index: number): void {
    this.buttons()[index]?.nativeElement.focus();
  }
}
