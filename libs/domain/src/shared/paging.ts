/** One page of a list that can grow: its items, which page it is (from 1), the page size and the total. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** How many items one page of each list holds. */
export const PAGE_SIZES = {
  publicSites: 20,
  /** Sites per page of the open statistics (12 weeks of 100 sites: ~1.5 MB of JSON). */
  statsSites: 100,
  helpers: 50,
  pendingHours: 100,
  staffingSessions: 200,
  openShifts: 50,
  visits: 50,
  audit: 50,
  /** People and accounts (coordinators). */
  accounts: 50,
} as const;

/** The last page (at least 1, so an empty list is "page 1 of 1"). */
export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize));

/** Rows to skip before `page` (from 1). */
export const pageOffset = (page: number, pageSize: number): number => (Math.max(1, Math.floor(page)) - 1) * pageSize;

/** One page of a list already in memory. A page after the last one is empty, with the true total. */
export function pageOf<T>(all: readonly T[], page: number, pageSize: number): Page<T> {
  const offset = pageOffset(page, pageSize);
  return { items: all.slice(offset, offset + pageSize), page: Math.max(1, Math.floor(page)), pageSize, total: all.length };
}

/**
 * Text for searching: lower case without accents, so "goteborg" finds "Göteborg" and "MALMÖ" finds
 * "Malmö". Used on both sides of a comparison.
 */
export function searchText(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
}

/** The words of a search, as searchText writes them; none for an empty one. */
export function searchWords(query: string | undefined): string[] {
  return searchText(query ?? '').split(' ').filter(Boolean);
}

/** Every word occurs in a text already written by searchText (for lists searched often). */
export const containsWords = (haystack: string, words: readonly string[]): boolean => words.every((word) => haystack.includes(word));

/** Every word of the query occurs in one of the texts (in any order). An empty query matches everything. */
export function matchesSearch(query: string | undefined, ...texts: (string | null | undefined)[]): boolean {
  const words = searchWords(query);
  return !words.length || containsWords(searchText(texts.filter(Boolean).join(' ')), words);
}
