import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { DEFAULT_TIME_ZONE } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { todayIn } from '../../shared/data/dates';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { CoordinatorApi, type CoordinatorSession, type OneOffSessionInput } from '../coordinator-api';
import { SessionShapeFields } from '../session-shape-fields/session-shape-fields';

const FIELDS: SummaryField[] = [
  { name: 'date', id: 'extra-date', label: 'Datum' },
  { name: 'startTime', id: 'extra-start', label: 'Börjar' },
  { name: 'endTime', id: 'extra-end', label: 'Slutar' },
  { name: 'slotMinutes', id: 'extra-slot', label: 'Längd på varje tid' },
  { name: 'seatsPerSlot', id: 'extra-seats', label: 'Platser per tid' },
  { name: 'helpersNeeded', id: 'extra-helpers', label: 'Digivärdar som behövs' },
  { name: 'dropIn', id: 'extra-drop-in', label: 'Drop-in' },
];

/** The API checks a one-off with the schedule rules, so date problems come back as the schedule's date fields. */
const FIELD_OF: Readonly<Record<string, string>> = { validFrom: 'date', validUntil: 'date', weekdays: 'date' };

const IN_PAST = 'Träffen måste börja senare än nu. Välj ett datum och en tid framåt i tiden.';

interface Draft {
  date: string;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  seatsPerSlot: string;
  dropIn: boolean;
  helpersNeeded: string;
}

type TextField = 'date' | 'startTime' | 'endTime' | 'seatsPerSlot' | 'helpersNeeded';

const isWholeNumber = (text: string) => /^\d+$/.test(text.trim());

/** One extra session outside the weekly schedule, e.g. an evening before a tax deadline. */
@Component({
  selector: 'dh-extra-session-form',
  imports: [ErrorSummary, FIELD, SessionShapeFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dh-error-summary [error]="error()" [fields]="fieldsList" />
    <form novalidate (submit)="submit($event)">
      <dh-field label="Datum" [error]="errors()['date']">
        <input dhControl #date id="extra-date" type="date" [min]="today()" [value]="draft().date" (input)="setText('date', date.value)" />
      </dh-field>

      <div class="pair">
        <dh-field label="Börjar" [error]="errors()['startTime']">
          <input dhControl #start id="extra-start" type="time" class="dh-narrow" [value]="draft().startTime" (input)="setText('startTime', start.value)" />
        </dh-field>
        <dh-field label="Slutar" [error]="errors()['endTime']">
          <input dhControl #end id="extra-end" type="time" class="dh-narrow" [value]="draft().endTime" (input)="setText('endTime', end.value)" />
        </dh-field>
      </div>

      <dh-session-shape-fields idPrefix="extra" [shape]="draft()" [errors]="errors()" (changed)="patch($event)" />

      <div class="dh-actions">
        <button class="dh-button" type="submit" [attr.aria-disabled]="saving() ? true : null">
          {{ saving() ? 'Sparar …' : 'Spara den extra träffen' }}
        </button>
        <ng-content />
      </div>
    </form>
  `,
  styles: `
    .pair { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
    .pair .dh-field { flex: 1 1 10rem; }
  `,
  host: { lang: 'sv', dir: 'ltr' },
})
export class ExtraSessionForm {
  readonly siteId = input.required<string>();
  readonly timeZone = input<string>(DEFAULT_TIME_ZONE);
  readonly created = output<CoordinatorSession>();

  private readonly api = inject(CoordinatorApi);
  protected readonly fieldsList = FIELDS;
  protected readonly today = computed(() => todayIn(this.timeZone()));

  protected readonly draft = signal<Draft>({
    date: '',
    startTime: '10:00',
    endTime: '12:00',
    slotMinutes: 30,
    seatsPerSlot: '2',
    dropIn: true,
    helpersNeeded: '2',
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.error()?.fields ?? {});

  protected setText(field: TextField, value: string): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected patch(change: Partial<Draft>): void {
    this.draft.update((d) => ({ ...d, ...change }));
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    const d = this.draft();
    // What the API would refuse without a plain message (an empty date or number) is checked here.
    const missing: Record<string, string> = {};
    if (!d.date) missing['date'] = 'Välj vilket datum den extra träffen är.';
    else if (d.date < this.today()) missing['date'] = IN_PAST;
    if (!isWholeNumber(d.seatsPerSlot)) missing['seatsPerSlot'] = 'Skriv antal platser per tid som ett heltal, 1–50.';
    if (!isWholeNumber(d.helpersNeeded)) missing['helpersNeeded'] = 'Skriv antal digivärdar som ett heltal, 0–20.';
    if (Object.keys(missing).length) {
      this.error.set({ status: 0, code: 'MISSING', message: 'Rätta det som är markerat.', fields: missing });
      return;
    }
    const body: OneOffSessionInput = {
      date: d.date,
      startTime: d.startTime,
      endTime: d.endTime,
      slotMinutes: d.slotMinutes,
      seatsPerSlot: Number(d.seatsPerSlot),
      dropIn: d.dropIn,
      helpersNeeded: Number(d.helpersNeeded),
    };
    this.saving.set(true);
    this.error.set(null);
    try {
      this.created.emit(await this.api.addSession(this.siteId(), body));
    } catch (error) {
      this.error.set(this.toFormError(toApiError(error)));
    } finally {
      this.saving.set(false);
    }
  }

  private toFormError(error: ApiError): ApiError {
    if (error.code === 'SESSION_IN_PAST') return { ...error, message: 'Rätta det som är markerat.', fields: { date: IN_PAST } };
    const fields: Record<string, string> = {};
    for (const [name, message] of Object.entries(error.fields)) fields[FIELD_OF[name] ?? name] ??= message;
    return { ...error, fields };
  }
}
