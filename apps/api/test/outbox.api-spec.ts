import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMailCatcher, type MailCatcher } from '../src/modules/notifications/mail-catcher';
import { aBookableSite, book, jobsSettled, mailbox, mailsTo, makeJobsDue } from './bookings';
import { aUser, createTestApp, signIn, type Session, type TestApp } from './test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const run = Date.now().toString(36);
let address = 0;
const anAddress = (label: string) => `${label}-${++address}-${run}@example.org`;

/** The confirmation job of a booking, read from the queue table of `t`. */
async function confirmationJob(t: TestApp, reference: string): Promise<{ state: string; retryCount: number; startAfter: Date } | undefined> {
  const [row] = await t.db.query(
    `SELECT j.state, j.retry_count AS "retryCount", j.start_after AS "startAfter" FROM ${t.jobSchema}.job j
       JOIN booking b ON b.id::text = j.data->>'bookingId'
      WHERE j.name = 'booking-mail' AND j.data->>'kind' = 'confirmation' AND b.reference = $1`,
    [reference],
  );
  return row;
}

describe('e-mail is never lost: an outbox in the booking transaction, sent by the job queue', () => {
  let dir: string;
  let smtp: MailCatcher;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dh-outbox-'));
    smtp = await startMailCatcher(path.join(dir, 'mail'));
  });
  afterAll(async () => {
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('with the SMTP server down', () => {
    let t: TestApp;
    let coordinator: Session;

    beforeAll(async () => {
      t = await createTestApp({ BOOKING_RATE_LIMIT: '1000', BOOKING_DAILY_LIMIT: '1000' }, { mail: smtp });
      coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    });
    afterAll(() => t.close());

    it('still answers 201, and the confirmation arrives once the server is back', async () => {
      const site = await aBookableSite(coordinator);
      const email = anAddress('smtp-down');
      await smtp.close();

      const booking = (await book(t, { slotId: site.slotIds[0] as string, email }).expect(201)).body as { reference: string };

      // The first attempt fails (connection refused) and the job waits for its retry with backoff.
      const deadline = Date.now() + 30_000;
      let job = await confirmationJob(t, booking.reference);
      while (job?.state !== 'retry' && Date.now() < deadline) {
        await sleep(200);
        job = await confirmationJob(t, booking.reference);
      }
      expect(job?.state).toBe('retry');
      expect(job?.startAfter.getTime()).toBeGreaterThan(Date.now()); // backoff: not retried at once
      expect(await mailsTo(t, email, 1, 500)).toHaveLength(0);

      // "The same" server comes back (same port, same mailbox).
      smtp = await startMailCatcher(smtp.dir, { port: smtp.port });
      // The queue's first retry delay is 30 s (no config key); the test brings that retry forward
      // instead of waiting: the retry itself is the queue's own.
      await makeJobsDue(t, `name = 'booking-mail' AND state = 'retry'`);

      const mails = await mailsTo(t, email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.text).toContain(booking.reference);
      await jobsSettled(t);
      expect(await confirmationJob(t, booking.reference)).toMatchObject({ state: 'completed', retryCount: 1 });
    }, 150_000);
  });

  describe('with two API instances on one database and one job queue', () => {
    let a: TestApp;
    let b: TestApp;
    let coordinator: Session;

    beforeAll(async () => {
      a = await createTestApp({ BOOKING_RATE_LIMIT: '1000', BOOKING_DAILY_LIMIT: '1000' }, { mail: smtp });
      b = await createTestApp({ BOOKING_RATE_LIMIT: '1000', BOOKING_DAILY_LIMIT: '1000' }, { mail: smtp, jobSchema: a.jobSchema });
      coordinator = await signIn(a, await aUser(a.db, 'coordinator'));
    }, 120_000);
    afterAll(async () => {
      await a.close();
      await b.close();
    });

    it('sends each of N confirmations exactly once, whichever instance took the booking and whichever sends', async () => {
      const n = 40;
      const site = await aBookableSite(coordinator, { seats: 50 });
      const emails = Array.from({ length: n }, () => anAddress('two-instances'));
      const references = await Promise.all(
        emails.map(async (email, i) => (await book(i % 2 ? b : a, { slotId: site.slotIds[i % site.slotIds.length] as string, email }).expect(201)).body.reference as string),
      );

      await mailsTo(a, 'two-instances-', n, 30_000);
      await jobsSettled(a);
      await sleep(1_500); // time for a duplicate to show up, if either instance were to send one
      const mails = (await mailbox(a)).filter((m) => /two-instances-/.test(JSON.stringify(m.to)));
      const perAddress = new Map<string, number>();
      for (const m of mails) for (const to of [m.to].flat()) perAddress.set(to?.text ?? '', (perAddress.get(to?.text ?? '') ?? 0) + 1);

      expect(mails).toHaveLength(n);
      expect([...perAddress.entries()].filter(([, count]) => count !== 1)).toEqual([]);
      expect(new Set(perAddress.keys())).toEqual(new Set(emails));
      // Every confirmation job completed once; none failed or is left waiting.
      const [row] = await a.db.query(`SELECT count(*)::int AS n FROM ${a.jobSchema}.job j JOIN booking bk ON bk.id::text = j.data->>'bookingId' WHERE bk.reference = ANY($1) AND j.data->>'kind' = 'confirmation' AND j.state = 'completed'`, [references]);
      expect(row.n).toBe(n);
    }, 120_000);
  });
});
