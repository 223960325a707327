import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR_STATE } from './support/auth';

/**
 * Every answer carries helmet's headers and a strict Content-Security-Policy (scripts only from our
 * own files: no inline scripts, no eval), and the pages people use run under it without a single
 * violation: Angular, the ICU plural texts (Arabic), Chart.js, the poster, Swagger UI, the mail catcher.
 */

interface Problems {
  violations: string[];
  errors: string[];
}

/** Collects CSP violations (the DOM event and Chromium's console report) and uncaught page errors. */
async function watch(page: Page): Promise<Problems> {
  const problems: Problems = { violations: [], errors: [] };
  await page.exposeFunction('__cspViolation', (text: string) => problems.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation;
      void report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) problems.violations.push(message.text());
  });
  page.on('pageerror', (error) => problems.errors.push(error.message));
  return problems;
}

function expectNone(problems: Problems): void {
  expect(problems).toEqual({ violations: [], errors: [] });
}

/** The page's own stylesheet applied (it is no longer inlined with an onload trick). */
async function expectStyled(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontFamily)).toContain('system-ui');
}

test.describe('security headers', () => {
  test('put a strict Content-Security-Policy and helmet’s headers on pages, files and API answers', async ({ request }) => {
    for (const url of ['/', '/bibliotek/stadsbiblioteket', '/favicon.svg', '/api/health', '/api/public/sites', '/api/no-such-thing', '/api/public/sites/stadsbiblioteket/poster']) {
      const res = await request.get(url);
      const headers = res.headers();
      const csp = headers['content-security-policy'] ?? '';
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values.join(' ')]));
      expect({ url, directives }).toMatchObject({
        url,
        directives: {
          'default-src': "'self'",
          'script-src': "'self'",
          'script-src-attr': "'none'",
          'object-src': "'none'",
          'base-uri': "'self'",
          'form-action': "'self'",
          'frame-ancestors': "'none'",
          'connect-src': "'self'",
          'img-src': "'self' data:",
        },
      });
      expect(csp, url).not.toContain('unsafe-eval');
      expect({ url, referrer: headers['referrer-policy'], nosniff: headers['x-content-type-options'], frame: headers['x-frame-options'] }).toEqual({
        url,
        referrer: 'no-referrer',
        nosniff: 'nosniff',
        frame: 'DENY',
      });
      // The e2e server runs on http://localhost: no HSTS and no upgrade of requests to https.
      expect(headers['strict-transport-security'], url).toBeUndefined();
      expect(csp, url).not.toContain('upgrade-insecure-requests');
      expect(headers['x-powered-by'], url).toBeUndefined();
    }
  });

  test('the start page and a site page run without a CSP violation', async ({ page }) => {
    const problems = await watch(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 3, name: 'Stadsbiblioteket', exact: true })).toBeVisible();
    await expectStyled(page);
    await page.getByRole('link', { name: 'Stadsbiblioteket', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stadsbiblioteket');
    await expect(page.locator('li.day').first()).toBeVisible();
    expectNone(problems);
  });

  test('Arabic plural texts render on the site page and in the booking flow without eval', async ({ page }) => {
    const problems = await watch(page);
    await page.goto('/bibliotek/stadsbiblioteket?lang=ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const seats = page.locator('p.seats').first();
    await expect(seats).toBeVisible();
    // Any of the six Arabic forms of "n places left", never the raw ICU text.
    await expect(seats).toHaveText(/متبق|محجوزة|لا توجد/);
    await expect(seats).not.toContainText('{');

    await page.goto('/bibliotek/stadsbiblioteket/boka?lang=ar');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^الخطوة 1 من 4/);
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'التالي' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^الخطوة 2 من 4/);
    await page.getByLabel('البريد الإلكتروني', { exact: true }).check();
    await page.getByRole('button', { name: 'التالي' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^الخطوة 3 من 4/);
    // "{max, plural, …}" with max = 300: Arabic's "other" form.
    await expect(page.getByText(/(300|٣٠٠) حرف على الأكثر/)).toBeVisible();
    expectNone(problems);
  });

  test.describe('signed in', () => {
    test.use({ storageState: COORDINATOR_STATE });

    test('staff pages, with Chart.js charts, run without a CSP violation', async ({ page }) => {
      const problems = await watch(page);
      await page.goto('/samordnare');
      await expect(page.getByRole('link', { name: 'Stadsbiblioteket', exact: true })).toBeVisible();
      await expectStyled(page);
      await page.goto('/samordnare/statistik');
      await expect(page.locator('canvas').first()).toBeVisible();
      expectNone(problems);
    });
  });

  test('the poster, Swagger UI and the mail catcher render under the policy', async ({ page }) => {
    const problems = await watch(page);
    await page.goto('/api/public/sites/stadsbiblioteket/poster');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Digihjälpen');
    // Its inline <style> applies: the heading has the brand colour.
    await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('color', 'rgb(11, 74, 111)');
    await expect(page.locator('.qr svg')).toBeVisible();

    await page.goto('/api/docs');
    await expect(page.getByText('Digihjälpen API').first()).toBeVisible();
    await expect(page.locator('.opblock').first()).toBeVisible();

    await page.goto('/dev/mail');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-post som appen har skickat');
    expectNone(problems);
  });
});
