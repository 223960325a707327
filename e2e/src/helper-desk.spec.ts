import { expect, test, type Locator, type Page } from '@playwright/test';
import { COORDINATOR_STATE } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { setUpDeskDay, type DeskSetUp } from './support/desk';

const HELPER = { email: 'helper@example.org', password: 'demo-helper', name: 'Yusuf Ahmadi' };

/** The helper's laptop at the library. */
test.use({ viewport: { width: 1366, height: 768 } });

/** One of today's sessions on the desk page. */
const sessionOnDesk = (page: Page, sessionId: string): Locator => page.locator('section.session').filter({ has: page.locator(`[id="session-${sessionId}"]`) });

test('a helper runs the desk on a shared laptop: checks in, logs visits also offline, and the idle sign-out clears the screen', async ({
  page,
  context,
  playwright,
  baseURL,
}, testInfo) => {
  // Set-up, a day at the desk on- and offline, the idle sign-out and the coordinator's log: a long journey (three times the default timeout).
  test.slow();
  const coordinator = await playwright.request.newContext({ baseURL, storageState: COORDINATOR_STATE });
  const visitor = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  let day: DeskSetUp | undefined;

  await test.step('set-up through the API: a session starting now with the demo helper on shift and one booking', async () => {
    day = await setUpDeskDay(coordinator, visitor, `Deskbiblioteket ${testInfo.project.name} ${Date.now()}`, HELPER.email);
  });
  if (!day) throw new Error('No set-up');
  const { sessionId, booked, siteId, date } = day;

  // The page's clock runs as usual until the idle step fast-forwards it.
  await page.clock.install();

  await test.step('the helper signs in and opens today’s session from the start page', async () => {
    await page.goto('/logga-in');
    await page.getByLabel('E-postadress').fill(HELPER.email);
    await page.getByLabel('Lösenord', { exact: true }).fill(HELPER.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page).toHaveURL(/\/personal$/);
    await expect(page.getByRole('button', { name: 'Byt digivärd' })).toBeVisible();
    await page.getByRole('link', { name: 'Dagens träff' }).click();
    await expect(page).toHaveURL(/\/personal\/idag$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Dagens träff' })).toBeVisible();
  });

  const session = sessionOnDesk(page, sessionId);
  const person = session.locator('li.booking').filter({ hasText: booked });

  await test.step('checks in on the shift and sees who booked', async () => {
    await expect(session.getByRole('heading', { level: 2 })).toContainText(day?.siteName ?? '');
    await session.getByRole('button', { name: 'Checka in på passet' }).click();
    await expect(session.locator('.shift-state')).toHaveText(/Incheckad \d\d:\d\d\./);
    await expect(person).toContainText('BankID och e-legitimation');
    await expect(person).toContainText('svenska');
    await expectNoAxeViolations(page);
  });

  await test.step('checks the booked person in and logs their visit: start, outcome, save', async () => {
    await person.getByRole('button', { name: new RegExp(`^Checka in ${booked} \\d\\d:\\d\\d$`) }).click();
    await expect(person.getByText('Incheckad', { exact: true })).toBeVisible();

    await person.getByRole('button', { name: new RegExp(`^Starta besök ${booked}`) }).click();
    const form = session.getByRole('region', { name: new RegExp(`^Besök: ${booked}`) });
    await expect(form.getByLabel('BankID och e-legitimation')).toBeChecked();
    await expect(form.getByLabel('BankID och e-legitimation')).toBeFocused();
    await expect(form.getByLabel('Bokad tid')).toBeChecked();
    await expect(form.getByText('Skriv inte namn, personnummer eller hälsouppgifter.')).toBeVisible();
    await expectNoAxeViolations(page);
    await form.getByLabel('Löst', { exact: true }).check();
    await form.getByRole('button', { name: 'Spara besöket' }).click();

    await expect(session.getByText('Besöket är sparat.', { exact: true })).toBeVisible();
    await expect(person.getByText('Besöket är sparat')).toBeVisible();
    await expect(page.locator('#queue-status')).toHaveText('');
  });

  await test.step('the wifi drops: two drop-in visits are saved on the laptop and wait', async () => {
    await context.setOffline(true);

    // The first one with the keyboard only.
    await session.getByRole('button', { name: 'Drop-in-besök' }).click();
    const form = session.getByRole('region', { name: 'Drop-in-besök' });
    await expect(form.getByLabel('BankID och e-legitimation')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(form.getByLabel('E-post', { exact: true })).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(form.getByLabel('Löst', { exact: true })).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(page.locator('#queue-status')).toContainText('1 besök väntar på att skickas.');
    await expect(session.getByText('Besöket är sparat på datorn. Det skickas när internet fungerar igen.')).toBeVisible();

    await session.getByRole('button', { name: 'Drop-in-besök' }).click();
    await form.getByLabel('Skriva ut och skanna').check();
    await form.getByLabel('Hänvisad vidare').check();
    await form.getByRole('group', { name: 'Hänvisad till' }).getByLabel('Skatteverket').check();
    await form.getByRole('button', { name: 'Spara besöket' }).click();
    await expect(page.locator('#queue-status')).toContainText('2 besök väntar på att skickas.');
    await expect(session.locator('.count')).toHaveText('Besök loggade: 1 (+ 2 som väntar på att skickas)');

    // Nothing readable is left in the browser's storage: the queue is sealed with the sign-in's key.
    const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('dh-visit-queue:')).map(([, v]) => v));
    expect(stored).toHaveLength(2);
    for (const value of stored) expect(value).not.toMatch(/printing|skatteverket|drop-in|email/);
  });

  await test.step('the wifi is back: the waiting visits are sent, and all three are stored once', async () => {
    await context.setOffline(false);
    await expect(page.locator('#queue-status')).toHaveText('Alla besök är skickade.');
    await expect(session.locator('.count')).toHaveText('Besök loggade: 3');
    await expect(session.getByText('Besöket är sparat.', { exact: true })).toBeVisible();

    const res = await coordinator.get('/api/visits', { params: { siteId, from: date, to: date } });
    expect(res.status()).toBe(200);
    const { items, total } = (await res.json()) as { items: { sessionId: string; clientId: string; cameVia: string; bookingId: string | null }[]; total: number };
    expect(total).toBe(3);
    expect(items.every((v) => v.sessionId === sessionId)).toBe(true);
    expect(new Set(items.map((v) => v.clientId)).size).toBe(3);
    expect(items.map((v) => v.cameVia).sort()).toEqual(['booked', 'drop-in', 'drop-in']);
  });

  await test.step('a visit that could not be sent survives a reload: the key is fetched again and the visit goes out', async () => {
    // The server cannot be reached for visits only, so the page itself can still be reloaded.
    await page.route('**/api/visits', (route) => route.abort('internetdisconnected'));
    await session.getByRole('button', { name: 'Drop-in-besök' }).click();
    const form = session.getByRole('region', { name: 'Drop-in-besök' });
    await form.getByLabel('Lösenord och konton').check();
    await form.getByLabel('Behöver följas upp').check();
    await form.getByRole('button', { name: 'Spara besöket' }).click();
    await expect(page.locator('#queue-status')).toContainText('1 besök väntar på att skickas.');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Dagens träff' })).toBeVisible();
    await expect(page.locator('#queue-status')).toContainText('1 besök väntar på att skickas.');
    await page.unroute('**/api/visits');
    await page.getByRole('button', { name: 'Försök skicka nu' }).click();
    await expect(page.locator('#queue-status')).toHaveText('Alla besök är skickade.');
    const res = await coordinator.get('/api/visits', { params: { siteId, from: date, to: date } });
    expect(((await res.json()) as { total: number }).total).toBe(4);
  });

  await test.step('after 14 quiet minutes a warning; after 15 the laptop is signed out and the screen cleared', async () => {
    await page.clock.fastForward('14:00');
    const warning = page.getByRole('dialog', { name: /^Du loggas ut om \d+ sekunder$/ });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole('button', { name: 'Fortsätt arbeta' })).toBeFocused();
    await page.clock.fastForward('01:01');

    await expect(page).toHaveURL(/\/logga-in$/);
    await expect(page.getByText('Du loggades ut efter 15 minuter utan aktivitet.')).toBeVisible();
    await expect(page.getByText(booked)).toHaveCount(0);
    await expect(page.getByText(HELPER.name)).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('dh-visit-queue:')))).toEqual([]);
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
    // Back does not bring the desk back.
    await page.goBack();
    await expect(page).toHaveURL(/\/logga-in/);
    await expect(page.getByText(booked)).toHaveCount(0);
  });

  await test.step('the coordinator finds the visits in the log, and the log and equipment pages pass axe', async () => {
    const office = await page.context().browser()?.newContext({ baseURL, storageState: COORDINATOR_STATE, viewport: { width: 1366, height: 768 } });
    if (!office) throw new Error('No browser');
    const coordinatorPage = await office.newPage();
    await coordinatorPage.goto('/samordnare/besok');
    await expect(coordinatorPage.getByRole('navigation', { name: 'Samordnare' }).getByRole('link', { name: 'Besök', exact: true })).toHaveAttribute('aria-current', 'page');
    await coordinatorPage.getByLabel('Plats').selectOption({ label: day?.siteName ?? '' });
    await coordinatorPage.getByRole('button', { name: 'Visa' }).click();
    await expect(coordinatorPage.getByRole('heading', { level: 2, name: '4 besök' })).toBeVisible();
    await expect(coordinatorPage.locator('tbody tr')).toHaveCount(4);
    await expect(coordinatorPage.getByRole('link', { name: /^Ladda ner CSV/ })).toHaveAttribute('href', new RegExp(`siteId=${siteId}`));
    await expectNoAxeViolations(coordinatorPage);
    await coordinatorPage.getByRole('navigation', { name: 'Samordnare' }).getByRole('link', { name: 'Utrustning' }).click();
    await expect(coordinatorPage.getByRole('heading', { level: 1, name: 'Utrustning' })).toBeVisible();
    await expectNoAxeViolations(coordinatorPage);
    await office.close();
  });

  await coordinator.dispose();
  await visitor.dispose();
});
