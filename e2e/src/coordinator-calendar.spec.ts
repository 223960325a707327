import { expect, test } from '@playwright/test';
import { COORDINATOR_STATE } from './support/auth';
import { expectNoAxeViolations } from './support/axe';

const ZONE = 'Europe/Stockholm';

test.describe('coordinator sees the coming sessions as a month calendar', () => {
  test.use({ storageState: COORDINATOR_STATE });

  test('switches Stadsbiblioteket’s sessions from the list to month tables', async ({ page }) => {
    await test.step('opens Stadsbiblioteket from the list of sites', async () => {
      await page.goto('/samordnare');
      await page.getByRole('link', { name: 'Stadsbiblioteket', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stadsbiblioteket');
      await expect(page.getByRole('button', { name: 'Lista' })).toHaveAttribute('aria-pressed', 'true');
    });

    await test.step('switches to Månad and sees this month with the Tuesday drop-ins', async () => {
      await page.getByRole('button', { name: 'Månad' }).click();
      await expect(page.getByRole('button', { name: 'Månad' })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.locator('li.session')).toHaveCount(0);

      const thisMonth = new Intl.DateTimeFormat('sv', { month: 'long', year: 'numeric', timeZone: ZONE }).format(new Date());
      const tables = page.getByRole('table');
      await expect(tables.first().locator('caption')).toHaveText(thisMonth);
      await expect(tables.first().getByRole('columnheader')).toHaveCount(7);
      await expect(tables.first().getByRole('columnheader').nth(1)).toHaveText(/tisdag/);
      await expect(page.getByRole('region', { name: `Kalender ${thisMonth}` })).toBeVisible();
      // Tuesday is the second column; near a month's end the next Tuesday may be in the next table.
      const tuesdays = page.locator('table tbody td:nth-child(2)').filter({ hasText: '10:00–12:00' });
      await expect(tuesdays.first()).toBeVisible();
      await expectNoAxeViolations(page);
    });

    await test.step('goes back to the list', async () => {
      await page.getByRole('button', { name: 'Lista' }).click();
      await expect(page.getByRole('table')).toHaveCount(0);
      await expect(page.locator('li.session').first()).toBeVisible();
    });
  });
});
