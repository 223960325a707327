import { expect, test } from '@playwright/test';
import { COORDINATOR_STATE, xsrfHeaders } from './support/auth';
import { expectNoAxeViolations } from './support/axe';

test.use({ storageState: COORDINATOR_STATE });

/** A local date in Stockholm, `days` from today. */
const stockholmDate = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + days * 86_400_000));

test('a coordinator opens a new library as a copy of another: new name, address and start date, the same schedules, no bookings', async ({ page, context }, testInfo) => {
  // Tests share one database and run in parallel: both sites get names no other run uses.
  const tag = `${testInfo.project.name} ${Date.now()}`;
  const sourceName = `Förlagebiblioteket ${tag}`;
  const copyName = `Kopiebiblioteket ${tag}`;
  const start = stockholmDate(14);
  let sourceId = '';

  await test.step('set-up through the API: a site with a weekly schedule and a booking', async () => {
    const headers = await xsrfHeaders(context);
    const site = await page.request.post('/api/sites', {
      headers,
      data: { name: sourceName, address: 'Förlagegatan 1', directions: 'Plan 3.', accessibilityNotes: 'Hiss.', contactPhone: null, timeZone: 'Europe/Stockholm', languages: ['sv', 'ar'], active: true },
    });
    expect(site.status()).toBe(201);
    sourceId = ((await site.json()) as { id: string }).id;
    const schedule = await page.request.post(`/api/sites/${sourceId}/schedules`, {
      headers,
      data: { weekdays: [2, 4], startTime: '13:00', endTime: '15:00', validFrom: stockholmDate(1), validUntil: null, slotMinutes: 20, seatsPerSlot: 3, dropIn: false, helpersNeeded: 2 },
    });
    expect(schedule.status()).toBe(201);
    const sessions = (await (await page.request.get(`/api/sites/${sourceId}/sessions`)).json()) as { slots: { id: string }[] }[];
    const booking = await page.request.post('/api/public/bookings', { headers, data: { slotId: sessions[0]?.slots[0]?.id, name: 'Förlagebokare', language: 'sv', topics: ['email'] } });
    expect(booking.status(), await booking.text()).toBe(201);
  });

  await test.step('opens Kopiera plats from the site’s page', async () => {
    await page.goto(`/samordnare/platser/${sourceId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(sourceName);
    await page.getByRole('link', { name: `Kopiera plats ${sourceName}` }).click();
    await expect(page).toHaveURL(new RegExp(`/samordnare/platser/${sourceId}/kopiera$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Kopiera ${sourceName}`);
    await expect(page.getByText('Bokningar, pass och personal följer inte med.')).toBeVisible();
  });

  await test.step('fills in the new name, address and start date and sees the schedule that comes along', async () => {
    await page.getByLabel('Namn på den nya platsen').fill(copyName);
    await page.getByLabel('Adress', { exact: true }).fill('Kopiegatan 7, 411 20 Staden');
    await page.getByLabel('Startdatum').fill(start);
    const coming = page.getByRole('region', { name: 'Schema som följer med' });
    await expect(coming.getByRole('listitem')).toHaveCount(1);
    await expect(coming.getByRole('listitem')).toContainText('Tisdagar och torsdagar 13:00–15:00');
    await expect(coming.getByRole('listitem')).toContainText('tills vidare');
    await expect(coming.getByRole('listitem')).toContainText('Tider på 20 minuter, 3 platser per tid. Bara bokade besök. 2 digivärdar behövs.');
    await expectNoAxeViolations(page);
  });

  await test.step('a start date in the past is refused with a message at the field', async () => {
    await page.getByLabel('Startdatum').fill('2020-01-07');
    await page.getByRole('button', { name: 'Kopiera platsen' }).click();
    await expect(page.getByText(/Startdatum kan inte vara före i dag/).first()).toBeVisible();
    await expect(page.getByRole('group', { name: 'Platsen behöver ändras innan den kan sparas.' })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByLabel('Startdatum').fill(start);
  });

  await test.step('copies and lands on the new, paused site with the schedule and no bookings or helpers', async () => {
    await page.getByRole('button', { name: 'Kopiera platsen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(copyName);
    await expect(page).toHaveURL(/\/samordnare\/platser\/[0-9a-f-]{36}$/);
    expect(page.url()).not.toContain(sourceId);
    await expect(page.getByText(`${copyName} är skapad som en kopia av ${sourceName}, med 1 veckoschema och`)).toBeVisible();
    await expect(page.getByText('Kopiegatan 7, 411 20 Staden')).toBeVisible();
    await expect(page.locator('.site-status')).toContainText('Pausad');
    const schedules = page.getByRole('region', { name: 'Schema' });
    await expect(schedules).toContainText('Tisdagar och torsdagar 13:00–15:00');
    const first = page.locator('li.session').first();
    await expect(first).toContainText('0 av 18');
    await expect(first).toContainText('0 av 2');
    await expect(first).toContainText('Bara bokade');
    await expectNoAxeViolations(page);
  });
});
