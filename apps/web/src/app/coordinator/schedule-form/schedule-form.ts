import { ChangeDetectionStrategy, Component, InjectionToken, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { DEFAULT_TIME_ZONE, type Schedule, type ScheduleInput, type Weekday } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { formatShortDate, formatTime, todayIn } from '../../shared/data/dates';
import { debounced } from '../../shared/data/debounced';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { CoordinatorApi, type ScheduleChange } from '../coordinator-api';
import { SessionShapeFields } from '../session-shape-fields/session-shape-fields';

/** How long typing must pause before the preview asks the API again. Tests set 0. */
export const PREVIEW_DEBOUNCE_MS = new InjectionToken<number>('PREVIEW_DEBOUNCE_MS', { factory: () => 400 });


const WEEKDAY_NAMES: { day: Weekday; name: string }[] = [
  { day: 1, name: 'Måndag' },
  { day: 2, name: 'Tisdag' },
  { day: 3, name: 'Onsdag' },
  { day: 4, name: 'Torsdag' },
  { day: 5, name: 'Fredag' },
  { day: 6, name: 'Lördag' },
  { day: 7, name: 'Söndag' },
];

const FIELDS: SummaryField[] = [
  { name: 'weekdays', id: 'schedule-weekday-1', label: 'Veckodagar' },
  { name: 'startTime', id: 'schedule-start', label: 'Börjar' },
  { name: 'endTime', id: 'schedule-end', label: 'Slutar' },
  { name: 'validFrom', id: 'schedule-from', label: 'Första dag' },
  { name: 'validUntil', id: 'schedule-until', label: 'Sista dag' },
  { name: 'slotMinutes', id: 'schedule-slot', label: 'Längd på varje tid' },
  { name: 'seatsPerSlot', id: 'schedule-seats', label: 'Platser per tid' },
  { name: 'dropIn', id: 'schedule-drop-in', label: 'Drop-in' },
  { name: 'helpersNeeded', id: 'schedule-helpers', label: 'Digivärdar som behövs' },
];

interface Draft {
  weekdays: Weekday[];
  startTime: string;
  endTime: string;
  validFrom: string;
  validUntil: string;
  slotMinutes: number;
  seatsPerSlot: string;
  dropIn: boolean;
  helpersNeeded: string;
}

type TextField = 'startTime' | 'endTime' | 'validFrom' | 'validUntil' | 'seatsPerSlot' | 'helpersNeeded';

/** An empty number box is sent as null (JSON of NaN), so the API says what to write instead of reading 0. */
const toInt = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

const newDraft = (): Draft => ({
  weekdays: [],
  startTime: '10:00',
  endTime: '12:00',
  validFrom: todayIn(DEFAULT_TIME_ZONE),
  validUntil: '',
  slotMinutes: 30,
  seatsPerSlot: '2',
  dropIn: true,
  helpersNeeded: '2',
});

const draftOf = (s: Schedule): Draft => ({
  weekdays: [...s.weekdays],
  startTime: s.startTime,
  endTime: s.endTime,
  validFrom: s.validFrom,
  validUntil: s.validUntil ?? '',
  slotMinutes: s.slotMinutes,
  seatsPerSlot: String(s.seatsPerSlot),
  dropIn: s.dropIn,
  helpersNeeded: String(s.helpersNeeded),
});

/**
 * A weekly schedule for one site, with a live preview of the dates it gives (the API expands it, so
 * the preview is exactly what will be saved, daylight-saving changes included). Without `schedule`
 * it adds a new one (POST); with `schedule` it changes that one (PUT).
 */
@Component({
  selector: 'dh-schedule-form',
  imports: [ErrorSummary, FIELD, SessionShapeFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './schedule-form.html',
  styleUrl: './schedule-form.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class ScheduleForm {
  readonly siteId = input.required<string>();
  readonly timeZone = input<string>(DEFAULT_TIME_ZONE);
  /** The schedule to change; null adds a new one. */
  readonly schedule = input<Schedule | null>(null);
  readonly submitLabel = input('Spara schemat');
  readonly saved = output<ScheduleChange>();

  private readonly api = inject(CoordinatorApi);
  protected readonly weekdayNames = WEEKDAY_NAMES;
  protected readonly fieldsList = FIELDS;

  protected readonly draft = linkedSignal<Draft>(() => {
    const schedule = this.schedule();
    return schedule ? draftOf(schedule) : newDraft();
  });

  protected readonly body = computed<ScheduleInput>(() => {
    const d = this.draft();
    return {
      weekdays: [...d.weekdays].sort((a, b) => a - b),
      startTime: d.startTime,
      endTime: d.endTime,
      validFrom: d.validFrom,
      validUntil: d.validUntil || null,
      slotMinutes: d.slotMinutes,
      seatsPerSlot: toInt(d.seatsPerSlot),
      dropIn: d.dropIn,
      helpersNeeded: toInt(d.helpersNeeded),
    };
  });

  /** No weekday yet: nothing to preview, and no point in an error about it. */
  private readonly previewInput = debounced(
    computed(() => (this.draft().weekdays.length ? this.body() : undefined)),
    inject(PREVIEW_DEBOUNCE_MS),
  );
  /** Editing: the schedule's own id, so the preview does not call it an overlap with itself. */
  protected readonly preview = this.api.preview(this.siteId, this.previewInput, () => this.schedule()?.id ?? null);
  protected readonly previewError = computed(() => (this.preview.error() ? toApiError(this.preview.error()) : null));
  protected readonly previewDates = computed(() => {
    if (!this.preview.hasValue()) return [];
    const zone = this.timeZone();
    return this.preview.value().map((o) => ({
      key: o.start,
      date: formatShortDate(o.date, 'sv'),
      time: `${formatTime(o.start, zone, 'sv')}–${formatTime(o.end, zone, 'sv')}`,
    }));
  });

  protected readonly saving = signal(false);
  protected readonly saveError = signal<ApiError | null>(null);
  /** After a failed save, its messages; otherwise what the live preview found. */
  protected readonly errors = computed<Readonly<Record<string, string>>>(() => this.saveError()?.fields ?? this.previewError()?.fields ?? {});

  protected isChecked(day: Weekday): boolean {
    return this.draft().weekdays.includes(day);
  }

  protected toggleDay(day: Weekday, on: boolean): void {
    this.patch({ weekdays: on ? [...this.draft().weekdays.filter((d) => d !== day), day] : this.draft().weekdays.filter((d) => d !== day) });
  }

  protected setText(field: TextField, value: string): void {
    this.patch({ [field]: value });
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    if (this.draft().weekdays.length === 0) {
      this.saveError.set({ status: 0, code: 'MISSING', message: 'Välj minst en veckodag.', fields: { weekdays: 'Välj minst en veckodag.' } });
      return;
    }
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const editing = this.schedule();
      this.saved.emit(await (editing ? this.api.updateSchedule(editing.id, this.body()) : this.api.createSchedule(this.siteId(), this.body())));
    } catch (error) {
      this.saveError.set(toApiError(error));
    } finally {
      this.saving.set(false);
    }
  }

  protected patch(change: Partial<Draft>): void {
    this.draft.update((d) => ({ ...d, ...change }));
    // A changed form makes the last save error stale; the live preview shows what still needs fixing.
    this.saveError.set(null);
  }
}
