import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR_STATE, xsrfHeaders } from './support/auth';
import { expectNoAxeViolations } from './support/axe';

const ZONE = 'Europe/Stockholm';
/** A local date (YYYY-MM-DD) in Stockholm, `days` from today. */
const dateIn = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + days * 86_400_000));

/** The box of one day on the public site page: its heading and the sessions under it. */
const dayCards = (page: Page, day: RegExp) => page.locator('li.day').filter({ has: page.getByRole('heading', { level: 3, name: day }) });

test.describe('coordinator changes a site', () => {
  test.use({ storageState: COORDINATOR_STATE });

  test('moves the schedule from Tuesday to Wednesday, adds an extra session and pauses the site; visitors see each change', async ({
    page,
    context,
  }, testInfo) => {
    // Set-up, four pages checked with axe, three forms and two visits to the public page: a long journey.
    test.slow();
    // Tests share one database and run in parallel: the site gets a name no other run uses.
    const name = `Ändringsbiblioteket ${testInfo.project.name} ${Date.now()}`;
    const headers = await xsrfHeaders(context);
    let id = '';
    let slug = '';
    let bookedTuesday = '';

    await test.step('set-up through the API: a site with Tuesday drop-ins, and a helper on the first one', async () => {
      const site = await page.request.post('/api/sites', {
        headers,
        data: { name, address: 'Ändringsgatan 1', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: ZONE, languages: ['sv'], active: true },
      });
      expect(site.status()).toBe(201);
      ({ id, slug } = (await site.json()) as { id: string; slug: string });
      // From tomorrow, so no session has already started today.
      const schedule = await page.request.post(`/api/sites/${id}/schedules`, {
        headers,
        data: { weekdays: [2], startTime: '10:00', endTime: '12:00', validFrom: dateIn(1), validUntil: null, slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 1 },
      });
      expect(schedule.status()).toBe(201);
      const sessions = (await (await page.request.get(`/api/sites/${id}/sessions`)).json()) as { id: string }[];
      bookedTuesday = sessions[0]?.id ?? '';
      const helpers = (await (await page.request.get('/api/helpers?q=helper@example.org')).json()).items as { id: string; email: string }[];
      const helper = helpers.find((h) => h.email === 'helper@example.org');
      expect(helper).toBeDefined();
      const shift = await page.request.post(`/api/sessions/${bookedTuesday}/shifts`, { headers, data: { helperId: helper?.id } });
      expect(shift.ok()).toBe(true);
    });

    await test.step('changes the schedule to Wednesdays, with a live preview of the new dates', async () => {
      await page.goto(`/samordnare/platser/${id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page.locator('.site-status')).toContainText('Status: Aktiv');
      await page.getByRole('button', { name: /^Ändra schemat/ }).click();
      await expect(page.getByRole('heading', { level: 3, name: 'Ändra schemat: Tisdagar 10:00–12:00' })).toBeFocused();
      await expect(page.getByLabel('Tisdag')).toBeChecked();

      await page.getByLabel('Tisdag').uncheck();
      await page.getByLabel('Onsdag').check();
      const preview = page.getByRole('region', { name: 'Datum de närmaste 8 veckorna' });
      await expect(preview).toContainText(/Schemat ger \d+ träffar/);
      await expect(preview.getByRole('listitem').first()).toHaveText(/^ons \d+ .+, 10:00–12:00$/);
      await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    });

    await test.step('sees what happened, and cancels the Tuesday that has a helper', async () => {
      await expect(page.getByRole('heading', { level: 3, name: 'Schemat är ändrat' })).toBeFocused();
      await expect(page.locator('.result')).toContainText(/\d+ nya träffar, \d+ borttagna\./);
      await expect(page.locator('.schedules .when')).toHaveText('Onsdagar 10:00–12:00');
      await expect(page.getByRole('heading', { level: 4, name: 'Träffar som har bokningar eller digivärdar och därför ligger kvar' })).toBeVisible();
      const kept = page.locator('.kept li');
      await expect(kept).toHaveCount(1);
      await expect(kept.locator('.kept-when')).toHaveText(/^\s*Tisdag \d+ \p{L}+ 10:00–12:00\s*$/u);
      await expect(kept).toContainText('1 digivärd');
      await expectNoAxeViolations(page);

      await kept.getByRole('button', { name: /^Ställ in träffen Tisdag/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Ställa in träffen?' });
      await dialog.getByLabel('Varför ställs träffen in?').fill('Drop-in flyttas till onsdagar.');
      await dialog.getByRole('button', { name: 'Ja, ställ in träffen' }).click();
      await expect(dialog).toBeHidden();
      await expect(kept).toContainText('Inställd');
      await expect(page.locator(`#kept-${bookedTuesday}`)).toBeFocused();
      await expect(page.locator('li.session').filter({ has: page.locator(`#session-${bookedTuesday}`) })).toContainText('Inställd – Drop-in flyttas till onsdagar.');
    });

    // Not a Tuesday: visitors must then see no Tuesday session that will happen (on a Saturday, three days on is a Tuesday).
    const extraDate = [3, 4].map(dateIn).find((d) => new Date(`${d}T12:00:00Z`).getUTCDay() !== 2) as string;
    await test.step('adds an extra session, which appears in the list with focus', async () => {
      await page.getByRole('button', { name: 'Lägg till en extra träff' }).click();
      await expect(page.getByRole('heading', { level: 3, name: 'Lägg till en extra träff' })).toBeFocused();
      await page.getByRole('button', { name: 'Spara den extra träffen' }).click();
      await expect(page.getByLabel('Datum', { exact: true })).toHaveAccessibleDescription('Välj vilket datum den extra träffen är.');

      await page.getByLabel('Datum', { exact: true }).fill(extraDate);
      await page.getByLabel('Börjar').fill('17:00');
      await page.getByLabel('Slutar').fill('19:00');
      await page.getByLabel('Platser per tid').fill('3');
      await page.getByRole('button', { name: 'Spara den extra träffen' }).click();
      await expect(page.locator('li.session h3:focus')).toContainText('17:00–19:00');
      await expect(page.locator('li.session').filter({ has: page.locator('h3:focus') })).toContainText('Drop-in, extra träff');
    });

    await test.step('visitors see Wednesdays and the extra session, and no Tuesday that will happen', async () => {
      await page.goto(`/bibliotek/${slug}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(dayCards(page, /^Onsdag/).first().locator('.time').first()).toHaveText('10:00–12:00');
      // Eight weeks from tomorrow hold at least seven Wednesdays.
      await expect.poll(() => dayCards(page, /^Onsdag/).count()).toBeGreaterThanOrEqual(7);
      await expect(dayCards(page, /^Tisdag/).locator('li.session:not(.cancelled)')).toHaveCount(0);
      const extra = page.locator('li.session').filter({ hasText: '17:00–19:00' });
      await expect(extra).toHaveCount(1);
      await expect(extra).toContainText('12 platser kvar att boka');
      await expect(page.locator('li.day').filter({ has: extra }).locator('time').first()).toHaveAttribute('datetime', extraDate);
      await expectNoAxeViolations(page);
    });

    await test.step('pauses the site', async () => {
      await page.goto(`/samordnare/platser/${id}`);
      await page.getByRole('button', { name: 'Ändra platsen' }).click();
      await expect(page.getByRole('heading', { level: 2, name: 'Ändra platsen' })).toBeFocused();
      await expect(page.getByLabel('Namn')).toHaveValue(name);
      await expect(page.getByLabel('Aktiv – syns för besökare')).toBeChecked();
      await page.getByLabel('Pausad – syns inte för besökare').check();
      await page.getByRole('button', { name: 'Spara ändringarna' }).click();
      await expect(page.getByText('Ändringarna är sparade. Platsen är pausad och syns inte för besökare.')).toBeFocused();
      await expect(page.locator('.site-status')).toHaveText(/Status:\s*Pausad\s*Platsen syns inte för besökare\./);
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'Alla platser' }).click();
      const listed = page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
      await expect(listed).toContainText('Pausad');
    });

    await test.step('visitors no longer find it', async () => {
      await context.clearCookies();
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 3, name: 'Stadsbiblioteket', exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { level: 3, name, exact: true })).toHaveCount(0);
      await page.goto(`/bibliotek/${slug}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vi hittar inte det biblioteket');
    });
  });
});
