import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { mailTo } from './support/mail';

/**
 * A help-seeker books a time on a small phone, in Swedish and in Arabic, reads the confirmation
 * e-mail, follows its manage link and cancels. Tests run in parallel and in two projects against the
 * same demo data, so they pick any free time (at random, to avoid each other) and use their own
 * e-mail addresses; when another test takes the time first, they take one of the offered ones.
 */

interface Texts {
  lang: 'sv' | 'en' | 'ar';
  step: (n: number) => RegExp;
  book: string;
  bookSite: RegExp;
  next: string;
  topic: string;
  name: string;
  email: string;
  submit: string;
  booked: string;
  yourBooking: string;
  cancel: string;
  confirmCancel: string;
  cancelled: string;
  bookAgain: string;
  notFound: string;
  sharedComputer: string;
  clearBrowser: string;
  showNeeds: string;
  ended: string;
}

const SV: Texts = {
  lang: 'sv',
  step: (n) => new RegExp(`^Steg ${n} av 4`),
  book: 'Boka en tid',
  bookSite: /^Boka en tid på /,
  next: 'Nästa',
  topic: 'BankID och e-legitimation',
  name: 'Förnamn eller smeknamn',
  email: 'E-post (om du vill)',
  submit: 'Boka',
  booked: 'Klart! Du har bokat en tid',
  yourBooking: 'Din bokning',
  cancel: 'Avboka',
  confirmCancel: 'Ja, avboka',
  cancelled: 'Avbokad',
  bookAgain: 'Boka en ny tid',
  notFound: 'Vi hittar ingen bokning med den länken',
  sharedComputer: 'Sitter du vid en dator som andra också använder?',
  clearBrowser: 'Rensa det webbläsaren sparat om bokningen',
  showNeeds: 'Visa vad du behöver hjälp med',
  ended: 'Länken fungerar inte längre',
};

const AR: Texts = {
  lang: 'ar',
  step: (n) => new RegExp(`^الخطوة ${n} من 4`),
  book: 'احجز موعدًا',
  bookSite: /^احجز موعدًا في /,
  next: 'التالي',
  topic: 'البريد الإلكتروني',
  name: 'الاسم الأول أو اسم مستعار',
  email: 'البريد الإلكتروني (إذا أردت)',
  submit: 'احجز',
  booked: 'تم! لقد حجزت موعدًا',
  yourBooking: 'حجزك',
  cancel: 'ألغِ الحجز',
  confirmCancel: 'نعم، ألغِ الحجز',
  cancelled: 'تم الإلغاء',
  bookAgain: 'احجز موعدًا جديدًا',
  notFound: 'لا نجد حجزًا بهذا الرابط',
  sharedComputer: 'هل تستخدم حاسوبًا يستخدمه آخرون أيضًا؟',
  clearBrowser: 'امسح ما حفظه المتصفح عن الحجز',
  showNeeds: 'اعرض ما تحتاج المساعدة فيه',
  ended: 'هذا الرابط لم يعد يعمل',
};

const uniqueEmail = (label: string, project: string) => `${label}-${project}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
const stepHeading = (page: Page) => page.getByRole('heading', { level: 1 });

/** Any free time on screen 1, at random among the first few so parallel tests rarely pick the same. */
async function chooseAnyFreeTime(page: Page): Promise<void> {
  const radios = page.getByRole('radio');
  await expect(radios.first()).toBeVisible();
  const count = Math.min(await radios.count(), 12);
  await radios.nth(Math.floor(Math.random() * count)).check();
}

/** Presses "Book"; when another test took the time meanwhile, takes the first offered time and books that. */
async function submitBooking(page: Page, t: Texts): Promise<void> {
  await page.getByRole('button', { name: t.submit, exact: true }).click();
  const done = page.getByRole('heading', { level: 1, name: t.booked });
  const taken = page.locator('section.taken');
  await expect(done.or(taken)).toBeVisible();
  if (await taken.isVisible()) {
    await taken.getByRole('button').first().click();
    await page.getByRole('button', { name: t.submit, exact: true }).click();
    await expect(done).toBeVisible();
  }
}

/** The manage link in the confirmation e-mail to `address` (sent by a job, so polled until it is there). */
async function manageLinkFromMail(request: APIRequestContext, address: string, reference: string): Promise<string> {
  const message = await mailTo(request, address, reference);
  const link = /https?:\/\/[^\s<"]+\/bokning\/[^\s<"?]+\?lang=\w+/.exec(message)?.[0];
  if (!link) throw new Error(`No manage link in the e-mail to ${address}`);
  return link;
}

test.describe('public booking', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test.beforeEach(async ({ context }) => {
    await context.clearCookies();
  });

  for (const t of [SV, AR]) {
    test(`books a time with e-mail, follows the e-mail's link and cancels (${t.lang})`, async ({ page, request }, testInfo) => {
      // Nine pages checked with axe, a booking, an e-mail sent by a job and a cancellation: a long journey.
      test.slow();
      const email = uniqueEmail(`besok-${t.lang}`, testInfo.project.name);
      const ref = `KC-E2E-${t.lang.toUpperCase()}`;

      await page.goto(`/?lang=${t.lang}&ref=${ref}`);
      await expect(page.locator('html')).toHaveAttribute('dir', t.lang === 'ar' ? 'rtl' : 'ltr');
      await expect(page.getByRole('heading', { level: 3, name: 'Stadsbiblioteket', exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'Stadsbiblioteket', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stadsbiblioteket');
      await expect(page.locator('li.day').first()).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: t.book, exact: true }).click();
      await expect(stepHeading(page)).toHaveText(t.step(1));
      await expect(page).toHaveURL(new RegExp(`ref=${ref}`));
      await expectNoAxeViolations(page);
      await chooseAnyFreeTime(page);
      await page.getByRole('button', { name: t.next }).click();

      await expect(stepHeading(page)).toHaveText(t.step(2));
      await expect(stepHeading(page)).toBeFocused();
      await expectNoAxeViolations(page);
      await page.getByLabel(t.topic, { exact: true }).check();
      await page.getByRole('button', { name: t.next }).click();

      await expect(stepHeading(page)).toHaveText(t.step(3));
      await expectNoAxeViolations(page);
      await page.getByLabel(t.name).fill(t.lang === 'ar' ? 'أمينة' : 'Amina');
      await page.getByLabel(t.email).fill(email);
      await page.getByRole('button', { name: t.next }).click();

      await expect(stepHeading(page)).toHaveText(t.step(4));
      await expect(page).toHaveURL(new RegExp(`ref=${ref}`));
      await expect(page).toHaveURL(new RegExp(`lang=${t.lang}`));
      await expect(page.getByText(ref)).toBeVisible();
      await expectNoAxeViolations(page);

      // The referral code from the first link reaches the API with the booking.
      const posted = page.waitForRequest((r) => r.url().endsWith('/api/public/bookings') && r.method() === 'POST');
      await submitBooking(page, t);
      expect((await posted).postDataJSON()).toMatchObject({ ref, email, language: t.lang });

      await expect(page.locator('.reference')).toHaveText(/^\s*[A-Z0-9]{3}-[A-Z0-9]{3}\s*$/);
      const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
      expect(reference).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
      await expect(page.getByRole('link', { name: t.lang === 'ar' ? 'أضف إلى التقويم' : 'Lägg till i kalendern' })).toHaveAttribute('download', '');
      // The address shows masked; what to do on a shared computer, and a button that clears what the browser keeps.
      await expect(page.getByText('b…@example.org')).toBeVisible();
      await expect(page.getByText(email)).toHaveCount(0);
      await expect(page.getByRole('heading', { level: 2, name: t.sharedComputer })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: t.clearBrowser }).click();
      await expect(page.getByRole('status').filter({ hasText: t.lang === 'ar' ? 'تم.' : 'Klart.' })).toBeVisible();
      expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('dh-referral-opened:')))).toEqual([]);

      const link = await manageLinkFromMail(request, email, reference);
      expect(link).toContain(`?lang=${t.lang}`);
      await page.goto(new URL(link).pathname + new URL(link).search);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.yourBooking);
      await expect(page.locator('.reference')).toHaveText(reference);
      await expect(page.locator('html')).toHaveAttribute('lang', t.lang);
      // What the person needs help with only after a deliberate click.
      await expect(page.getByText(t.topic, { exact: true })).toHaveCount(0);
      await page.getByRole('button', { name: t.showNeeds }).click();
      await expect(page.getByText(t.topic, { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: t.cancel, exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: t.confirmCancel }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.cancelled);
      await expect(page.getByRole('link', { name: t.bookAgain })).toHaveAttribute('href', /\/bibliotek\/stadsbiblioteket\/boka/);
      await expectNoAxeViolations(page);

      // From now on the link has ended: the API says so, and so does the page on the next opening.
      const token = new URL(link).pathname.split('/').pop() ?? '';
      const booking = await request.get(`/api/public/bookings/${token}`);
      expect(booking.status()).toBe(410);
      expect(((await booking.json()) as { code: string }).code).toBe('BOOKING_LINK_ENDED');
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.ended);
      await expectNoAxeViolations(page);

      await page.goto(`/bokning/finns-inte-${Date.now()}?lang=${t.lang}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.notFound);
      await expectNoAxeViolations(page);
    });
  }

  test('offers the nearest free times when the chosen one fills up before "Book", and keeps what was typed', async ({ page, request }, testInfo) => {
    // Norrby's times have one seat each, so one booking through the API fills the chosen time.
    await page.goto('/bibliotek/norrby-bibliotek/boka');
    await expect(stepHeading(page)).toHaveText(SV.step(1));
    await chooseAnyFreeTime(page);
    await page.getByRole('button', { name: SV.next }).click();
    const slotId = new URL(page.url()).searchParams.get('tid') ?? '';
    expect(slotId).not.toBe('');
    await page.getByLabel('Skatteverket', { exact: true }).check();
    await page.getByRole('button', { name: SV.next }).click();
    await page.getByLabel(SV.name).fill('Nadia');
    await page.getByLabel(SV.email).fill(uniqueEmail('full', testInfo.project.name));
    await page.getByRole('button', { name: SV.next }).click();
    await expect(stepHeading(page)).toHaveText(SV.step(4));

    for (let i = 0; i < 10; i++) {
      const filled = await request.post('/api/public/bookings', {
        data: { slotId, name: 'Fyller', email: uniqueEmail('fyller', testInfo.project.name), language: 'sv', topics: ['other'], website: '' },
      });
      if (filled.status() === 409) break;
      expect(filled.status()).toBe(201);
    }

    await page.getByRole('button', { name: SV.submit, exact: true }).click();
    const taken = page.locator('section.taken');
    await expect(taken.getByRole('heading', { level: 2 })).toHaveText('Den här tiden hann någon annan boka');
    await expect(taken).toBeFocused();
    await expectNoAxeViolations(page);
    const alternative = taken.getByRole('button').first();
    const when = (await alternative.textContent())?.trim() ?? '';
    await alternative.click();
    await expect(page.getByRole('status')).toContainText('Du har valt en ny tid');
    await expect(page.locator('.when')).toHaveText(when);
    await expect(page).not.toHaveURL(new RegExp(`tid=${slotId}`));

    await submitBooking(page, SV);
    await expect(page.getByText('Nadia', { exact: true })).toBeVisible();
    // The topic is kept too; the page shows it after a deliberate click.
    await page.getByRole('button', { name: SV.showNeeds }).click();
    await expect(page.getByText('Skatteverket', { exact: true })).toBeVisible();
  });
});
