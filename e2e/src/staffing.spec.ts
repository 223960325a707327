import { expect, test, type Browser, type TestInfo } from '@playwright/test';
import { COORDINATOR_STATE } from './support/auth';
import { expectNoAxeViolations } from './support/axe';

/**
 * Both projects sign in as the same demo helper at the same time. Each takes a shift at a site of
 * its own, so one run never takes (or finds full) the shift the other one is about to take.
 */
const SITE_FOR_PROJECT: Record<string, string> = { desktop: 'Norrby bibliotek', phone: 'Västra Ängens bibliotek' };

/** A second browser context as the signed-in coordinator, with the same device as the test's project. */
async function asCoordinator(browser: Browser, baseURL: string | undefined, testInfo: TestInfo) {
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = testInfo.project.use;
  return browser.newContext({ baseURL, storageState: COORDINATOR_STATE, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });
}

test.describe('staffing', () => {
  test('a helper takes an open shift, and the coordinator sees them on that session', async ({ page, browser, baseURL }, testInfo) => {
    const site = SITE_FOR_PROJECT[testInfo.project.name] ?? 'Norrby bibliotek';
    let sessionId = '';

    await test.step('the helper signs in and lands on their shifts', async () => {
      await page.goto('/logga-in');
      await page.getByLabel('E-postadress').fill('helper2@example.org');
      await page.getByLabel('Lösenord', { exact: true }).fill('demo-helper');
      await page.getByRole('button', { name: 'Logga in' }).click();
      await expect(page).toHaveURL(/\/personal$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hej Maria Johansson!');
      await expect(page.getByRole('heading', { level: 2, name: 'Mina pass' })).toBeVisible();
    });

    await test.step(`takes the first open shift at ${site}`, async () => {
      const open = page.getByRole('region', { name: 'Lediga pass' });
      const shift = open.getByRole('listitem').filter({ has: page.getByRole('link', { name: site, exact: true }) }).first();
      const heading = shift.getByRole('heading', { level: 3 });
      // Open shifts come 50 a page, by start: other tests add sessions, so the site's may be further on.
      await expect(open.getByRole('heading', { level: 3 }).first()).toBeVisible();
      const nextPage = open.getByRole('button', { name: 'Nästa sida' });
      while ((await shift.count()) === 0 && (await nextPage.isVisible()) && (await nextPage.isEnabled())) {
        const first = await open.getByRole('heading', { level: 3 }).first().getAttribute('id');
        await nextPage.click();
        await expect(open.getByRole('heading', { level: 3 }).first()).not.toHaveAttribute('id', first ?? '');
      }
      sessionId = ((await heading.getAttribute('id')) ?? '').replace(/^open-/, '');
      expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
      const when = ((await heading.textContent()) ?? '').replace(/\s+/g, ' ').trim();

      await shift.getByRole('button', { name: /^Ta passet/ }).click();

      const mine = page.getByRole('region', { name: 'Mina pass' });
      const taken = mine.locator(`#mine-${sessionId}`);
      await expect(taken).toBeFocused();
      await expect(taken).toHaveText(when);
      await expect(mine.getByRole('listitem').filter({ has: page.locator(`#mine-${sessionId}`) })).toContainText(site);
      await expect(mine.getByRole('button', { name: new RegExp(`^Lämna passet ${when.toLocaleLowerCase('sv')} på ${site}$`) })).toBeVisible();
      await expect(page.locator(`#open-${sessionId}`)).toHaveCount(0);
      await expectNoAxeViolations(page);
    });

    await test.step('after a reload the shift is still under Mina pass', async () => {
      await page.reload();
      await expect(page.getByRole('region', { name: 'Mina pass' }).locator(`#mine-${sessionId}`)).toBeVisible();
    });

    // A new link revokes the old one, and both projects are the same helper: only one of them may
    // make links, or one run's link could stop working before it is fetched.
    if (testInfo.project.name === 'desktop') {
      await test.step('makes a private calendar link, and the feed lists the new shift', async () => {
        const calendar = page.getByRole('region', { name: 'Min kalender' });
        await calendar.getByRole('button', { name: 'Skapa kalenderlänk' }).click();
        const link = calendar.getByLabel('Din kalenderlänk');
        await expect(link).toBeFocused();
        await expect(link).toHaveValue(/\/api\/public\/calendars\/[^/]+\/shifts\.ics$/);
        const feed = await page.request.get(new URL(await link.inputValue()).pathname);
        expect(feed.status()).toBe(200);
        expect(await feed.text()).toContain(`Pass: Digihjälpen på ${site}`);
        await expect(calendar.getByRole('button', { name: 'Skapa en ny länk' })).toBeVisible();
        await expectNoAxeViolations(page);
      });
    }

    await test.step('the coordinator sees the helper on that session in the staffing overview', async () => {
      const context = await asCoordinator(browser, baseURL, testInfo);
      const coordinator = await context.newPage();
      await coordinator.goto('/samordnare/bemanning');
      await expect(coordinator.getByRole('heading', { level: 1, name: 'Bemanning' })).toBeVisible();
      await expect(coordinator.getByRole('link', { name: 'Bemanning' })).toHaveAttribute('aria-current', 'page');
      const session = coordinator.locator('li.session').filter({ has: coordinator.locator(`#session-${sessionId}`) });
      await expect(session).toContainText(site);
      await expect(session.getByRole('list', { name: /^Digivärdar på passet/ })).toContainText('Maria Johansson');
      await expect(coordinator.getByText(/\d+ träff(ar)? saknar digivärdar|Alla träffar de kommande 4 veckorna/).first()).toBeVisible();
      await expectNoAxeViolations(coordinator);
      await context.close();
    });
  });

  test.describe('with the coordinator signed in', () => {
    test.use({ storageState: COORDINATOR_STATE, permissions: ['clipboard-read', 'clipboard-write'] });

    test('invites a helper, puts them on a session, and takes them off again after confirming', async ({ page, playwright, baseURL }, testInfo) => {
      const name = `Testa Digivärdsson ${testInfo.project.name} ${Date.now()}`;
      let inviteUrl = '';

      await test.step('invites the helper on the Personal page', async () => {
        await page.goto('/samordnare');
        await page.getByRole('navigation', { name: 'Samordnare' }).getByRole('link', { name: 'Personal' }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Personal' })).toBeVisible();
        await page.getByRole('button', { name: 'Skicka inbjudan' }).click();
        await expect(page.getByLabel('Namn')).toHaveAttribute('aria-invalid', 'true');
        await expect(page.getByLabel('Namn')).toHaveAccessibleDescription(/Skriv personens namn\./);

        await page.getByLabel('Namn').fill(name);
        await page.getByLabel('E-postadress').fill(`testa-${testInfo.project.name}-${Date.now()}@example.org`);
        await page.getByLabel('Roll', { exact: true }).selectOption('helper');
        await page.getByRole('button', { name: 'Skicka inbjudan' }).click();
        await expect(page.getByRole('heading', { level: 2, name: `Inbjudan skickad till ${name}` })).toBeFocused();
        const link = page.getByLabel('Inbjudningslänk');
        await expect(link).toHaveValue(/\/inbjudan\/[A-Za-z0-9_-]{20,}$/);
        await page.getByRole('button', { name: 'Kopiera länken' }).click();
        await expect(page.getByText('Länken är kopierad.')).toBeVisible();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await link.inputValue());
        await expect(page.getByText('Länken gäller i 7 dagar och är hemlig:')).toBeVisible();
        await expect(page.getByText('När hen har valt ett lösenord kan du ge hen pass under Bemanning.')).toBeVisible();
        await expectNoAxeViolations(page);
        inviteUrl = await link.inputValue();
      });

      // Only people who have chosen a password can be put on a session (a pending invitation cannot work a shift).
      await test.step('the helper accepts the invitation, on a device of their own', async () => {
        // An empty state: the test's own storageState (the coordinator's cookies) would otherwise apply here too.
        const helper = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
        const token = new URL(inviteUrl).pathname.replace(/^\/inbjudan\//, '');
        const accepted = await helper.post('/api/auth/invitations/accept', { data: { token, password: 'grön spårvagn vid biblioteket' } });
        expect(accepted.status()).toBe(200);
        await helper.dispose();
      });

      await test.step('adds the helper to a session at Stadsbiblioteket', async () => {
        await page.getByRole('navigation', { name: 'Samordnare' }).getByRole('link', { name: 'Bemanning' }).click();
        const session = page
          .locator('li.session')
          .filter({ has: page.getByRole('link', { name: 'Stadsbiblioteket', exact: true }) })
          .filter({ has: page.getByRole('button', { name: /^Lägg till digivärd/ }) })
          .first();
        const heading = session.getByRole('heading', { level: 3 });
        const id = (await heading.getAttribute('id')) ?? '';
        const sameSession = page.locator('li.session').filter({ has: page.locator(`[id="${id}"]`) });

        // 5,000 helpers nationally: the coordinator searches by name and picks from the matches.
        await sameSession.getByRole('button', { name: /^Lägg till digivärd/ }).click();
        const search = sameSession.getByLabel(/^Sök digivärd att lägga till/);
        await expect(search).toBeFocused();
        await search.fill(name.split(' ')[0] ?? name);
        await sameSession.getByRole('list', { name: 'Digivärdar att välja' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
        await expect(sameSession.getByRole('list', { name: /^Digivärdar på passet/ })).toContainText(name);

        await sameSession.getByRole('button', { name: new RegExp(`^Ta bort ${name}`) }).click();
        const dialog = page.getByRole('dialog', { name: `Ta bort ${name} från passet?` });
        await expect(dialog).toBeVisible();
        await dialog.getByRole('button', { name: 'Nej, behåll' }).click();
        await expect(dialog).toBeHidden();
        await expect(sameSession).toContainText(name);

        await sameSession.getByRole('button', { name: new RegExp(`^Ta bort ${name}`) }).click();
        await dialog.getByRole('button', { name: 'Ja, ta bort' }).click();
        await expect(dialog).toBeHidden();
        await expect(sameSession.getByRole('button', { name: new RegExp(`^Ta bort ${name}`) })).toHaveCount(0);
        await expect(page.locator(`[id="${id}"]`)).toBeFocused();
      });
    });
  });
});
