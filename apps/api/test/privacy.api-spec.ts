import { ERASED_NAME } from '@digihjalpen/domain';
import { pinClock } from '../src/common/clock';
import { PrivacyService } from '../src/modules/privacy/privacy.service';
import fc from 'fast-check';
import type { ParsedMail } from 'mailparser';
import { aBookableSite, book, mailbox, type BookableSite } from './bookings';
import { aUser, createTestApp, signIn, TEST_NOW, type Session, type TestApp } from './test-app';

interface Booked {
  reference: string;
  manageToken: string;
}

/**
 * The clock starts in early August 2026 (before every other spec's bookings, which are all after
 * TEST_NOW), so the retention run below erases only bookings made here:
 *
 *   old site, Wednesday 5 August:     A (e-mail X, needs)   B (no contact details)
 *   recent site, Monday 28 September: C (e-mail X, phone)   D (e-mail Y)
 *
 * The retention run happens on 10 October: A and B ended more than 30 days before, C and D did not.
 */
/** The person's name, e-mail or phone (in any of its forms), never a bare "070": random ids contain that. */
const CODE_SUBJECTS = ['Din kod från biblioteket', 'Your code from the library', 'رمزك من المكتبة'];
const NO_CONTACT_DETAILS = /Amina|example\.org|070-123|123 45 67|701234567/;

describe('privacy: retention, right of access and erasure', () => {
  let t: TestApp;
  let coordinator: Session;
  const people: Record<'coordinator' | 'secondCoordinator' | 'helper' | 'partner', { email: string; password: string }> = {} as never;
  let oldSite: BookableSite;
  let recentSite: BookableSite;
  const booked: Record<'a' | 'b' | 'c' | 'd', Booked> = {} as never;
  const X = `anna.${Date.now()}@example.org`;
  const Y = `bertil.${Date.now()}@example.org`;

  const BOOKING_TIME = new Date('2026-08-03T10:00:00Z');
  const RETENTION_RUN = new Date('2026-10-10T00:30:00Z');

  /** Moves "now" and signs the coordinator in again (a sign-in ends after 15 idle minutes of the pinned clock). */
  async function at(now: Date): Promise<void> {
    pinClock(now);
    coordinator = await signIn(t, people.coordinator);
  }

  /** The code e-mails to `to`, oldest first, once `count` have arrived (real SMTP, sent by the job queue). */
  async function codeMails(to: string, count: number): Promise<ParsedMail[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const mails = (await mailbox(t)).filter((m) => CODE_SUBJECTS.includes(m.subject ?? '') && JSON.stringify(m.to).toLowerCase().includes(to.toLowerCase()));
      if (mails.length >= count || Date.now() > deadline) return mails;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  let codesSeen = 0;
  /** Waits for the next code e-mail to `to` (codes to X arrive one at a time in these tests) and reads its six digits. */
  async function codeSentTo(to: string): Promise<string> {
    const mails = await codeMails(to, codesSeen + 1);
    const mail = mails[codesSeen]; // the mail folder is in order of arrival
    if (!mail) throw new Error(`No code e-mail number ${codesSeen + 1} to ${to}`);
    codesSeen++;
    const match = /(\d{3}) (\d{3})/.exec(mail.text ?? '');
    if (!match) throw new Error('No code in the e-mail');
    return `${match[1]}${match[2]}`;
  }
  /** A six-digit code that is not `code`. */
  const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  const stored = async (reference: string) =>
    ((await t.db.query(`SELECT name, email, phone, needs, contact_keys, erased_at, token_version, status, topics, language, own_device FROM booking WHERE reference = $1`, [reference])) as Record<string, unknown>[])[0];

  beforeAll(async () => {
    t = await createTestApp({ BOOKING_RATE_LIMIT: '100000', BOOKING_DAILY_LIMIT: '100000', MANAGE_RATE_LIMIT: '100000' });
    people.coordinator = await aUser(t.db, 'coordinator');
    people.secondCoordinator = await aUser(t.db, 'coordinator');
    people.helper = await aUser(t.db, 'helper');
    people.partner = await aUser(t.db, 'partner');
    await at(BOOKING_TIME);
    oldSite = await aBookableSite(coordinator, { date: '2026-08-05' });
    recentSite = await aBookableSite(coordinator, { date: '2026-09-28' });
    const make = async (slotId: string, body: Record<string, unknown>): Promise<Booked> => {
      const res = await book(t, { slotId, ...body }).expect(201);
      return { reference: res.body.reference, manageToken: res.body.manageToken };
    };
    booked.a = await make(oldSite.slotIds[0] as string, { name: 'Amina', email: X, needs: 'Jag behöver hjälp med BankID på mobilen.', topics: ['bankid', 'email'] });
    booked.b = await make(oldSite.slotIds[1] as string, { name: 'Bertil', topics: ['printing'], language: 'ar' });
    booked.c = await make(recentSite.slotIds[0] as string, { name: 'Amina', email: X, phone: '070-123 45 67' });
    booked.d = await make(recentSite.slotIds[1] as string, { name: 'Dragan', email: Y });
    await t.db.query(`UPDATE booking SET attendance = 'checked-in' WHERE reference = $1`, [booked.a.reference]);
  });
  afterAll(async () => {
    pinClock(TEST_NOW);
    await t.close();
  });

  describe('the nightly retention job', () => {
    let erased: number;
    let bookingsBefore: number;
    const dashboard = () => coordinator.get(`/api/insights/dashboard?from=2026-08-03&to=2026-08-09&sites=${oldSite.siteId}`).expect(200);

    beforeAll(async () => {
      await at(RETENTION_RUN);
      // Long past its session the link has ended (410, part E), but the booking is still found by it.
      await t.http().get(`/api/public/bookings/${booked.a.manageToken}`).expect(410);
      bookingsBefore = (await dashboard()).body.totals.bookings;
      // Batches of one: the loop goes on until a batch comes back short.
      erased = await t.app.get(PrivacyService).eraseExpired(RETENTION_RUN, 1);
    });

    it('erases the details of bookings whose time ended more than 30 days ago', async () => {
      expect(erased).toBeGreaterThanOrEqual(2);
      for (const reference of [booked.a.reference, booked.b.reference]) {
        expect(await stored(reference)).toMatchObject({ name: ERASED_NAME, email: null, phone: null, needs: null, contact_keys: [], erased_at: RETENTION_RUN, token_version: 2 });
      }
    });

    it('keeps what statistics need: topics, language, device, status, and the dashboard still counts them', async () => {
      expect(await stored(booked.a.reference)).toMatchObject({ status: 'confirmed', topics: ['bankid', 'email'], language: 'sv', own_device: true });
      expect(await stored(booked.b.reference)).toMatchObject({ topics: ['printing'], language: 'ar' });
      expect(bookingsBefore).toBe(2);
      const view = (await dashboard()).body;
      expect(view.totals).toMatchObject({ bookings: 2, attended: 1 });
    });

    it('leaves bookings whose time ended less than 30 days ago alone', async () => {
      expect(await stored(booked.c.reference)).toMatchObject({ name: 'Amina', email: X, phone: '070-123 45 67', erased_at: null, token_version: 1 });
      expect(await stored(booked.d.reference)).toMatchObject({ name: 'Dragan', email: Y, erased_at: null });
      await t.http().get(`/api/public/bookings/${booked.c.manageToken}`).expect(410); // ended (part E), not revoked (404)
    });

    it('revokes the old manage link: it answers 404 like any unknown link', async () => {
      const res = await t.http().get(`/api/public/bookings/${booked.a.manageToken}`).expect(404);
      expect(res.body.code).toBe('BOOKING_NOT_FOUND');
    });

    it('writes one audit entry per run with the count and nothing about the people', async () => {
      const [entry] = (await t.db.query(`SELECT actor_id, details FROM audit_log WHERE action = 'privacy.retention' ORDER BY id DESC LIMIT 1`)) as { actor_id: string | null; details: Record<string, unknown> }[];
      expect(entry).toMatchObject({ actor_id: null, details: { erased, retentionDays: 30 } });
      expect(JSON.stringify(entry)).not.toMatch(/Amina|Bertil|example\.org/);
    });

    it('is scheduled once a night in Stockholm time', async () => {
      const rows = (await t.db.query(`SELECT cron, options FROM ${t.jobSchema}.schedule WHERE name = 'privacy-retention'`)) as { cron: string; options: { tz?: string } }[];
      expect(rows).toEqual([expect.objectContaining({ cron: '30 2 * * *', options: expect.objectContaining({ tz: 'Europe/Stockholm' }) })]);
    });

    it('erases nothing more when it runs again', async () => {
      expect(await t.app.get(PrivacyService).eraseExpired(RETENTION_RUN)).toBe(0);
    });
  });

  describe('right of access and erasure by reference (coordinators)', () => {
    let again: Booked;
    let secondCoordinator: Session;

    beforeAll(async () => {
      // Another booking by the same person, with the address in capitals: the keys compare it normalised.
      pinClock(new Date('2026-09-20T10:00:00Z'));
      const res = await book(t, { slotId: recentSite.slotIds[2] as string, name: 'Amina', email: X.toUpperCase() }).expect(201);
      again = { reference: res.body.reference, manageToken: res.body.manageToken };
      await at(RETENTION_RUN);
      secondCoordinator = await signIn(t, people.secondCoordinator);
    });

    it('finds the booking by its reference in any case, with or without the dash, and shows that booking only', async () => {
      const compact = booked.c.reference.replace('-', '').toLowerCase();
      const res = await coordinator.get(`/api/privacy/bookings/${compact}`).expect(200).expect('Cache-Control', 'no-store');
      expect(res.body).toMatchObject({ reference: booked.c.reference, scope: 'booking', erased: false, retentionDays: 30 });
      expect(res.body.bookings).toEqual([
        {
          reference: booked.c.reference,
          createdAt: expect.any(String),
          erasedAt: null,
          bookedBy: null,
          held: { name: 'Amina', email: X, phone: '070-123 45 67', needs: null, manageLinkActive: true },
          kept: expect.objectContaining({ siteName: expect.stringContaining('Bokningsbiblioteket'), slotStart: '2026-09-28T10:00:00+02:00', status: 'confirmed', topics: ['bankid'] }),
        },
      ]);
      // The other booking with the same address is not there, and nothing hints at it.
      expect(JSON.stringify(res.body)).not.toContain(again.reference);
      expect(res.body.proof).toEqual({ channel: 'email', sendsTo: `a…@example.org`, phoneOnly: false, pending: null, grantedUntil: null });
      const [entry] = (await t.db.query(`SELECT details FROM audit_log WHERE action = 'privacy.viewed' ORDER BY id DESC LIMIT 1`)) as { details: { scope: string; bookingIds: string[] } }[];
      expect(entry?.details).toMatchObject({ scope: 'booking', bookingIds: [expect.any(String)] });
    });

    it('refuses the other bookings with the same contact (view, export and erase) until the person proves the address is theirs', async () => {
      for (const url of [`/api/privacy/bookings/${booked.c.reference}?scope=contact`, `/api/privacy/bookings/${booked.c.reference}/export.json?scope=contact`]) {
        const res = await coordinator.get(url).expect(403);
        expect(res.body).toMatchObject({ code: 'PROOF_REQUIRED', message: expect.stringContaining('Skicka en kod') });
      }
      await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/erase?scope=contact`).expect(403);
      expect(await stored(again.reference)).toMatchObject({ name: 'Amina', erased_at: null });
      const bad = await coordinator.get(`/api/privacy/bookings/${booked.c.reference}?scope=everything`).expect(400);
      expect(bad.body).toMatchObject({ code: 'INVALID_PRIVACY_SCOPE' });
    });

    it('sends a six-digit code to the booking’s e-mail address; only its hash is stored, and the job holds it sealed', async () => {
      const res = await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code`, {}).expect(200);
      expect(res.body).toEqual({ channel: 'email', sentTo: 'a…@example.org', expiresAt: '2026-10-10T02:40:00+02:00', triesLeft: 5 });
      const code = await codeSentTo(X);
      expect(code).toMatch(/^\d{6}$/);
      const [row] = (await t.db.query(`SELECT code_hash, attempts FROM privacy_proof p JOIN booking b ON b.id = p.booking_id WHERE b.reference = $1`, [booked.c.reference])) as { code_hash: string }[];
      expect(row?.code_hash).toMatch(/^[0-9a-f]{64}$/);
      const jobs = (await t.db.query(`SELECT data::text AS data FROM ${t.jobSchema}.job WHERE name = 'privacy-code'`)) as { data: string }[];
      expect(jobs.length).toBeGreaterThan(0);
      for (const job of jobs) expect(job.data).not.toContain(code);
      const [entry] = (await t.db.query(`SELECT actor_id, entity_id, details FROM audit_log WHERE action = 'privacy.code-sent' ORDER BY id DESC LIMIT 1`)) as Record<string, unknown>[];
      expect(entry).toMatchObject({ actor_id: expect.any(String), details: { channel: 'email', proofId: expect.any(String) } });
      expect(JSON.stringify(entry)).not.toMatch(NO_CONTACT_DETAILS);
      expect(JSON.stringify(entry)).not.toContain(code);
      expect((await coordinator.get(`/api/privacy/bookings/${booked.c.reference}`).expect(200)).body.proof).toMatchObject({ pending: { triesLeft: 5 }, grantedUntil: null });
    });

    it('answers a wrong code with 400 in Swedish and one try fewer; the right code then opens every booking with that e-mail address', async () => {
      await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code`, {}).expect(200);
      const code = await codeSentTo(X);
      const wrong = await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code/verify`, { code: otherThan(code) }).expect(400);
      expect(wrong.body).toMatchObject({ code: 'WRONG_PROOF_CODE', message: expect.stringContaining('4 gånger till') });
      const malformed = await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code/verify`, { code: '12a456' }).expect(400);
      expect(malformed.body).toMatchObject({ code: 'INVALID_PROOF_CODE', message: expect.stringContaining('sex siffror') });

      const granted = await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code/verify`, { code: `${code.slice(0, 3)} ${code.slice(3)}` }).expect(200);
      expect(granted.body).toEqual({ grantedUntil: '2026-10-10T03:00:00+02:00', bookings: 2 });
      const res = await coordinator.get(`/api/privacy/bookings/${booked.c.reference}?scope=contact`).expect(200);
      expect(res.body).toMatchObject({ scope: 'contact', proof: { grantedUntil: '2026-10-10T03:00:00+02:00', pending: null } });
      expect(res.body.bookings.map((b: { reference: string }) => b.reference)).toEqual([booked.c.reference, again.reference]);
      expect(res.body.bookings.map((b: { reference: string }) => b.reference)).not.toContain(booked.d.reference);

      // A malformed code is refused before it counts as a try, and is not a failed try in the log.
      const actions = (await t.db.query(`SELECT action, details FROM audit_log WHERE action IN ('privacy.code-failed', 'privacy.code-verified', 'privacy.viewed') ORDER BY id DESC LIMIT 3`)) as { action: string; details: Record<string, unknown> }[];
      expect(actions.map((a) => a.action)).toEqual(['privacy.viewed', 'privacy.code-verified', 'privacy.code-failed']);
      expect(actions[0]?.details).toMatchObject({ scope: 'contact', bookingIds: [expect.any(String), expect.any(String)] });
      expect(actions[2]?.details).toMatchObject({ reason: 'WRONG_PROOF_CODE', triesLeft: 4, proofId: expect.any(String) });
      expect(JSON.stringify(actions)).not.toMatch(NO_CONTACT_DETAILS);
      expect(JSON.stringify(actions)).not.toContain(code);

      // Single use: the same code again opens nothing more.
      const reused = await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code/verify`, { code }).expect(409);
      expect(reused.body).toMatchObject({ code: 'NO_PROOF_CODE' });
    });

    it('exports every booking with the address as a file while the grant holds, without the proof state', async () => {
      const res = await coordinator.get(`/api/privacy/bookings/${booked.c.reference}/export.json?scope=contact`).expect(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="personuppgifter-${booked.c.reference}-alla.json"`);
      const file = JSON.parse(res.text);
      expect(file.bookings).toHaveLength(2);
      expect(file).not.toHaveProperty('proof');
    });

    it('binds the grant to the coordinator who checked the code: another coordinator gets 403', async () => {
      await secondCoordinator.get(`/api/privacy/bookings/${booked.c.reference}?scope=contact`).expect(403);
      await secondCoordinator.get(`/api/privacy/bookings/${booked.c.reference}/export.json?scope=contact`).expect(403);
      await secondCoordinator.post(`/api/privacy/bookings/${booked.c.reference}/erase?scope=contact`).expect(403);
      expect((await secondCoordinator.get(`/api/privacy/bookings/${booked.c.reference}`).expect(200)).body.proof).toMatchObject({ grantedUntil: null, pending: null });
      // Nor can they type a code: none was sent for them.
      await secondCoordinator.post(`/api/privacy/bookings/${booked.c.reference}/code/verify`, { code: '123456' }).expect(409);
    });

    it('ends the grant after 30 minutes', async () => {
      await at(new Date(RETENTION_RUN.getTime() + 30 * 60_000));
      await coordinator.get(`/api/privacy/bookings/${booked.c.reference}?scope=contact`).expect(403);
      await at(RETENTION_RUN);
    });

    it('burns a code after five wrong tries: even the right code is then refused', async () => {
      await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code`, {}).expect(200);
      const code = await codeSentTo(X);
      for (let left = 4; left >= 0; left--) {
        const res = await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code/verify`, { code: otherThan(code) }).expect(400);
        expect(res.body.code).toBe('WRONG_PROOF_CODE');
        if (left === 0) expect(res.body.message).toContain('Skicka en ny kod');
      }
      const res = await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code/verify`, { code }).expect(410);
      expect(res.body).toMatchObject({ code: 'PROOF_CODE_USED_UP', message: expect.stringContaining('Skicka en ny kod') });
      await coordinator.get(`/api/privacy/bookings/${booked.c.reference}?scope=contact`).expect(403);
    });

    it('refuses a code after its ten minutes, and a new code replaces the old one', async () => {
      await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code`, {}).expect(200);
      const old = await codeSentTo(X);
      await at(new Date(RETENTION_RUN.getTime() + 10 * 60_000));
      const late = await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code/verify`, { code: old }).expect(410);
      expect(late.body).toMatchObject({ code: 'PROOF_CODE_EXPIRED', message: expect.stringContaining('10 minuter') });

      await at(RETENTION_RUN);
      await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code`, {}).expect(200);
      const first = await codeSentTo(X);
      await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code`, {}).expect(200);
      const second = await codeSentTo(X);
      if (first !== second) {
        const res = await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code/verify`, { code: first }).expect(400);
        expect(res.body.code).toBe('WRONG_PROOF_CODE');
      }
      await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code/verify`, { code: second }).expect(200);
    });

    it('sends at most ten codes a booking a day (a new code gives new tries): the eleventh is 429', async () => {
      const sent = async () =>
        ((await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'privacy.code-sent' AND entity_id = (SELECT id::text FROM booking WHERE reference = $1)`, [booked.c.reference])) as { n: number }[])[0]?.n ?? -1;
      // Earlier tests sent some already, on this day.
      while ((await sent()) < 10) {
        await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code`, {}).expect(200);
        await codeSentTo(X); // each one arrives (and the tests below read the next one)
      }
      const refused = await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/code`, {}).expect(429);
      expect(refused.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringContaining('legitimation') });
      expect(await sent()).toBe(10);
      // The tests below send codes for this booking on the same day again.
      await t.db.query(`DELETE FROM rate_limit WHERE bucket = 'privacy-code-day'`);
    });

    it('sends the code in the booking’s language', async () => {
      const english = `eve.${Date.now()}@example.org`;
      pinClock(new Date('2026-09-20T10:00:00Z'));
      const res = await book(t, { slotId: recentSite.slotIds[0] as string, name: 'Eve', email: english, language: 'en' }).expect(201);
      await at(RETENTION_RUN);
      await coordinator.post(`/api/privacy/bookings/${res.body.reference}/code`, {}).expect(200);
      const [mail] = await codeMails(english, 1);
      expect(mail?.subject).toBe('Your code from the library');
      expect(mail?.text).toContain('The library never calls to ask for the code.');
    });

    it('says plainly that no code can be sent to a booking with only a phone number, and what to do instead', async () => {
      pinClock(new Date('2026-09-20T10:00:00Z'));
      const res = await book(t, { slotId: recentSite.slotIds[1] as string, name: 'Goran', phone: '070-765 43 21' }).expect(201);
      await at(RETENTION_RUN);
      const view = await coordinator.get(`/api/privacy/bookings/${res.body.reference}`).expect(200);
      expect(view.body.proof).toEqual({ channel: null, sendsTo: null, phoneOnly: true, pending: null, grantedUntil: null });
      const refused = await coordinator.post(`/api/privacy/bookings/${res.body.reference}/code`, {}).expect(409);
      expect(refused.body).toMatchObject({ code: 'NO_PROOF_CHANNEL', message: expect.stringContaining('sms') });
      expect(refused.body.message).toContain('legitimation');
    });

    it('never answers 5xx and never grants anything to any reference, scope and code body (fast-check)', async () => {
      const grants = async () => ((await t.db.query(`SELECT count(*)::int AS n FROM privacy_proof WHERE verified_at IS NOT NULL`)) as { n: number }[])[0]?.n ?? -1;
      const before = await grants();
      const odd = fc.oneof(fc.string(), fc.constantFrom('', ' ', '%00', '../x', 'contact', 'CONTACT', '٤٨٢٩١٣', '482913', '482 913', 'x'.repeat(5000), '__proto__'));
      const reference = fc.oneof(odd, fc.constant(booked.d.reference), fc.constant(booked.b.reference));
      const body = fc.oneof(fc.anything(), fc.record({ code: fc.oneof(odd, fc.integer(), fc.constant(null)) }), fc.dictionary(fc.string(), odd));
      await fc.assert(
        fc.asyncProperty(reference, odd, body, async (ref, scope, payload) => {
          const path = `/api/privacy/bookings/${encodeURIComponent(ref)}`;
          const query = `?scope=${encodeURIComponent(scope)}`;
          const answers: [string, { status: number; text: string }][] = [
            [`GET ${path}${query}`, await coordinator.get(`${path}${query}`)],
            [`GET ${path}/export.json${query}`, await coordinator.get(`${path}/export.json${query}`)],
            // As raw JSON text: any value, also a bare number or string, reaches the API's parser.
            [
              `POST ${path}/code/verify`,
              await coordinator.agent.post(`${path}/code/verify`).set('X-XSRF-TOKEN', coordinator.csrf).set('Content-Type', 'application/json').send(JSON.stringify(payload) ?? ''),
            ],
          ];
          for (const [what, res] of answers) if (res.status >= 500) throw new Error(`${what} answered ${res.status}: ${res.text.slice(0, 300)}`);
        }),
        { seed: 20261205, numRuns: 60, endOnFailure: true },
      );
      expect(await grants()).toBe(before);
      expect(await stored(booked.d.reference)).toMatchObject({ name: 'Dragan', erased_at: null });
    });

    it('says so when the booking is already erased, and shows only what is kept', async () => {
      const res = await coordinator.get(`/api/privacy/bookings/${booked.a.reference}`).expect(200);
      expect(res.body).toMatchObject({ erased: true, bookings: [{ reference: booked.a.reference, held: null, erasedAt: expect.any(String), kept: { attendance: 'checked-in' } }] });
      expect(res.body.proof).toMatchObject({ channel: null, phoneOnly: false });
      await coordinator.post(`/api/privacy/bookings/${booked.a.reference}/code`, {}).expect(409);
    });

    it('exports the booking as a file to download, and audits the export', async () => {
      const res = await coordinator.get(`/api/privacy/bookings/${booked.d.reference}/export.json`).expect(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="personuppgifter-${booked.d.reference}.json"`);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.parse(res.text)).toMatchObject({ reference: booked.d.reference, scope: 'booking', bookings: [{ held: { name: 'Dragan', email: Y } }] });
      const [entry] = (await t.db.query(`SELECT actor_id, entity_id, details FROM audit_log WHERE action = 'privacy.exported' ORDER BY id DESC LIMIT 1`)) as { actor_id: string; details: unknown }[];
      expect(entry).toMatchObject({ actor_id: expect.any(String), details: { scope: 'booking', bookingIds: [expect.any(String)] } });
      expect(JSON.stringify(entry)).not.toMatch(/Dragan|example\.org/);
    });

    it('erases by reference only that booking, the same way as the job; erasing again erases nothing', async () => {
      const first = await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/erase`).expect(200);
      // The time (28 September) has passed by "now": nothing to cancel.
      expect(first.body).toEqual({ erased: 1, cancelled: 0 });
      expect(await stored(booked.c.reference)).toMatchObject({ name: ERASED_NAME, email: null, phone: null, contact_keys: [], token_version: 2 });
      // The other booking with the same address is untouched.
      expect(await stored(again.reference)).toMatchObject({ name: 'Amina', email: expect.stringMatching(new RegExp(`^${X.replace(/\./g, '\\.')}$`, 'i')), erased_at: null });
      expect(await stored(booked.d.reference)).toMatchObject({ name: 'Dragan', erased_at: null });
      await t.http().get(`/api/public/bookings/${booked.c.manageToken}`).expect(404);
      const [entry] = (await t.db.query(`SELECT details FROM audit_log WHERE action = 'privacy.erased' ORDER BY id DESC LIMIT 1`)) as { details: { scope: string; bookingIds: string[] } }[];
      expect(entry?.details).toMatchObject({ scope: 'booking', bookingIds: [expect.any(String)] });
      expect(JSON.stringify(entry)).not.toMatch(NO_CONTACT_DETAILS);

      const second = await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/erase`).expect(200);
      expect(second.body).toEqual({ erased: 0, cancelled: 0 });
      expect((await coordinator.get(`/api/privacy/bookings/${booked.c.reference}`).expect(200)).body).toMatchObject({ erased: true });
    });

    it('erases every booking with the address when the person proved it, and the grant outlives the erased booking', async () => {
      pinClock(new Date('2026-09-20T10:00:00Z'));
      const mine = await book(t, { slotId: recentSite.slotIds[2] as string, name: 'Amina', email: X }).expect(201);
      await at(RETENTION_RUN);
      await coordinator.post(`/api/privacy/bookings/${mine.body.reference}/code`, {}).expect(200);
      const code = await codeSentTo(X);
      expect((await coordinator.post(`/api/privacy/bookings/${mine.body.reference}/code/verify`, { code }).expect(200)).body.bookings).toBe(2);
      const res = await coordinator.post(`/api/privacy/bookings/${mine.body.reference}/erase?scope=contact`).expect(200);
      expect(res.body).toEqual({ erased: 2, cancelled: 0 });
      expect(await stored(again.reference)).toMatchObject({ name: ERASED_NAME, email: null, erased_at: RETENTION_RUN });
      expect(await stored(booked.d.reference)).toMatchObject({ name: 'Dragan', erased_at: null });
      const [entry] = (await t.db.query(`SELECT details FROM audit_log WHERE action = 'privacy.erased' ORDER BY id DESC LIMIT 1`)) as { details: { scope: string; bookingIds: string[] } }[];
      expect(entry?.details).toMatchObject({ scope: 'contact', bookingIds: [expect.any(String), expect.any(String)] });
    });

    it('cancels a booking for a time still to come when it erases it, so the seat is free again', async () => {
      pinClock(new Date('2026-09-20T10:00:00Z'));
      const future = await book(t, { slotId: recentSite.slotIds[3] as string, name: 'Fatima', phone: '0701112233' }).expect(201);
      await at(new Date('2026-09-20T10:05:00Z'));
      const res = await coordinator.post(`/api/privacy/bookings/${future.body.reference}/erase`).expect(200);
      expect(res.body).toEqual({ erased: 1, cancelled: 1 });
      expect(await stored(future.body.reference)).toMatchObject({ status: 'cancelled', name: ERASED_NAME, phone: null });
      const [slot] = (await t.db.query(`SELECT booked FROM slot WHERE id = $1`, [recentSite.slotIds[3]])) as { booked: number }[];
      expect(slot?.booked).toBe(0);
      await at(RETENTION_RUN);
    });

    it('answers an unknown reference with 404 and a bad one with 400, in Swedish', async () => {
      const unknown = await coordinator.get('/api/privacy/bookings/ZZZ-ZZZ').expect(404);
      expect(unknown.body).toMatchObject({ code: 'REFERENCE_NOT_FOUND', message: expect.stringContaining('ingen bokning') });
      await coordinator.post('/api/privacy/bookings/ZZZ-ZZZ/erase').expect(404);
      await coordinator.post('/api/privacy/bookings/ZZZ-ZZZ/code', {}).expect(404);
      await coordinator.post('/api/privacy/bookings/ZZZ-ZZZ/code/verify', { code: '123456' }).expect(404);
      const bad = await coordinator.get('/api/privacy/bookings/hej').expect(400);
      expect(bad.body).toMatchObject({ code: 'INVALID_REFERENCE', message: expect.stringContaining('sex tecken'), fields: { reference: expect.any(String) } });
    });

    it('tells the page how many days contact details are kept', async () => {
      expect((await coordinator.get('/api/privacy/settings').expect(200)).body).toEqual({ retentionDays: 30 });
    });

    it('forgets proofs at the nightly run once their code and grant have ended, and keeps a live one', async () => {
      // This file's proofs only: every API test file shares the database (the authorization matrix sends codes too).
      const mine = `p.coordinator_id IN (SELECT id FROM app_user WHERE email = ANY($1))`;
      const ours = [[people.coordinator.email, people.secondCoordinator.email]];
      const proofs = async () => ((await t.db.query(`SELECT count(*)::int AS n FROM privacy_proof p WHERE ${mine}`, ours)) as { n: number }[])[0]?.n ?? -1;
      expect(await proofs()).toBeGreaterThan(0);
      // Every grant above ended 30 minutes after RETENTION_RUN; this code is sent 25 minutes after it.
      const minutes = (n: number) => new Date(RETENTION_RUN.getTime() + n * 60_000);
      await at(minutes(25));
      await coordinator.post(`/api/privacy/bookings/${booked.d.reference}/code`, {}).expect(200);
      await t.app.get(PrivacyService).eraseExpired(minutes(31));
      const left = (await t.db.query(`SELECT b.reference FROM privacy_proof p JOIN booking b ON b.id = p.booking_id WHERE ${mine}`, ours)) as { reference: string }[];
      expect(left).toEqual([{ reference: booked.d.reference }]);
      await t.app.get(PrivacyService).eraseExpired(minutes(36));
      expect(await proofs()).toBe(0);
      await at(RETENTION_RUN);
    });

    it('refuses helpers and partners (403) and anyone not signed in (401)', async () => {
      const reference = booked.d.reference;
      for (const person of [people.helper, people.partner]) {
        const session = await signIn(t, person);
        await session.get(`/api/privacy/bookings/${reference}`).expect(403);
        await session.get(`/api/privacy/bookings/${reference}/export.json`).expect(403);
        await session.post(`/api/privacy/bookings/${reference}/erase`).expect(403);
        await session.post(`/api/privacy/bookings/${reference}/code`, {}).expect(403);
        await session.post(`/api/privacy/bookings/${reference}/code/verify`, { code: '123456' }).expect(403);
        await session.get('/api/privacy/settings').expect(403);
      }
      await t.http().get(`/api/privacy/bookings/${reference}`).expect(401);
      await t.http().get(`/api/privacy/bookings/${reference}/export.json`).expect(401);
      await t.http().post(`/api/privacy/bookings/${reference}/erase`).expect(401);
      await t.http().post(`/api/privacy/bookings/${reference}/code`).send({}).expect(401);
      await t.http().post(`/api/privacy/bookings/${reference}/code/verify`).send({ code: '123456' }).expect(401);
      expect(await stored(reference)).toMatchObject({ name: 'Dragan', erased_at: null });
    });
  });
});
