import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Every public page passes the WCAG 2.2 AA rules axe-core can check automatically.
 *
 * axe runs in the page itself (`axe.run`, "legacy mode"). The default mode opens a new tab for every
 * check to merge the frames' results (`axe.finishRun`) and loads axe-core into it once more: on a busy
 * 2-core machine that costs 2–4 s a check, and the long journeys check a page at every step. The rules
 * and tags are the same; what legacy mode leaves out is frames from another origin, which the app's
 * Content-Security-Policy (default-src 'self') does not load, and which this check makes sure of.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const origin = new URL(page.url()).origin;
  const foreignFrames = page
    .frames()
    .map((frame) => frame.url())
    .filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin);
  expect(foreignFrames, 'frames from another origin, which axe in legacy mode does not check').toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).setLegacyMode().analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
