import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

/** The box of one day on the public site page: its heading and the sessions under it. */
const dayCard = (page: Page, day: RegExp) => page.locator('li.day').filter({ has: page.getByRole('heading', { level: 3, name: day }) });

test.describe('public site page', () => {
  test.beforeEach(async ({ context }) => {
    await context.clearCookies();
  });

  test('opens from the start page and shows Stadsbiblioteket’s Tuesday drop-ins at 10:00–12:00', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Stadsbiblioteket', exact: true }).click();
    await expect(page).toHaveURL(/\/bibliotek\/stadsbiblioteket$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stadsbiblioteket');
    await expect(page).toHaveTitle(/Stadsbiblioteket/);
    await expect(page.getByText('Bibliotekstorget 1, 411 38 Staden')).toBeVisible();

    const tuesday = dayCard(page, /^Tisdag \d+ \p{L}+$/u).first();
    await expect(tuesday.locator('.time').first()).toHaveText('10:00–12:00');
    await expect(tuesday).toContainText('Drop-in: du kan komma utan att boka');
    await expect(tuesday).toContainText(/\d+ platser? kvar att boka|Alla tider är bokade/);
    // The seeded weekly schedule gives a Tuesday every week for the next eight weeks.
    await expect.poll(() => dayCard(page, /^Tisdag/).count()).toBeGreaterThanOrEqual(8);
    const calendar = page.getByRole('link', { name: 'Lägg till träffarna i din kalender' });
    await expect(calendar).toHaveAttribute('href', '/api/public/sites/stadsbiblioteket/calendar.ics');
    const ics = await page.request.get((await calendar.getAttribute('href')) ?? '');
    expect(ics.headers()['content-type']).toContain('text/calendar');
  });

  test('switches to English and keeps the library’s times', async ({ page }) => {
    await page.goto('/bibliotek/stadsbiblioteket');
    await expect(page.getByRole('heading', { level: 2, name: 'Kommande träffar' })).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Coming sessions' })).toBeVisible();
    await expect(page).toHaveURL(/\/bibliotek\/stadsbiblioteket\?lang=en$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const tuesday = dayCard(page, /^Tuesday \d+ \p{L}+$/u).first();
    await expect(tuesday.locator('.time').first()).toHaveText('10:00–12:00');
    await expect(tuesday).toContainText('Drop-in: you can come without booking');
  });

  test('has no WCAG 2.2 AA violations axe can find, in Swedish and English', async ({ page }) => {
    await page.goto('/bibliotek/stadsbiblioteket');
    await expect(dayCard(page, /^Tisdag/).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(dayCard(page, /^Tuesday/).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('says plainly when a library does not exist', async ({ page }) => {
    await page.goto('/bibliotek/finns-inte');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vi hittar inte det biblioteket');
    await page.getByRole('link', { name: 'Se alla bibliotek med Digihjälpen' }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});
