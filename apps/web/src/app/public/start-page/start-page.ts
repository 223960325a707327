import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterRenderEffect,
  computed,
  inject,
  linkedSignal,
  viewChild,
  viewChildren,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { NextSessionView, Page, PublicSiteSummary } from '@digihjalpen/domain';
import { formatDay, formatTimeRange } from '../../shared/data/dates';
import { PublicApi } from '../../shared/data/public-api';
import { LanguageService } from '../../shared/i18n/language.service';
import { languageName } from '../../shared/i18n/languages';

/** How long typing has to pause before the list is searched. */
export const SEARCH_DELAY_MS = 300;
/** The API's limit for q. */
const QUERY_MAX = 100;

/** The sites shown so far: every page loaded for the current search, in order. */
interface Shown {
  items: PublicSiteSummary[];
  total: number;
  /** Sites on the last page fetched; 0 means the list ended early (it shrank meanwhile). */
  lastCount: number;
}

const NOTHING_YET: Shown = { items: [], total: 0, lastCount: 0 };

@Component({
  selector: 'dh-start-page',
  imports: [TranslocoDirective, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './start-page.html',
  styleUrl: './start-page.css',
})
export class StartPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly language = inject(LanguageService).language;
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });

  /** The search lives in the page URL (?q=), so Back and a shared link show the same list. */
  protected readonly q = computed(() => (this.params().get('q') ?? '').trim().slice(0, QUERY_MAX));
  /** What the search field holds. Follows the URL (Back), but keeps a space the reader just typed. */
  protected readonly typed = linkedSignal<string, string>({
    source: this.q,
    computation: (q, previous) => (previous && previous.value.trim() === q ? previous.value : q),
  });
  /** Pages loaded so far; a new search starts again from the first. */
  protected readonly page = linkedSignal({ source: this.q, computation: () => 1 });
  protected readonly result = inject(PublicApi).sites(this.q, this.page);

  /** Each page is added to the ones before; while the next one loads, the list stays as it is. */
  protected readonly list = linkedSignal<Page<PublicSiteSummary> | undefined, Shown>({
    source: () => (this.result.hasValue() ? this.result.value() : undefined),
    computation: (page, previous) => {
      const before = previous?.value ?? NOTHING_YET;
      if (!page) return before;
      const kept = page.page <= 1 ? [] : before.items.slice(0, (page.page - 1) * page.pageSize);
      // A site added or removed between two pages can shift one into the next: show it once.
      const ids = new Set(kept.map((site) => site.id));
      return { items: [...kept, ...page.items.filter((site) => !ids.has(site.id))], total: page.total, lastCount: page.items.length };
    },
  });
  protected readonly loadingFirst = computed(() => this.page() === 1 && this.result.isLoading());
  protected readonly failedFirst = computed(() => this.page() === 1 && !this.result.isLoading() && !!this.result.error());
  protected readonly loadingMore = computed(() => this.page() > 1 && this.result.isLoading());
  protected readonly failedMore = computed(() => this.page() > 1 && !this.result.isLoading() && !!this.result.error());
  protected readonly hasMore = computed(() => {
    const shown = this.list();
    return shown.items.length < shown.total && shown.lastCount > 0;
  });

  /** Links to a site keep `ref` and the rest of the URL, but not the search. */
  protected readonly withoutSearch = { q: null };

  private readonly searchField = viewChild.required<ElementRef<HTMLInputElement>>('searchField');
  private readonly siteLinks = viewChildren<ElementRef<HTMLAnchorElement>>('siteLink');
  /** After "Visa fler": the first new site takes focus once it is on the page. */
  private readonly focusAt = linkedSignal<string, number | null>({ source: this.q, computation: () => null });
  private typing: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.typing));
    afterRenderEffect(() => {
      const at = this.focusAt();
      const links = this.siteLinks();
      if (at === null || links.length <= at) return;
      links[at]?.nativeElement.focus();
      this.focusAt.set(null);
    });
  }

  /** Searches as the reader types, once typing pauses. */
  protected type(text: string): void {
    this.typed.set(text);
    clearTimeout(this.typing);
    this.typing = setTimeout(() => this.search(text), SEARCH_DELAY_MS);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    clearTimeout(this.typing);
    this.search(this.typed());
  }

  protected clear(): void {
    clearTimeout(this.typing);
    this.typed.set('');
    this.search('');
    this.searchField().nativeElement.focus();
  }

  protected loadMore(): void {
    if (this.loadingMore()) return;
    this.focusAt.set(this.list().items.length);
    this.page.update((page) => page + 1);
  }

  /** A number as the reader writes it: "1 100" in Swedish. */
  protected count(n: number): string {
    return new Intl.NumberFormat(this.language()).format(n);
  }

  /** The reader's words inside a sentence, isolated so Arabic around Latin (or the reverse) keeps its order. */
  protected isolated(text: string): string {
    return `\u2068${text}\u2069`;
  }

  /** "sv, ar" → "svenska, arabiska" in the reader's language. */
  protected helpLanguages(codes: readonly string[]): string {
    const lang = this.language();
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(codes.map((code) => languageName(code, lang)));
  }

  /** "Tisdag 24 november" and "10:00–12:00", in the site's zone. */
  protected day(session: NextSessionView, timeZone: string): string {
    return formatDay(session.start, timeZone, this.language());
  }

  protected times(session: NextSessionView, timeZone: string): string {
    return formatTimeRange(session.start, session.end, timeZone, this.language());
  }

  /** Replaces the page's own history entry: every pause in typing is not a step back. `ref` and the rest stay. */
  private search(text: string): void {
    const q = text.trim().slice(0, QUERY_MAX);
    if (q === this.q()) return;
    void this.router.navigate([], { relativeTo: this.route, queryParams: { q: q || null }, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
