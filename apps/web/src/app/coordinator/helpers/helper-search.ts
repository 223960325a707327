import { DestroyRef, InjectionToken, computed, inject, signal } from '@angular/core';
import { PAGE_SIZES, pageCount } from '@digihjalpen/domain';
import { CoordinatorApi } from '../coordinator-api';

/** How long to wait after the last key press before searching (tests set 0). */
export const HELPER_SEARCH_DELAY = new InjectionToken<number>('HELPER_SEARCH_DELAY', { factory: () => 300 });

/** At most this many characters are sent (the API refuses longer searches). */
export const MAX_SEARCH_LENGTH = 100;

export const helpersText = (n: number) => (n === 1 ? '1 digivärd' : `${n} digivärdar`);

/**
 * Searching /api/helpers while someone types: the text in the field now, the search sent after a pause,
 * the page, and the answer. `emptySearch`: what an empty field shows, every helper (a list) or
 * nothing (a picker, which needs a name to look for). Call in an injection context.
 */
export function helperSearch(emptySearch: 'everyone' | 'nothing') {
  const api = inject(CoordinatorApi);
  const delay = inject(HELPER_SEARCH_DELAY);
  let timer: ReturnType<typeof setTimeout> | undefined;
  inject(DestroyRef).onDestroy(() => clearTimeout(timer));

  const text = signal('');
  const q = signal('');
  const page = signal(1);
  const result = api.helpers(() => (q() || emptySearch === 'everyone' ? { q: q(), page: page() } : undefined));
  const total = computed(() => (result.hasValue() ? result.value().total : 0));
  const pages = computed(() => (result.hasValue() ? pageCount(result.value().total, result.value().pageSize) : 1));
  const items = computed(() => (result.hasValue() ? result.value().items : []));

  return {
    text: text.asReadonly(),
    q: q.asReadonly(),
    page: page.asReadonly(),
    result,
    items,
    total,
    pages,
    pageSize: PAGE_SIZES.helpers,
    /** The field changed: search for it after a pause, from the first page. */
    type(value: string): void {
      text.set(value);
      clearTimeout(timer);
      const wanted = value.trim().slice(0, MAX_SEARCH_LENGTH);
      const apply = () => {
        page.set(1);
        q.set(wanted);
      };
      if (delay > 0) timer = setTimeout(apply, delay);
      else apply();
    },
    goTo(n: number): void {
      page.set(Math.min(Math.max(1, n), pages()));
    },
    clear(): void {
      clearTimeout(timer);
      text.set('');
      q.set('');
      page.set(1);
    },
  };
}

export type HelperSearch = ReturnType<typeof helperSearch>;
