import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, input, linkedSignal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { AUDIT_GROUPS } from '@digihjalpen/domain';
import { toApiError, type ApiError } from '../../shared/data/api-error';
import { ErrorSummary, type SummaryField } from '../../shared/ui/error-summary';
import { Pager } from '../../shared/ui/pager';
import { FIELD } from '../../shared/ui/field';
import { AUDIT_PAGE_SIZE, AuditLogApi } from './audit-log-api';
import { filtersFromUrl, toRow, urlQueryOf, type AuditFilters, type AuditRow } from './audit-log-filters';

/** The API's answers to a filter it cannot use: shown at the fields, not as a broken page. */
const FILTER_ERRORS = new Set(['INVALID_RANGE', 'VALIDATION_FAILED', 'BAD_REQUEST']);

const FIELDS: SummaryField[] = [
  { name: 'from', id: 'audit-from', label: 'Från och med' },
  { name: 'to', id: 'audit-to', label: 'Till och med' },
  { name: 'group', id: 'audit-group', label: 'Typ av händelse' },
];

const count = new Intl.NumberFormat('sv');

/**
 * The audit log for coordinators (/samordnare/logg): who did what and when (sign-ins, password changes,
 * exports, erasures, changes), by period and group, 50 a page. The filter and the page live in the
 * address (?fran=&till=&grupp=&sida=) so a view can be bookmarked or sent to a colleague.
 */
@Component({
  selector: 'dh-audit-log-page',
  imports: [FIELD, ErrorSummary, Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-log-page.html',
  styleUrl: './audit-log-page.css',
  host: { lang: 'sv', dir: 'ltr' },
})
export class AuditLogPage {
  /** The query of the address (bound by the router). */
  readonly fran = input<string>();
  readonly till = input<string>();
  readonly grupp = input<string>();
  readonly sida = input<string>();

  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  protected readonly groups = AUDIT_GROUPS;
  protected readonly fields = FIELDS;
  protected readonly filters = computed<AuditFilters>(() => filtersFromUrl({ fran: this.fran(), till: this.till(), grupp: this.grupp(), sida: this.sida() }), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  /** The form: the filter in the address until the person changes something. */
  protected readonly draft = linkedSignal(() => {
    const { from, to, group } = this.filters();
    return { from, to, group };
  });
  protected readonly results = inject(AuditLogApi).page(this.filters);

  private readonly error = computed(() => (this.results.error() ? toApiError(this.results.error()) : null));
  protected readonly filterError = computed<ApiError | null>(() => {
    const e = this.error();
    if (!e || e.status !== 400 || !FILTER_ERRORS.has(e.code) || !Object.keys(e.fields).length) return null;
    // INVALID_RANGE's own message may be English (it is shared with the open statistics); its fields are Swedish.
    return { ...e, message: 'Rätta urvalet.' };
  });
  protected readonly loadError = computed(() => (this.error() && !this.filterError() ? this.error() : null));

  protected readonly page = computed(() => (this.results.hasValue() ? this.results.value().page : this.filters().page));
  protected readonly total = computed(() => (this.results.hasValue() ? this.results.value().total : 0));
  protected readonly totalText = computed(() => `${count.format(this.total())} ${this.total() === 1 ? 'händelse' : 'händelser'}`);
  protected readonly pages = computed(() => {
    const size = this.results.hasValue() ? this.results.value().pageSize || AUDIT_PAGE_SIZE : AUDIT_PAGE_SIZE;
    return Math.max(1, Math.ceil(this.total() / size));
  });
  protected readonly rows = computed<AuditRow[]>(() => (this.results.hasValue() ? this.results.value().items.map(toRow) : []));

  protected setDraft(field: 'from' | 'to' | 'group', value: string): void {
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected apply(event: Event): void {
    event.preventDefault();
    void this.show({ ...this.draft(), page: 1 });
  }

  protected goTo(page: number): void {
    void this.show({ ...this.filters(), page: Math.min(Math.max(1, page), this.pages()) }).then(() => this.focusLater('audit-results-heading'));
  }

  /** Puts the filter in the address (the log follows); the same filter again asks once more. */
  private async show(filters: AuditFilters): Promise<void> {
    const query = urlQueryOf(filters);
    if (JSON.stringify(query) === JSON.stringify(urlQueryOf(this.filters()))) {
      this.results.reload();
      return;
    }
    await this.router.navigate([], { relativeTo: this.route, queryParams: query });
  }

  private focusLater(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
