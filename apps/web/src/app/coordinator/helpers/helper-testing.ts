import type { HelperListed, Page } from '@digihjalpen/domain';
import { aHelper } from '../../testing/staffing';

/** Test data: a helper as /api/helpers lists them. */
export function aListedHelper(overrides: Partial<HelperListed> = {}): HelperListed {
  return { ...aHelper(), organisationId: null, ...overrides };
}

export const maria = aListedHelper({ id: '30000000-0000-4000-8000-000000000002', email: 'maria@example.org', name: 'Maria Johansson' });
export const yusuf = aListedHelper();

/** One page of a list as the API sends it. */
export function aPage<T>(items: T[], overrides: Partial<Omit<Page<T>, 'items'>> = {}): Page<T> {
  return { items, page: 1, pageSize: 50, total: items.length, ...overrides };
}
