import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { DEFAULT_TIME_ZONE, OUTCOMES, type Outcome, type VisitFilter, type VisitView } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { formatShortDate, todayIn } from '../../shared/data/dates';
import { BUILTIN_CATEGORIES, CAME_VIA_LABELS, OUTCOME_LABELS, REFERRED_TO_SHORT, categoryLabel } from '../../shared/data/visit-labels';
import { VisitsApi } from '../../shared/data/visits-api';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { Pager } from '../../shared/ui/pager';
import { FIELD } from '../../shared/ui/field';
import { CoordinatorApi, VISITS_PER_PAGE, visitsCsvUrl } from '../coordinator-api';
import { EditVisitDialog } from './edit-visit-dialog';

/** The log opens on the last 30 days. */
export const DEFAULT_DAYS = 30;
const CATEGORY_MAX = 60;

interface FilterDraft {
  siteId: string;
  from: string;
  to: string;
  category: string;
  outcome: Outcome | '';
}

interface VisitRow {
  id: string;
  date: string;
  siteName: string;
  helperName: string;
  categories: string;
  outcome: string;
  minutes: number;
  cameVia: string;
  /** "tisdag 24 nov. 2026 på Stadsbiblioteket", for button names. */
  label: string;
  visit: VisitView;
}

const FILTER_FIELDS: SummaryField[] = [
  { name: 'from', id: 'filter-from', label: 'Från och med' },
  { name: 'to', id: 'filter-to', label: 'Till och med' },
];
const CATEGORY_FIELDS: SummaryField[] = [{ name: 'label', id: 'new-category', label: 'Ny kategori' }];

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The visit log for coordinators: filter by site, dates, category and outcome; correct or remove a
 * visit (the API keeps an audit trail); download the filtered log as CSV (audited); add a category.
 */
@Component({
  selector: 'dh-visit-log-page',
  imports: [FIELD, ErrorSummary, ConfirmDialog, EditVisitDialog, Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './visit-log-page.html',
  styleUrl: './visit-log-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class VisitLogPage {
  private readonly api = inject(CoordinatorApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly confirm = viewChild.required(ConfirmDialog);
  private readonly editor = viewChild.required(EditVisitDialog);

  protected readonly sites = this.api.sites();
  protected readonly categoryList = inject(VisitsApi).categories();
  protected readonly categories = computed(() => (this.categoryList.hasValue() && this.categoryList.value().length ? this.categoryList.value() : BUILTIN_CATEGORIES));
  /** "Bostadsansökan, Körkortsteori": the categories coordinators added, or '' when none. */
  protected readonly addedCategories = computed(() =>
    this.categories()
      .filter((c) => !c.builtin)
      .map((c) => c.label)
      .join(', '),
  );
  protected readonly outcomes = OUTCOMES.map((key) => ({ key, label: OUTCOME_LABELS[key] }));

  private readonly today = todayIn(DEFAULT_TIME_ZONE);
  protected readonly draft = signal<FilterDraft>({ siteId: '', from: addDays(this.today, -DEFAULT_DAYS), to: this.today, category: '', outcome: '' });
  /** The filter in use: the draft as it was when "Visa" was pressed. */
  protected readonly filter = signal<VisitFilter>(this.toFilter(this.draft()));
  protected readonly page = signal(1);
  protected readonly filterError = signal<ApiError | null>(null);
  protected readonly filterFields = FILTER_FIELDS;

  protected readonly results = this.api.visits(() => ({ filter: this.filter(), page: this.page() }));
  protected readonly total = computed(() => (this.results.hasValue() ? this.results.value().total : 0));
  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.total() / VISITS_PER_PAGE)));
  protected readonly rows = computed<VisitRow[]>(() => (this.results.hasValue() ? this.results.value().items.map((v) => this.toRow(v)) : []));
  protected readonly csvUrl = computed(() => visitsCsvUrl(this.filter()));
  protected readonly announcement = signal('');
  protected readonly actionError = signal<string | null>(null);

  protected readonly newCategory = signal('');
  protected readonly categoryError = signal<ApiError | null>(null);
  protected readonly categoryFields = CATEGORY_FIELDS;
  protected readonly categorySaving = signal(false);
  protected readonly categoryAdded = signal<string | null>(null);
  protected readonly categoryMax = CATEGORY_MAX;

  protected setDraft<K extends keyof FilterDraft>(field: K, value: FilterDraft[K]): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected setOutcome(value: string): void {
    this.setDraft('outcome', (OUTCOMES as readonly string[]).includes(value) ? (value as Outcome) : '');
  }

  protected applyFilter(event: Event): void {
    event.preventDefault();
    const d = this.draft();
    if (d.from && d.to && d.from > d.to) {
      this.filterError.set({ status: 0, code: 'INVALID', message: 'Rätta datumen.', fields: { from: 'Från-datumet kan inte vara efter till-datumet.' } });
      return;
    }
    this.filterError.set(null);
    this.filter.set(this.toFilter(d));
    this.page.set(1);
  }

  protected goTo(page: number): void {
    this.page.set(Math.min(Math.max(1, page), this.pages()));
    this.focusLater('results-heading');
  }

  protected edit(row: VisitRow): void {
    this.actionError.set(null);
    this.editor().open(row.visit, `${row.date}, ${row.siteName}, ${row.helperName}`);
  }

  protected onUpdated(visit: VisitView): void {
    this.results.update((page) => (page ? { ...page, items: page.items.map((v) => (v.id === visit.id ? visit : v)) } : page));
    this.announcement.set('Ändringarna är sparade.');
    this.focusLater(`visit-${visit.id}`);
  }

  protected async remove(row: VisitRow): Promise<void> {
    this.actionError.set(null);
    const yes = await this.confirm().ask({
      title: 'Ta bort besöket?',
      text: `Besöket ${row.label} (${row.categories}) tas bort ur loggen och statistiken. Det går inte att ångra.`,
      confirm: 'Ja, ta bort besöket',
      cancel: 'Nej, behåll det',
    });
    if (!yes) return;
    try {
      await this.api.deleteVisit(row.id);
      this.announcement.set(`Besöket ${row.label} är borttaget.`);
      this.results.reload();
      this.focusLater('results-heading');
    } catch (error) {
      this.actionError.set(toApiError(error).message);
      this.focusLater('action-error');
    }
  }

  protected async addCategory(event: Event): Promise<void> {
    event.preventDefault();
    if (this.categorySaving()) return;
    const label = this.newCategory().trim();
    this.categoryAdded.set(null);
    if (!label || label.length > CATEGORY_MAX) {
      const message = label ? `Skriv högst ${CATEGORY_MAX} tecken.` : 'Skriv vad kategorin ska heta.';
      this.categoryError.set({ status: 0, code: 'INVALID', message: 'Rätta det som är markerat.', fields: { label: message } });
      return;
    }
    this.categorySaving.set(true);
    this.categoryError.set(null);
    try {
      const created = await this.api.addVisitCategory(label);
      this.categoryList.update((list) => [...(list ?? []), created]);
      this.newCategory.set('');
      this.categoryAdded.set(`Kategorin ”${created.label}” är tillagd. Digivärdarna kan välja den nu.`);
    } catch (error) {
      this.categoryError.set(toApiError(error));
    } finally {
      this.categorySaving.set(false);
    }
  }

  private toFilter(d: FilterDraft): VisitFilter {
    const filter: VisitFilter = {};
    if (d.siteId) filter.siteId = d.siteId;
    if (d.from) filter.from = d.from;
    if (d.to) filter.to = d.to;
    if (d.category) filter.category = d.category;
    if (d.outcome) filter.outcome = d.outcome;
    return filter;
  }

  private toRow(v: VisitView): VisitRow {
    const date = formatShortDate(v.date, 'sv');
    const outcome = v.outcome === 'referred' && v.referredTo ? `Hänvisad till ${REFERRED_TO_SHORT[v.referredTo]}` : OUTCOME_LABELS[v.outcome];
    return {
      id: v.id,
      date,
      siteName: v.siteName,
      helperName: v.helperName,
      categories: v.categories.map((c) => categoryLabel(c, this.categories())).join(', '),
      outcome,
      minutes: v.durationMinutes,
      cameVia: CAME_VIA_LABELS[v.cameVia],
      label: `${date} på ${v.siteName}`,
      visit: v,
    };
  }

  private focusLater(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
