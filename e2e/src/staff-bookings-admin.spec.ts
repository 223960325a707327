import { expect, test, type APIRequestContext } from '@playwright/test';
import { COORDINATOR_STATE, xsrfHeaders } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { setUpDeskDay, wallTimeAt } from './support/desk';
import { mailTo } from './support/mail';

/**
 * Bookings for staff: a coordinator finds a booking by the phone number the person gives, moves it with a
 * reason, and the person's e-mail says so in Arabic; a helper books a follow-up from the desk. Each test
 * opens a library of its own (tests run in parallel on one database).
 */

/** The office computer and the library laptop. */
test.use({ viewport: { width: 1280, height: 800 } });

const HELPER = { email: 'helper2@example.org', password: 'demo-helper' };
const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

interface Created {
  id: string;
  slots: { id: string; start: string }[];
}

/** A one-off session a week or more ahead at the site, 10:00–11:00 local, two 30-minute times of two seats. */
async function sessionNextWeek(coordinator: APIRequestContext, siteId: string, zone: string): Promise<Created> {
  const date = wallTimeAt(Date.now() + 8 * 86_400_000, zone).date;
  const res = await coordinator.post(`/api/sites/${siteId}/sessions`, {
    headers: await xsrfHeaders(coordinator),
    data: { date, startTime: '10:00', endTime: '11:00', slotMinutes: 30, seatsPerSlot: 2, dropIn: false, helpersNeeded: 1 },
  });
  expect(res.status(), await res.text()).toBe(201);
  const created = (await res.json()) as Created;
  created.slots.sort((a, b) => a.start.localeCompare(b.start));
  return created;
}

test('a coordinator finds a booking by phone number, moves it, and the person is told in Arabic', async ({ browser, playwright, baseURL, request }, testInfo) => {
  test.slow();
  const coordinator = await playwright.request.newContext({ baseURL, storageState: COORDINATOR_STATE });
  const name = `Flyttbiblioteket ${testInfo.project.name} ${unique()}`;
  const site = await coordinator.post('/api/sites', {
    headers: await xsrfHeaders(coordinator),
    data: { name, address: 'Flyttgatan 3, 411 20 Staden', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: 'Europe/Stockholm', languages: ['sv', 'ar'], active: true },
  });
  expect(site.status(), await site.text()).toBe(201);
  const { id: siteId } = (await site.json()) as { id: string };
  const session = await sessionNextWeek(coordinator, siteId, 'Europe/Stockholm');

  // Layla booked herself on the public page, with her phone number and e-mail, in Arabic.
  const digits = unique().slice(-7).padStart(7, '0');
  const phone = `070-${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`;
  const email = `layla-${unique()}@example.org`;
  const booked = await request.post('/api/public/bookings', {
    headers: { 'Accept-Language': 'ar' },
    data: { slotId: session.slots[0]?.id, name: 'Layla', phone, email, language: 'ar', topics: ['healthcare'] },
  });
  expect(booked.status(), await booked.text()).toBe(201);
  const { reference } = (await booked.json()) as { reference: string };

  const context = await browser.newContext({ baseURL, storageState: COORDINATOR_STATE });
  const page = await context.newPage();

  await test.step('she calls: the coordinator finds her booking by the number she says (+46 …)', async () => {
    await page.goto('/samordnare');
    await page.getByRole('navigation', { name: 'Samordnare' }).getByRole('link', { name: 'Bokningar' }).click();
    await expect(page).toHaveURL(/\/samordnare\/bokningar$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Bokningar' })).toBeVisible();
    await page.getByLabel('Bokningsnummer, namn eller telefon').fill(`+46 70 ${digits}`);
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect(page.getByText('1 bokning', { exact: true })).toBeVisible();
    await expect(page.locator('.list')).toContainText(reference);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /^Visa bokningen för Layla/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: `Layla, ${reference}` })).toBeFocused();
    await expect(page.locator('.facts')).toContainText('arabiska');
  });

  await test.step('moves it to the next half hour with a reason, after choosing the time in the dialog', async () => {
    await page.getByRole('button', { name: 'Flytta tiden för Layla' }).click();
    const dialog = page.getByRole('dialog', { name: 'Flytta Laylas tid' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Behåll tiden' })).toBeFocused();
    await dialog.locator(`input[type="radio"][value="${session.slots[1]?.id}"]`).check();
    await dialog.getByLabel('Skäl').fill('Datorerna uppdateras klockan tio');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Flytta tiden' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toHaveText('Tiden är flyttad. Layla får ett e-postmeddelande på arabiska med skälet.');
    await expect(page.locator('.facts')).toContainText('10:30–11:00');
  });

  await test.step('her e-mail arrives in Arabic, with the new time and the reason', async () => {
    const mail = await mailTo(request, email, 'Datorerna uppdateras klockan tio');
    expect(mail).toContain('نقلت المكتبة موعدك');
    expect(mail).toContain('السبب: Datorerna uppdateras klockan tio');
    expect(mail).toContain('10:30');
    expect(mail).toContain(reference);
  });

  await context.close();
  await coordinator.dispose();
});

test('a helper books a follow-up from the desk in two steps, and the receipt prints alone', async ({ page, playwright, baseURL }, testInfo) => {
  test.slow();
  const coordinator = await playwright.request.newContext({ baseURL, storageState: COORDINATOR_STATE });
  const visitor = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const day = await setUpDeskDay(coordinator, visitor, `Uppföljningsbiblioteket ${testInfo.project.name} ${unique()}`, HELPER.email);
  const zone = ((await (await coordinator.get(`/api/sites/${day.siteId}`)).json()) as { timeZone: string }).timeZone;
  const next = await sessionNextWeek(coordinator, day.siteId, zone);

  await test.step('the helper signs in and opens today’s session', async () => {
    await page.goto('/logga-in');
    await page.getByLabel('E-postadress').fill(HELPER.email);
    await page.getByLabel('Lösenord', { exact: true }).fill(HELPER.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page).toHaveURL(/\/personal$/);
    await page.getByRole('link', { name: 'Dagens träff' }).click();
    await expect(page.locator(`[id="session-${day.sessionId}"]`)).toBeVisible();
  });

  const session = page.locator('section.session').filter({ has: page.locator(`[id="session-${day.sessionId}"]`) });

  await test.step('logs the visit with the outcome “follow-up”: the booking of the next time opens at once', async () => {
    await session.getByRole('button', { name: new RegExp(`^Starta besök ${day.booked}`) }).click();
    const form = session.getByRole('region', { name: new RegExp(`^Besök: ${day.booked}`) });
    await form.getByLabel('Behöver följas upp').check();
    await form.getByRole('button', { name: 'Spara besöket' }).click();
    await expect(session.getByRole('heading', { level: 3, name: 'Boka nästa tid' })).toBeFocused();
    await expectNoAxeViolations(page);
  });

  let reference = '';
  await test.step('one: chooses a time next week; two: confirms with the name (already there) and a phone number', async () => {
    const panel = session.locator('dh-follow-up-booking');
    await panel.locator(`input[type="radio"][value="${next.slots[0]?.id}"]`).check();
    await panel.getByRole('button', { name: 'Välj tiden' }).click();
    await expect(panel.getByLabel('Förnamn eller smeknamn')).toHaveValue(day.booked);
    await panel.getByLabel('Telefon (om personen vill)').fill('070-765 43 21');
    await panel.getByRole('button', { name: 'Boka tiden' }).click();
    await expect(panel.getByRole('heading', { level: 3, name: `Klart! ${day.booked} har en ny tid` })).toBeFocused();
    reference = ((await panel.locator('.receipt-reference').textContent()) ?? '').trim();
    expect(reference).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    await expect(panel).toContainText('10:00–10:30');
    await expectNoAxeViolations(page);
  });

  await test.step('the receipt prints alone on the page', async () => {
    await page.emulateMedia({ media: 'print' });
    const slip = page.locator('dh-booking-slip');
    await page.evaluate(() => document.documentElement.classList.add('dh-print-slip'));
    await expect(slip).toBeVisible();
    await expect(slip).toContainText(reference);
    await expect(page.getByRole('heading', { level: 1, name: 'Dagens träff' })).toBeHidden();
    await expect(session.locator('li.booking').first()).toBeHidden();
    await page.evaluate(() => document.documentElement.classList.remove('dh-print-slip'));
    await page.emulateMedia({ media: 'screen' });
    await expect(slip).toBeHidden();
  });

  await test.step('the booking is there for staff, booked by the helper at the same site', async () => {
    const found = await coordinator.get('/api/staff/bookings', { params: { q: reference } });
    expect(found.status()).toBe(200);
    const { items } = (await found.json()) as { items: { reference: string; site: { id: string }; bookedByStaff: boolean; slot: { id: string } }[] };
    expect(items).toEqual([expect.objectContaining({ reference, site: expect.objectContaining({ id: day.siteId }), bookedByStaff: true, slot: expect.objectContaining({ id: next.slots[0]?.id }) })]);
  });

  await coordinator.dispose();
  await visitor.dispose();
});

test('library staff reach their library’s bookings from their start page and cancel one with a reason', async ({ browser, playwright, baseURL, request }, testInfo) => {
  test.slow();
  const coordinator = await playwright.request.newContext({ baseURL, storageState: COORDINATOR_STATE });
  const headers = await xsrfHeaders(coordinator);
  const name = `Diskbokningsbiblioteket ${testInfo.project.name} ${unique()}`;
  const created = await coordinator.post('/api/sites', {
    headers,
    data: { name, address: 'Diskgatan 9, 411 20 Staden', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: 'Europe/Stockholm', languages: ['sv'], active: true },
  });
  expect(created.status(), await created.text()).toBe(201);
  const site = (await created.json()) as { id: string };
  const session = await sessionNextWeek(coordinator, site.id, 'Europe/Stockholm');
  const booked = await request.post('/api/public/bookings', { data: { slotId: session.slots[0]?.id, name: 'Noor', language: 'sv', topics: ['email'] } });
  expect(booked.status(), await booked.text()).toBe(201);
  const { reference } = (await booked.json()) as { reference: string };

  // A library-staff account for this library, through an invitation.
  const email = `disk-${unique()}@example.org`;
  const invited = await coordinator.post('/api/auth/invitations', { headers, data: { email, name: 'Lena Disk', role: 'library-staff', siteId: site.id } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { inviteUrl } = (await invited.json()) as { inviteUrl: string };
  await coordinator.dispose();
  const person = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const accepted = await person.post('/api/auth/invitations/accept', { data: { token: new URL(inviteUrl).pathname.replace(/^\/inbjudan\//, ''), password: 'bokningar vid informationsdisken' } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  const context = await browser.newContext({ baseURL, storageState: await person.storageState() });
  await person.dispose();
  const page = await context.newPage();

  await test.step('from the start page to “Bokningar”, fixed to their own library', async () => {
    await page.goto('/personal');
    await page.getByRole('link', { name: 'Bokningar' }).click();
    await expect(page).toHaveURL(/\/bokningar$/);
    await expect(page.getByText(`Bibliotek: ${name}`)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Bibliotek' })).toHaveCount(0);
    await page.getByLabel('Bokningsnummer, namn eller telefon').fill(reference.toLowerCase().replace('-', ' '));
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect(page.locator('.list')).toContainText('Noor');
    await expectNoAxeViolations(page);
  });

  await test.step('cancels it after the confirmation, with a reason', async () => {
    await page.getByRole('button', { name: /^Visa bokningen för Noor/ }).click();
    await page.getByRole('button', { name: 'Avboka tiden för Noor' }).click();
    const dialog = page.getByRole('dialog', { name: 'Avboka Noors tid?' });
    await dialog.getByRole('button', { name: 'Ja, avboka tiden' }).click();
    await expect(dialog.getByText('Skriv varför. Personen får läsa det i sitt meddelande.')).toBeVisible();
    await dialog.getByLabel('Skäl').fill('Rummet behövs till annat');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Ja, avboka tiden' }).click();
    await expect(page.getByRole('status')).toHaveText('Tiden är avbokad. Noor har varken e-post eller telefon i bokningen och får inget meddelande.');
    await expect(page.locator('.list')).toContainText('Avbokad (av personalen)');
  });

  await context.close();
});
