import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JobQueue } from '../src/modules/jobs/job-queue';
import { startMailCatcher, type MailCatcher } from '../src/modules/notifications/mail-catcher';
import { MailService } from '../src/modules/notifications/mail.service';
import { BOOKING_MAIL_QUEUE, type BookingMailJob } from '../src/modules/bookings/bookings.service';
import { aBookableSite, book, JOB_DELAY_SECONDS, jobsSettled, mailbox, makeJobsDue, plannedFor, type BookableSite, type SlotTaken } from './bookings';
import { aUser, createTestApp, signIn, type Session, type TestApp } from './test-app';

/*
 * Two API instances on one database (issue 9, "Several instances").
 *
 * Each instance is a whole Nest application made by createTestApp — the same module and wiring as
 * main.ts — listening on its own loopback port, so every request below is real HTTP to one instance
 * or the other. They share what two production processes share: the database URL, the pg-boss schema,
 * the SMTP server and the SECRET_KEY. Each has its own TypeORM connection pool, its own pg-boss
 * instance with its own workers and polling, its own SMTP transport and
 * its own Nest container, so no service, cache or in-memory state of one is visible to the other.
 * Running them in one Node process rather than two is therefore equivalent for what is tested here
 * (state that must travel through Postgres): the only things the process shares are module globals,
 * and the only such global that matters — the clock that createTestApp pins — is test-only.
 * Spawning the built API (dist/apps/api/apps/api/src/main.js) is not an option: `api:test` does not
 * depend on `api:build`, so the build may be missing or stale when jest runs.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const run = Date.now().toString(36);
let address = 0;
const anAddress = (label: string) => `${label}-${++address}-${run}@example.org`;

/**
 * Both instances need the same key: a booking is found by its token's hash on any instance, but the
 * manage link in an e-mail is derived again from the key by whichever instance sends it (with two keys
 * the reminder test below fails: the link does not work), and so is the per-contact limit's hash.
 */
const SECRET_KEY = randomBytes(48).toString('base64');
const ENV = { SECRET_KEY, BOOKING_RATE_LIMIT: '1000', BOOKING_DAILY_LIMIT: '1000', MANAGE_RATE_LIMIT: '1000' };

const seatsLeft = async (t: TestApp, site: BookableSite, slotId: string): Promise<number> => {
  const sessions = (await t.http().get(`/api/public/sites/${site.slug}/sessions?from=2027-03-01&to=2027-04-30`).expect(200)).body as { slots: { id: string; seatsLeft: number }[] }[];
  const slot = sessions.flatMap((s) => s.slots).find((s) => s.id === slotId);
  if (!slot) throw new Error('slot not listed');
  return slot.seatsLeft;
};

const toText = (to: unknown): string => [to].flat().map((a) => (a as { text?: string } | undefined)?.text ?? '').join(',');

describe('two API instances on one database', () => {
  let dir: string;
  let smtp: MailCatcher;
  let a: TestApp;
  let b: TestApp;
  let coordinator: Session;
  /** Addresses each instance handed a reminder for to its SMTP transport: together, each once. */
  const reminderSends = { a: [] as string[], b: [] as string[] };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dh-two-'));
    smtp = await startMailCatcher(path.join(dir, 'mail'));
    a = await createTestApp(ENV, { mail: smtp });
    b = await createTestApp(ENV, { mail: smtp, jobSchema: a.jobSchema });
    // Real listening servers (supertest then sends to their port instead of starting one per request).
    await a.app.listen(0, '127.0.0.1');
    await b.app.listen(0, '127.0.0.1');
    for (const [name, t] of [['a', a], ['b', b]] as const) {
      const mail = t.app.get(MailService);
      const send = mail.send.bind(mail);
      jest.spyOn(mail, 'send').mockImplementation(async (message) => {
        if (/^Påminnelse:/.test(message.subject)) {
          reminderSends[name].push(message.to);
          // A slow SMTP server: one instance's batch (up to 20 jobs) is still in hand when the other polls.
          await sleep(100);
        }
        return send(message);
      });
    }
    coordinator = await signIn(a, await aUser(a.db, 'coordinator'));
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await smtp?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('are two servers with their own connection pools and job workers', () => {
    expect(a.app.getHttpServer().address()).not.toEqual(b.app.getHttpServer().address());
    expect(a.db).not.toBe(b.db);
    expect(a.app.get(JobQueue)).not.toBe(b.app.get(JobQueue));
    expect(b.jobSchema).toBe(a.jobSchema);
  });

  it('a booking made on one is seen on the other, seats are counted across both, and a cancellation on B frees the seat on A', async () => {
    const site = await aBookableSite(coordinator, { seats: 2 });
    const slotId = site.slotIds[0] as string;
    expect([await seatsLeft(a, site, slotId), await seatsLeft(b, site, slotId)]).toEqual([2, 2]);

    const first = (await book(a, { slotId, email: anAddress('seen') }).expect(201)).body as { reference: string; manageToken: string };
    const onB = await b.http().get(`/api/public/bookings/${first.manageToken}`).expect(200);
    expect(onB.body).toMatchObject({ reference: first.reference, status: 'confirmed', slot: { id: slotId } });
    expect(await seatsLeft(b, site, slotId)).toBe(1);

    // The last seat goes on B; A then knows the slot is full.
    await book(b, { slotId, email: anAddress('seen') }).expect(201);
    const full = (await book(a, { slotId, email: anAddress('seen') }).expect(409)).body as SlotTaken;
    expect(full.code).toBe('SLOT_FULL');
    expect(full.alternatives.map((s) => s.slotId)).not.toContain(slotId);
    expect([await seatsLeft(a, site, slotId), await seatsLeft(b, site, slotId)]).toEqual([0, 0]);

    await b.http().delete(`/api/public/bookings/${first.manageToken}`).expect(204);
    // A sees the cancellation made on B: the manage link has ended there too.
    expect((await a.http().get(`/api/public/bookings/${first.manageToken}`).expect(410)).body.code).toBe('BOOKING_LINK_ENDED');
    expect(await seatsLeft(a, site, slotId)).toBe(1);
    await book(a, { slotId, email: anAddress('seen') }).expect(201);
  });

  it('sends each scheduled reminder once, whichever instance took the booking and whichever works the job', async () => {
    const n = 30; // more than one batch (20), so both instances' workers take some
    const site = await aBookableSite(coordinator, { seats: 8 }); // 2027-03-30: months after the pinned "now"
    const emails = Array.from({ length: n }, () => anAddress('remind'));
    const bookings = [] as { reference: string; manageUrl: string; email: string }[];
    for (const [i, email] of emails.entries()) {
      const body = (await book(i % 2 ? b : a, { slotId: site.slotIds[i % site.slotIds.length] as string, email }).expect(201)).body as { reference: string; manageUrl: string };
      bookings.push({ ...body, email });
    }
    const references = bookings.map((x) => x.reference);
    const reminderJobs = async () =>
      (await a.db.query(
        `SELECT j.id, j.state, ${JOB_DELAY_SECONDS('j')} AS "delaySeconds", j.data FROM ${a.jobSchema}.job j
           JOIN booking bk ON bk.id::text = j.data->>'bookingId'
          WHERE j.name = $1 AND j.data->>'kind' = 'reminder' AND bk.reference = ANY($2)`,
        [BOOKING_MAIL_QUEUE, references],
      )) as { id: string; state: string; delaySeconds: number; data: BookingMailJob }[];
    const remindedAt = async () =>
      (await a.db.query(`SELECT reference, reminded_at AS "remindedAt" FROM booking WHERE reference = ANY($1) ORDER BY reference`, [references])) as { reference: string; remindedAt: Date | null }[];
    const reminderMails = async () => (await mailbox(a)).filter((m) => m.subject?.startsWith('Påminnelse:') && /remind-/.test(toText(m.to)));

    // One reminder per booking, planned for 24 hours before the slot (whichever instance took the booking).
    const planned = await reminderJobs();
    expect(planned).toHaveLength(n);
    expect(planned.filter((j) => j.state !== 'created' || plannedFor(j).getTime() !== Date.parse(j.data.slotStart ?? '') - 86_400_000)).toEqual([]);
    expect((await remindedAt()).every((r) => r.remindedAt === null)).toBe(true);

    // Make them due now instead of waiting until March. The job only checks that the booking is still
    // confirmed at the slot start it was planned for (not the clock), so "now" needs no other pinning.
    await makeJobsDue(a, `id = ANY($1)`, [planned.map((j) => j.id)]);
    const deadline = Date.now() + 30_000;
    while ((await reminderMails()).length < n && Date.now() < deadline) await sleep(200);
    await jobsSettled(a);
    await sleep(1_500); // time for a duplicate to show up, if either instance were to send one

    const mails = await reminderMails();
    expect(mails).toHaveLength(n);
    expect(mails.map((m) => toText(m.to)).sort()).toEqual([...emails].sort());
    for (const booking of bookings) {
      expect(mails.find((m) => toText(m.to) === booking.email)?.text).toContain(booking.manageUrl); // the link works on either instance
    }
    expect([...reminderSends.a, ...reminderSends.b].sort()).toEqual([...emails].sort());
    expect(Math.min(reminderSends.a.length, reminderSends.b.length)).toBeGreaterThan(0); // both worked the queue
    expect((await reminderJobs()).map((j) => j.state)).toEqual(Array.from({ length: n }, () => 'completed'));
    const firstClaims = await remindedAt();
    expect(firstClaims.every((r) => r.remindedAt instanceof Date)).toBe(true);

    // The same reminders once more, queued through both instances (a redelivery, a second planner):
    // both workers take them and neither sends anything; reminded_at keeps its first value.
    for (const job of planned) {
      await a.app.get(JobQueue).send<BookingMailJob>(BOOKING_MAIL_QUEUE, job.data);
      await b.app.get(JobQueue).send<BookingMailJob>(BOOKING_MAIL_QUEUE, job.data);
    }
    await jobsSettled(a);
    await sleep(1_500);
    const again = await reminderJobs();
    expect(again).toHaveLength(3 * n);
    expect(again.filter((j) => j.state !== 'completed')).toEqual([]);
    expect(await reminderMails()).toHaveLength(n);
    expect(reminderSends.a.length + reminderSends.b.length).toBe(n);
    expect(await remindedAt()).toEqual(firstClaims);
  }, 150_000);

  it('a sign-in on A works on B (sessions are rows in Postgres), and a sign-out on B ends it on A', async () => {
    const user = await aUser(a.db, 'coordinator');
    const login = await a.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
    const setCookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
    const csrf = /XSRF-TOKEN=([^;]+)/.exec(setCookies.join('\n'))?.[1] ?? '';
    expect(csrf).not.toBe('');

    expect((await b.http().get('/api/auth/me').set('Cookie', cookie).expect(200)).body).toMatchObject({ email: user.email, role: 'coordinator' });
    // A change on B needs the CSRF token A gave out: B checks it against the same session row.
    const site = {
      name: `Tvåinstansbiblioteket ${run}`,
      address: 'Bokgatan 2, 111 22 Staden',
      directions: 'Ingång från torget.',
      accessibilityNotes: 'Hiss finns.',
      contactPhone: '08-123 456',
      timeZone: 'Europe/Stockholm',
      languages: ['sv'],
      active: true,
    };
    expect((await b.http().post('/api/sites').set('Cookie', cookie).send(site).expect(403)).body.code).toBe('CSRF_FAILED');
    await b.http().post('/api/sites').set('Cookie', cookie).set('X-XSRF-TOKEN', csrf).send(site).expect(201);
    await b.http().post('/api/auth/logout').set('Cookie', cookie).set('X-XSRF-TOKEN', csrf).expect(204);
    await a.http().get('/api/auth/me').set('Cookie', cookie).expect(401);
    await b.http().get('/api/auth/me').set('Cookie', cookie).expect(401);
  });
});
