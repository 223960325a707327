import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { formatDay, formatTimeRange, groupBy, localDateOf } from '../../shared/data/dates';
import type { PublicSession } from '../../shared/data/public-api';
import { FIELD } from '../../shared/ui/field';

interface SlotOption {
  id: string;
  time: string;
  seatsLeft: number;
}

interface DayOption {
  date: string;
  label: string;
  dropIn: boolean;
  slots: SlotOption[];
  /** "10:00–12:00" of sessions the library has cancelled that day. */
  cancelled: string[];
}

/**
 * The coming times of one site for staff, one radio group in a fieldset per day. Unlike the public
 * picker it shows full times too, disabled and marked "Fullbokad": on the phone the staff member can
 * say that the time the person asks for is taken, and which ones are free. Swedish only.
 */
@Component({
  selector: 'dh-staff-slot-picker',
  imports: [FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dh-fieldset [legend]="legend()" [controlId]="controlId()" [hint]="hint()" [error]="error()">
      @if (!firstFreeId()) {
        <p class="dh-status none" [id]="controlId()" tabindex="-1">
          {{ days().length ? 'Alla tider är fullbokade de här veckorna.' : 'Det finns inga träffar att boka de här veckorna.' }}
        </p>
      }
      @for (day of days(); track day.date) {
        <fieldset class="day">
          <legend><time [attr.datetime]="day.date">{{ day.label }}</time></legend>
          @if (day.dropIn) {
            <p class="note">Drop-in den här dagen: man kan också komma utan att boka.</p>
          }
          @for (time of day.cancelled; track $index) {
            <p class="note cancelled">Träffen <bdi dir="ltr" class="dh-time">{{ time }}</bdi> är inställd.</p>
          }
          @if (day.slots.length) {
            <ul class="tiles">
              @for (slot of day.slots; track slot.id) {
                <li>
                  <label class="tile" [class.full]="slot.seatsLeft < 1">
                    <input
                      type="radio"
                      [name]="controlId()"
                      [id]="optionId(slot.id)"
                      [value]="slot.id"
                      [checked]="slot.id === selected()"
                      [disabled]="slot.seatsLeft < 1"
                      [attr.aria-invalid]="error() && slot.seatsLeft > 0 ? true : null"
                      (change)="selectedChange.emit(slot.id)"
                    />
                    <span class="time"><bdi dir="ltr" class="dh-time">{{ slot.time }}</bdi></span>&ngsp;<span class="seats">{{ seatsText(slot.seatsLeft) }}</span>
                  </label>
                </li>
              }
            </ul>
          }
        </fieldset>
      }
    </dh-fieldset>
  `,
  styles: `
    :host { display: block; }
    .day { margin: 0 0 1rem; padding: 0; border: 0; min-width: 0; }
    .day legend { padding: 0; font-size: 1.05rem; font-weight: 700; }
    .note { margin: 0.1rem 0 0.3rem; color: var(--dh-muted); font-size: 0.95rem; }
    .tiles {
      display: grid; gap: 0.5rem; margin: 0.3rem 0 0; padding: 0; list-style: none;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 9.5rem), 1fr));
    }
    .tile {
      display: grid; grid-template-columns: auto 1fr; align-items: center; column-gap: 0.6rem;
      min-height: 3.25rem; padding: 0.4rem 0.7rem; border: 2px solid var(--dh-line); border-radius: var(--dh-radius);
      background: var(--dh-surface); cursor: pointer;
    }
    .tile:hover { border-color: var(--dh-brand); }
    .tile:has(input:checked) { border-color: var(--dh-brand); box-shadow: inset 0 0 0 2px var(--dh-brand); background: #eef5fa; }
    .tile:has(input:focus-visible) { outline: var(--dh-focus); outline-offset: 2px; }
    .tile input { grid-row: span 2; width: 1.3rem; height: 1.3rem; margin: 0; accent-color: var(--dh-brand); }
    .tile.full { background: #eceff2; border-style: dashed; cursor: not-allowed; }
    .tile.full:hover { border-color: var(--dh-line); }
    .tile.full .time { text-decoration: line-through; }
    .time { font-size: 1.05rem; font-weight: 700; }
    .seats { font-size: 0.9rem; color: var(--dh-muted); }
    .full .seats { color: var(--dh-ink); font-weight: 600; }
    /* Two tiles side by side on a small phone: "10:30–11:00" must still fit inside its tile. */
    @media (max-width: 26rem) {
      .tiles { gap: 0.4rem; }
      .tile { column-gap: 0.45rem; padding-inline: 0.5rem; }
      .time { font-size: 1rem; }
    }
  `,
})
export class StaffSlotPicker {
  readonly sessions = input.required<readonly PublicSession[]>();
  readonly timeZone = input.required<string>();
  readonly selected = input<string | null>(null);
  /** The first free option's id (the error summary links there); other options get `<controlId>-<slot id>`. */
  readonly controlId = input.required<string>();
  readonly legend = input.required<string>();
  readonly hint = input<string | null>(null);
  readonly error = input<string | null | undefined>(null);
  /** Clock for "is this time still to come"; tests pass a fixed one. */
  readonly now = input<number>(Date.now());
  readonly selectedChange = output<string>();

  protected readonly days = computed<DayOption[]>(() => {
    const tz = this.timeZone();
    const now = this.now();
    const sessions = [...this.sessions()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const coming = sessions.filter((s) => Date.parse(s.end) > now);
    const days = groupBy(coming, (s) => localDateOf(s.start)).map(({ key, items }) => {
      const planned = items.filter((s) => s.status === 'planned');
      return {
        date: key,
        label: formatDay(items[0]?.start ?? key, tz, 'sv'),
        dropIn: planned.some((s) => s.dropIn),
        cancelled: items.filter((s) => s.status === 'cancelled').map((s) => formatTimeRange(s.start, s.end, tz, 'sv')),
        slots: planned
          .flatMap((s) => s.slots)
          .filter((slot) => Date.parse(slot.start) > now)
          .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
          .map((slot) => ({ id: slot.id, time: formatTimeRange(slot.start, slot.end, tz, 'sv'), seatsLeft: slot.seatsLeft })),
      };
    });
    return days.filter((d) => d.slots.length > 0 || d.cancelled.length > 0);
  });

  protected readonly firstFreeId = computed(() => {
    for (const day of this.days()) {
      const free = day.slots.find((s) => s.seatsLeft > 0);
      if (free) return free.id;
    }
    return null;
  });

  protected optionId(slotId: string): string {
    return slotId === this.firstFreeId() ? this.controlId() : `${this.controlId()}-${slotId}`;
  }

  protected seatsText(seatsLeft: number): string {
    if (seatsLeft < 1) return 'Fullbokad';
    return seatsLeft === 1 ? '1 plats kvar' : `${seatsLeft} platser kvar`;
  }
}
