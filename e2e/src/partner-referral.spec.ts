import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { COORDINATOR_STATE, xsrfHeaders } from './support/auth';
import { expectNoAxeViolations } from './support/axe';
import { daytimeZone, wallTimeAt } from './support/desk';

/**
 * A partner (a skills centre) makes a referral code; people book with it, come and get help; the
 * partner's figures and the coordinator's statistics both count them. Everything a partner sees is
 * hidden below 5, so five people are referred: one books through the real booking page opened from the
 * code's link, four through the public API. A helper of the test's own checks them in and logs their
 * visits, which the desk allows only on the helper's own shift of a session that has started or starts
 * within 30 minutes: so the session starts now. Tests run in parallel on one database, so the partner,
 * the library and the helper are the test's own.
 */

/** The partner's office computer. */
test.use({ viewport: { width: 1366, height: 768 } });

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

const PASSWORD = 'hänvisar personer till biblioteket';
const PEOPLE = 5;

interface Invited {
  id: string;
  /** Signed in by accepting the invitation. */
  context: APIRequestContext;
}

/** A person of the test's own, invited by the demo coordinator and signed in by accepting the invitation. */
async function invite(
  coordinator: APIRequestContext,
  fresh: () => Promise<APIRequestContext>,
  name: string,
  role: 'helper' | 'partner',
  extra: { partnerId?: string } = {},
): Promise<Invited> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.org`;
  const invited = await coordinator.post('/api/auth/invitations', { headers: await xsrfHeaders(coordinator), data: { email, name, role, ...extra } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { user, inviteUrl } = (await invited.json()) as { user: { id: string }; inviteUrl: string };
  const context = await fresh();
  const token = new URL(inviteUrl).pathname.replace(/^\/inbjudan\//, '');
  const accepted = await context.post('/api/auth/invitations/accept', { data: { token, password: PASSWORD } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  return { id: user.id, context };
}

/** YYYY-MM-DD, `days` from today (UTC): the partner's period and the dashboard's cover the session in any zone. */
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A step of the partner's funnel, or an outcome, by its label: its number in text. */
const barValue = (page: Page, label: string): Locator =>
  page
    .locator('dh-referral-funnel figure li')
    .filter({ has: page.locator('.label', { hasText: new RegExp(`^${label}`) }) })
    .locator('.value');

test('a partner’s referral code: five people book with it and come, and the partner and the coordinator see them counted', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  // Set-up of a partner, a library and a helper, a booking, five visits and two sets of figures: a long journey (three times the default timeout).
  test.slow();
  const tag = `${testInfo.project.name === 'desktop' ? 'D' : 'P'}${Date.now().toString(36)}`;
  const partnerName = `Kompetenscenter ${tag}`;
  const siteName = `Hänvisningsbiblioteket ${tag}`;
  const fresh = () => playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const coordinator = await playwright.request.newContext({ baseURL, storageState: COORDINATOR_STATE });
  const headers = await xsrfHeaders(coordinator);

  let partnerId = '';
  let partnerState: StorageState | undefined;
  let helper: Invited | undefined;
  let sessionId = '';
  /** The later half hour: still bookable on the booking page while the earlier one is about to start. */
  let slot = { id: '', start: '' };

  await test.step('set-up through the API: a partner with one staff member, a library with a session starting now and a helper on shift', async () => {
    const partner = await coordinator.post('/api/partners', { headers, data: { name: partnerName } });
    expect(partner.status(), await partner.text()).toBe(201);
    partnerId = ((await partner.json()) as { id: string }).id;
    const partnerUser = await invite(coordinator, fresh, `Lina Berg ${tag}`, 'partner', { partnerId });
    partnerState = await partnerUser.context.storageState();
    await partnerUser.context.dispose();
    helper = await invite(coordinator, fresh, `Samir Holm ${tag}`, 'helper');

    const zone = daytimeZone();
    const site = await coordinator.post('/api/sites', {
      headers,
      data: { name: siteName, address: 'Hänvisningsgatan 5', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: zone, languages: ['sv'], active: true },
    });
    expect(site.status(), await site.text()).toBe(201);
    const siteId = ((await site.json()) as { id: string }).id;

    // The next whole minute at least a second away (a minute later if that is taken); an hour of two half hours, five seats each.
    interface Created {
      id: string;
      slots: { id: string; start: string }[];
    }
    let session: Created | undefined;
    for (let extra = 0; session === undefined && extra < 5; extra += 1) {
      const startMs = Date.now() + 61_000 + extra * 60_000;
      const start = wallTimeAt(startMs, zone);
      const end = wallTimeAt(startMs + 60 * 60_000, zone);
      expect(end.date, 'the session ends on the day it starts').toBe(start.date);
      const created = await coordinator.post(`/api/sites/${siteId}/sessions`, {
        headers,
        data: { date: start.date, startTime: start.time, endTime: end.time, slotMinutes: 30, seatsPerSlot: PEOPLE, dropIn: true, helpersNeeded: 1 },
      });
      if (created.status() === 201) session = (await created.json()) as Created;
      else expect(created.status(), await created.text()).toBe(400);
    }
    if (!session) throw new Error('Could not create a session starting now');
    sessionId = session.id;
    const later = [...session.slots].sort((a, b) => a.start.localeCompare(b.start)).at(-1);
    if (!later) throw new Error('The session has no slots');
    slot = { id: later.id, start: wallTimeAt(Date.parse(later.start), zone).time };

    const shift = await coordinator.post(`/api/sessions/${session.id}/shifts`, { headers, data: { helperId: helper.id } });
    expect(shift.ok(), await shift.text()).toBe(true);
  });

  const partnerPage = await (await browser.newContext({ baseURL, storageState: partnerState, viewport: { width: 1366, height: 768 } })).newPage();
  let code = '';
  let link = '';

  await test.step('the partner makes a code for the library on their page, with a link and a slip to print', async () => {
    await partnerPage.goto('/partner');
    await expect(partnerPage.getByRole('heading', { level: 1, name: 'Hänvisningar' })).toBeVisible();
    await expect(partnerPage.getByRole('link', { name: 'Boka åt någon' })).toHaveAttribute('href', '/boka-at-nagon');
    await expect(partnerPage.getByText('Det finns inga aktiva koder.')).toBeVisible();
    await expect(partnerPage.locator('.shown')).toContainText(partnerName);
    await expectNoAxeViolations(partnerPage);

    // Nothing filled in: the summary says what is missing.
    await partnerPage.getByRole('button', { name: 'Skapa koden' }).click();
    await expect(partnerPage.getByRole('link', { name: 'Bibliotek: Välj vilket bibliotek koden leder till.' })).toBeVisible();

    await partnerPage.getByLabel('Vad är koden till för?').fill('Jobbcoachning e2e');
    await partnerPage.getByLabel('Bibliotek', { exact: true }).selectOption({ label: siteName });
    await partnerPage.getByRole('button', { name: 'Skapa koden' }).click();
    const done = partnerPage.getByRole('status').filter({ hasText: /^Koden [2-9A-Z]{4}-[2-9A-Z]{4} är skapad\./ });
    await expect(done).toBeFocused();
    code = /Koden (\S+) är skapad/.exec((await done.textContent()) ?? '')?.[1] ?? '';
    expect(code).not.toBe('');

    const card = partnerPage.getByRole('listitem').filter({ has: partnerPage.getByRole('heading', { name: code }) });
    await expect(card).toContainText('Jobbcoachning e2e');
    await expect(card).toContainText(`${siteName} · skapad`);
    await expect(card).toContainText('Aktiv');
    link = await card.getByLabel(`Länk med koden ${code}`).inputValue();
    expect(link).toMatch(new RegExp(`/bibliotek/[^/]+/boka\\?ref=${code}$`));

    const slip = card.getByRole('link', { name: `Skriv ut lapp med koden ${code} (PDF, öppnas i en ny flik)` });
    await expect(slip).toHaveAttribute('target', '_blank');
    const pdf = await partnerPage.request.get((await slip.getAttribute('href')) ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await expectNoAxeViolations(partnerPage);
  });

  await test.step('a help-seeker opens the link and books through the booking page', async () => {
    const visitor = await (await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 } })).newPage();
    const opened = visitor.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/public/referrals/${code}/opened`));
    await visitor.goto(new URL(link).pathname + new URL(link).search);
    await opened;
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(/^Steg 1 av 4/);
    await visitor.getByRole('radio', { name: new RegExp(`^${slot.start}–`) }).check();
    await visitor.getByRole('button', { name: 'Nästa' }).click();
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(/^Steg 2 av 4/);
    await visitor.getByLabel('BankID och e-legitimation', { exact: true }).check();
    await visitor.getByRole('button', { name: 'Nästa' }).click();
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(/^Steg 3 av 4/);
    await visitor.getByLabel('Förnamn eller smeknamn').fill('Person 1');
    await visitor.getByRole('button', { name: 'Nästa' }).click();
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(/^Steg 4 av 4/);
    await expect(visitor.getByText(code)).toBeVisible();
    const posted = visitor.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/public/bookings'));
    await visitor.getByRole('button', { name: 'Boka', exact: true }).click();
    expect((await posted).postDataJSON()).toMatchObject({ slotId: slot.id, ref: code });
    await expect(visitor.getByRole('heading', { level: 1, name: 'Klart! Du har bokat en tid' })).toBeVisible();
    await visitor.context().close();
  });

  await test.step('four more open the link and book through the public API', async () => {
    for (let n = 2; n <= PEOPLE; n += 1) {
      const person = await fresh();
      const opened = await person.post(`/api/public/referrals/${encodeURIComponent(code)}/opened`);
      expect(opened.status()).toBe(204);
      const booked = await person.post('/api/public/bookings', {
        headers: { 'Accept-Language': 'sv' },
        data: { slotId: slot.id, name: `Person ${n}`, language: 'sv', topics: ['bankid'], ref: code },
      });
      expect(booked.status(), await booked.text()).toBe(201);
      await person.dispose();
    }
  });

  await test.step('the helper checks the five in and logs their visits', async () => {
    if (!helper) throw new Error('No helper');
    const api = helper.context;
    const helperHeaders = await xsrfHeaders(api);
    const checkIn = await api.post(`/api/desk/sessions/${sessionId}/check-in`, { headers: helperHeaders });
    expect(checkIn.status(), await checkIn.text()).toBe(204);

    const today = await api.get('/api/desk/today');
    expect(today.status()).toBe(200);
    const desk = ((await today.json()) as { session: { id: string }; bookings: { id: string; name: string }[] }[]).find((d) => d.session.id === sessionId);
    expect(desk?.bookings.map((b) => b.name).sort()).toEqual(['Person 1', 'Person 2', 'Person 3', 'Person 4', 'Person 5']);
    for (const booking of desk?.bookings ?? []) {
      const attended = await api.put(`/api/desk/bookings/${booking.id}/attendance`, { headers: helperHeaders, data: { attendance: 'checked-in' } });
      expect(attended.status(), await attended.text()).toBe(204);
      const visit = await api.post('/api/visits', {
        headers: helperHeaders,
        data: {
          clientId: randomUUID(),
          sessionId,
          bookingId: booking.id,
          categories: ['bankid'],
          civicInformation: false,
          device: 'own-phone',
          language: 'sv',
          durationMinutes: 20,
          outcome: 'solved',
          referredTo: null,
          cameVia: 'booked',
          returning: 'no',
          note: null,
        },
      });
      expect(visit.status(), await visit.text()).toBe(201);
    }
    await api.dispose();
  });

  await test.step('the partner’s figures count five referred, booked and come, all solved', async () => {
    await partnerPage.reload();
    await expect(partnerPage.getByRole('heading', { level: 1, name: 'Hänvisningar' })).toBeVisible();
    // A period around today: the session's date in its own zone may be a day off the server's.
    await partnerPage.getByLabel('Från och med').fill(dayFromToday(-2));
    await partnerPage.getByLabel('Till och med').fill(dayFromToday(2));
    await partnerPage.getByRole('button', { name: 'Visa siffrorna för perioden' }).click();
    await expect(barValue(partnerPage, 'Hänvisade')).toHaveText(String(PEOPLE));
    await expect(barValue(partnerPage, 'Bokade')).toHaveText(String(PEOPLE));
    await expect(barValue(partnerPage, 'Kom')).toHaveText(String(PEOPLE));
    await expect(barValue(partnerPage, 'Löst')).toHaveText(String(PEOPLE));
    await expect(partnerPage.getByText(`Av ${PEOPLE} som bokade kom ${PEOPLE}.`)).toBeVisible();
    await expectNoAxeViolations(partnerPage);
    await partnerPage.context().close();
  });

  await test.step('the coordinator’s statistics count them as come via the partner, and the partner page shows the partner', async () => {
    const dashboard = await coordinator.get('/api/insights/dashboard', { params: { from: dayFromToday(-2), to: dayFromToday(2) } });
    expect(dashboard.status(), await dashboard.text()).toBe(200);
    const { cameVia } = (await dashboard.json()) as { cameVia: { key: string; label: string; count: number | null }[] };
    const row = cameVia.find((r) => r.key === `partner:${partnerId}`);
    expect(row, JSON.stringify(cameVia)).toBeDefined();
    expect(row?.label).toContain(partnerName);
    expect(row?.count ?? 0).toBeGreaterThanOrEqual(PEOPLE);

    // The same sign-in as the API calls above (read once, at the start).
    const office = await (await browser.newContext({ baseURL, storageState: await coordinator.storageState(), viewport: { width: 1366, height: 768 } })).newPage();
    // The referral chart on the statistics page, as a table: the partner's row.
    await office.goto(`/samordnare/statistik?fran=${dayFromToday(-2)}&till=${dayFromToday(2)}`);
    const cameViaChart = office.getByRole('group', { name: 'Hur personerna kom' });
    await cameViaChart.getByRole('button', { name: 'Visa som tabell – Hur personerna kom' }).click();
    const viaRow = cameViaChart.getByRole('row').filter({ has: office.getByRole('rowheader', { name: `Via ${partnerName}` }) });
    await expect(viaRow.getByRole('cell')).toHaveText([String(row?.count)]);
    await office.goto('/samordnare/partner');
    await expect(office.getByRole('heading', { level: 1, name: 'Partner' })).toBeVisible();
    await expect(office.getByRole('navigation', { name: 'Samordnare' }).getByRole('link', { name: 'Partner', exact: true })).toHaveAttribute('aria-current', 'page');
    const partnerRow = office.getByRole('row').filter({ has: office.getByRole('rowheader', { name: partnerName, exact: true }) });
    await expect(partnerRow.getByRole('cell')).toHaveText(['1', '1', /Visa siffror och koder/]);
    await partnerRow.getByRole('button', { name: `Visa siffror och koder för ${partnerName}` }).click();
    await expect(office.getByRole('heading', { level: 2, name: partnerName })).toBeFocused();
    await expect(office.getByRole('heading', { level: 5, name: code })).toBeVisible();
    await expect(office.locator('dh-referral-funnel .shown')).toContainText(partnerName);
    await expectNoAxeViolations(office);
    await office.context().close();
  });

  await coordinator.dispose();
});
