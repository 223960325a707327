import { expect, test } from '@playwright/test';
import { COORDINATOR_STATE, xsrfHeaders } from './support/auth';
import { expectNoAxeViolations } from './support/axe';

test.describe('coordinator opens a new library', () => {
  test('signs in, creates a site and a weekly schedule, and visitors see its sessions', async ({ page }, testInfo) => {
    // Tests share one database and run in parallel: the site gets a name no other run uses.
    const name = `Testbiblioteket ${testInfo.project.name} ${Date.now()}`;

    await test.step('an anonymous visit to the coordinator area asks for sign-in', async () => {
      await page.goto('/samordnare');
      await expect(page).toHaveURL(/\/logga-in\?till=%2Fsamordnare$/);
      await page.getByLabel('E-postadress').fill('coordinator@example.org');
      await page.getByLabel('Lösenord', { exact: true }).fill('demo-coordinator');
      await page.getByRole('button', { name: 'Logga in' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Platser' })).toBeVisible();
      await expect(page.getByText('Inloggad som Karin Lindqvist')).toBeVisible();
    });

    await test.step('step 1: the site', async () => {
      await page.getByRole('link', { name: 'Ny plats' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Steg 1 av 3: Om platsen' })).toBeVisible();
      await page.getByLabel('Namn').fill(name);
      await page.getByLabel('Adress', { exact: true }).fill('Provgatan 3, 411 10 Staden');
      await page.getByLabel('Vägbeskrivning (valfritt)').fill('Spårvagn 3 till Provtorget.');
      await page.getByLabel('arabiska').check();
      await page.getByRole('button', { name: 'Spara och gå vidare till schemat' }).click();
    });

    await test.step('step 2: a weekly schedule with a live preview of its dates', async () => {
      const heading = page.getByRole('heading', { level: 2, name: `Steg 2 av 3: Schema för ${name}` });
      await expect(heading).toBeFocused();
      await expect(page.getByText('Välj minst en veckodag så visas datumen här.')).toBeVisible();
      await page.getByLabel('Torsdag').check();
      await page.getByLabel('Börjar').fill('14:00');
      await page.getByLabel('Slutar').fill('16:00');
      await page.getByLabel('Längd på varje tid').selectOption('20');
      await page.getByLabel('Platser per tid').fill('3');

      const preview = page.getByRole('region', { name: 'Datum de närmaste 8 veckorna' });
      await expect(preview).toContainText(/Schemat ger \d+ träffar/);
      const dates = preview.getByRole('listitem');
      await expect(dates.first()).toHaveText(/^tors? \d+ .+, 14:00–16:00$/);

      await page.getByLabel('Slutar').fill('13:00');
      await expect(page.getByText('Sluttiden måste vara efter starttiden.')).toBeVisible();
      await expect(page.getByLabel('Slutar')).toHaveAttribute('aria-invalid', 'true');
      await page.getByLabel('Slutar').fill('16:00');
      await expect(dates.first()).toHaveText(/14:00–16:00$/);

      await page.getByRole('button', { name: 'Spara schemat' }).click();
    });

    await test.step('step 3: done, with a link to the public page', async () => {
      await expect(page.getByRole('heading', { level: 2, name: 'Steg 3 av 3: Klart!' })).toBeFocused();
      await expect(page.getByText(/\d+ träffar har lagts in framåt i tiden/)).toBeVisible();
      await page.getByRole('link', { name: `Se den publika sidan för ${name}` }).click();
    });

    await test.step('visitors see the new sessions on the public page', async () => {
      await expect(page).toHaveURL(/\/bibliotek\/testbiblioteket-[a-z]+-\d+$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      const thursday = page.locator('li.day').filter({ has: page.getByRole('heading', { level: 3, name: /^Torsdag/ }) }).first();
      await expect(thursday.locator('.time')).toHaveText('14:00–16:00');
      await expect(thursday).toContainText('Drop-in: du kan komma utan att boka');
      await expect(thursday).toContainText('18 platser kvar att boka');
      await expectNoAxeViolations(page);
    });
  });

  test.describe('with the coordinator already signed in', () => {
    test.use({ storageState: COORDINATOR_STATE });

    test('cancels a session after confirming, with a reason, and visitors see it is cancelled', async ({ page, context }, testInfo) => {
      const name = `Inställningsbiblioteket ${testInfo.project.name} ${Date.now()}`;
      // Set up through the API (the journey above covers the forms), then cancel in the browser.
      const headers = await xsrfHeaders(context);
      const site = await page.request.post('/api/sites', {
        headers,
        data: { name, address: 'Provgatan 5', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: 'Europe/Stockholm', languages: ['sv'], active: true },
      });
      expect(site.status()).toBe(201);
      const { id, slug } = (await site.json()) as { id: string; slug: string };
      // From tomorrow, so the first session is never one that has already ended today.
      const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + 86_400_000));
      const schedule = await page.request.post(`/api/sites/${id}/schedules`, {
        headers,
        data: { weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '23:00', endTime: '23:30', validFrom: tomorrow, validUntil: null, slotMinutes: 30, seatsPerSlot: 1, dropIn: true, helpersNeeded: 1 },
      });
      expect(schedule.status()).toBe(201);

      await page.goto(`/samordnare/platser/${id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      const first = page.locator('li.session').first();
      await expect(first).toContainText('Saknar digivärdar');
      const when = ((await first.getByRole('heading', { level: 3 }).textContent()) ?? '').replace(/\s+/g, ' ').trim();

      await first.getByRole('button', { name: /^Ställ in/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Ställa in träffen?' });
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Nej, behåll träffen' }).click();
      await expect(dialog).toBeHidden();
      await expect(first).not.toContainText('Inställd');

      await first.getByRole('button', { name: /^Ställ in/ }).click();
      await dialog.getByRole('button', { name: 'Ja, ställ in träffen' }).click();
      await expect(dialog.getByText('Skriv kort varför träffen ställs in.')).toBeVisible();
      await dialog.getByLabel('Varför ställs träffen in?').fill('Biblioteket har stängt för inventering.');
      await dialog.getByRole('button', { name: 'Ja, ställ in träffen' }).click();
      await expect(dialog).toBeHidden();
      await expect(first).toContainText('Inställd – Biblioteket har stängt för inventering.');
      await expect(first.getByRole('heading', { level: 3 })).toBeFocused();

      await page.goto(`/bibliotek/${slug}`);
      const cancelled = page.locator('li.session.cancelled');
      await expect(cancelled).toHaveCount(1);
      await expect(cancelled).toContainText('Inställd: den här träffen blir inte av.');
      await expect(page.getByRole('heading', { level: 3 }).first()).toHaveText(when.replace(/ \d\d:\d\d–\d\d:\d\d$/, ''));
    });
  });
});
