import type { NoticeSettings } from '@digihjalpen/domain';
import type { ParsedMail } from 'mailparser';
import { HelperNoticeMails } from '../src/modules/helper-notices/helper-notice-mails';
import { HELPER_NOTICE_QUEUE, HelperNoticesService } from '../src/modules/helper-notices/helper-notices.service';
import { jobsSettled, mailbox, mailsTo, makeJobsDue } from './bookings';
import { aUser, createTestApp, signIn, type Session, type TestApp } from './test-app';

interface Helper {
  id: string;
  email: string;
  session: Session;
}

const ALL_ON: Omit<NoticeSettings, 'language'> = { cancelled: true, shiftChanges: true, timeChanges: true, digest: true };

describe('helper notices: helpers told by e-mail, once, in their language', () => {
  let t: TestApp;
  let coordinator: Session;
  let siteId: string;
  let siteName: string;
  let day = 0;

  const helper = async (settings?: Partial<NoticeSettings>): Promise<Helper> => {
    const user = await aUser(t.db, 'helper');
    const session = await signIn(t, user);
    if (settings) await session.put('/api/me/notice-settings', { language: 'sv', ...ALL_ON, ...settings }).expect(200);
    return { id: user.id, email: user.email, session };
  };

  /** A new one-off session at the test site on its own day in December (10:00–12:00 Stockholm time). */
  const aSession = async (helpersNeeded = 2): Promise<string> => {
    day += 1;
    const date = `2026-12-${String(day).padStart(2, '0')}`;
    return (await coordinator.post(`/api/sites/${siteId}/sessions`, { date, startTime: '10:00', endTime: '12:00', slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded }).expect(201)).body.id;
  };

  const assign = (sessionId: string, h: Helper) => coordinator.post(`/api/sessions/${sessionId}/shifts`, { helperId: h.id }).expect(204);

  /** Deactivates an account the way the accounts page does: inactive (with the time, where that column exists). */
  const deactivate = async (h: Helper) => {
    const [hasColumn] = await t.db.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'app_user' AND column_name = 'deactivated_at'`);
    if (hasColumn) await t.db.query(`UPDATE app_user SET active = false, deactivated_at = $2 WHERE id = $1`, [h.id, new Date('2026-11-23T11:00:00Z')]);
    else await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [h.id]);
  };

  const noticesSettled = () => jobsSettled(t, 30_000, HELPER_NOTICE_QUEUE);
  const countTo = async (email: string) => (await mailbox(t)).filter((m) => (Array.isArray(m.to) ? m.to.map((a) => a.text).join(',') : (m.to?.text ?? '')).includes(email)).length;
  const textOf = (m: ParsedMail | undefined) => m?.text ?? '';

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    siteName = `Notisbiblioteket ${Date.now()}`;
    siteId = (
      await coordinator
        .post('/api/sites', { name: siteName, address: 'Passgatan 3, 111 22 Staden', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: 'Europe/Stockholm', languages: ['sv'], active: true })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  describe('settings', () => {
    it('has every e-mail on and Swedish until the helper chooses, and keeps what they choose', async () => {
      const h = await helper();
      expect((await h.session.get('/api/me/notice-settings').expect(200)).body).toEqual({ language: 'sv', ...ALL_ON });
      const chosen = { language: 'ar', cancelled: true, shiftChanges: false, timeChanges: true, digest: false };
      expect((await h.session.put('/api/me/notice-settings', chosen).expect(200)).body).toEqual(chosen);
      expect((await h.session.get('/api/me/notice-settings').expect(200)).body).toEqual(chosen);
      const back = { ...chosen, shiftChanges: true };
      expect((await h.session.put('/api/me/notice-settings', back).expect(200)).body).toEqual(back);
    });

    it('refuses an unknown language or a missing switch with a message per field, and changes nothing', async () => {
      const h = await helper({ language: 'en' });
      const bad = await h.session.put('/api/me/notice-settings', { language: 'xx', cancelled: 'ja', shiftChanges: true, timeChanges: true }).expect(400);
      expect(bad.body.fields).toEqual({
        language: 'Välj svenska, engelska eller arabiska.',
        cancelled: 'Välj ja eller nej.',
        digest: 'Välj ja eller nej.',
      });
      expect((await h.session.get('/api/me/notice-settings').expect(200)).body.language).toBe('en');
    });
  });

  it('tells each helper on a cancelled session once, with the reason, in their language; not the opted-out or deactivated', async () => {
    const sv = await helper();
    const ar = await helper({ language: 'ar' });
    const en = await helper({ language: 'en' });
    const optedOut = await helper({ cancelled: false });
    const gone = await helper();
    const sessionId = await aSession(5);
    for (const h of [sv, ar, en, optedOut, gone]) await assign(sessionId, h);
    await noticesSettled();
    await deactivate(gone);
    const before = { sv: await countTo(sv.email), ar: await countTo(ar.email), en: await countTo(en.email) };

    await coordinator.post(`/api/sessions/${sessionId}/cancel`, { reason: 'Biblioteket är stängt för <städning>.' }).expect(200);
    const [svMail] = (await mailsTo(t, sv.email, before.sv + 1)).slice(before.sv);
    const [arMail] = (await mailsTo(t, ar.email, before.ar + 1)).slice(before.ar);
    const [enMail] = (await mailsTo(t, en.email, before.en + 1)).slice(before.en);
    expect(svMail?.subject).toBe(`Inställt: ditt pass på ${siteName} tisdag 1 december 2026 10:00–12:00`);
    expect(textOf(svMail)).toContain('Varför:\nBiblioteket är stängt för <städning>.');
    expect(textOf(svMail)).toContain('Du behöver inte komma.');
    expect(svMail?.html).toContain('&lt;städning&gt;');
    expect(arMail?.subject).toContain('أُلغي اللقاء: مناوبتك في');
    expect(arMail?.html).toContain('dir="rtl"');
    expect(textOf(arMail)).toContain('Biblioteket är stängt');
    expect(enMail?.subject).toBe(`Cancelled: your shift at ${siteName} Tuesday, 1 December 2026 10:00–12:00`);
    expect(textOf(enMail)).toContain('http://localhost:3000/personal/installningar');

    await noticesSettled();
    expect(await countTo(sv.email)).toBe(before.sv + 1);
    expect(await countTo(ar.email)).toBe(before.ar + 1);
    expect(await countTo(optedOut.email)).toBe(1); // only the assignment
    expect(await countTo(gone.email)).toBe(1); // only the assignment, before the account was deactivated
  });

  it('sends a notice once even when its job runs again (a retry, or a second instance)', async () => {
    const h = await helper();
    const sessionId = await aSession();
    await assign(sessionId, h);
    await mailsTo(t, h.email, 1);
    await noticesSettled();
    const [notice] = (await t.db.query(`SELECT id, sent_at FROM helper_notice WHERE helper_id = $1`, [h.id])) as { id: string; sent_at: Date | null }[];
    expect(notice?.sent_at).not.toBeNull();
    await t.app.get(HelperNoticeMails).deliver(notice?.id as string);
    await Promise.all([t.app.get(HelperNoticeMails).deliver(notice?.id as string), t.app.get(HelperNoticeMails).deliver(notice?.id as string)]);
    expect(await countTo(h.email)).toBe(1);

    // Not yet claimed (as if the mail server had refused it): two instances at once send it once.
    await t.db.query(`UPDATE helper_notice SET sent_at = NULL WHERE id = $1`, [notice?.id]);
    await Promise.all([t.app.get(HelperNoticeMails).deliver(notice?.id as string), t.app.get(HelperNoticeMails).deliver(notice?.id as string)]);
    expect(await countTo(h.email)).toBe(2);
  });

  it('tells a helper a coordinator put on or took off a shift, once each; not when the helper signs up or leaves', async () => {
    const h = await helper();
    const sessionId = await aSession();
    await assign(sessionId, h);
    const [added] = await mailsTo(t, h.email, 1);
    expect(added?.subject).toMatch(new RegExp(`^Du har fått ett pass på ${siteName} [a-zåäö]+dag \\d+ december 2026 10:00–12:00$`));
    expect(textOf(added)).toContain('En samordnare har gett dig ett pass som digivärd.');

    await coordinator.delete(`/api/sessions/${sessionId}/shifts/${h.id}`).expect(204);
    const mails = await mailsTo(t, h.email, 2);
    expect(mails.map((m) => m.subject)).toContainEqual(expect.stringMatching(/^Du har inte längre passet på /));

    const own = await aSession();
    await h.session.post(`/api/sessions/${own}/shifts/me`).expect(204);
    await h.session.delete(`/api/sessions/${own}/shifts/me`).expect(204);
    await noticesSettled();
    expect(await countTo(h.email)).toBe(2);
  });

  it('respects a helper who turned off e-mails about shifts given or taken away', async () => {
    const h = await helper({ shiftChanges: false });
    const sessionId = await aSession();
    await assign(sessionId, h);
    await coordinator.delete(`/api/sessions/${sessionId}/shifts/${h.id}`).expect(204);
    await noticesSettled();
    expect(await countTo(h.email)).toBe(0);
    expect(await t.db.query(`SELECT 1 FROM helper_notice WHERE helper_id = $1`, [h.id])).toEqual([]);
  });

  it('gives each helper one e-mail per closure listing all their cancelled shifts, over several batches', async () => {
    const both = await helper({ language: 'en' });
    const one = await helper();
    const off = await helper({ cancelled: false });
    const [s1, s2, s3] = [await aSession(3), await aSession(3), await aSession(3)] as [string, string, string];
    for (const [s, hs] of [[s1, [both, one, off]], [s2, [both]], [s3, [both, one]]] as [string, Helper[]][]) for (const h of hs) await assign(s, h);
    await noticesSettled();
    const before = { both: await countTo(both.email), one: await countTo(one.email), off: await countTo(off.email) };
    const closureId = '7b0f3c51-5a40-4c8e-9f43-2d7b7a1c0a01';
    const reason = 'Biblioteket har julstängt.';
    const notices = t.app.get(HelperNoticesService);
    // Two batches of one closure, each in its own transaction, as a closure of many sessions runs.
    for (const batch of [[s1], [s2, s3]]) {
      await t.db.transaction(async (tx) => {
        await tx.query(`UPDATE session SET status = 'cancelled', cancel_reason = $2, sequence = sequence + 1 WHERE id = ANY ($1::uuid[])`, [batch, reason]);
        await notices.sessionsCancelled(tx, { sessionIds: batch, reason, closureId });
      });
    }
    await makeJobsDue(t, `name = $1`, [HELPER_NOTICE_QUEUE]);
    const [bothMail] = (await mailsTo(t, both.email, before.both + 1)).slice(before.both);
    const [oneMail] = (await mailsTo(t, one.email, before.one + 1)).slice(before.one);
    expect(bothMail?.subject).toBe('Cancelled: 3 of your shifts');
    expect(textOf(bothMail)).toContain('Why:\nBiblioteket har julstängt.');
    expect(textOf(bothMail).match(/10:00–12:00, Notisbiblioteket/g)).toHaveLength(3);
    expect(oneMail?.subject).toBe('Inställt: 2 av dina pass');

    await noticesSettled();
    expect(await countTo(both.email)).toBe(before.both + 1);
    expect(await countTo(one.email)).toBe(before.one + 1);
    expect(await countTo(off.email)).toBe(before.off);

    // The same batch again (a retried transaction): nothing more.
    await t.db.transaction((tx) => notices.sessionsCancelled(tx, { sessionIds: [s2, s3], reason, closureId }));
    await makeJobsDue(t, `name = $1`, [HELPER_NOTICE_QUEUE]);
    await noticesSettled();
    expect(await countTo(both.email)).toBe(before.both + 1);

    // A batch that comes after the message went: one more message, naming only the shift not told yet.
    const late = await aSession(3);
    await assign(late, both);
    await mailsTo(t, both.email, before.both + 2);
    await t.db.transaction(async (tx) => {
      await tx.query(`UPDATE session SET status = 'cancelled', cancel_reason = $2 WHERE id = $1`, [late, reason]);
      await notices.sessionsCancelled(tx, { sessionIds: [s3, late], reason, closureId });
    });
    await makeJobsDue(t, `name = $1`, [HELPER_NOTICE_QUEUE]);
    const lateMail = (await mailsTo(t, both.email, before.both + 3))[before.both + 2];
    expect(lateMail?.subject).toMatch(/^Cancelled: your shift at Notisbiblioteket/);
  });

  it('sends a shift whose time changed to the helpers on it, with the old and the new time', async () => {
    const h = await helper();
    const sessionId = await aSession();
    await assign(sessionId, h);
    await mailsTo(t, h.email, 1);
    const before = { start: new Date('2026-12-09T09:00:00Z'), end: new Date('2026-12-09T11:00:00Z') };
    await t.db.transaction(async (tx) => {
      await tx.query(`UPDATE session SET starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour', sequence = sequence + 1 WHERE id = $1`, [sessionId]);
      await t.app.get(HelperNoticesService).shiftTimeChanged(tx, { sessionId, before });
    });
    const [, changed] = await mailsTo(t, h.email, 2);
    expect(changed?.subject).toBe(`Ny tid för ditt pass på ${siteName}`);
    expect(textOf(changed)).toMatch(/Nu:\n\w+dag \d+ december 2026 11:00–13:00/);
    expect(textOf(changed)).toMatch(/Förut:\n\w+dag \d+ december 2026 10:00–12:00/);
  });

  describe('the weekly digest of open shifts', () => {
    it('is off until a coordinator turns it on; then each helper gets one per week, even if the job runs twice', async () => {
      expect((await coordinator.get('/api/helper-notices/open-shifts-digest').expect(200)).body).toEqual({ enabled: false });
      const open = (
        await coordinator
          .post(`/api/sites/${siteId}/sessions`, { date: '2026-11-23', startTime: '13:05', endTime: '14:05', slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 2 })
          .expect(201)
      ).body.id as string;
      const wants = await helper({ language: 'en' });
      const optedOut = await helper({ digest: false });
      const gone = await helper();
      await deactivate(gone);
      const notices = t.app.get(HelperNoticesService);

      expect(await notices.queueDigests()).toBe(0);
      await noticesSettled();
      expect(await countTo(wants.email)).toBe(0);

      expect((await coordinator.put('/api/helper-notices/open-shifts-digest', { enabled: true }).expect(200)).body).toEqual({ enabled: true });
      const [audit] = await t.db.query(`SELECT action FROM audit_log WHERE entity = 'open_shifts_digest' ORDER BY at DESC, id DESC LIMIT 1`);
      expect(audit).toEqual({ action: 'shift.digest-on' });
      await Promise.all([notices.queueDigests(), notices.queueDigests()]);
      await notices.queueDigests();
      const [digest] = await mailsTo(t, wants.email, 1);
      expect(digest?.subject).toBe('Open shifts that need helpers');
      expect(textOf(digest)).toContain(`Monday, 23 November 2026 13:05–14:05, ${siteName} (0 of 2 helpers)`);
      await noticesSettled();
      expect(await countTo(wants.email)).toBe(1);
      expect(await countTo(optedOut.email)).toBe(0);
      expect(await countTo(gone.email)).toBe(0);

      expect(open).toBeTruthy();
      await coordinator.put('/api/helper-notices/open-shifts-digest', { enabled: false }).expect(200);
      expect((await coordinator.get('/api/helper-notices/open-shifts-digest').expect(200)).body).toEqual({ enabled: false });
    });

    it('keeps the switch to coordinators and the settings to helpers', async () => {
      const h = await helper();
      await h.session.put('/api/helper-notices/open-shifts-digest', { enabled: true }).expect(403);
      await coordinator.get('/api/me/notice-settings').expect(403);
      await t.http().get('/api/me/notice-settings').expect(401);
      const bad = await coordinator.put('/api/helper-notices/open-shifts-digest', { enabled: 'ja' }).expect(400);
      expect(bad.body.fields).toEqual({ enabled: 'Välj ja eller nej.' });
    });
  });
});
