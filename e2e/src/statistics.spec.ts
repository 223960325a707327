import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { COORDINATOR_STATE } from './support/auth';
import { expectNoAxeViolations } from './support/axe';

/** The coordinators' office computers. */
test.use({ viewport: { width: 1366, height: 768 }, storageState: COORDINATOR_STATE });

const cellsOf = (line: string) => line.split(';').map((cell) => cell.replace(/^"|"$/g, ''));

test('the coordinator follows the statistics: the demo visits, a chart as a table and as CSV, a reversed period refused', async ({ page }) => {
  await test.step('opens Statistik from the coordinator menu and sees the last four weeks of all sites', async () => {
    await page.goto('/samordnare');
    await page.getByRole('navigation', { name: 'Samordnare' }).getByRole('link', { name: 'Statistik' }).click();
    await expect(page).toHaveURL(/\/samordnare\/statistik$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Statistik' })).toBeVisible();
    await expect(page.locator('.scope')).toContainText('Alla platser.');
    // The demo seed logged visits at the central library every week for six weeks.
    const visits = page.locator('.figure').filter({ has: page.getByText('Besök', { exact: true }) }).locator('.figure-value');
    await expect(visits).toHaveText(/^\s*\d+\s*$/);
    await expect.poll(async () => Number(await visits.textContent())).toBeGreaterThanOrEqual(5);
    await expect(page.getByRole('img', { name: /^Besök per vecka, stapeldiagram/ })).toBeVisible();
    await expect(page.locator('canvas[role="img"]')).toHaveCount(10);
  });

  await test.step('chooses the central library; the choice is in the address', async () => {
    await page.getByLabel('Stadsbiblioteket', { exact: true }).check();
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect(page).toHaveURL(/[?&]platser=[0-9a-f-]{36}$/);
    await expect(page.locator('.scope')).toContainText('Stadsbiblioteket.');
    await page.reload();
    await expect(page.getByLabel('Stadsbiblioteket', { exact: true })).toBeChecked();
    await expect(page.locator('.scope')).toContainText('Stadsbiblioteket.');
  });

  const chart = page.getByRole('group', { name: 'Besök per vecka' });
  let tableRows: string[][] = [];

  await test.step('shows visits per week as a table', async () => {
    const toggle = chart.getByRole('button', { name: 'Visa som tabell – Besök per vecka' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(chart.getByRole('button', { name: 'Dölj tabellen – Besök per vecka' })).toHaveAttribute('aria-expanded', 'true');
    const table = chart.getByRole('table');
    await expect(table.getByRole('columnheader')).toHaveText(['Vecka (måndag)', 'Bokade', 'Drop-in']);
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    tableRows = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim())));
    expect(tableRows.some(([, booked, dropIn]) => Number(booked) + Number(dropIn) > 0)).toBe(true);
    await expectNoAxeViolations(page);
  });

  await test.step('downloads the same numbers as CSV', async () => {
    const downloading = page.waitForEvent('download');
    await chart.getByRole('link', { name: 'Ladda ner CSV – Besök per vecka' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('digihjalpen-visits-per-week.csv');
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...lines] = csv.trim().split(/\r\n/);
    expect(cellsOf(header ?? '')).toEqual(['Vecka (måndag)', 'Bokade', 'Drop-in']);
    expect(lines.map(cellsOf)).toEqual(tableRows);
  });

  await test.step('a reversed period gets the Swedish message at the date', async () => {
    await page.getByLabel('Från och med').fill('2030-03-31');
    await page.getByLabel('Till och med').fill('2030-03-01');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect(page).toHaveURL(/fran=2030-03-31&till=2030-03-01/);
    const to = page.getByLabel('Till och med');
    await expect(to).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#stat-to-error')).toHaveText('Slutdatum är före startdatum. Byt plats på datumen.');
    await expect(page.getByRole('link', { name: 'Till och med: Slutdatum är före startdatum. Byt plats på datumen.' })).toBeVisible();
    await expect(page.getByText('Rätta urvalet ovan, så visas statistiken.')).toBeVisible();
    await expect(page.getByText('Rätta perioden.')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('the capacity signals and the Monday summary are there', async () => {
    await expect(page.getByRole('heading', { level: 3, name: 'Kommande träffar som saknar digivärdar' })).toBeVisible();
    const summary = page.getByRole('switch', { name: 'Skicka mig en sammanfattning varje måndag' });
    await expect(summary).toBeEnabled();
    // Both projects share the demo coordinator: only the desktop run changes the setting (and puts it back).
    if (test.info().project.name !== 'desktop') return;
    const before = await summary.isChecked();
    await summary.click();
    await expect(page.getByRole('status').filter({ hasText: /^Sparat\./ })).toBeVisible();
    await summary.click();
    await expect(summary).toBeChecked({ checked: before });
  });
});
