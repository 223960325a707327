import { expect, test } from '@playwright/test';
import { COORDINATOR_STATE, xsrfHeaders } from './support/auth';
import { expectNoAxeViolations } from './support/axe';

const ZONE = 'Europe/Stockholm';
const DAY = 86_400_000;
const localDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: ZONE }).format(new Date(ms));

test.describe('a coordinator closes a library for some days', () => {
  test.use({ storageState: COORDINATOR_STATE });

  test('closes a site after the preview, and the public site page shows the closure', async ({ page, request }) => {
    // A library of its own, open every day: the closure cancels only this test's sessions.
    const name = `Stängningsbiblioteket ${Date.now()}`;
    const headers = await xsrfHeaders(request);
    const site = await request.post('/api/sites', {
      headers,
      data: { name, address: 'Stängdgatan 1, 111 22 Staden', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: ZONE, languages: ['sv'], active: true },
    });
    expect(site.status()).toBe(201);
    const { id, slug } = (await site.json()) as { id: string; slug: string };
    const today = localDate(Date.now());
    const schedule = await request.post(`/api/sites/${id}/schedules`, {
      headers,
      data: { weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '10:00', endTime: '12:00', validFrom: today, validUntil: null, slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 1 },
    });
    expect(schedule.status()).toBe(201);
    const from = localDate(Date.now() + 14 * DAY);
    const to = localDate(Date.now() + 16 * DAY);
    const reason = 'Biblioteket målas om';

    await test.step('fills in the closure and sees what it cancels', async () => {
      await page.goto('/samordnare/stangt');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stängt');
      await expect(page.getByRole('link', { name: 'Stängt', exact: true })).toHaveAttribute('aria-current', 'page');
      await page.getByLabel('Bibliotek', { exact: true }).selectOption({ label: name });
      await page.getByLabel('Första dagen').fill(from);
      await page.getByLabel('Sista dagen').fill(to);
      await page.getByLabel('Varför är det stängt?').fill(reason);
      await page.getByRole('button', { name: 'Visa vad som ställs in' }).click();
      await expect(page.getByText('3 träffar ställs in. Ingen har bokat en tid. Inga digivärdar har pass då.')).toBeVisible();
      await expectNoAxeViolations(page);
    });

    await test.step('confirms, and the closure is listed', async () => {
      await page.getByRole('button', { name: `Stäng ${name} ` }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading')).toContainText(`Stänga ${name}`);
      await dialog.getByRole('button', { name: 'Ja, stäng' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'är stängt' })).toContainText('3 träffar ställdes in.');
      const item = page.locator('li.closure').filter({ hasText: name });
      await expect(item).toContainText(reason);
      await expect(item.getByRole('button', { name: /^Häv stängningen/ })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    await test.step('the public site page shows the closure, and the sessions as cancelled', async () => {
      await page.goto(`/bibliotek/${slug}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      const notice = page.locator('.closure-notice');
      await expect(notice).toHaveCount(1);
      await expect(notice).toContainText(/^Stängt .+: Biblioteket målas om$/);
      await expectNoAxeViolations(page);
      const sessions = (await (await request.get(`/api/public/sites/${slug}/sessions?from=${from}&to=${to}`)).json()) as { status: string }[];
      expect(sessions.map((s) => s.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    });
  });
});
