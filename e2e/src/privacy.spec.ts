import { expect, test, type APIRequestContext } from '@playwright/test';
import { COORDINATOR_STATE, xsrfHeaders } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { mailTo } from './support/mail';

/** The coordinators' office computers. */
test.use({ viewport: { width: 1366, height: 768 }, storageState: COORDINATOR_STATE });

interface SlotView {
  id: string;
  start: string;
  seatsLeft: number;
}

/** A free time still to come at one of the demo libraries, other than those in `not`. */
async function aFreeSlot(request: APIRequestContext, not: string[] = []): Promise<string> {
  const sites = (await (await request.get('/api/public/site-names')).json()) as { slug: string }[];
  for (const site of sites) {
    const sessions = (await (await request.get(`/api/public/sites/${site.slug}/sessions`)).json()) as { status: string; slots: SlotView[] }[];
    const slot = sessions
      .filter((s) => s.status === 'planned')
      .flatMap((s) => s.slots)
      .find((s) => s.seatsLeft > 0 && Date.parse(s.start) > Date.now() + 86_400_000 && !not.includes(s.id));
    if (slot) return slot.id;
  }
  throw new Error('No free time at any demo library');
}

test('the coordinator answers a request for access and erasure: that booking by reference, the others after the code the person reads out', async ({ page, request }, testInfo) => {
  const email = `integritet-${testInfo.project.name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const booked: { reference: string; manageToken: string }[] = [];
  const slots: string[] = [];
  for (const name of ['Elin', 'Elin']) {
    slots.push(await aFreeSlot(request, slots));
    const res = await request.post('/api/public/bookings', {
      headers: await xsrfHeaders(request),
      data: { slotId: slots[slots.length - 1], name, email, phone: null, language: 'sv', topics: ['bankid'], ownDevice: true, needs: null, website: '' },
    });
    expect(res.status()).toBe(201);
    booked.push((await res.json()) as { reference: string; manageToken: string });
  }
  const [first, second] = booked as [{ reference: string; manageToken: string }, { reference: string; manageToken: string }];

  await test.step('opens Integritet from the coordinator menu; the page says how long contact details are kept and how to check identity', async () => {
    await page.goto('/samordnare');
    await page.getByRole('navigation', { name: 'Samordnare' }).getByRole('link', { name: 'Integritet' }).click();
    await expect(page).toHaveURL(/\/samordnare\/integritet$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Integritet' })).toBeVisible();
    await expect(page.getByText('Kontaktuppgifter raderas automatiskt 30 dagar efter träffen.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Så kontrollerar du att det är personen' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step('an empty search and an unknown reference are explained', async () => {
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect(page.getByRole('link', { name: 'Bokningsnummer: Skriv bokningsnumret, till exempel K7F-3QD.' })).toBeVisible();
    await page.getByLabel('Bokningsnummer', { exact: true }).fill('ZZZ-ZZZ');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect(page.getByText('Det finns ingen bokning med det bokningsnumret.').first()).toBeVisible();
  });

  await test.step('finds the booking by its reference typed in lower case without the dash: that booking only', async () => {
    await page.getByLabel('Bokningsnummer', { exact: true }).fill(first.reference.replace('-', '').toLowerCase());
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: `Uppgifter om bokning ${first.reference}` })).toBeFocused();
    await expect(page.locator('article.booking')).toHaveCount(1);
    const booking = page.locator('article.booking').first();
    await expect(booking).toContainText('NamnElin');
    await expect(booking).toContainText(email);
    await expect(page.getByText('Du ser bara den här bokningen.')).toBeVisible();
    await expect(page.locator('main')).not.toContainText(second.reference);
    await expectNoAxeViolations(page);
  });

  await test.step('sends a code to the person’s e-mail; the code they read out shows every booking with the address', async () => {
    await page.getByRole('button', { name: 'Skicka en kod till personens e-post' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'En kod är skickad till' })).toContainText('i…@example.org');
    const mail = await mailTo(request, email, 'Din kod:');
    const code = /Din kod: (\d{3} \d{3})/.exec(mail)?.[1];
    expect(code).toMatch(/^\d{3} \d{3}$/);
    await page.getByLabel('Koden från personens e-post').fill(code as string);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Kontrollera koden' }).click();
    await expect(page.getByRole('heading', { level: 2, name: `Alla bokningar med samma e-postadress som ${first.reference}` })).toBeFocused();
    await expect(page.locator('article.booking')).toHaveCount(2);
    await expect(page.locator('article.booking').nth(1)).toContainText(second.reference);
    await expectNoAxeViolations(page);
  });

  await test.step('downloads every booking with the address as a file', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Ladda ner som fil/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`personuppgifter-${first.reference}-alla.json`);
  });

  await test.step('erases both after confirming how many; the manage links stop working and the seats are free again', async () => {
    await page.getByRole('button', { name: 'Radera personens uppgifter från 2 bokningar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Radera personens uppgifter?' });
    await expect(dialog).toContainText('tas bort från 2 bokningar');
    await dialog.getByRole('button', { name: 'Ja, radera uppgifterna från 2 bokningar' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'raderade från' })).toHaveText('Personens uppgifter är raderade från 2 bokningar. 2 kommande tider är avbokade.');
    // Erased, the bookings share no contact key any more: the one asked for is left, with what statistics keep.
    await expect(page.getByText('Personens uppgifter i den här bokningen är redan raderade.')).toBeVisible();
    await expect(page.locator('article.booking .erased')).toHaveCount(1);
    await expect(page.locator('main')).not.toContainText(email);
    await expect(page.getByRole('button', { name: /^Radera personens uppgifter/ })).toHaveCount(0);
    for (const b of booked) expect((await request.get(`/api/public/bookings/${b.manageToken}`)).status()).toBe(404);
    await expectNoAxeViolations(page);
  });
});
