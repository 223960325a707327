import { aBookingRequest } from '@digihjalpen/domain/testing';
import { pinClock } from '../src/common/clock';
import { WeeklySummary } from '../src/modules/insights/weekly-summary';
import { aBookableSite, book, mailsTo, type BookableSite } from './bookings';
import { aPartner, aUser, createTestApp, signIn, TEST_NOW, type Session, type TestApp } from './test-app';

type Row = { key: string; label: string; count: number | null };
const counts = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));

/**
 * A dataset with known counts at a site of its own: one session (Tuesday 30 March 2027, 4 slots × 2 seats),
 * a partner with a referral code, and visits logged for the week. "Now" then moves past that week.
 *
 *   bookings: 5 with the partner's code (all came), 1 made by the partner's staff (did not come),
 *             1 on the public page without a code (not marked) → 7 of 8 seats
 *   visits:   5 for the booked people who came (4 solved, 1 partly solved), 2 drop-ins referred to AMF;
 *             BankID in all 7, e-mail in 2; returning: yes 3, no 2, unknown 2
 */
describe('statistics, capacity signals, partners and staff bookings', () => {
  let t: TestApp;
  let coordinator: Session;
  let partner: Session;
  let otherPartner: Session;
  let partnerId: string;
  let partnerName: string;
  let site: BookableSite;
  let code: string;
  const people: Record<'coordinator' | 'partner' | 'otherPartner', { email: string; password: string }> = {} as never;

  /** Moves "now" and signs everyone in again (a sign-in ends after 15 idle minutes of the pinned clock). */
  async function at(now: Date): Promise<void> {
    pinClock(now);
    [coordinator, partner, otherPartner] = await Promise.all([signIn(t, people.coordinator), signIn(t, people.partner), signIn(t, people.otherPartner)]);
  }
  const AFTER = new Date('2027-04-20T12:00:00Z');

  beforeAll(async () => {
    t = await createTestApp();
    const p = await aPartner(t.db);
    partnerId = p.id;
    partnerName = p.name;
    people.coordinator = await aUser(t.db, 'coordinator');
    people.partner = await aUser(t.db, 'partner', { partnerId });
    people.otherPartner = await aUser(t.db, 'partner');
    await at(TEST_NOW);
    site = await aBookableSite(coordinator, { seats: 2 });
    const helper = await aUser(t.db, 'helper');

    code = (await partner.post(`/api/partners/${partnerId}/referral-codes`, { label: 'Jobbcoachning', siteId: site.siteId }).expect(201)).body.code;
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    for (let i = 0; i < 6; i += 1) await t.http().post(`/api/public/referrals/${code}/opened`).expect(204);

    const slot = (i: number) => site.slotIds[i] as string;
    const viaCode: string[] = [];
    for (const i of [0, 0, 1, 1, 2]) viaCode.push((await book(t, { slotId: slot(i), ref: code.toLowerCase() }).expect(201)).body.reference);
    const onBehalf = (await partner.post('/api/staff/bookings', aBookingRequest({ slotId: slot(2), name: 'Samir', website: undefined })).expect(201)).body.reference;
    await book(t, { slotId: slot(3) }).expect(201);

    await t.db.query(`UPDATE booking SET attendance = 'checked-in' WHERE reference = ANY($1)`, [viaCode]);
    await t.db.query(`UPDATE booking SET attendance = 'no-show' WHERE reference = $1`, [onBehalf]);
    const booked = (await t.db.query(`SELECT id FROM booking WHERE reference = ANY($1) ORDER BY reference`, [viaCode])) as { id: string }[];
    const visit = (bookingId: string | null, outcome: string, returning: string, categories: string[]) =>
      t.db.query(
        `INSERT INTO visit (client_id, session_id, site_id, date, helper_id, booking_id, categories, civic_information, device, language, duration_minutes, outcome, referred_to, came_via, returning_visitor)
         VALUES (gen_random_uuid(), $1, $2, '2027-03-30', $3, $4, $5, false, 'own-phone', 'sv', 20, $6, $7, $8, $9)`,
        [site.sessionId, site.siteId, helper.id, bookingId, categories, outcome, outcome === 'referred' ? 'amf' : null, bookingId ? 'booked' : 'drop-in', returning],
      );
    const returning = ['yes', 'yes', 'yes', 'no', 'no'];
    for (const [i, b] of booked.entries()) await visit(b.id, i === 4 ? 'partly' : 'solved', returning[i] as string, i < 2 ? ['bankid', 'email'] : ['bankid']);
    await visit(null, 'referred', 'unknown', ['bankid']);
    await visit(null, 'referred', 'unknown', ['bankid']);
    await at(AFTER);
  });
  afterAll(async () => {
    pinClock(TEST_NOW);
    await t.close();
  });

  const dashboard = (query: string) => coordinator.get(`/api/insights/dashboard?from=2027-03-29&to=2027-04-04&sites=${site.siteId}${query}`);

  describe('the coordinator dashboard', () => {
    beforeAll(() => at(AFTER));
    it('counts visits, bookings, attendance and seats exactly', async () => {
      const view = (await dashboard('').expect(200)).body;
      expect(view).toMatchObject({ from: '2027-03-29', to: '2027-04-04', siteIds: [site.siteId], suppressed: false });
      expect(view.totals).toEqual({ visits: 7, bookings: 7, attended: 5, noShows: 1, noShowRate: 1 / 6, returningShare: 3 / 5, utilisation: 7 / 8, helperMinutes: 0 });
      expect(view.visitsPerWeek).toEqual([{ weekStart: '2027-03-29', booked: 5, dropIn: 2 }]);
      expect(counts(view.categories)).toEqual({ bankid: 7, email: 2 });
      expect(counts(view.outcomes)).toEqual({ solved: 4, referred: 2, partly: 1 });
      expect(counts(view.referredTo)).toEqual({ amf: 2 });
      expect(counts(view.returning)).toEqual({ yes: 3, no: 2, unknown: 2 });
      expect(counts(view.attendance)).toEqual({ 'checked-in': 5, 'no-show': 1, unmarked: 1 });
      expect(counts(view.utilisationBands)).toEqual({ '0-24': 0, '25-49': 0, '50-74': 0, '75-99': 1, full: 0 });
      expect(view.utilisationBySite).toEqual([expect.objectContaining({ siteId: site.siteId, sessions: 1, seats: 8, booked: 7, attended: 5, dropIns: 2 })]);
    });

    it('labels how people came with the partner whose code or staff made the booking', async () => {
      const view = (await dashboard('').expect(200)).body;
      expect(view.cameVia).toEqual([
        { key: `partner:${partnerId}`, label: `Via ${partnerName}`, count: 5 },
        { key: 'drop-in', label: 'Drop-in', count: 2 },
      ]);
    });

    it('for a shared report hides every count from 1 to 4 and rounds the rest to 5, so no part can be worked out', async () => {
      const view = (await dashboard('&suppress=true').expect(200)).body;
      expect(view.suppressed).toBe(true);
      // 7 visits = 5 booked + 2 drop-in: published as 5, 5 and hidden, so the 2 cannot be subtracted out.
      expect(view.visitsPerWeek).toEqual([{ weekStart: '2027-03-29', booked: 5, dropIn: null }]);
      expect(counts(view.categories)).toEqual({ bankid: 5, email: null });
      expect(counts(view.outcomes)).toEqual({ solved: null, referred: null, partly: null });
      expect(view.totals).toMatchObject({ visits: 5, bookings: 5, attended: 5, noShows: null, noShowRate: null, returningShare: null, utilisation: 5 / 10 });
      expect(JSON.stringify(view)).not.toMatch(/"(count|booked|dropIn|attended|dropIns|visits|noShows|bookings)":[1-4][,}]/);
    });

    it('gives each chart as CSV, the same table the page shows', async () => {
      const csv = (await coordinator.get(`/api/insights/dashboard/categories.csv?from=2027-03-29&to=2027-04-04&sites=${site.siteId}`).expect(200).expect('Content-Type', /text\/csv/)).text;
      expect(csv.replace(/^\uFEFF/, '').split('\r\n').slice(0, 3)).toEqual(['Område;Besök', 'BankID och e-legitimation;7', 'E-post;2']);
      const hidden = (await coordinator.get(`/api/insights/dashboard/visits-per-week.csv?from=2027-03-29&to=2027-04-04&sites=${site.siteId}&suppress=true`).expect(200)).text;
      expect(hidden).toContain('2027-03-29;5;<5\r\n');
      const exact = (await coordinator.get(`/api/insights/dashboard/utilisation-by-site.csv?from=2027-03-29&to=2027-04-04&sites=${site.siteId}`).expect(200)).text;
      expect(exact).toContain(';1;8;7;5;2;88\r\n');
      await coordinator.get('/api/insights/dashboard/secrets.csv').expect(404);
    });

    it('refuses reversed and over-long periods and unknown sites clearly, in Swedish', async () => {
      const reversed = (await coordinator.get('/api/insights/dashboard?from=2027-04-04&to=2027-03-29').expect(400)).body;
      expect(reversed).toMatchObject({ code: 'INVALID_RANGE', fields: { to: expect.stringContaining('Slutdatum är före startdatum') } });
      expect((await coordinator.get('/api/insights/dashboard?from=2020-01-01&to=2027-01-01').expect(400)).body.fields.to).toContain('fem år');
      expect((await coordinator.get('/api/insights/dashboard?from=igår').expect(400)).body.fields.from).toContain('ÅÅÅÅ-MM-DD');
      const unknown = (await coordinator.get('/api/insights/dashboard?sites=7d0c0c53-4a59-4b7e-9a52-8f4f7c6b9a11').expect(400)).body;
      expect(unknown).toMatchObject({ code: 'UNKNOWN_SITE', fields: { sites: expect.any(String) } });
      await coordinator.get('/api/insights/dashboard?sites=stadsbiblioteket').expect(400);
      await coordinator.get('/api/insights/dashboard?suppress=maybe').expect(400);
    });

    it('is for coordinators only', async () => {
      await partner.get('/api/insights/dashboard').expect(403);
      await t.http().get('/api/insights/dashboard').expect(401);
      await partner.get('/api/insights/capacity').expect(403);
    });
  });

  describe('a partner', () => {
    beforeAll(() => at(AFTER));
    it('sees their funnel in aggregate: referred → booked → came → outcomes, nothing from 1 to 4', async () => {
      const funnel = (await partner.get(`/api/partners/${partnerId}/funnel?from=2026-11-01&to=2027-04-19`).expect(200)).body;
      // Referred: 6 pages opened from the code + 1 person the partner booked for = 7 → 5. Booked: 5 with the code + 1 = 6 → 5.
      // Came 5. Whole months: the period runs to the end of April.
      expect(funnel).toMatchObject({ partnerId, partnerName, from: '2026-11-01', to: '2027-04-30', suppressedBelow: 5, roundedTo: 5, referred: 5, booked: 5, came: 5 });
      expect(counts(funnel.outcomes)).toEqual({ solved: null, partly: null, 'follow-up': 0, referred: 0 });
      // The coordinator sees the same.
      expect((await coordinator.get(`/api/partners/${partnerId}/funnel?from=2026-11-15&to=2027-04-19`).expect(200)).body).toMatchObject({ from: '2026-11-01', booked: 5 });
      // A cancelled booking is not counted as booked.
      const [exact] = (await t.db.query(`SELECT count(*)::int AS n FROM booking WHERE partner_id = $1 AND status = 'confirmed'`, [partnerId])) as { n: number }[];
      expect(exact?.n).toBe(6);
    });

    it('cannot see, create or revoke anything of another partner', async () => {
      for (const res of [
        await otherPartner.get(`/api/partners/${partnerId}/funnel`),
        await otherPartner.get(`/api/partners/${partnerId}/referral-codes`),
        await otherPartner.post(`/api/partners/${partnerId}/referral-codes`, { label: 'Min kod', siteId: site.siteId }),
        await otherPartner.delete(`/api/partners/${partnerId}/referral-codes/${code}`),
        await otherPartner.get(`/api/partners/${partnerId}/referral-codes/${code}/slip.pdf`),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ code: 'OTHER_PARTNER', message: expect.stringContaining('egen organisation') });
      }
      await otherPartner.get('/api/partners').expect(403);
      expect((await partner.get(`/api/partners/${partnerId}/referral-codes`).expect(200)).body.map((c: { code: string }) => c.code)).toEqual([code]);
    });

    it('refuses bad periods and bad codes clearly', async () => {
      expect((await partner.get(`/api/partners/${partnerId}/funnel?from=2027-04-19&to=2027-01-01`).expect(400)).body.code).toBe('INVALID_RANGE');
      await partner.get(`/api/partners/${partnerId}/funnel?from=2019-01-01&to=2027-01-01`).expect(400);
      const bad = (await partner.post(`/api/partners/${partnerId}/referral-codes`, { label: '', siteId: 'stadsbiblioteket' }).expect(400)).body;
      expect(bad).toMatchObject({ code: 'INVALID_REFERRAL_CODE', fields: { label: expect.any(String), siteId: expect.any(String) } });
      await partner.post(`/api/partners/${partnerId}/referral-codes`, { label: 'Kod', siteId: '7d0c0c53-4a59-4b7e-9a52-8f4f7c6b9a11' }).expect(400);
      await partner.delete(`/api/partners/${partnerId}/referral-codes/ZZZZ-ZZZZ`).expect(404);
      await coordinator.get('/api/partners/7d0c0c53-4a59-4b7e-9a52-8f4f7c6b9a11/funnel').expect(404);
    });

    it('prints a slip with the code and the booking link as a QR code', async () => {
      const res = await partner.get(`/api/partners/${partnerId}/referral-codes/${code}/slip.pdf`).buffer(true).expect(200).expect('Content-Type', 'application/pdf');
      expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('revokes a code: later pages opened and bookings with it no longer count for the partner', async () => {
      const extra = (await partner.post(`/api/partners/${partnerId}/referral-codes`, { label: 'Gammal kampanj', siteId: site.siteId }).expect(201)).body;
      await partner.delete(`/api/partners/${partnerId}/referral-codes/${extra.code}`).expect(204);
      await partner.delete(`/api/partners/${partnerId}/referral-codes/${extra.code}`).expect(204);
      await t.http().post(`/api/public/referrals/${extra.code}/opened`).expect(204);
      await t.http().post('/api/public/referrals/not-a-code/opened').expect(204);
      const [opens] = (await t.db.query(`SELECT count(*)::int AS n FROM referral_open WHERE code = $1`, [extra.code])) as { n: number }[];
      expect(opens?.n).toBe(0);
      const later = await aBookableSite(coordinator, { date: '2027-05-04' });
      const ref = (await book(t, { slotId: later.slotIds[0] as string, ref: extra.code }).expect(201)).body.reference;
      const [stored] = (await t.db.query(`SELECT referral_code, partner_id FROM booking WHERE reference = $1`, [ref])) as { referral_code: string; partner_id: string | null }[];
      expect(stored).toEqual({ referral_code: extra.code, partner_id: null });
    });

    it('is created by a coordinator with a unique name', async () => {
      const created = (await coordinator.post('/api/partners', { name: `  Socialtjänsten ${Date.now()} ` }).expect(201)).body;
      expect(created).toMatchObject({ name: expect.stringMatching(/^Socialtjänsten \d+$/), users: 0, activeCodes: 0 });
      expect((await coordinator.post('/api/partners', { name: created.name }).expect(409)).body.code).toBe('PARTNER_TAKEN');
      expect((await coordinator.post('/api/partners', { name: ' ' }).expect(400)).body.fields.name).toBeDefined();
      expect((await coordinator.get('/api/partners').expect(200)).body).toContainEqual(expect.objectContaining({ id: partnerId, users: 1, activeCodes: 1 }));
    });
  });

  describe('booking on behalf', () => {
    let library: BookableSite;
    let staff: Session;

    beforeAll(async () => {
      await at(TEST_NOW);
      library = await aBookableSite(coordinator, { seats: 1 });
      staff = await signIn(t, await aUser(t.db, 'library-staff', { siteId: library.siteId }));
    });
    afterAll(() => at(AFTER));

    it('lets library staff book at their own site, with a confirmation e-mail in the person’s language', async () => {
      const res = await staff.post('/api/staff/bookings', aBookingRequest({ slotId: library.slotIds[0] as string, name: 'Fatima', email: 'fatima.staff@example.org', language: 'ar', website: undefined })).expect(201);
      expect(res.body).toMatchObject({ reference: expect.stringMatching(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/), manageUrl: expect.stringContaining('/bokning/'), language: 'ar' });
      const [stored] = (await t.db.query(`SELECT booked_by, partner_id FROM booking WHERE reference = $1`, [res.body.reference])) as { booked_by: string; partner_id: string | null }[];
      expect(stored?.partner_id).toBeNull();
      expect(stored?.booked_by).toEqual(expect.any(String));
      const [mail] = await mailsTo(t, 'fatima.staff@example.org');
      expect(mail?.subject).toBeDefined();
      const [audit] = (await t.db.query(`SELECT action FROM audit_log WHERE action = 'booking.created-for-person' AND actor_id = $1`, [stored?.booked_by])) as { action: string }[];
      expect(audit).toBeDefined();
    });

    it('keeps the capacity guarantee: a full slot answers 409 with free times, in Swedish', async () => {
      const full = (await coordinator.post('/api/staff/bookings', aBookingRequest({ slotId: library.slotIds[0] as string, name: 'Per', language: 'ar', website: undefined })).expect(409)).body;
      expect(full).toMatchObject({ code: 'SLOT_FULL', alternatives: expect.arrayContaining([expect.objectContaining({ slotId: library.slotIds[1] })]) });
      expect(full.message).toMatch(/[åäö]|tid/i);
    });

    it('refuses library staff at another site, a referral code from staff, and bad fields in Swedish', async () => {
      expect((await staff.post('/api/staff/bookings', aBookingRequest({ slotId: site.slotIds[3] as string, website: undefined })).expect(403)).body.code).toBe('OTHER_SITE');
      // Also for a full time at another library: nothing is said about its seats.
      expect((await staff.post('/api/staff/bookings', aBookingRequest({ slotId: site.slotIds[0] as string, website: undefined })).expect(403)).body.code).toBe('OTHER_SITE');
      await staff.post('/api/staff/bookings', { ...aBookingRequest({ slotId: library.slotIds[1] as string, website: undefined }), ref: 'ABCD-EFGH' }).expect(400);
      const bad = (await staff.post('/api/staff/bookings', { slotId: library.slotIds[1], name: '', language: 'sv', topics: [] }).expect(400)).body;
      expect(bad).toMatchObject({ code: 'INVALID_BOOKING', fields: { name: expect.any(String), topics: expect.any(String) } });
      const [left] = (await t.db.query(`SELECT booked FROM slot WHERE id = $1`, [library.slotIds[1]])) as { booked: number }[];
      expect(left?.booked).toBe(0);
    });

    it('is not for helpers or anonymous callers', async () => {
      const helper = await signIn(t, await aUser(t.db, 'helper'));
      await helper.post('/api/staff/bookings', aBookingRequest({ slotId: library.slotIds[1] as string, website: undefined })).expect(403);
      await t.http().post('/api/staff/bookings').send(aBookingRequest({ slotId: library.slotIds[1] as string })).expect(401);
    });

    it('needs an organisation for an invited partner and a site for invited library staff', async () => {
      const noPartner = (await coordinator.post('/api/auth/invitations', { email: `p-${Date.now()}@example.org`, name: 'P', role: 'partner' }).expect(400)).body;
      expect(noPartner).toMatchObject({ code: 'INVALID_INVITATION', fields: { partnerId: expect.any(String) } });
      await coordinator.post('/api/auth/invitations', { email: `l-${Date.now()}@example.org`, name: 'L', role: 'library-staff', siteId: '7d0c0c53-4a59-4b7e-9a52-8f4f7c6b9a11' }).expect(400);
      const invited = (await coordinator.post('/api/auth/invitations', { email: `l2-${Date.now()}@example.org`, name: 'L', role: 'library-staff', siteId: library.siteId }).expect(201)).body;
      expect(invited.user).toMatchObject({ role: 'library-staff', siteId: library.siteId, partnerId: null });
    });
  });

  describe('capacity signals', () => {
    it('finds regularly full times and quiet sites', async () => {
      await at(TEST_NOW);
      const full = await aBookableSite(coordinator, { seats: 1, date: '2026-12-01' });
      const quiet = await aBookableSite(coordinator, { seats: 2, date: '2026-12-01' });
      for (const date of ['2026-12-08', '2026-12-15']) {
        for (const s of [full, quiet]) await coordinator.post(`/api/sites/${s.siteId}/sessions`, { date, startTime: '10:00', endTime: '12:00', slotMinutes: 30, seatsPerSlot: s === full ? 1 : 2, dropIn: true, helpersNeeded: 2 }).expect(201);
      }
      // Every seat of the full site's three Tuesdays is taken (straight into the database: many per contact).
      await t.db.query(
        `INSERT INTO booking (id, slot_id, reference, manage_token_hash, name, language, topics)
         SELECT gen_random_uuid(), sl.id, upper(substr(md5(sl.id::text), 1, 3) || '-' || substr(md5(sl.id::text), 4, 3)), md5(sl.id::text) || md5(sl.id::text), 'X', 'sv', '{bankid}'
           FROM slot sl JOIN session s ON s.id = sl.session_id WHERE s.site_id = $1`,
        [full.siteId],
      );
      await at(new Date('2026-12-16T12:00:00Z'));
      const signals = (await coordinator.get('/api/insights/capacity').expect(200)).body;
      expect(signals).toMatchObject({ weeksBack: 8, daysAhead: 14 });
      expect(signals.regularlyFull).toContainEqual(expect.objectContaining({ siteId: full.siteId, weekday: 2, startTime: '10:00', sessions: 3, fullSessions: 3 }));
      expect(signals.lowUse).toContainEqual(expect.objectContaining({ siteId: quiet.siteId, sessions: 3, utilisation: 0, visitsPerSession: 0 }));
      expect(signals.lowUse.map((s: { siteId: string }) => s.siteId)).not.toContain(full.siteId);
    });

    it('lists coming sessions with fewer helpers than needed', async () => {
      await at(TEST_NOW);
      const soon = await aBookableSite(coordinator, { date: '2026-11-26' });
      const signals = (await coordinator.get('/api/insights/capacity').expect(200)).body;
      expect(signals.understaffed).toContainEqual(expect.objectContaining({ sessionId: soon.sessionId, helpersNeeded: 2, helpers: 0, start: '2026-11-26T10:00:00+01:00' }));
    });
  });

  describe('the weekly summary e-mail', () => {
    it('is opt-in per coordinator and goes out over SMTP with last week’s numbers and the coming gaps', async () => {
      const user = await aUser(t.db, 'coordinator', { email: `summary-${Date.now()}@example.org`, name: 'Karin Summary' });
      const me = await signIn(t, user);
      expect((await me.get('/api/insights/weekly-summary').expect(200)).body).toEqual({ enabled: false });
      await me.put('/api/insights/weekly-summary', { enabled: 'yes' }).expect(400);
      expect((await me.put('/api/insights/weekly-summary', { enabled: true }).expect(200)).body).toEqual({ enabled: true });
      expect((await me.get('/api/insights/weekly-summary').expect(200)).body).toEqual({ enabled: true });

      await at(TEST_NOW);
      const gap = await aBookableSite(coordinator, { date: '2026-11-27' });
      const queued = await t.app.get(WeeklySummary).queueMails();
      expect(queued).toBeGreaterThanOrEqual(1);
      const [mail] = await mailsTo(t, user.email);
      expect(mail?.subject).toBe('Digihjälpen – veckan som gick (2026-11-16)');
      expect(mail?.text).toContain('Hej Karin Summary!');
      expect(mail?.text).toMatch(/- Besök: \d+/);
      const siteName = (await coordinator.get(`/api/sites/${gap.siteId}`).expect(200)).body.name as string;
      expect(mail?.text).toContain(`- ${siteName}, fredag 27 november kl. 10:00: 0 av 2`);
      await me.put('/api/insights/weekly-summary', { enabled: false }).expect(200);
    });
  });
});
