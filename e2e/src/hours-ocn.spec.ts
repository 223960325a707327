import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { COORDINATOR_STATE, xsrfHeaders } from './support/auth';
import { expectNoAxeViolations } from './support/axe';

/** The demo coordinator (the run's stored sign-in) assesses; a second coordinator quality-assures. */
const ASSESSOR = 'Karin Lindqvist';
const MODULE = 'Digital vägledning för andra';
const CRITERIA = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2'];

/** The coordinators' office computers and the library laptop. */
test.use({ viewport: { width: 1366, height: 768 } });

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * A person of the test's own, invited by the demo coordinator and signed in by accepting the invitation
 * (tests run in parallel on one database: nobody else touches their hours or portfolio).
 */
async function invitedPerson(coordinator: APIRequestContext, newContext: () => Promise<APIRequestContext>, name: string, role: 'helper' | 'coordinator'): Promise<StorageState> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.org`;
  const invited = await coordinator.post('/api/auth/invitations', { headers: await xsrfHeaders(coordinator), data: { email, name, role } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { inviteUrl } = (await invited.json()) as { inviteUrl: string };
  const person = await newContext();
  const token = new URL(inviteUrl).pathname.replace(/^\/inbjudan\//, '');
  const accepted = await person.post('/api/auth/invitations/accept', { data: { token, password: 'lång fras för ett test av validering' } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  const state = await person.storageState();
  await person.dispose();
  return state;
}

async function pageFor(browser: Browser, baseURL: string | undefined, storageState: string | StorageState): Promise<Page> {
  const context = await browser.newContext({ baseURL, storageState, viewport: { width: 1366, height: 768 } });
  return context.newPage();
}

const normalised = (text: string) => text.replace(/\s+/g, ' ');

test('hours become evidence; a coordinator assesses a module, a second one quality-assures it, and the helper downloads the signed portfolio', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  // Three people in three browsers, eight pages checked with axe and a PDF: a long journey (three times the default timeout).
  test.slow();
  const tag = `${testInfo.project.name === 'desktop' ? 'D' : 'P'}${Date.now().toString(36)}`;
  const helperName = `Nadia Berg ${tag}`;
  const assurerName = `Omar Kvist ${tag}`;
  const fresh = () => playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const coordinatorApi = await playwright.request.newContext({ baseURL, storageState: COORDINATOR_STATE });
  const helperState = await invitedPerson(coordinatorApi, fresh, helperName, 'helper');
  const assurerState = await invitedPerson(coordinatorApi, fresh, assurerName, 'coordinator');
  await coordinatorApi.dispose();

  const helper = await pageFor(browser, baseURL, helperState);
  const coordinator = await pageFor(browser, baseURL, COORDINATOR_STATE);
  const assurer = await pageFor(browser, baseURL, assurerState);

  await test.step('the helper adds time for a training day on their hours page', async () => {
    await helper.goto('/personal');
    await helper.getByRole('navigation', { name: 'Personal' }).getByRole('link', { name: 'Mina timmar' }).click();
    await expect(helper.getByRole('heading', { level: 1, name: 'Mina timmar' })).toBeVisible();
    await expect(helper.getByText('Du har ingen tid rapporterad')).toBeVisible();
    await expectNoAxeViolations(helper);

    // Nothing chosen: the summary says what is missing and the fields are marked.
    await helper.getByRole('button', { name: 'Spara tiden' }).click();
    await expect(helper.getByRole('link', { name: 'Vad gjorde du: Välj vad du gjorde.' })).toBeVisible();
    await expect(helper.getByLabel('Timmar', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await helper.getByLabel('Timmar', { exact: true }).fill('2');
    await helper.getByLabel('Minuter', { exact: true }).fill('30');
    await helper.getByLabel(/^Utbildning/).check();
    await helper.getByLabel('Reflektion (frivillig)').fill('Kurs om BankID och bedrägerier. Jag lärde mig att låta personen skriva sina koder själv.');
    await helper.getByRole('button', { name: 'Spara tiden' }).click();
    await expect(helper.getByRole('status').filter({ hasText: 'Tiden är sparad: utbildning' })).toBeFocused();
    const row = helper.getByRole('row').filter({ hasText: 'Utbildning' });
    await expect(row).toContainText('2 timmar 30 minuter');
    await expect(row).toContainText('Väntar på godkännande');
  });

  await test.step('the coordinator finds it in the queue, approves it and puts the helper in an organisation', async () => {
    await coordinator.goto('/samordnare');
    await coordinator.getByRole('navigation', { name: 'Samordnare' }).getByRole('link', { name: 'Timmar' }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: 'Timmar' })).toBeVisible();
    const entry = coordinator.getByLabel(new RegExp(`^${helperName}, .*, Utbildning, 2 timmar 30 minuter$`));
    await expect(entry).toBeVisible();
    await expectNoAxeViolations(coordinator);
    await entry.check();
    await coordinator.getByRole('button', { name: 'Godkänn 1 tidrapport' }).click();
    await expect(coordinator.getByRole('status').filter({ hasText: '1 tidrapport är godkänd.' })).toBeVisible();
    await expect(entry).toHaveCount(0);

    await coordinator.getByLabel('Sök digivärd', { exact: true }).fill(helperName);
    await coordinator.getByLabel(`Organisation för ${helperName}`).selectOption({ label: 'Fontänhuset' });
    await coordinator.getByRole('button', { name: `Spara organisation för ${helperName}` }).click();
    await expect(coordinator.getByRole('status').filter({ hasText: `${helperName} hör nu till Fontänhuset.` })).toBeVisible();

    await coordinator.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Fontänhuset' });
    await coordinator.getByRole('button', { name: 'Visa rapporten' }).click();
    await expect(coordinator.getByRole('row', { name: new RegExp(`^${helperName} 2,5 timmar`) })).toBeVisible();
    await expect(coordinator.getByRole('link', { name: /^Ladda ner PDF/ })).toHaveAttribute('href', /\/report\.pdf\?month=\d{4}-\d\d$/);
    await expectNoAxeViolations(coordinator);
  });

  await test.step('the helper sees the time approved and links it, and a reflection, to the module’s criteria', async () => {
    await helper.reload();
    await expect(helper.getByRole('row').filter({ hasText: 'Utbildning' })).toContainText('Godkänd');
    const module = helper.getByRole('listitem').filter({ has: helper.getByRole('heading', { name: MODULE }) });
    await expect(module.getByRole('progressbar', { name: 'Bevis' })).toHaveAttribute('aria-valuetext', '0 av 8 kriterier har bevis');
    await expect(module).toContainText('2,5 av 30 timmar');
    await module.getByRole('link', { name: MODULE }).click();
    await expect(helper.getByRole('heading', { level: 1, name: MODULE })).toBeVisible();
    await expect(helper.getByRole('heading', { level: 4, name: /^1\.1 Ta reda på vad personen behöver hjälp med/ })).toBeVisible();
    await expectNoAxeViolations(helper);

    const form = helper.getByRole('region', { name: 'Lägg till bevis' });
    await form.getByLabel('Godkända timmar', { exact: true }).check();
    await form.getByLabel(/^1\.1 /).check();
    await form.getByLabel(/^1\.2 /).check();
    await form.getByLabel(/: Utbildning, 2 timmar 30 minuter/).check();
    await form.getByRole('button', { name: 'Lägg till beviset' }).click();
    await expect(form.getByText('Beviset är tillagt för kriterierna 1.1, 1.2.')).toBeFocused();

    await form.getByLabel('Reflektion', { exact: true }).check();
    for (const number of CRITERIA) await form.getByLabel(new RegExp(`^${number.replace('.', '\\.')} `)).check();
    await form.getByLabel('Din reflektion').fill('Jag frågar först vad personen vill göra, visar steg för steg och låter hen göra det själv.');
    await form.getByRole('button', { name: 'Lägg till beviset' }).click();
    await expect(form.getByText(`Beviset är tillagt för kriterierna ${CRITERIA.join(', ')}.`)).toBeVisible();
    await expect(helper.getByRole('progressbar', { name: 'Bevis' })).toHaveAttribute('aria-valuetext', '8 av 8 kriterier har bevis');
  });

  let portfolioUrl = '';
  await test.step('the coordinator adds an observation and assesses every criterion as met', async () => {
    await coordinator.getByRole('navigation', { name: 'Samordnare' }).getByRole('link', { name: 'Validering (OCN)' }).click();
    await expectNoAxeViolations(coordinator);
    await coordinator.getByRole('link', { name: helperName }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: `${helperName}: moduler` })).toBeVisible();
    await expectNoAxeViolations(coordinator);
    await coordinator.getByRole('link', { name: MODULE }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: `${helperName}: ${MODULE}` })).toBeVisible();
    portfolioUrl = new URL(coordinator.url()).pathname;
    await expect(coordinator.getByText('Jag frågar först vad personen vill göra').first()).toBeVisible();

    const witness = coordinator.getByRole('region', { name: 'Lägg till vittnesintyg eller observation' });
    await witness.getByLabel('Observation', { exact: true }).check();
    await witness.getByLabel(/^2\.1 /).check();
    await witness.getByLabel('Det här såg du').fill('Digivärden lät besökaren själv skriva in sin BankID-kod.');
    await witness.getByRole('button', { name: 'Lägg till beviset' }).click();
    await expect(witness.getByText('Beviset är tillagt för kriterium 2.1.')).toBeFocused();

    for (const number of CRITERIA) {
      await coordinator.getByRole('group', { name: `Bedömning av kriterium ${number}` }).getByLabel('Uppfyllt', { exact: true }).check();
    }
    await coordinator.getByLabel('Kommentar till 1.1 (frivillig)').fill('Frågar och lyssnar först.');
    await coordinator.getByRole('button', { name: 'Spara bedömningen' }).click();
    await expect(coordinator.getByText('Bedömningen är sparad. Alla kriterier är uppfyllda')).toBeFocused();
    const qa = coordinator.getByRole('region', { name: 'Kvalitetssäkring' });
    await expect(qa).toContainText('Den som har bedömt kan inte kvalitetssäkra sin egen bedömning');
    await expect(qa).toContainText(`Du bedömde modulen (${ASSESSOR},`);
    await expect(qa.getByRole('button', { name: 'Kvalitetssäkra bedömningen' })).toHaveCount(0);
    await expectNoAxeViolations(coordinator);
  });

  await test.step('a second coordinator quality-assures the assessment', async () => {
    await assurer.goto(portfolioUrl);
    const qa = assurer.getByRole('region', { name: 'Kvalitetssäkring' });
    await expect(qa).toContainText(`Bedömd av ${ASSESSOR},`);
    await qa.getByRole('button', { name: 'Kvalitetssäkra bedömningen' }).click();
    const dialog = assurer.getByRole('dialog', { name: 'Kvalitetssäkra bedömningen?' });
    await expect(dialog.getByRole('button', { name: 'Nej, vänta' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Ja, kvalitetssäkra' }).click();
    await expect(qa.getByText(`Bedömningen är kvalitetssäkrad. ${helperName} får 3 poäng.`)).toBeVisible();
    await expect(assurer.getByText(`Intern kvalitetssäkrare: ${assurerName},`)).toBeVisible();
    await expect(assurer.getByText('Bedömningen är kvalitetssäkrad och låst.')).toBeVisible();
    await expectNoAxeViolations(assurer);
  });

  await test.step('the helper sees the sign-offs and downloads the portfolio; the PDF has the criteria and both sign-offs', async () => {
    await helper.reload();
    await expect(helper.getByText('Läge: Klar: 3 poäng')).toBeVisible();
    await expect(helper.getByText(`Bedömare: ${ASSESSOR},`)).toBeVisible();
    await expect(helper.getByText('Bedömning: Uppfyllt – Frågar och lyssnar först.')).toBeVisible();
    const [download] = await Promise.all([helper.waitForEvent('download'), helper.getByRole('link', { name: 'Ladda ner portfölj (PDF)' }).click()]);
    const path = await download.path();
    const parser = new PDFParse({ data: await readFile(path) });
    const text = normalised((await parser.getText()).text);
    await parser.destroy();
    expect(text).toContain(`Digivärd: ${helperName}`);
    expect(text).toContain('1.1 Ta reda på vad personen behöver hjälp med');
    expect(text).toContain('3.2 Berätta var personen kan få hjälp');
    expect(text).toContain(`Bedömare: ${ASSESSOR}`);
    expect(text).toContain(`Intern kvalitetssäkrare: ${assurerName}`);
    expect(text).toContain('Poäng: 3 av 3');
  });

  await test.step('the catalogue editor: rows are added, and removing one with text asks first', async () => {
    await coordinator.goto('/samordnare/ocn');
    await coordinator.getByRole('link', { name: `Ändra ${MODULE}` }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: `Ändra ${MODULE}` })).toBeVisible();
    await coordinator.getByRole('button', { name: 'Lägg till kriterium under läranderesultat 1' }).click();
    await expect(coordinator.getByRole('textbox', { name: 'Kriterium 1.4' })).toBeFocused();
    await expectNoAxeViolations(coordinator);
    // An empty new row goes at once; one with text is asked about.
    await coordinator.getByRole('button', { name: 'Ta bort kriterium 1.4' }).click();
    await expect(coordinator.getByRole('textbox', { name: 'Kriterium 1.4' })).toHaveCount(0);
    await coordinator.getByRole('button', { name: 'Ta bort kriterium 1.1' }).click();
    const dialog = coordinator.getByRole('dialog', { name: 'Ta bort kriterium 1.1?' });
    await expect(dialog).toContainText('kan inte tas bort');
    await dialog.getByRole('button', { name: 'Nej, behåll det' }).click();
    await expect(coordinator.getByRole('button', { name: 'Ta bort kriterium 1.1' })).toBeFocused();
    await expect(coordinator.getByRole('textbox', { name: 'Kriterium 1.1' })).toHaveValue(/^Ta reda på vad personen behöver hjälp med/);
  });

  for (const page of [helper, coordinator, assurer]) await page.context().close();
});
