import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FIELD } from '../../shared/ui/field';

export const SLOT_LENGTHS = [15, 20, 30, 45, 60] as const;

/** How a session is cut into bookable times and staffed; numbers are kept as typed until saving. */
export interface SessionShape {
  slotMinutes: number;
  seatsPerSlot: string;
  helpersNeeded: string;
  dropIn: boolean;
}

/** The fields a weekly schedule and a one-off session share: slot length, seats, helpers, drop-in. */
@Component({
  selector: 'dh-session-shape-fields',
  imports: [FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
<dh-field
  label="Längd på varje tid"
  hint="Besökare bokar en tid. Träffen delas upp i tider av den här längden."
  [error]="errors()['slotMinutes']"
>
  <select dhControl #slot [id]="idPrefix() + '-slot'" class="dh-narrow" (change)="changed.emit({ slotMinutes: +slot.value })">
    @for (minutes of slotLengths; track minutes) {
      <option [value]="minutes" [selected]="shape().slotMinutes === minutes">{{ minutes }} minuter</option>
    }
  </select>
</dh-field>

<div class="pair">
  <dh-field label="Platser per tid" [error]="errors()['seatsPerSlot']">
    <input
      dhControl
      #seats
      [id]="idPrefix() + '-seats'"
      type="number"
      inputmode="numeric"
      min="1"
      max="50"
      class="dh-narrow"
      [value]="shape().seatsPerSlot"
      (input)="changed.emit({ seatsPerSlot: seats.value })"
    />
  </dh-field>
  <dh-field label="Digivärdar som behövs" [error]="errors()['helpersNeeded']">
    <input
      dhControl
      #helpers
      [id]="idPrefix() + '-helpers'"
      type="number"
      inputmode="numeric"
      min="0"
      max="20"
      class="dh-narrow"
      [value]="shape().helpersNeeded"
      (input)="changed.emit({ helpersNeeded: helpers.value })"
    />
  </dh-field>
</div>

<div class="dh-field">
  <label class="dh-check">
    <input #dropIn [id]="idPrefix() + '-drop-in'" type="checkbox" [checked]="shape().dropIn" (change)="changed.emit({ dropIn: dropIn.checked })" [attr.aria-describedby]="idPrefix() + '-drop-in-hint'" />
    Drop-in: besökare kan komma utan att boka
  </label>
  <p class="dh-hint" [id]="idPrefix() + '-drop-in-hint'">Det går alltid att boka en tid. Med drop-in är man också välkommen utan bokning.</p>
</div>
  `,
  styles: `
    :host { display: block; }
    .pair { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
    .pair .dh-field { flex: 1 1 10rem; }
  `,
})
export class SessionShapeFields {
  /** Prefix of the control ids, e.g. "schedule" gives "schedule-slot", "schedule-seats" … */
  readonly idPrefix = input.required<string>();
  readonly shape = input.required<SessionShape>();
  readonly errors = input<Readonly<Record<string, string>>>({});
  readonly changed = output<Partial<SessionShape>>();
  protected readonly slotLengths = SLOT_LENGTHS;
}
