import { ChangeDetectionStrategy, Component, Directive, computed, contentChild, inject, input } from '@angular/core';

/** Marks the input, select or textarea of a `dh-field` (below) and wires its accessible description. */
@Directive({
  selector: '[dhControl]',
  host: {
    '[id]': 'id()',
    '[attr.aria-invalid]': 'field.error() ? true : null',
    '[attr.aria-describedby]': 'field.describedBy()',
  },
})
export class FieldControl {
  readonly id = input.required<string>();
  protected readonly field = inject(Field);
}

/**
 * One labelled form field: label, optional hint, the control, and the error message under it.
 * The control is projected and marked with `dhControl`, which gives it its id, `aria-invalid` when
 * there is an error, and `aria-describedby` pointing at the hint and the error (in that order), so
 * screen readers read them with the field. Ids: `<id>-hint`, `<id>-error` (the error summary links to `<id>`).
 *
 * ```html
 * <dh-field label="Adress" hint="Gatuadress, postnummer och ort." [error]="errors()['address']">
 *   <input dhControl id="site-address" … />
 * </dh-field>
 * ```
 * Anything else inside (a "show password" checkbox, a counter) comes after the error.
 */
@Component({
  selector: 'dh-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label [for]="controlId()">{{ label() }}<ng-content select="[dhLabelExtra]" /></label>
    @if (hint()) {
      <p class="dh-hint" [id]="controlId() + '-hint'">{{ hint() }}</p>
    }
    <ng-content select="[dhControl]" />
    @if (error(); as message) {
      <p class="dh-field-error" [id]="controlId() + '-error'">{{ message }}</p>
    }
    <ng-content />
  `,
  host: { class: 'dh-field' },
})
export class Field {
  readonly label = input.required<string>();
  readonly hint = input<string | null | undefined>(null);
  /** The message to show; empty or undefined when the value is fine. */
  readonly error = input<string | null | undefined>(null);

  private readonly control = contentChild.required(FieldControl);
  protected readonly controlId = computed(() => this.control().id());

  /** Hint first, then the error, as a sighted person reads them. */
  readonly describedBy = computed(() => {
    const id = this.controlId();
    const ids = [this.hint() ? `${id}-hint` : null, this.error() ? `${id}-error` : null].filter((v): v is string => v !== null);
    return ids.length ? ids.join(' ') : null;
  });
}

/**
 * A group of checkboxes or radios: legend, optional hint, the options, and the error message. The
 * fieldset is described by the hint and the error. `controlId` is the first option's id (the error
 * summary links there); the hint and error ids derive from it.
 */
@Component({
  selector: 'dh-fieldset',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="dh-field" [attr.aria-describedby]="describedBy()">
      <legend class="dh-legend">{{ legend() }}</legend>
      @if (hint()) {
        <p class="dh-hint" [id]="controlId() + '-hint'">{{ hint() }}</p>
      }
      <ng-content />
      @if (error(); as message) {
        <p class="dh-field-error" [id]="controlId() + '-error'">{{ message }}</p>
      }
    </fieldset>
  `,
  styles: `
    :host { display: block; }
  `,
})
export class Fieldset {
  readonly legend = input.required<string>();
  readonly controlId = input.required<string>();
  readonly hint = input<string | null | undefined>(null);
  readonly error = input<string | null | undefined>(null);

  protected readonly describedBy = computed(() => {
    const id = this.controlId();
    const ids = [this.hint() ? `${id}-hint` : null, this.error() ? `${id}-error` : null].filter((v): v is string => v !== null);
    return ids.length ? ids.join(' ') : null;
  });
}

export const FIELD = [Field, FieldControl, Fieldset] as const;
