import { expect, test } from '@playwright/test';
import { COORDINATOR_STATE, xsrfHeaders } from './support/auth';

test.describe('a new helper joins by invitation', () => {
  test.beforeEach(async ({ context }) => {
    await context.clearCookies();
  });

  test('chooses a password, is signed in, may not enter the coordinator area, and signs out', async ({ page, playwright, baseURL }, testInfo) => {
    // The coordinator invites through the API, in a request context of its own (not the browser's cookies).
    const coordinator = await playwright.request.newContext({ baseURL, storageState: COORDINATOR_STATE });
    const email = `digivard-${testInfo.project.name}-${Date.now()}@example.org`;
    const invited = await coordinator.post('/api/auth/invitations', {
      headers: await xsrfHeaders(coordinator),
      data: { email, name: 'Amina Testsson', role: 'helper' },
    });
    expect(invited.status()).toBe(201);
    const { inviteUrl } = (await invited.json()) as { inviteUrl: string };
    await coordinator.dispose();

    await page.goto(new URL(inviteUrl).pathname);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Välkommen till Digihjälpen');
    const password = page.getByLabel('Nytt lösenord');
    await expect(password).toHaveAccessibleDescription(/Minst 12 tecken\. Några ord i rad fungerar bra/);

    await password.fill('kort');
    await page.getByRole('button', { name: 'Spara lösenordet och börja' }).click();
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toHaveAccessibleDescription(/Lösenordet behöver minst 12 tecken/);

    await password.fill('blå cykel under regnig bro');
    await page.getByRole('button', { name: 'Spara lösenordet och börja' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hej Amina Testsson!');
    await expect(page).toHaveURL(/\/personal$/);
    await expect(page.getByText('Inloggad som Amina Testsson')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Samordnare' })).toHaveCount(0);

    await page.goto('/samordnare');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du har inte tillgång till den sidan');
    await expect(page).toHaveURL(/\/ingen-atkomst$/);

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page.getByText('Du är utloggad.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Logga ut' })).toHaveCount(0);
    await page.goto('/personal');
    await expect(page).toHaveURL(/\/logga-in\?till=%2Fpersonal$/);

    // The link works once.
    await page.goto(new URL(inviteUrl).pathname);
    await page.getByLabel('Nytt lösenord').fill('en annan lång fras som lösenord');
    await page.getByRole('button', { name: 'Spara lösenordet och börja' }).click();
    await expect(page.getByRole('alert')).toContainText('Inbjudan gäller inte längre');
  });
});
