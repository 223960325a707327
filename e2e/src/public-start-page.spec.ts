import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

const DEMO_SITES = ['Kompetenscenter', 'Norrby bibliotek', 'Stadsbiblioteket', 'Västra Ängens bibliotek'];

/**
 * The seeded sites are listed. Other tests (the coordinator's) add sites to the same database while
 * this runs, so it checks that each demo site is there rather than the exact list, showing more sites
 * (20 at a time) until the list is complete.
 */
async function expectDemoSites(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 3 }).first()).toBeVisible();
  const more = page.getByRole('button', { name: /Visa fler bibliotek|Show more libraries/ });
  while (await more.isVisible()) {
    const shown = await page.getByRole('heading', { level: 3 }).count();
    await more.click();
    await expect(async () => expect(await page.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(shown)).toPass();
  }
  for (const name of DEMO_SITES) {
    await expect(page.getByRole('heading', { level: 3, name, exact: true })).toBeVisible();
  }
}

test.describe('help-seeker start page', () => {
  test.beforeEach(async ({ context }) => {
    await context.clearCookies();
  });

  test('lists the seeded library sites in Swedish', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Få hjälp med mobilen, datorn och e-tjänster');
    await expectDemoSites(page);
    await expect(page.getByRole('listitem').filter({ hasText: 'Stadsbiblioteket' })).toContainText('svenska, engelska och arabiska');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  });

  test('switches to English and remembers it on the next visit', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get help with your phone, computer and e-services');
    await expect(page).toHaveURL(/[?&]lang=en/);
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('Where to find Digihjälpen');
  });

  test('finds a library by words in its name or address, whatever the accents, and says when nothing matches', async ({ page }) => {
    await page.goto('/?ref=KCDM-4782');
    const search = page.getByRole('searchbox', { name: 'Sök bibliotek eller ort' });
    await search.fill('vastra angen');
    await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Västra Ängens bibliotek']);
    await expect(page).toHaveURL(/[?&]q=vastra/);
    await expect(page).toHaveURL(/[?&]ref=KCDM-4782/);
    await expect(page.getByRole('status').filter({ hasText: /Visar 1 av 1/ })).toBeVisible();
    await search.fill('finns inte här');
    await expect(page.getByText(/Vi hittade inget bibliotek/)).toBeVisible();
    await page.getByRole('button', { name: 'Rensa sökningen' }).click();
    await expect(search).toBeFocused();
    await expect(search).toHaveValue('');
    await expectDemoSites(page);
  });

  test('opens in the language the link names', async ({ page }) => {
    await page.goto('/?lang=en');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('Where to find Digihjälpen');
  });

  test('can be used with the keyboard from the first Tab', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 3 }).first()).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Gå till innehållet' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  test('has no WCAG 2.2 AA violations axe can find, in Swedish and English', async ({ page }) => {
    await page.goto('/');
    await expectDemoSites(page);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Get help/);
    await expectNoAxeViolations(page);
  });

  test('explains the problem and offers a retry when the API is unreachable', async ({ page }) => {
    let fail = true;
    await page.route((url) => url.pathname === '/api/public/sites', (route) => (fail ? route.abort('connectionrefused') : route.continue()));
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Vi kunde inte hämta listan');
    fail = false;
    await alert.getByRole('button', { name: 'Försök igen' }).click();
    await expectDemoSites(page);
  });
});
