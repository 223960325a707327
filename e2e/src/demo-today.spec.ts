import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

/**
 * Try it today: the server this suite starts seeded the demo city just now, whatever the day and hour, and
 * made sure the demo helper has a session today at a demo site where it is daytime, with bookings.
 */
test('the demo helper signs in and finds today’s session with bookings, at any hour', async ({ page }) => {
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill('helper@example.org');
  await page.getByLabel('Lösenord', { exact: true }).fill('demo-helper');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page).toHaveURL(/\/personal$/);
  await page.getByRole('link', { name: 'Dagens träff' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dagens träff' })).toBeVisible();
  await expect(page.getByText('Du har inget pass i dag')).toHaveCount(0);

  const demo = page.locator('section.session').filter({ has: page.getByRole('heading', { level: 2, name: /^Digihjälpen demo/ }) }).first();
  await expect(demo).toBeVisible();
  for (const name of ['Hodan', 'Bengt', 'Rania']) await expect(demo.locator('li.booking').filter({ hasText: name })).toBeVisible();
  await expectNoAxeViolations(page);
});
