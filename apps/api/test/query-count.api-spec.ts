import pg from 'pg';
import { aBookableSite, book, jobsSettled } from './bookings';
import { aUser, createTestApp, signIn, type Session, type TestApp } from './test-app';

/**
 * The hot public endpoints run a fixed number of SQL statements, however much data there is: no N+1.
 * Counts every statement the pg driver sends while one request is answered (the job queue's own polling
 * is left out: it runs in its own schema; its e-mail jobs are waited for first).
 */
describe('SQL statements per request on the hot endpoints', () => {
  let t: TestApp;
  let coordinator: Session;
  let statements: string[] = [];
  const original = pg.Client.prototype.query;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      const text = typeof first === 'string' ? first : (first?.text ?? '');
      if (!text.includes(t.jobSchema) && !/^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)/i.test(text)) statements.push(text);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof pg.Client.prototype.query;
  });
  afterAll(async () => {
    pg.Client.prototype.query = original;
    await t.close();
  });

  async function countOf(request: () => Promise<unknown>): Promise<number> {
    // The e-mail jobs of earlier bookings read the database too: on a busy machine they can run late, inside
    // the request counted here. Counting starts once they are done.
    await jobsSettled(t);
    statements = [];
    await request();
    if (process.env["PRINT_SQL"]) console.log(statements.length, statements.map((q) => q.replace(/\s+/g, " ").slice(0, 90)));
    return statements.length;
  }

  it('lists every site with its next sessions in the same number of statements for 1 site as for 12', async () => {
    await aBookableSite(coordinator);
    const few = await countOf(() => t.http().get('/api/public/sites').expect(200));
    for (let i = 0; i < 11; i += 1) await aBookableSite(coordinator);
    const many = await countOf(() => t.http().get('/api/public/sites').expect(200));
    expect(many).toBe(few);
    expect(many).toBe(3); // has any site changed (yes: read them), then the page's next sessions in one LATERAL query
    expect(await countOf(() => t.http().get('/api/public/sites').expect(200))).toBe(2); // unchanged: the sites kept from before
  });

  it('answers a site’s sessions with their slots, books, and shows a booking in a fixed number of statements', async () => {
    const site = await aBookableSite(coordinator);
    const sessions = () => t.http().get(`/api/public/sites/${site.slug}/sessions?from=2027-03-01&to=2027-04-30`).expect(200);
    const empty = await countOf(sessions);
    for (const slotId of site.slotIds) await book(t, { slotId }).expect(201);
    expect(await countOf(sessions)).toBe(empty);
    expect(empty).toBe(2); // the site, then its sessions with their slots

    // Booking: the network's tries (the guard), its lock, its hourly and daily bookings (issue 17), the slot (share-locking
    // its session), the per-contact lock and count, the insert that answers the booking with its slot, session
    // and site (the seat trigger runs inside it; the e-mail jobs go to the queue's schema), the network's
    // recent bookings, and — this test books more than SUSPICIOUS_RUN_BOOKINGS from one address — the run flagged.
    const created = await countOf(() => book(t, { slotId: site.slotIds[0] as string, email: `q-${Date.now()}@example.org` }).expect(201));
    expect(created).toBe(10);
    const token = (await book(t, { slotId: site.slotIds[1] as string }).expect(201)).body.manageToken as string;
    // The manage link's counter for the network, then the booking with its slot, session and site.
    expect(await countOf(() => t.http().get(`/api/public/bookings/${token}`).expect(200))).toBe(2);
  });
});
