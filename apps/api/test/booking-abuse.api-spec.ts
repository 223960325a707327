import type { StaffBookingDetail, StaffBookingListItem, SuspiciousRunCancelled } from '@digihjalpen/domain';
import { aBookingRequest } from '@digihjalpen/domain/testing';
import { pinClock } from '../src/common/clock';
import { PrivacyService } from '../src/modules/privacy/privacy.service';
import { aBookableSite, book, jobsSettled, mailsTo, type BookableSite } from './bookings';
import { aUser, createTestApp, signIn, TEST_NOW, type Session, type TestApp } from './test-app';

let sequence = 0;
/** A /64 of its own per call (an address inside it with `at`); the API counts networks, not addresses. */
const aNetwork = () => {
  sequence += 1;
  const prefix = `2001:db8:${(sequence % 0xffff).toString(16)}:${(Date.now() % 0xffff).toString(16)}`;
  return { at: (host: number) => ({ 'X-Forwarded-For': `${prefix}::${host.toString(16)}` }) };
};
const anAddress = (who: string) => `${who}-${++sequence}-${Date.now()}@example.org`;
const aPhone = () => `070-${String(100 + (++sequence % 900))} ${String(Date.now()).slice(-2)} ${String(10 + (sequence % 90))}`;
const LINK = /\/bokning\/([A-Za-z0-9_-]{43})\?lang=[a-z]{2}&c=([A-Za-z0-9_-]{43})/;

/**
 * Bookings cost the booker, not a real person (issue 17): a cap per site and day on public bookings without
 * contact details, a per-contact limit that counts only confirmed contacts or the same network, and
 * suspicious runs from one network flagged for staff, who can cancel a run at once.
 * TEST_NOW is Monday 23 November 2026; the bookable sessions are on 30 March 2027.
 */
describe('booking abuse', () => {
  let t: TestApp;
  let coordinator: Session;
  let people: Record<'coordinator' | 'otherStaff' | 'helper', { email: string; password: string; id: string }>;
  let staffOfOther: Session;
  let helper: Session;

  const idOf = async (reference: string) => ((await t.db.query(`SELECT id FROM booking WHERE reference = $1`, [reference])) as { id: string }[])[0]?.id as string;
  const row = async (reference: string) =>
    ((await t.db.query(`SELECT origin_hash, booked_at, contact_confirmed_at, confirmed_keys, contact_keys, suspicious_run, flagged_at, status FROM booking WHERE reference = $1`, [reference])) as {
      origin_hash: string | null;
      booked_at: Date | null;
      contact_confirmed_at: Date | null;
      confirmed_keys: string[];
      contact_keys: string[];
      suspicious_run: string | null;
      flagged_at: Date | null;
      status: string;
    }[])[0];
  const booked = async (site: BookableSite, slot: number, headers: Record<string, string>, body: Parameters<typeof aBookingRequest>[0] = {}) =>
    (await book(t, { slotId: site.slotIds[slot] as string, ...body }, headers).expect(201)).body as { reference: string; manageToken: string };
  const staffBook = (who: Session, body: Parameters<typeof aBookingRequest>[0]) => who.post('/api/staff/bookings', aBookingRequest({ website: undefined, ...body }));
  const seatsTaken = async (site: BookableSite) =>
    ((await t.db.query(`SELECT coalesce(sum(booked), 0)::int AS n FROM slot WHERE session_id = $1`, [site.sessionId])) as { n: number }[])[0]?.n;

  beforeAll(async () => {
    t = await createTestApp({
      BOOKING_RATE_LIMIT: '10000',
      BOOKING_DAILY_LIMIT: '10000',
      CONTACTLESS_BOOKINGS_PER_SITE_DAY: '4',
      MAX_FUTURE_BOOKINGS: '3',
      SUSPICIOUS_RUN_BOOKINGS: '5',
      SUSPICIOUS_RUN_MINUTES: '10',
    });
    const coordinatorUser = await aUser(t.db, 'coordinator');
    coordinator = await signIn(t, coordinatorUser);
    const other = await aBookableSite(coordinator);
    people = { coordinator: coordinatorUser, otherStaff: await aUser(t.db, 'library-staff', { siteId: other.siteId }), helper: await aUser(t.db, 'helper') };
    staffOfOther = await signIn(t, people.otherStaff);
    helper = await signIn(t, people.helper);
  });
  afterAll(async () => {
    pinClock(TEST_NOW);
    await t.close();
  });

  describe('a cap per site and day on public bookings without contact details', () => {
    it('refuses the fifth contactless booking of the day from rotating networks (429, in the person’s language, saying what to do)', async () => {
      const site = await aBookableSite(coordinator, { seats: 4 });
      for (let i = 0; i < 4; i += 1) await booked(site, i, aNetwork().at(1));
      const refused = await book(t, { slotId: site.slotIds[0] as string }, { ...aNetwork().at(1), 'Accept-Language': 'en' }).expect(429);
      expect(refused.body).toMatchObject({ code: 'CONTACTLESS_DAY_FULL', message: expect.stringMatching(/phone number or e-mail.*call the library/s) });
      const inArabic = await book(t, { slotId: site.slotIds[0] as string }, { ...aNetwork().at(1), 'Accept-Language': 'ar' }).expect(429);
      expect(inArabic.body.message).toMatch(/المكتبة/);
      expect(await seatsTaken(site)).toBe(4);
    });

    it('still takes a booking with a phone or an e-mail, and staff bookings without contact details', async () => {
      const site = await aBookableSite(coordinator, { seats: 4 });
      for (let i = 0; i < 4; i += 1) await booked(site, i, aNetwork().at(1));
      await booked(site, 0, aNetwork().at(1), { phone: aPhone() });
      await booked(site, 1, aNetwork().at(1), { email: anAddress('kontakt') });
      await staffBook(coordinator, { slotId: site.slotIds[2] as string, name: 'Vid disken' }).expect(201);
      await book(t, { slotId: site.slotIds[3] as string }, aNetwork().at(1)).expect(429);
    });

    it('frees a place under the cap when a contactless booking is cancelled', async () => {
      const site = await aBookableSite(coordinator, { seats: 4 });
      const first = await booked(site, 0, aNetwork().at(1));
      for (let i = 1; i < 4; i += 1) await booked(site, i, aNetwork().at(1));
      await t.http().delete(`/api/public/bookings/${first.manageToken}`).expect(204);
      await booked(site, 0, aNetwork().at(1));
    });

    it('keeps the cap when the person moves a contactless booking onto a full day (another library or day); within its own day it moves freely', async () => {
      const full = await aBookableSite(coordinator, { seats: 4 });
      for (let i = 0; i < 4; i += 1) await booked(full, i, aNetwork().at(1));
      const elsewhere = await aBookableSite(coordinator, { seats: 4, date: '2027-03-31' });
      const mine = await booked(elsewhere, 0, aNetwork().at(1));
      const refused = await t.http().post(`/api/public/bookings/${mine.manageToken}/move?lang=en`).send({ slotId: full.slotIds[0] }).expect(429);
      expect(refused.body).toMatchObject({ code: 'CONTACTLESS_DAY_FULL' });
      expect(await seatsTaken(full)).toBe(4);
      await t.http().post(`/api/public/bookings/${mine.manageToken}/move`).send({ slotId: elsewhere.slotIds[1] }).expect(200);
    });

    it('lets only the cap through when many contactless requests come at once', async () => {
      const site = await aBookableSite(coordinator, { seats: 4 });
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => book(t, { slotId: site.slotIds[i % 4] as string }, aNetwork().at(1))));
      expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 429, 429, 429, 429]);
      expect(await seatsTaken(site)).toBe(4);
    });
  });

  describe('the per-contact limit no longer locks out the real person', () => {
    let site: BookableSite;
    beforeAll(async () => {
      site = await aBookableSite(coordinator, { seats: 4 });
    });

    it("lets the victim book after three bookings with their number from another network; the same network is refused", async () => {
      const victimPhone = aPhone();
      const attacker = aNetwork();
      for (let i = 0; i < 3; i += 1) await booked(site, i, attacker.at(i + 1), { phone: victimPhone, name: 'Inte jag' });
      // Another address in the attacker's /64 is the same network.
      const again = await book(t, { slotId: site.slotIds[3] as string, phone: victimPhone }, attacker.at(99)).expect(409);
      expect(again.body.code).toBe('TOO_MANY_BOOKINGS');
      const victim = await booked(site, 3, aNetwork().at(1), { phone: victimPhone.replace(/^0/, '+46').replace(/[- ]/g, ''), name: 'Jag' });
      expect(await row(victim.reference)).toMatchObject({ contact_confirmed_at: null, confirmed_keys: [], origin_hash: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    });

    it('counts confirmed bookings from anywhere: the e-mail’s link confirms the contact (and the proof never reaches the browser that booked)', async () => {
      const email = anAddress('bekraftad');
      const home = aNetwork();
      const made = [];
      for (let i = 0; i < 3; i += 1) {
        const res = await book(t, { slotId: site.slotIds[i] as string, email }, home.at(1)).expect(201);
        made.push(res.body as { reference: string; manageToken: string });
      }
      await jobsSettled(t);
      const mails = await mailsTo(t, email, 3);
      expect(mails).toHaveLength(3);
      const links = mails.map((m) => LINK.exec(m.text ?? '')).map((m) => ({ token: m?.[1] as string, proof: m?.[2] as string }));
      for (const link of links) {
        expect(made.map((b) => b.manageToken)).toContain(link.token);
        expect(JSON.stringify(made)).not.toContain(link.proof);
        // The calendar file keeps the plain link.
        expect(mails.map((m) => m.attachments.map((a) => a.content.toString()).join('')).join('')).not.toContain(link.proof);
      }
      // Not yet confirmed: from another network the same e-mail may still book.
      const before = await booked(site, 3, aNetwork().at(1), { email });
      await t.http().delete(`/api/public/bookings/${before.manageToken}`).expect(204);
      for (const link of links) {
        await t.http().post(`/api/public/bookings/${link.token}/confirm-contact`).send({ proof: link.proof }).expect(204);
        await t.http().post(`/api/public/bookings/${link.token}/confirm-contact`).send({ proof: link.proof }).expect(204);
      }
      const stored = await row(made[0]?.reference as string);
      expect(stored).toMatchObject({ contact_confirmed_at: TEST_NOW });
      expect(stored?.confirmed_keys).toEqual(stored?.contact_keys);
      const refused = await book(t, { slotId: site.slotIds[3] as string, email: email.toUpperCase() }, aNetwork().at(1)).expect(409);
      expect(refused.body.code).toBe('TOO_MANY_BOOKINGS');
    });

    it('answers a wrong proof like a wrong token (404), and a broken body with 400', async () => {
      const email = anAddress('fel');
      const a = await booked(site, 0, aNetwork().at(1), { email });
      const b = await booked(site, 1, aNetwork().at(1), { email: anAddress('annan') });
      await jobsSettled(t);
      const [mail] = await mailsTo(t, email, 1);
      const proofOfA = LINK.exec(mail?.text ?? '')?.[2] as string;
      expect(proofOfA).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const wrong = await t.http().post(`/api/public/bookings/${b.manageToken}/confirm-contact?lang=en`).send({ proof: proofOfA }).expect(404);
      expect(wrong.body.code).toBe('BOOKING_NOT_FOUND');
      await t.http().post(`/api/public/bookings/${a.manageToken}/confirm-contact`).send({ proof: 'x'.repeat(43) }).expect(404);
      await t.http().post(`/api/public/bookings/${a.manageToken}/confirm-contact`).send({ proof: 'short' }).expect(404);
      expect((await t.http().post(`/api/public/bookings/${a.manageToken}/confirm-contact`).send({}).expect(400)).body.fields).toEqual({ proof: expect.any(String) });
      expect((await t.http().post(`/api/public/bookings/${a.manageToken}/confirm-contact`).send({ proof: proofOfA, more: 1 }).expect(400)).body.code).toBe('INVALID_BOOKING');
      await t.http().post(`/api/public/bookings/${'A'.repeat(43)}/confirm-contact`).send({ proof: proofOfA }).expect(404);
      expect(await row(a.reference)).toMatchObject({ contact_confirmed_at: null, confirmed_keys: [] });
      expect(await row(b.reference)).toMatchObject({ contact_confirmed_at: null, confirmed_keys: [] });
    });

    it('confirms staff bookings from the start (staff spoke with the person): they count from any network, and carry no network', async () => {
      const phone = aPhone();
      const made = [];
      for (let i = 0; i < 3; i += 1) made.push((await staffBook(coordinator, { slotId: site.slotIds[i] as string, phone }).expect(201)).body as { reference: string });
      expect(await row(made[0]?.reference as string)).toMatchObject({ origin_hash: null, contact_confirmed_at: TEST_NOW, confirmed_keys: [expect.any(String)] });
      expect((await book(t, { slotId: site.slotIds[3] as string, phone }, aNetwork().at(1)).expect(409)).body.code).toBe('TOO_MANY_BOOKINGS');
    });
  });

  describe('suspicious runs', () => {
    let site: BookableSite;
    let run: { reference: string; manageToken: string }[];
    const withEmail = anAddress('serie');
    const flags = async (refs: { reference: string }[]) => Promise.all(refs.map(async (b) => (await row(b.reference))?.suspicious_run ?? null));

    beforeAll(async () => {
      site = await aBookableSite(coordinator, { seats: 4 });
    });

    it('does not flag four quick bookings from one network, nor five spread over more than the window', async () => {
      const network = aNetwork();
      const four = [];
      for (let i = 0; i < 4; i += 1) four.push(await booked(site, i, network.at(i + 1), { phone: aPhone() }));
      expect(await flags(four)).toEqual([null, null, null, null]);
      try {
        pinClock(new Date(TEST_NOW.getTime() + 11 * 60_000));
        const fifth = await booked(site, 0, network.at(5), { phone: aPhone() });
        expect(await flags([...four, fifth])).toEqual([null, null, null, null, null]);
      } finally {
        pinClock(TEST_NOW);
      }
    });

    it('flags all five when the fifth quick booking comes from the same /64 (other addresses in it), and not other networks’ bookings', async () => {
      const network = aNetwork();
      const bystander = await booked(site, 1, aNetwork().at(1), { phone: aPhone() });
      run = [];
      for (let i = 0; i < 4; i += 1) run.push(await booked(site, i, network.at(100 + i), i === 0 ? { email: withEmail } : {}));
      expect(await flags(run)).toEqual([null, null, null, null]);
      run.push(await booked(site, 0, network.at(200), { phone: aPhone() }));
      const ids = await flags(run);
      expect(ids[0]).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
      expect(new Set(ids)).toEqual(new Set([ids[0]]));
      expect((await row(run[0]?.reference as string))?.flagged_at).toEqual(TEST_NOW);
      expect(await flags([bystander])).toEqual([null]);
      // A sixth joins the same run.
      run.push(await booked(site, 1, network.at(300), { phone: aPhone() }));
      expect(new Set(await flags(run))).toEqual(new Set([ids[0]]));
    });

    it('shows staff the flag in the list, a filter for flagged only, and the run on a flagged booking', async () => {
      const listed = (await coordinator.get(`/api/staff/bookings?siteId=${site.siteId}`).expect(200)).body as { items: StaffBookingListItem[] };
      const runId = (await row(run[0]?.reference as string))?.suspicious_run;
      expect(listed.items.filter((i) => i.suspiciousRun === runId).map((i) => i.reference).sort()).toEqual(run.map((b) => b.reference).sort());
      expect(listed.items.some((i) => i.suspiciousRun === null)).toBe(true);
      const flaggedOnly = (await coordinator.get(`/api/staff/bookings?siteId=${site.siteId}&flagged=true`).expect(200)).body as { items: StaffBookingListItem[] };
      expect(flaggedOnly.items.map((i) => i.reference).sort()).toEqual(run.map((b) => b.reference).sort());
      const anywhere = (await coordinator.get(`/api/staff/bookings?flagged=true`).expect(200)).body as { items: StaffBookingListItem[] };
      expect(anywhere.items.every((i) => i.suspiciousRun !== null)).toBe(true);
      const detail = (await coordinator.get(`/api/staff/bookings/${await idOf(run[1]?.reference as string)}`).expect(200)).body as StaffBookingDetail;
      expect(detail.run).toEqual({ id: runId, bookings: 6, cancellable: 6, toldByEmail: 1, phoneOnly: 2 });
    });

    it('keeps the run to the scope of the single cancel: another library’s staff and a helper without a shift get 403, and nothing is cancelled', async () => {
      const id = await idOf(run[0]?.reference as string);
      expect((await staffOfOther.post(`/api/staff/bookings/${id}/cancel-run`, { reason: 'Serie' }).expect(403)).body.code).toBe('OTHER_SITE');
      expect((await helper.post(`/api/staff/bookings/${id}/cancel-run`, { reason: 'Serie' }).expect(403)).body.code).toBe('NOT_ON_SHIFT_TODAY');
      expect((await coordinator.post(`/api/staff/bookings/${id}/cancel-run`, {}).expect(400)).body.code).toBe('INVALID_BOOKING_CHANGE');
      expect((await Promise.all(run.map((b) => row(b.reference)))).map((r) => r?.status)).toEqual(run.map(() => 'confirmed'));
    });

    it('answers 409 for a booking that is not flagged', async () => {
      const plain = await booked(site, 2, aNetwork().at(1), { phone: aPhone() });
      const res = await coordinator.post(`/api/staff/bookings/${await idOf(plain.reference)}/cancel-run`, { reason: 'Serie' }).expect(409);
      expect(res.body).toMatchObject({ code: 'BOOKING_NOT_FLAGGED', message: expect.stringMatching(/misstänkt serie/) });
    });

    it('cancels the whole run at once: the seats are free, people with an e-mail are told why, and each cancellation is audited', async () => {
      const takenBefore = await seatsTaken(site);
      const id = await idOf(run[2]?.reference as string);
      const res = await coordinator.post(`/api/staff/bookings/${id}/cancel-run`, { reason: 'Många bokningar på kort tid' }).expect(200);
      expect(res.body as SuspiciousRunCancelled).toEqual({ cancelled: 6, toldByEmail: 1 });
      expect(await seatsTaken(site)).toBe((takenBefore as number) - 6);
      expect((await Promise.all(run.map((b) => row(b.reference)))).map((r) => r?.status)).toEqual(run.map(() => 'cancelled'));
      await jobsSettled(t);
      const mails = await mailsTo(t, withEmail, 2);
      expect(mails.some((m) => (m.text ?? '').includes('Många bokningar på kort tid'))).toBe(true);
      const audit = (await t.db.query(`SELECT actor_id, entity_id, details FROM audit_log WHERE action = 'booking.run-cancelled-by-staff'`)) as { actor_id: string; entity_id: string; details: { run: string } }[];
      expect(audit).toHaveLength(6);
      expect(new Set(audit.map((a) => a.actor_id))).toEqual(new Set([people.coordinator.id]));
      // Again: nothing left to cancel.
      expect((await coordinator.post(`/api/staff/bookings/${id}/cancel-run`, { reason: 'Igen' }).expect(200)).body).toEqual({ cancelled: 0, toldByEmail: 0 });
    });
  });

  it('erases the network and the confirmations with the contact details when the retention job runs', async () => {
    // In June 2026, before every other spec's bookings (the retention run below erases only what ended before 2 July).
    pinClock(new Date('2026-06-01T10:00:00Z'));
    try {
      const early = await signIn(t, people.coordinator);
      const site = await aBookableSite(early, { seats: 4, date: '2026-06-10' });
      const email = anAddress('gallras');
      const made = await booked(site, 0, aNetwork().at(1), { email });
      await jobsSettled(t);
      const [mail] = await mailsTo(t, email, 1);
      const proof = LINK.exec(mail?.text ?? '')?.[2] as string;
      await t.http().post(`/api/public/bookings/${made.manageToken}/confirm-contact`).send({ proof }).expect(204);
      expect(await row(made.reference)).toMatchObject({ origin_hash: expect.any(String), contact_confirmed_at: new Date('2026-06-01T10:00:00Z') });
      const runAt = new Date('2026-08-01T00:30:00Z');
      pinClock(runAt);
      expect(await t.app.get(PrivacyService).eraseExpired(runAt, 1000)).toBeGreaterThanOrEqual(1);
      expect(await row(made.reference)).toMatchObject({ origin_hash: null, contact_confirmed_at: null, confirmed_keys: [], contact_keys: [] });
    } finally {
      pinClock(TEST_NOW);
    }
  });
});
