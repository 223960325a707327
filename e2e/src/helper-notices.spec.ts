import { expect, test, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { COORDINATOR_STATE, xsrfHeaders } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { mailTo } from './support/mail';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A helper of the test's own (both projects run at once on one database), invited and signed in through the invitation. */
async function invitedHelper(coordinator: APIRequestContext, newContext: () => Promise<APIRequestContext>, name: string, email: string): Promise<StorageState> {
  const invited = await coordinator.post('/api/auth/invitations', { headers: await xsrfHeaders(coordinator), data: { email, name, role: 'helper' } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { inviteUrl } = (await invited.json()) as { inviteUrl: string };
  const person = await newContext();
  const token = new URL(inviteUrl).pathname.replace(/^\/inbjudan\//, '');
  const accepted = await person.post('/api/auth/invitations/accept', { data: { token, password: 'lång fras för ett test av notiser' } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  const state = await person.storageState();
  await person.dispose();
  return state;
}

test.describe('helper notices', () => {
  test('a helper chooses English and fewer e-mails, and the next shift e-mail comes in English', async ({ browser, playwright, baseURL }, testInfo) => {
    const stamp = `${testInfo.project.name}-${Date.now()}`;
    const email = `notiser-${stamp}@example.org`;
    const coordinator = await playwright.request.newContext({ baseURL, storageState: COORDINATOR_STATE });
    const state = await invitedHelper(coordinator, () => playwright.request.newContext({ baseURL }), `Noa Notis ${stamp}`, email);
    const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = testInfo.project.use;
    const context = await browser.newContext({ baseURL, storageState: state, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });
    const page = await context.newPage();

    await test.step('finds Inställningar in the navigation and sees every e-mail on, in Swedish', async () => {
      await page.goto('/personal');
      await page.getByRole('navigation').getByRole('link', { name: 'Inställningar' }).click();
      await expect(page).toHaveURL(/\/personal\/installningar$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inställningar');
      await expect(page.getByLabel('En träff där jag har pass ställs in')).toBeChecked();
      await expect(page.getByLabel('Lediga pass varje vecka')).toBeChecked();
      await expect(page.getByLabel('Språk i mejlen')).toHaveValue('sv');
      await expectNoAxeViolations(page);
    });

    await test.step('turns the weekly e-mail off, chooses English and saves', async () => {
      await page.getByLabel('Lediga pass varje vecka').uncheck();
      await page.getByLabel('Språk i mejlen').selectOption('en');
      await page.getByRole('button', { name: 'Spara' }).click();
      await expect(page.getByRole('status')).toHaveText('Sparat. Du får 3 av 4 sorters mejl om dina pass, på engelska.');
      await page.reload();
      await expect(page.getByLabel('Lediga pass varje vecka')).not.toBeChecked();
      await expect(page.getByLabel('Språk i mejlen')).toHaveValue('en');
      await expectNoAxeViolations(page);
    });

    await test.step('a coordinator puts the helper on a shift; the e-mail says so in English', async () => {
      const me = (await (await context.request.get('/api/auth/me')).json()) as { id: string };
      const staffing = (await (await coordinator.get('/api/staffing?weeks=4')).json()) as { items: { sessionId: string; status: string; start: string }[] };
      const session = staffing.items.find((s) => s.status === 'planned' && Date.parse(s.start) > Date.now() + 2 * 86_400_000);
      expect(session, 'a planned session in the coming weeks').toBeDefined();
      const assigned = await coordinator.post(`/api/sessions/${session?.sessionId}/shifts`, { headers: await xsrfHeaders(coordinator), data: { helperId: me.id } });
      expect(assigned.status(), await assigned.text()).toBe(204);
      const mail = await mailTo(coordinator, email, 'You have a new shift at');
      expect(mail).toContain('A coordinator has given you a shift as a helper.');
    });

    await context.close();
    await coordinator.dispose();
  });

  test('a coordinator sees the weekly open-shifts switch on the staffing page', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, storageState: COORDINATOR_STATE });
    const page = await context.newPage();
    await page.goto('/samordnare/bemanning');
    const toggle = page.getByRole('switch', { name: 'Skicka mejl om lediga pass till digivärdarna varje vecka' });
    await expect(toggle).toBeEnabled();
    await expect(page.getByRole('heading', { level: 2, name: 'Mejl om lediga pass' })).toBeVisible();
    await expectNoAxeViolations(page);
    await context.close();
  });
});
