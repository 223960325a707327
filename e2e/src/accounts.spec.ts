import { expect, test, type Browser, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import { COORDINATOR_STATE, xsrfHeaders } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { mailTo } from './support/mail';

/**
 * People and accounts. Every test invites helpers of its own (never the demo helper, whom other
 * tests use): tests run in parallel on one database.
 */

const PASSWORD = 'lång fras för ett konto i testet';

async function coordinatorPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState: COORDINATOR_STATE });
  return context.newPage();
}

/** The demo coordinator invites a helper through the API; the link comes back. */
async function invite(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string | undefined, name: string, email: string): Promise<string> {
  const demo = await playwright.request.newContext({ baseURL, storageState: COORDINATOR_STATE });
  const invited = await demo.post('/api/auth/invitations', { headers: await xsrfHeaders(demo), data: { email, name, role: 'helper' } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { inviteUrl } = (await invited.json()) as { inviteUrl: string };
  await demo.dispose();
  return new URL(inviteUrl).pathname;
}

/** Chooses a password on an invitation or reset page. */
async function choosePassword(page: Page, path: string, button: string, password = PASSWORD): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Nytt lösenord').fill(password);
  await page.getByRole('button', { name: button }).click();
}

/** The coordinator's people page, searched for one person. */
async function findPerson(page: Page, name: string): Promise<void> {
  await page.goto('/samordnare/personal');
  await expect(page.getByRole('heading', { level: 1, name: 'Personal och konton' })).toBeVisible();
  await page.getByLabel('Sök person').fill(name);
  await expect(page.getByRole('status').filter({ hasText: '1 person hittades.' })).toBeVisible();
}

const tagOf = (project: string) => `${project === 'desktop' ? 'd' : 'p'}${Date.now().toString(36)}`;

test('a deactivated helper’s open browser is signed out on its next request', async ({ browser, playwright, baseURL }, testInfo) => {
  test.slow();
  const tag = tagOf(testInfo.project.name);
  const name = `Dana Avstängd ${tag}`;
  const path = await invite(playwright, baseURL, name, `dana-${tag}@example.org`);

  // The helper's browser: chooses a password and is signed in.
  const helperContext = await browser.newContext({ baseURL });
  const helper = await helperContext.newPage();
  await choosePassword(helper, path, 'Spara lösenordet och börja');
  await expect(helper.getByRole('heading', { level: 1, name: `Hej ${name}!` })).toBeVisible();

  // The coordinator's browser: turns the account off, after a confirmation.
  const coordinator = await coordinatorPage(browser, baseURL);
  await findPerson(coordinator, name);
  await expectNoAxeViolations(coordinator);
  await coordinator.getByRole('button', { name: `Stäng av kontot för ${name}` }).click();
  const dialog = coordinator.getByRole('dialog', { name: `Stänga av kontot för ${name}?` });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(coordinator);
  await dialog.getByRole('button', { name: 'Ja, stäng av kontot' }).click();
  await expect(coordinator.getByRole('heading', { name: `${name}s konto är avstängt. En inloggning avslutades.` })).toBeFocused();
  await expect(coordinator.locator('li.person').filter({ hasText: name })).toContainText('Avstängt sedan');
  await expectNoAxeViolations(coordinator);

  // The helper's next action lands on the sign-in page.
  await helper.getByRole('main').getByRole('link', { name: 'Mina timmar' }).click();
  await expect(helper).toHaveURL(/\/logga-in\?till=%2Fpersonal%2Ftimmar$/);
  await expect(helper.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  // And cannot sign in again.
  await helper.getByLabel('E-postadress', { exact: true }).fill(`dana-${tag}@example.org`);
  await helper.getByLabel('Lösenord', { exact: true }).fill(PASSWORD);
  await helper.getByRole('button', { name: 'Logga in' }).click();
  // The same answer as a wrong password (the sign-in page's wording is the sign-in part's).
  await expect(helper.getByRole('main')).toContainText('Fel e-postadress eller lösenord');
  await expect(helper).toHaveURL(/\/logga-in/);

  await helperContext.close();
  await coordinator.context().close();
});

test('a coordinator resends an invitation: the old link stops working, the new one works', async ({ browser, playwright, baseURL, request }, testInfo) => {
  test.slow();
  const tag = tagOf(testInfo.project.name);
  const name = `Rasmus Ny länk ${tag}`;
  const email = `rasmus-${tag}@example.org`;
  const oldPath = await invite(playwright, baseURL, name, email);

  const coordinator = await coordinatorPage(browser, baseURL);
  await findPerson(coordinator, name);
  await expect(coordinator.locator('li.person').filter({ hasText: name })).toContainText('Inbjuden – länken gäller till');
  await coordinator.getByRole('button', { name: `Skicka inbjudan igen för ${name}` }).click();
  await expect(coordinator.getByRole('heading', { name: `En ny inbjudan är skickad till ${email}. Den gamla länken fungerar inte längre.` })).toBeFocused();
  const newUrl = await coordinator.getByLabel('Ny inbjudningslänk').inputValue();
  expect(new URL(newUrl).pathname).not.toBe(oldPath);
  await expectNoAxeViolations(coordinator);
  // The new link also went by e-mail.
  await mailTo(request, email, new URL(newUrl).pathname);

  const person = await (await browser.newContext({ baseURL })).newPage();
  await choosePassword(person, oldPath, 'Spara lösenordet och börja');
  await expect(person.getByRole('alert')).toContainText('Inbjudan gäller inte längre');
  await choosePassword(person, new URL(newUrl).pathname, 'Spara lösenordet och börja');
  await expect(person.getByRole('heading', { level: 1, name: `Hej ${name}!` })).toBeVisible();

  await person.context().close();
  await coordinator.context().close();
});

test('a password-reset link sets a new password once', async ({ browser, playwright, baseURL, request }, testInfo) => {
  test.slow();
  const tag = tagOf(testInfo.project.name);
  const name = `Nora Glömsk ${tag}`;
  const email = `nora-${tag}@example.org`;
  const path = await invite(playwright, baseURL, name, email);
  const first = await (await browser.newContext({ baseURL })).newPage();
  await choosePassword(first, path, 'Spara lösenordet och börja');
  await expect(first.getByRole('heading', { level: 1, name: `Hej ${name}!` })).toBeVisible();

  const coordinator = await coordinatorPage(browser, baseURL);
  await findPerson(coordinator, name);
  await coordinator.getByRole('button', { name: `Skicka länk för nytt lösenord för ${name}` }).click();
  await expect(coordinator.getByRole('heading', { name: new RegExp(`En länk för nytt lösenord är skickad till ${email}`) })).toBeFocused();
  const mail = await mailTo(request, email, '/aterstall/');
  const resetPath = /\/aterstall\/[A-Za-z0-9_-]{43,}/.exec(mail)?.[0];
  expect(resetPath).toBeTruthy();

  const laptop = await (await browser.newContext({ baseURL })).newPage();
  await laptop.goto(resetPath as string);
  await expect(laptop.getByRole('heading', { level: 1, name: 'Välj ett nytt lösenord' })).toBeVisible();
  await expectNoAxeViolations(laptop);
  await choosePassword(laptop, resetPath as string, 'Spara det nya lösenordet', 'en helt ny fras för kontot');
  await expect(laptop.getByRole('heading', { level: 1, name: `Hej ${name}!` })).toBeVisible();

  // The first browser was signed out; the link does not work a second time.
  await first.getByRole('main').getByRole('link', { name: 'Mina timmar' }).click();
  await expect(first).toHaveURL(/\/logga-in/);
  const again = await (await browser.newContext({ baseURL })).newPage();
  await choosePassword(again, resetPath as string, 'Spara det nya lösenordet', 'ännu en ny fras för kontot');
  await expect(again.getByRole('alert')).toContainText('Länken är redan använd');
  await expect(again.getByRole('link', { name: 'Logga in' })).toBeVisible();
  await expectNoAxeViolations(again);

  for (const page of [first, laptop, again, coordinator]) await page.context().close();
});
