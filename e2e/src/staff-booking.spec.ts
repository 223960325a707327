import { expect, test, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { COORDINATOR_STATE, xsrfHeaders } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { mailTo } from './support/mail';

/**
 * Library staff book for someone who phones or comes to the desk. Tests run in parallel and in two
 * projects on one database, so each worker opens a library of its own (two 30-minute times on Tuesdays
 * and Thursdays, three seats each) and invites one library-staff user for it: nobody else books there,
 * and its seats can be counted exactly.
 */

/** The office computer at the library desk. */
test.use({ viewport: { width: 1366, height: 768 } });

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

interface SlotView {
  id: string;
  start: string;
  seats: number;
  seatsLeft: number;
}
interface SessionView {
  status: string;
  slots: SlotView[];
}

const SEATS = 3;
const PASSWORD = 'bokar åt besökare vid disken';
const uniqueEmail = (label: string, project: string) => `${label}-${project}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

let site: { id: string; slug: string; name: string };
let staff: { email: string; name: string; state: StorageState };
let bookedSlotId = '';

async function coming(request: APIRequestContext, slug: string): Promise<SlotView[]> {
  const res = await request.get(`/api/public/sites/${slug}/sessions`);
  expect(res.status()).toBe(200);
  const sessions = (await res.json()) as SessionView[];
  return sessions.filter((s) => s.status === 'planned').flatMap((s) => s.slots.filter((slot) => Date.parse(slot.start) > Date.now()));
}

async function seatsLeft(request: APIRequestContext, slug: string, slotId: string): Promise<number> {
  const slot = (await coming(request, slug)).find((s) => s.id === slotId);
  if (!slot) throw new Error(`No slot ${slotId} at ${slug}`);
  return slot.seatsLeft;
}

test.beforeAll(async ({ playwright, baseURL }, testInfo) => {
  const project = testInfo.project.name;
  const coordinator = await playwright.request.newContext({ baseURL, storageState: COORDINATOR_STATE });
  const headers = await xsrfHeaders(coordinator);
  const name = `Disklånebiblioteket ${project} ${Date.now()}`;
  const created = await coordinator.post('/api/sites', {
    headers,
    data: {
      name,
      address: 'Diskgatan 2, 411 20 Staden',
      directions: 'Vid informationsdisken på entréplan.',
      accessibilityNotes: 'Hiss och hörslinga.',
      contactPhone: '010-123 45 99',
      timeZone: 'Europe/Stockholm',
      languages: ['sv', 'ar'],
      active: true,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  site = (await created.json()) as typeof site;
  const today = new Date().toISOString().slice(0, 10);
  const schedule = await coordinator.post(`/api/sites/${site.id}/schedules`, {
    headers,
    data: { weekdays: [2, 4], startTime: '10:00', endTime: '11:00', validFrom: today, validUntil: null, slotMinutes: 30, seatsPerSlot: SEATS, dropIn: true, helpersNeeded: 1 },
  });
  expect(schedule.status(), await schedule.text()).toBe(201);

  // The site id is the one GET /api/sites lists for the coordinator.
  const listed = (await (await coordinator.get('/api/sites')).json()) as { id: string; name: string }[];
  expect(listed.find((s) => s.name === name)?.id).toBe(site.id);

  const email = uniqueEmail('bibliotek', project);
  const staffName = `Lena Disk ${project}`;
  const invited = await coordinator.post('/api/auth/invitations', { headers, data: { email, name: staffName, role: 'library-staff', siteId: site.id } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { inviteUrl } = (await invited.json()) as { inviteUrl: string };
  await coordinator.dispose();

  const person = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const token = new URL(inviteUrl).pathname.replace(/^\/inbjudan\//, '');
  const accepted = await person.post('/api/auth/invitations/accept', { data: { token, password: PASSWORD } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  const me = (await (await person.get('/api/auth/me')).json()) as { role: string; siteId?: string | null };
  expect(me).toMatchObject({ role: 'library-staff', siteId: site.id });
  staff = { email, name: staffName, state: await person.storageState() };
  await person.dispose();
});

test('library staff sign in, book a time for Samir at their own library, and the seat is taken', async ({ page, request }, testInfo) => {
  const email = uniqueEmail('samir', testInfo.project.name);

  await test.step('signs in and lands on the start page with a big "Boka åt någon"', async () => {
    await page.goto('/logga-in');
    await page.getByLabel('E-postadress').fill(staff.email);
    await page.getByLabel('Lösenord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page).toHaveURL(/\/personal$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hej ${staff.name}!`);
    await expect(page.getByText('Du är inloggad som bibliotekspersonal.')).toBeVisible();
    await page.getByRole('link', { name: 'Boka åt någon' }).click();
  });

  let before = 0;
  await test.step('sees only their own library and its free times', async () => {
    await expect(page).toHaveURL(/\/boka-at-nagon$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Boka åt någon');
    await expect(page.getByText(`Bibliotek: ${site.name}`)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Bibliotek' })).toHaveCount(0);
    const free = page.getByRole('radio', { name: /platser kvar$/ });
    await expect(free.first()).toBeVisible();
    await expectNoAxeViolations(page);

    await free.first().check();
    bookedSlotId = (await free.first().getAttribute('value')) ?? '';
    expect(bookedSlotId).not.toBe('');
    before = await seatsLeft(request, site.slug, bookedSlotId);
    expect(before).toBe(SEATS);
  });

  await test.step('types in what Samir says and books', async () => {
    await page.getByLabel('Förnamn eller smeknamn').fill('Samir');
    await page.getByLabel('E-post (frivilligt)').fill(email);
    await page.getByLabel('BankID och e-legitimation').check();
    await page.getByLabel('Skatteverket').check();
    await page.getByLabel('Ja', { exact: true }).check();
    const posted = page.waitForRequest((r) => r.url().endsWith('/api/staff/bookings') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Boka tiden' }).click();
    expect((await posted).postDataJSON()).toEqual({
      slotId: bookedSlotId,
      name: 'Samir',
      email,
      language: 'sv',
      topics: ['bankid', 'skatteverket'],
      ownDevice: true,
    });
  });

  await test.step('the receipt shows the reference to read out, and the e-mail reaches Samir', async () => {
    const heading = page.getByRole('heading', { level: 2, name: 'Klart! Samir har en tid' });
    await expect(heading).toBeFocused();
    await expect(page.locator('.receipt .reference')).toHaveText(/^\s*[A-Z0-9]{3}-[A-Z0-9]{3}\s*$/);
    const reference = ((await page.locator('.receipt .reference').textContent()) ?? '').trim();
    expect(reference).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    await expect(page.getByText(`Bekräftelsen och en påminnelse dagen innan skickas till ${email}`)).toBeVisible();
    await expect(page.getByLabel('Länk till bokningen')).toHaveValue(/\/bokning\/[^/?]+\?lang=sv$/);
    await expectNoAxeViolations(page);

    // On paper: only the slip with the reference, the place and what to bring.
    await page.emulateMedia({ media: 'print' });
    const slip = page.locator('dh-booking-slip');
    await expect(slip).toBeVisible();
    await expect(slip).toContainText(reference);
    await expect(slip).toContainText(site.name);
    await expect(slip).toContainText('Mobilen eller dosan du använder för BankID');
    await expect(page.getByRole('heading', { level: 1, name: 'Boka åt någon' })).toBeHidden();
    await expect(page.locator('.receipt')).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await expect(slip).toBeHidden();

    const mail = await mailTo(request, email, reference);
    expect(mail).toContain(site.name);
  });

  await test.step('the public page has one seat less at that time', async () => {
    expect(await seatsLeft(request, site.slug, bookedSlotId)).toBe(before - 1);
  });

  await test.step('"Boka en till" gives an empty form at the same library', async () => {
    await page.getByRole('button', { name: 'Boka en till' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Boka åt någon' })).toBeFocused();
    await expect(page.getByLabel('Förnamn eller smeknamn')).toHaveValue('');
    await expect(page.getByText(`Bibliotek: ${site.name}`)).toBeVisible();
    await expect(page.locator(`input[type="radio"][value="${bookedSlotId}"]`)).toHaveAccessibleName(/ 2 platser kvar$/);
  });
});

test('library staff may not book at another library (403 OTHER_SITE)', async ({ playwright, baseURL, request }) => {
  const other = (await coming(request, 'stadsbiblioteket')).find((s) => s.seatsLeft > 0);
  if (!other) throw new Error('Stadsbiblioteket has no free time to try');
  const api = await playwright.request.newContext({ baseURL, storageState: staff.state });
  const res = await api.post('/api/staff/bookings', {
    headers: await xsrfHeaders(api),
    data: { slotId: other.id, name: 'Samir', language: 'sv', topics: ['other'] },
  });
  expect(res.status(), await res.text()).toBe(403);
  expect(((await res.json()) as { code: string }).code).toBe('OTHER_SITE');
  await api.dispose();
});

test('staff bookings never put more people in a time than it has seats, also when sent at once', async ({ playwright, baseURL, request }, testInfo) => {
  const slot = (await coming(request, site.slug)).find((s) => s.id !== bookedSlotId && s.seatsLeft === SEATS);
  if (!slot) throw new Error('No untouched time at the test library');
  const api = await playwright.request.newContext({ baseURL, storageState: staff.state });
  const headers = await xsrfHeaders(api);
  const attempts = SEATS * 2 + 1;
  const answers = await Promise.all(
    Array.from({ length: attempts }, (_, i) =>
      api.post('/api/staff/bookings', {
        headers,
        data: { slotId: slot.id, name: `Person ${i + 1}`, email: uniqueEmail(`kapacitet-${i}`, testInfo.project.name), language: 'sv', topics: ['email'] },
      }),
    ),
  );
  const statuses = answers.map((a) => a.status());
  expect(statuses.filter((s) => s === 201)).toHaveLength(SEATS);
  expect(statuses.filter((s) => s === 409)).toHaveLength(attempts - SEATS);
  for (const answer of answers.filter((a) => a.status() === 409)) {
    expect(((await answer.json()) as { code: string }).code).toBe('SLOT_FULL');
  }
  expect(await seatsLeft(request, site.slug, slot.id)).toBe(0);
  await api.dispose();
});
