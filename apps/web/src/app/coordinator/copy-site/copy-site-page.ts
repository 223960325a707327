import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { copiedSchedules, slugify, type CopySiteInput, type Schedule, type ScheduleInput, type Site } from '@digihjalpen/domain';
import { statusOf, toApiError, type ApiError } from '../../shared/data/api-error';
import { todayIn } from '../../shared/data/dates';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { CoordinatorApi } from '../coordinator-api';
import { COPIED_STATE_KEY, CopySiteApi } from './copy-site-api';
import { describeWeeklySchedule } from './schedule-summary';

type TextField = 'name' | 'address' | 'startDate' | 'slug' | 'directions' | 'accessibilityNotes';

const FIELDS: SummaryField[] = [
  { name: 'name', id: 'copy-name', label: 'Namn' },
  { name: 'address', id: 'copy-address', label: 'Adress' },
  { name: 'startDate', id: 'copy-start', label: 'Startdatum' },
  { name: 'slug', id: 'copy-slug', label: 'Webbadress' },
  { name: 'directions', id: 'copy-directions', label: 'Vägbeskrivning' },
  { name: 'accessibilityNotes', id: 'copy-accessibility', label: 'Tillgänglighet' },
];

/** One of the source's schedules as the copy would get it, or why it stays behind. */
interface ScheduleRow {
  id: string;
  when: string;
  details: string;
  /** The copy's period, or null when the schedule ends before the start date. */
  period: string | null;
}

/**
 * "Kopiera plats": a new library from an existing one in one sitting. The coordinator gives the new
 * name, address and start date (and, if they like, the web address and the new building's directions),
 * sees which weekly schedules come along and from when, and lands on the new site's page. Bookings,
 * shifts and staff stay with the source; the copy starts paused.
 */
@Component({
  selector: 'dh-copy-site-page',
  imports: [RouterLink, ErrorSummary, FIELD],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './copy-site-page.html',
  styleUrl: './copy-site-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class CopySitePage {
  /** From the route (/samordnare/platser/:id/kopiera): the site to copy. */
  readonly id = input.required<string>();

  private readonly api = inject(CoordinatorApi);
  private readonly copies = inject(CopySiteApi);
  private readonly router = inject(Router);

  protected readonly site = this.api.site(this.id);
  protected readonly schedules = this.api.schedules(this.id);
  protected readonly notFound = computed(() => [400, 404].includes(statusOf(this.site.error())));
  protected readonly fieldsList = FIELDS;

  protected readonly draft = linkedSignal<Record<TextField, string>>(() => ({
    name: '',
    address: '',
    startDate: this.site.hasValue() ? todayIn(this.site.value().timeZone) : '',
    slug: '',
    directions: '',
    accessibilityNotes: '',
  }));
  protected readonly pending = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errors = computed(() => this.error()?.fields ?? {});
  protected readonly suggestedSlug = computed(() => slugify(this.draft().name) || 'namnet-pa-platsen');

  /** The source's schedules with the periods the copy gets, by the same rule the API uses. */
  protected readonly scheduleRows = computed<ScheduleRow[]>(() => {
    if (!this.site.hasValue() || !this.schedules.hasValue()) return [];
    const startDate = this.draft().startDate;
    const today = todayIn(this.site.value().timeZone);
    return this.schedules.value().map((s) => {
      const { when, details, period } = describeWeeklySchedule(s);
      const copy = copyOf(s, startDate, today);
      return { id: s.id, when, details, period: copy === undefined ? period : copy ? describeWeeklySchedule(copy).period : null };
    });
  });
  protected readonly comingAlong = computed(() => this.scheduleRows().filter((r) => r.period !== null).length);

  constructor() {
    const title = inject(Title);
    effect(() => {
      if (this.site.hasValue()) title.setTitle(`Kopiera ${this.site.value().name} – Samordnare – Digihjälpen`);
    });
  }

  /** Today at the site: the earliest start date. */
  protected today(site: Site): string {
    return todayIn(site.timeZone);
  }

  protected setText(field: TextField, value: string): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected async submit(event: Event, source: Site): Promise<void> {
    event.preventDefault();
    if (this.pending()) return;
    const d = this.draft();
    const missing: Record<string, string> = {};
    if (!d.name.trim()) missing['name'] = 'Skriv den nya platsens namn, till exempel Norrby bibliotek.';
    if (!d.address.trim()) missing['address'] = 'Skriv gatuadressen så att besökare hittar dit.';
    if (!d.startDate) missing['startDate'] = 'Välj det datum då schemat ska börja gälla.';
    if (Object.keys(missing).length) {
      this.error.set({ status: 0, code: 'MISSING', message: 'Fyll i det som saknas.', fields: missing });
      return;
    }
    const body: CopySiteInput = {
      name: d.name.trim(),
      address: d.address.trim(),
      startDate: d.startDate,
      ...(d.slug.trim() ? { slug: d.slug.trim() } : {}),
      ...(d.directions.trim() ? { directions: d.directions.trim() } : {}),
      ...(d.accessibilityNotes.trim() ? { accessibilityNotes: d.accessibilityNotes.trim() } : {}),
    };
    this.pending.set(true);
    this.error.set(null);
    try {
      const copy = await this.copies.copy(source.id, body);
      const schedules = copy.schedules.length === 1 ? '1 veckoschema' : `${copy.schedules.length} veckoscheman`;
      const sessions = copy.sessionsCreated === 1 ? '1 träff' : `${copy.sessionsCreated} träffar`;
      const message = `${copy.site.name} är skapad som en kopia av ${source.name}, med ${schedules} och ${sessions}. Platsen är pausad och syns inte för besökare. Bemanna träffarna, kontrollera vägbeskrivning och tillgänglighet och gör sedan platsen aktiv med Ändra platsen.`;
      await this.router.navigate(['/samordnare/platser', copy.site.id], { state: { [COPIED_STATE_KEY]: message } });
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.pending.set(false);
    }
  }
}

/** The schedule as the copy gets it; null when it ends before the start date, undefined while the date is not one the API takes. */
function copyOf(schedule: Schedule, startDate: string, today: string): ScheduleInput | null | undefined {
  try {
    return copiedSchedules([schedule], startDate, today)[0] ?? null;
  } catch {
    return undefined;
  }
}
