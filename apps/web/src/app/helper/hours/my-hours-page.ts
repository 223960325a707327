import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DEFAULT_TIME_ZONE, HOURS_LIMITS, MANUAL_ACTIVITIES, type HoursEntryView, type HoursInput, type ManualActivity } from '@digihjalpen/domain';
import { AuthService } from '../../shared/auth/auth.service';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { formatShortDate, todayIn } from '../../shared/data/dates';
import { ACTIVITY_HINTS, ACTIVITY_LABELS, STATUS_LABELS, addMonths, currentMonth, durationText, hoursText, monthName } from '../../shared/data/hours-labels';
import { OcnApi } from '../../shared/data/ocn-api';
import { moduleStatus } from '../../shared/data/portfolio';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { ModuleProgress } from '../../shared/ui/ocn/module-progress';
import { HelperApi, MY_HOURS_CSV_URL } from '../helper-api';

interface Draft {
  date: string;
  hours: string;
  minutes: string;
  activity: ManualActivity | null;
  reflection: string;
}

interface EntryRow {
  id: string;
  date: string;
  activity: string;
  reflection: string | null;
  duration: string;
  status: HoursEntryView['status'];
  statusText: string;
  reason: string | null;
  flagged: boolean;
}

const FIELDS: SummaryField[] = [
  { name: 'date', id: 'hours-date', label: 'Datum' },
  { name: 'minutes', id: 'hours-hours', label: 'Hur lång tid' },
  { name: 'activity', id: 'hours-activity-training', label: 'Vad gjorde du' },
  { name: 'reflection', id: 'hours-reflection', label: 'Reflektion' },
];

const WHOLE = /^\d+$/;

/**
 * The helper's own hours (/personal/timmar): this month's and the total, each entry's state in words
 * (with the reason when one was not approved), time added by hand, a CSV of everything, and the
 * OCN modules with progress towards validation.
 */
@Component({
  selector: 'dh-my-hours-page',
  imports: [RouterLink, FIELD, ErrorSummary, ModuleProgress],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-hours-page.html',
  styleUrl: './my-hours-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class MyHoursPage {
  private readonly api = inject(HelperApi);
  private readonly user = inject(AuthService).user;
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  protected readonly csvUrl = MY_HOURS_CSV_URL;
  protected readonly thisMonth = currentMonth();
  protected readonly month = signal(this.thisMonth);
  protected readonly monthLabel = computed(() => monthName(this.month()));
  protected readonly monthHeading = computed(() => `${this.monthLabel().charAt(0).toLocaleUpperCase('sv')}${this.monthLabel().slice(1)}`);
  protected readonly hours = this.api.myHours(this.month);
  protected readonly modules = inject(OcnApi).summaries(() => this.user()?.id);

  protected readonly activities = MANUAL_ACTIVITIES.map((key) => ({ key, label: ACTIVITY_LABELS[key], hint: ACTIVITY_HINTS[key] }));
  protected readonly fields = FIELDS;
  protected readonly today = todayIn(DEFAULT_TIME_ZONE);
  protected readonly draft = signal<Draft>(this.emptyDraft());
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.error()?.fields ?? {});
  protected readonly saved = signal<string | null>(null);

  protected readonly sums = computed(() => {
    if (!this.hours.hasValue()) return null;
    const h = this.hours.value();
    return { approved: hoursText(h.monthApprovedMinutes), pending: hoursText(h.monthPendingMinutes), total: hoursText(h.totalApprovedMinutes) };
  });

  protected readonly rows = computed<EntryRow[]>(() =>
    this.hours.hasValue()
      ? [...this.hours.value().entries]
          .sort((a, b) => b.date.localeCompare(a.date))
          .map((e) => ({
            id: e.id,
            date: formatShortDate(e.date, 'sv'),
            activity: ACTIVITY_LABELS[e.activity],
            reflection: e.reflection,
            duration: durationText(e.minutes),
            status: e.status,
            statusText: STATUS_LABELS[e.status],
            reason: e.rejectReason,
            flagged: e.flagged && e.status === 'pending',
          }))
      : [],
  );

  protected readonly moduleRows = computed(() =>
    this.modules.value().map((m) => ({
      ...m,
      status: moduleStatus(m),
      facts: `Nivå ${m.module.level} · ${m.module.credits} poäng (${m.progress.notionalHours} timmar)`,
    })),
  );

  protected showMonth(offset: number): void {
    const next = addMonths(this.month(), offset);
    if (next > this.thisMonth) return;
    this.month.set(next);
  }

  protected set<K extends keyof Draft>(field: K, value: Draft[K]): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    this.saved.set(null);
    const d = this.draft();
    const fields: Record<string, string> = {};
    const h = d.hours.trim() || '0';
    const m = d.minutes.trim() || '0';
    const minutes = WHOLE.test(h) && WHOLE.test(m) ? Number(h) * 60 + Number(m) : NaN;
    if (!d.date) fields['date'] = 'Skriv vilken dag det var.';
    else if (d.date > this.today) fields['date'] = 'Tid kan bara rapporteras för i dag eller dagar som har varit.';
    if (Number.isNaN(minutes)) fields['minutes'] = 'Skriv timmar och minuter med siffror, till exempel 1 och 30.';
    else if (minutes < HOURS_LIMITS.minMinutes) fields['minutes'] = 'Skriv hur lång tid det tog.';
    else if (minutes > HOURS_LIMITS.maxMinutes) fields['minutes'] = `Det går att rapportera högst ${HOURS_LIMITS.maxMinutes / 60} timmar åt gången.`;
    if (!d.activity) fields['activity'] = 'Välj vad du gjorde.';
    if (d.reflection.trim().length > HOURS_LIMITS.reflectionMax) fields['reflection'] = `Skriv högst ${HOURS_LIMITS.reflectionMax} tecken.`;
    if (!d.activity || Object.keys(fields).length) {
      this.error.set({ status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields });
      return;
    }
    const input: HoursInput = { date: d.date, minutes, activity: d.activity, reflection: d.reflection.trim() || null };
    this.saving.set(true);
    this.error.set(null);
    try {
      const entry = await this.api.addHours(input);
      this.saved.set(
        `Tiden är sparad: ${ACTIVITY_LABELS[entry.activity].toLocaleLowerCase('sv')} ${formatShortDate(entry.date, 'sv')}, ${durationText(entry.minutes)}. Den väntar på att en samordnare godkänner den.`,
      );
      this.draft.set(this.emptyDraft());
      // Show the month the time was added to, with the new entry in it.
      const month = entry.date.slice(0, 7);
      if (month === this.month()) this.hours.reload();
      else this.month.set(month);
      afterNextRender(() => this.document.getElementById('hours-saved')?.focus(), { injector: this.injector });
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.saving.set(false);
    }
  }

  private emptyDraft(): Draft {
    return { date: todayIn(DEFAULT_TIME_ZONE), hours: '', minutes: '', activity: null, reflection: '' };
  }
}
