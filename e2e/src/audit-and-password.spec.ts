import { expect, test, type Browser, type Page } from '@playwright/test';
import { COORDINATOR_STATE, xsrfHeaders } from './support/auth';
import { expectNoAxeViolations } from './support/axe';

/** The coordinators' office computers. */
test.use({ viewport: { width: 1366, height: 768 } });

const FIRST_PASSWORD = 'lång fras för ett test av inloggning';
const NEW_PASSWORD = 'blå cykel under regnig bro i norr';

async function newPage(browser: Browser, baseURL: string | undefined, storageState?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 }, ...(storageState ? { storageState } : {}) });
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress', { exact: true }).fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

test('a coordinator changes the password: the other sign-in ends, wrong passwords are slowed down without locking the account, and the log shows it', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  // Three browsers, ten sign-ins and the log: a long journey (three times the default timeout).
  test.slow();
  // Tests run in parallel on one database: this coordinator is the test's own, so slowing it down harms nobody.
  const tag = `${testInfo.project.name === 'desktop' ? 'D' : 'P'}${Date.now().toString(36)}`;
  const name = `Sara Holm ${tag}`;
  const email = `sara-holm-${tag.toLowerCase()}@example.org`;

  await test.step('the demo coordinator invites the coordinator, who chooses a password', async () => {
    const demo = await playwright.request.newContext({ baseURL, storageState: COORDINATOR_STATE });
    const invited = await demo.post('/api/auth/invitations', { headers: await xsrfHeaders(demo), data: { email, name, role: 'coordinator' } });
    expect(invited.status(), await invited.text()).toBe(201);
    const { inviteUrl } = (await invited.json()) as { inviteUrl: string };
    await demo.dispose();
    const person = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const token = new URL(inviteUrl).pathname.replace(/^\/inbjudan\//, '');
    const accepted = await person.post('/api/auth/invitations/accept', { data: { token, password: FIRST_PASSWORD } });
    expect(accepted.status(), await accepted.text()).toBe(200);
    await person.dispose();
  });

  // The office computer and the phone, say.
  const office = await newPage(browser, baseURL);
  const phone = await newPage(browser, baseURL);

  await test.step('signs in on two browsers', async () => {
    for (const page of [office, phone]) {
      await signIn(page, email, FIRST_PASSWORD);
      await expect(page.getByRole('heading', { level: 1, name: 'Platser' })).toBeVisible();
    }
  });

  await test.step('changes the password on one of them, from the link in the staff bar', async () => {
    await office.getByRole('navigation', { name: 'Personal' }).getByRole('link', { name: 'Byt lösenord' }).click();
    await expect(office).toHaveURL(/\/personal\/losenord$/);
    await expect(office.getByRole('heading', { level: 1, name: 'Byt lösenord' })).toBeVisible();
    await expect(office).toHaveTitle('Byt lösenord – Digihjälpen');
    await expectNoAxeViolations(office);

    const current = office.getByLabel('Nuvarande lösenord', { exact: true });
    const next = office.getByLabel('Nytt lösenord', { exact: true });
    const repeat = office.getByLabel('Upprepa det nya lösenordet', { exact: true });
    await expect(next).toHaveAccessibleDescription(/Minst 12 tecken\./);

    // A wrong current password: the API says so at the field.
    await current.fill('inte det här lösenordet alls');
    await next.fill(NEW_PASSWORD);
    await repeat.fill(NEW_PASSWORD);
    await office.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect(office.getByRole('link', { name: 'Nuvarande lösenord: Det nuvarande lösenordet stämmer inte.' })).toBeVisible();
    await expect(current).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(office);

    await current.fill(FIRST_PASSWORD);
    await office.getByRole('button', { name: 'Byt lösenord' }).click();
    await expect(office.getByRole('status')).toHaveText('Lösenordet är bytt. Du har loggats ut på andra datorer och mobiler.');
    await expect(office.getByRole('status')).toBeFocused();
    await expect(current).toHaveValue('');
    await expect(next).toHaveValue('');
    await expect(repeat).toHaveValue('');
  });

  await test.step('the other browser is signed out on its next request; this one stays signed in', async () => {
    await phone.getByRole('navigation', { name: 'Samordnare' }).getByRole('link', { name: 'Logg' }).click();
    await expect(phone).toHaveURL(/\/logga-in\?till=/);
    await expect(phone.getByText('Du har loggats ut. Logga in igen för att fortsätta.')).toBeVisible();

    await office.reload();
    await expect(office.getByRole('heading', { level: 1, name: 'Byt lösenord' })).toBeVisible();
    await expect(office.getByText(`Inloggad som ${name}`)).toBeVisible();
  });

  await test.step('six wrong passwords get the one plain answer, and the right password works again after a short wait', async () => {
    // A wrong password, an unknown e-mail and a slowed-down attempt look the same: one message, focused.
    for (let attempt = 1; attempt <= 6; attempt++) {
      await signIn(phone, email, `fel lösenord nummer ${attempt}`);
      await expect(phone.getByRole('group').filter({ hasText: 'Fel e-postadress eller lösenord – eller för många försök.' })).toBeFocused();
    }
    // The sixth started a one-second wait for this browser's address and this account: no lock, no 423.
    await expect(async () => {
      await signIn(phone, email, NEW_PASSWORD);
      await expect(phone.getByRole('heading', { level: 1, name: 'Platser' })).toBeVisible({ timeout: 10_000 });
    }).toPass({ intervals: [1_000, 2_000], timeout: 45_000 });
  });

  await test.step('the demo coordinator finds the password change and the slowed-down sign-in in the log', async () => {
    const demo = await newPage(browser, baseURL, COORDINATOR_STATE);
    await demo.goto('/samordnare');
    await demo.getByRole('navigation', { name: 'Samordnare' }).getByRole('link', { name: 'Logg' }).click();
    await expect(demo.getByRole('heading', { level: 1, name: 'Logg' })).toBeVisible();
    await expect(demo.getByText('inga personuppgifter om dem som får hjälp')).toBeVisible();
    await demo.getByLabel('Typ av händelse').selectOption({ label: 'Inloggningar och lösenord' });
    await demo.getByRole('button', { name: 'Visa' }).click();
    await expect(demo).toHaveURL(/\/samordnare\/logg\?grupp=sign-in$/);

    const ours = demo.getByRole('row').filter({ hasText: name });
    await expect(ours.filter({ hasText: 'Bytte lösenord (andra inloggningar avslutades)' })).toHaveCount(1);
    await expect(ours.filter({ hasText: 'Bytte lösenord' })).toContainText('samordnare');
    await expect(ours.filter({ hasText: 'Bytte lösenord' })).toContainText(/otherSignInsEnded: [1-9]/);
    await expect(ours.filter({ hasText: 'För många fel lösenord: inloggningen bromsas en stund' })).toHaveCount(1);
    await expect(ours.filter({ hasText: 'Fel lösenord vid inloggning' })).toHaveCount(6);
    await expectNoAxeViolations(demo);
    await demo.context().close();
  });

  await office.context().close();
  await phone.context().close();
});
