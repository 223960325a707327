import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { DEFAULT_TIME_ZONE, dashboardTables, type DashboardChart, type DashboardView } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { todayIn } from '../../shared/data/dates';
import { hoursText } from '../../shared/data/hours-labels';
import { toggled } from '../../shared/data/sets';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { FIELD } from '../../shared/ui/field';
import { CapacitySignals } from './capacity-signals';
import { hasData } from './chart-config';
import { StatChart } from './stat-chart';
import { StatisticsApi } from './statistics-api';
import { QUICK_PERIODS, chartCsvUrl, filtersFromUrl, quickPeriod, urlQueryOf, type QuickPeriod, type StatisticsFilters } from './statistics-filters';
import { WeeklySummary } from './weekly-summary';

/** The API's answers to a filter it cannot use: shown at the fields, not as a broken page. */
const FILTER_ERRORS = new Set(['INVALID_RANGE', 'UNKNOWN_SITE', 'VALIDATION_FAILED']);

const count = new Intl.NumberFormat('sv');
const percent = new Intl.NumberFormat('sv', { style: 'percent', maximumFractionDigits: 0 });
const periodFormat = new Intl.DateTimeFormat('sv', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export interface KeyFigure {
  key: string;
  label: string;
  /** What is shown; `missing` marks "–" (nothing to divide by), which gets words for screen readers. */
  value: string;
  missing: boolean;
  hint: string;
}

/** A count as shown: null is a hidden count of 1–4. */
export function countText(value: number | null): string {
  return value === null ? 'färre än 5' : count.format(value);
}

/** The totals row: counts, shares in whole per cent ("–" without anything to divide by), hours. */
export function keyFigures(totals: DashboardView['totals']): KeyFigure[] {
  const share = (key: string, label: string, value: number | null, hint: string): KeyFigure => ({
    key,
    label,
    value: value === null ? '–' : percent.format(value),
    missing: value === null,
    hint,
  });
  return [
    { key: 'visits', label: 'Besök', value: countText(totals.visits), missing: false, hint: 'loggade av digivärdarna' },
    { key: 'bookings', label: 'Bokningar', value: countText(totals.bookings), missing: false, hint: 'bokade tider' },
    { key: 'attended', label: 'Kom', value: countText(totals.attended), missing: false, hint: 'av dem som bokat' },
    share('no-shows', 'Uteblev', totals.noShowRate, 'av bokningarna som markerats'),
    share('returning', 'Har varit här förut', totals.returningShare, 'av besöken med svar'),
    share('utilisation', 'Beläggning', totals.utilisation, 'av platserna bokade'),
    { key: 'hours', label: 'Digivärdarnas tid', value: hoursText(totals.helperMinutes), missing: false, hint: 'godkänd tid' },
  ];
}

/** "3 februari–2 mars 2026". */
export function periodText(from: string, to: string): string {
  return periodFormat.formatRange(new Date(`${from}T12:00:00Z`), new Date(`${to}T12:00:00Z`));
}

/**
 * Statistics for coordinators (/samordnare/statistik): key figures and charts for a period and some
 * or all sites, each chart also as a table and a CSV; signals about capacity and staffing; and the
 * Monday summary e-mail. The filter lives in the address (?fran=&till=&platser=&dolj=1) so a view
 * can be bookmarked or sent to a colleague.
 */
@Component({
  selector: 'dh-statistics-page',
  imports: [FIELD, ErrorSummary, StatChart, CapacitySignals, WeeklySummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './statistics-page.html',
  styleUrl: './statistics-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class StatisticsPage {
  /** The query of the address (bound by the router). */
  readonly fran = input<string>();
  readonly till = input<string>();
  readonly platser = input<string>();
  readonly dolj = input<string>();

  private readonly api = inject(StatisticsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly sites = this.api.sites();
  protected readonly filters = computed<StatisticsFilters>(() => filtersFromUrl({ fran: this.fran(), till: this.till(), platser: this.platser(), dolj: this.dolj() }), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  /** The form: the filter in the address until the person changes something. */
  protected readonly draft = linkedSignal(() => this.filters());
  protected readonly dashboard = this.api.dashboard(this.filters);
  protected readonly quickPeriods = QUICK_PERIODS;
  /**
   * Charts over time take the page's full width, and so does the site table with its seven columns
   * (with the utilisation bands before it, so the half-width charts pair up).
   */
  protected readonly wide: ReadonlySet<DashboardChart> = new Set(['visits-per-week', 'utilisation', 'utilisation-by-site', 'helper-hours']);

  private readonly error = computed(() => (this.dashboard.error() ? toApiError(this.dashboard.error()) : null));
  protected readonly filterError = computed<ApiError | null>(() => {
    const e = this.error();
    if (!e || e.status !== 400 || !FILTER_ERRORS.has(e.code)) return null;
    // INVALID_RANGE's own message is English (it is shared with the open statistics); its fields are Swedish.
    return e.code === 'INVALID_RANGE' ? { ...e, message: 'Rätta perioden.' } : e;
  });
  protected readonly loadError = computed(() => (this.error() && !this.filterError() ? this.error() : null));
  protected readonly fields = computed<SummaryField[]>(() => [
    { name: 'from', id: 'stat-from', label: 'Från och med' },
    { name: 'to', id: 'stat-to', label: 'Till och med' },
    { name: 'sites', id: this.siteIds()[0] ?? 'stat-from', label: 'Platser' },
  ]);
  protected readonly siteIds = computed(() => this.sites.value().map((s) => `stat-site-${s.id}`));

  /** The numbers on screen: while new ones load, the last ones stay (the charts are redrawn, not rebuilt). */
  protected readonly view = linkedSignal<{ value: DashboardView | null; loading: boolean }, DashboardView | null>({
    source: () => ({ value: this.dashboard.hasValue() ? this.dashboard.value() : null, loading: this.dashboard.isLoading() }),
    computation: (now, previous) => now.value ?? (now.loading ? (previous?.value ?? null) : null),
  });
  protected readonly figures = computed(() => {
    const v = this.view();
    return v ? keyFigures(v.totals) : [];
  });
  /** Without visits, only the charts that still have something (bookings, hours) are shown. */
  protected readonly tables = computed(() => {
    const v = this.view();
    if (!v) return [];
    const all = dashboardTables(v).map((table) => ({ table, csv: chartCsvUrl(table.chart, v) }));
    return v.totals.visits === 0 ? all.filter((t) => hasData(t.table)) : all;
  });
  protected readonly period = computed(() => {
    const v = this.view();
    return v ? periodText(v.from, v.to) : '';
  });
  protected readonly scope = computed(() => {
    const v = this.view();
    if (!v) return '';
    const names = v.siteIds.map((id) => this.sites.value().find((s) => s.id === id)?.name ?? 'okänd plats');
    return names.length ? names.join(', ') : 'Alla platser';
  });
  /** Said by screen readers when new numbers arrive. */
  protected readonly announcement = computed(() => (this.period() ? `Statistiken visar ${this.period()}: ${this.scope()}.` : ''));

  protected setDate(field: 'from' | 'to', value: string): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected setSite(id: string, on: boolean): void {
    this.draft.update((d) => ({ ...d, siteIds: [...toggled(new Set(d.siteIds), id, on)] }));
  }

  protected setSuppress(on: boolean): void {
    this.draft.update((d) => ({ ...d, suppress: on }));
  }

  protected apply(event: Event): void {
    event.preventDefault();
    void this.show(this.draft());
  }

  protected choosePeriod(key: QuickPeriod): void {
    this.draft.update((d) => ({ ...d, ...quickPeriod(key, todayIn(DEFAULT_TIME_ZONE)) }));
    void this.show(this.draft());
  }

  /** Puts the filter in the address (the dashboard follows); the same filter again asks once more. */
  private async show(filters: StatisticsFilters): Promise<void> {
    const query = urlQueryOf(filters);
    if (JSON.stringify(query) === JSON.stringify(urlQueryOf(this.filters()))) {
      this.dashboard.reload();
      return;
    }
    await this.router.navigate([], { relativeTo: this.route, queryParams: query });
  }
}
