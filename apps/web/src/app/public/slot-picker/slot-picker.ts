import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { formatDay, formatTimeRange, groupBy, localDateOf } from '../../shared/data/dates';
import type { PublicSession } from '../../shared/data/public-api';
import { LanguageService } from '../../shared/i18n/language.service';
import { FIELD } from '../../shared/ui/field';

interface SlotOption {
  id: string;
  label: string;
  seatsLeft: number;
}

interface DayOption {
  date: string;
  label: string;
  dropIn: boolean;
  slots: SlotOption[];
}

/** Days shown before "Show more days": enough to choose from without a very long page on a phone. */
const DAYS_AT_FIRST = 5;

/**
 * The free times of a site, one radio group grouped by day (a fieldset per day), large tiles.
 * Full, past and cancelled times are left out. Used to book and to move a booking.
 */
@Component({
  selector: 'dh-slot-picker',
  imports: [TranslocoDirective, FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './slot-picker.html',
  styleUrl: './slot-picker.css',
})
export class SlotPicker {
  readonly sessions = input.required<readonly PublicSession[]>();
  readonly timeZone = input.required<string>();
  readonly selected = input<string | null>(null);
  /** The first option's id (the error summary links there); other options get `<controlId>-<slot id>`. */
  readonly controlId = input.required<string>();
  readonly legend = input.required<string>();
  readonly hint = input<string | null>(null);
  readonly error = input<string | null | undefined>(null);
  /** A slot not to offer (the one a booking already has). */
  readonly exclude = input<string | null>(null);
  /** Clock for "is this time still to come"; tests pass a fixed one. */
  readonly now = input<number>(Date.now());
  readonly selectedChange = output<string>();

  private readonly language = inject(LanguageService).language;

  protected readonly days = computed<DayOption[]>(() => {
    const tz = this.timeZone();
    const lang = this.language();
    const now = this.now();
    const exclude = this.exclude();
    const sessions = [...this.sessions()].filter((s) => s.status === 'planned').sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const options = sessions.flatMap((session) =>
      session.slots
        .filter((slot) => slot.seatsLeft > 0 && Date.parse(slot.start) > now && slot.id !== exclude)
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
        .map((slot) => ({ session, slot })),
    );
    return groupBy(options, (o) => localDateOf(o.slot.start)).map(({ key, items }) => ({
      date: key,
      label: formatDay(items[0]?.slot.start ?? key, tz, lang),
      dropIn: items.some((o) => o.session.dropIn),
      slots: items.map(({ slot }) => ({ id: slot.id, label: formatTimeRange(slot.start, slot.end, tz, lang), seatsLeft: slot.seatsLeft })),
    }));
  });

  /** How many days are shown; always far enough to include the chosen time. */
  protected readonly shownDays = linkedSignal(() => {
    const chosen = this.selected();
    const index = chosen ? this.days().findIndex((d) => d.slots.some((s) => s.id === chosen)) : -1;
    return Math.max(DAYS_AT_FIRST, index + 1);
  });
  protected readonly visible = computed(() => this.days().slice(0, this.shownDays()));
  protected readonly firstSlotId = computed(() => this.days()[0]?.slots[0]?.id ?? null);

  protected optionId(slotId: string): string {
    return slotId === this.firstSlotId() ? this.controlId() : `${this.controlId()}-${slotId}`;
  }

  protected showMore(): void {
    this.shownDays.update((n) => n + DAYS_AT_FIRST);
  }
}
