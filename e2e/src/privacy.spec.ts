import { expect, test, type APIRequestContext } from '@playwright/test';
import { COORDINATOR_STATE, xsrfHeaders } from './support/auth';
import { expectNoAxeViolations } from './support/axe';

/** The coordinators' office computers. */
test.use({ viewport: { width: 1366, height: 768 }, storageState: COORDINATOR_STATE });

interface SlotView {
  id: string;
  start: string;
  seatsLeft: number;
}

/** A free time still to come at one of the demo libraries. */
async function aFreeSlot(request: APIRequestContext): Promise<string> {
  const sites = (await (await request.get('/api/public/site-names')).json()) as { slug: string }[];
  for (const site of sites) {
    const sessions = (await (await request.get(`/api/public/sites/${site.slug}/sessions`)).json()) as { status: string; slots: SlotView[] }[];
    const slot = sessions
      .filter((s) => s.status === 'planned')
      .flatMap((s) => s.slots)
      .find((s) => s.seatsLeft > 0 && Date.parse(s.start) > Date.now() + 86_400_000);
    if (slot) return slot.id;
  }
  throw new Error('No free time at any demo library');
}

test('the coordinator answers a request for access and erasure: finds the person by reference, downloads, erases', async ({ page, request }, testInfo) => {
  const email = `integritet-${testInfo.project.name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const res = await request.post('/api/public/bookings', {
    headers: await xsrfHeaders(request),
    data: { slotId: await aFreeSlot(request), name: 'Elin', email, phone: null, language: 'sv', topics: ['bankid'], ownDevice: true, needs: null, website: '' },
  });
  expect(res.status()).toBe(201);
  const { reference, manageToken } = (await res.json()) as { reference: string; manageToken: string };

  await test.step('opens Integritet from the coordinator menu; the page says how long contact details are kept', async () => {
    await page.goto('/samordnare');
    await page.getByRole('navigation', { name: 'Samordnare' }).getByRole('link', { name: 'Integritet' }).click();
    await expect(page).toHaveURL(/\/samordnare\/integritet$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Integritet' })).toBeVisible();
    await expect(page.getByText('Kontaktuppgifter raderas automatiskt 30 dagar efter träffen.')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('an empty search and an unknown reference are explained', async () => {
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect(page.getByRole('link', { name: 'Bokningsnummer: Skriv bokningsnumret, till exempel K7F-3QD.' })).toBeVisible();
    await page.getByLabel('Bokningsnummer', { exact: true }).fill('ZZZ-ZZZ');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect(page.getByText('Det finns ingen bokning med det bokningsnumret.').first()).toBeVisible();
  });

  await test.step('finds the booking by its reference typed in lower case without the dash', async () => {
    await page.getByLabel('Bokningsnummer', { exact: true }).fill(reference.replace('-', '').toLowerCase());
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: `Uppgifter om bokning ${reference}` })).toBeFocused();
    const booking = page.locator('article.booking').first();
    await expect(booking).toContainText('NamnElin');
    await expect(booking).toContainText(email);
    await expectNoAxeViolations(page);
  });

  await test.step('downloads the same as a file', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Ladda ner som fil/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`personuppgifter-${reference}.json`);
  });

  await test.step('erases after confirming; the manage link stops working and the seat is free again', async () => {
    await page.getByRole('button', { name: 'Radera personens uppgifter' }).click();
    const dialog = page.getByRole('dialog', { name: 'Radera personens uppgifter?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Ja, radera uppgifterna' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'raderade från' })).toHaveText('Personens uppgifter är raderade från en bokning. En kommande tid är avbokad.');
    await expect(page.getByText('Personens uppgifter i den här bokningen är redan raderade.')).toBeVisible();
    await expect(page.locator('article.booking').first()).not.toContainText(email);
    await expect(page.getByRole('button', { name: 'Radera personens uppgifter' })).toHaveCount(0);
    expect((await request.get(`/api/public/bookings/${manageToken}`)).status()).toBe(404);
    await expectNoAxeViolations(page);
  });
});
