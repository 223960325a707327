import path from 'node:path';
import type { APIRequestContext, BrowserContext } from '@playwright/test';

/**
 * The coordinator signs in once per run (coordinator.setup.ts) and tests that only need a signed-in
 * coordinator reuse the cookies: the API allows 10 sign-ins a minute, and every test runs in two projects.
 */
export const COORDINATOR_STATE = path.resolve(__dirname, '../../../tmp/e2e-auth/coordinator.json');

/** Headers for a state-changing API call with the session's XSRF token (Angular's header name). */
export async function xsrfHeaders(from: APIRequestContext | BrowserContext): Promise<Record<string, string>> {
  const { cookies } = await from.storageState();
  const token = cookies.find((c) => c.name === 'XSRF-TOKEN')?.value;
  if (!token) throw new Error('No XSRF-TOKEN cookie: not signed in');
  return { 'X-XSRF-TOKEN': token };
}
