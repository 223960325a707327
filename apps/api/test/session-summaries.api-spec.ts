import pg from 'pg';
import { pinClock } from '../src/common/clock';
import { SessionSummaries } from '../src/modules/insights/session-summaries';
import { aBookableSite, book, type BookableSite } from './bookings';
import { aUser, createTestApp, signIn, TEST_NOW, testDatabaseUrl, type Session, type TestApp } from './test-app';

/**
 * The dashboard reads an ended session's figures from `session_summary` (SessionSummaries migration):
 * the figures must be the same as counted live, and a late change must never leave a summary behind.
 */
describe('statistics from session summaries', () => {
  let t: TestApp;
  let coordinator: Session;
  let site: BookableSite;
  let helperId: string;
  const AFTER = new Date('2027-04-20T12:00:00Z');
  const people: { coordinator?: { email: string; password: string } } = {};

  const dashboard = async () => (await coordinator.get(`/api/insights/dashboard?from=2027-03-29&to=2027-04-04&sites=${site.siteId}`).expect(200)).body;
  const summary = async (): Promise<{ visits: number; attended: number } | undefined> =>
    (await t.db.query(`SELECT visits, attended FROM session_summary WHERE session_id = $1`, [site.sessionId]))[0];
  const logVisit = (db: { query: (sql: string, params: unknown[]) => Promise<unknown> }, date = '2027-03-30') =>
    db.query(
      `INSERT INTO visit (client_id, session_id, site_id, date, helper_id, categories, civic_information, device, language, duration_minutes, outcome, came_via, returning_visitor)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, '{scams}', false, 'own-phone', 'sv', 20, 'solved', 'drop-in', 'yes')`,
      [site.sessionId, site.siteId, date, helperId],
    );
  const summarise = () => t.app.get(SessionSummaries).summarise(AFTER);

  beforeAll(async () => {
    t = await createTestApp({ BOOKING_RATE_LIMIT: '1000', BOOKING_DAILY_LIMIT: '1000' });
    people.coordinator = await aUser(t.db, 'coordinator');
    coordinator = await signIn(t, people.coordinator);
    site = await aBookableSite(coordinator, { seats: 2 });
    helperId = (await aUser(t.db, 'helper')).id;
    const references: string[] = [];
    for (const slotId of [site.slotIds[0], site.slotIds[0], site.slotIds[1]] as string[]) references.push((await book(t, { slotId }).expect(201)).body.reference);
    await t.db.query(`UPDATE booking SET attendance = 'checked-in' WHERE reference = ANY($1)`, [references.slice(0, 2)]);
    await logVisit(t.db);
    await logVisit(t.db);
    pinClock(AFTER);
    coordinator = await signIn(t, people.coordinator);
  });
  afterAll(async () => {
    pinClock(TEST_NOW);
    await t.close();
  });

  it('gives the same dashboard from the summary as counted live', async () => {
    const live = await dashboard();
    expect(await summary()).toBeUndefined();
    expect(await summarise()).toBeGreaterThanOrEqual(1);
    expect(await summary()).toEqual({ visits: 2, attended: 2 });
    expect(await dashboard()).toEqual(live);
    expect(live.totals).toMatchObject({ visits: 2, bookings: 3, attended: 2 });
    expect(live.categories).toEqual([{ key: 'scams', label: expect.any(String), count: 2 }]);
  });

  it('forgets the summary when a visit is logged late or an attendance is marked, and counts the change', async () => {
    await summarise();
    await logVisit(t.db);
    expect(await summary()).toBeUndefined();
    expect((await dashboard()).totals).toMatchObject({ visits: 3, attended: 2 });

    await summarise();
    expect(await summary()).toEqual({ visits: 3, attended: 2 });
    await t.db.query(`UPDATE booking SET attendance = 'no-show' WHERE slot_id = $1 AND attendance IS NULL`, [site.slotIds[1]]);
    expect(await summary()).toBeUndefined();
    expect((await dashboard()).totals).toMatchObject({ visits: 3, attended: 2, noShows: 1 });
    await summarise();
    expect((await dashboard()).totals).toMatchObject({ visits: 3, attended: 2, noShows: 1 });
  });

  it('never keeps a summary that misses a change made while it was being written', async () => {
    await summarise();
    const job = new pg.Client({ connectionString: testDatabaseUrl() });
    const helper = new pg.Client({ connectionString: testDatabaseUrl() });
    await Promise.all([job.connect(), helper.connect()]);
    try {
      // The job's side, by hand: the session locked, its summary rewritten, not yet committed.
      await job.query('BEGIN');
      await job.query(`DELETE FROM session_summary WHERE session_id = $1`, [site.sessionId]);
      await job.query(`SELECT id FROM session WHERE id = $1 FOR UPDATE`, [site.sessionId]);
      await job.query(`INSERT INTO session_summary (session_id, seats, booked, attended, no_shows, unmarked, drop_ins, visits, visit_counts)
                       SELECT session_id, seats, booked, attended, no_shows, unmarked, drop_ins, visits, visit_counts FROM session_figures WHERE session_id = $1`, [site.sessionId]);
      // A helper marks an attendance meanwhile (no foreign key is touched, so only the trigger's own lock
      // makes it wait): it waits for the job, then forgets the summary the job wrote.
      const late = helper.query(`UPDATE booking SET attendance = 'checked-in' WHERE slot_id = $1 AND attendance = 'no-show'`, [site.slotIds[1]]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await job.query('COMMIT');
      await late;
      expect(await summary()).toBeUndefined();
      expect((await dashboard()).totals).toMatchObject({ visits: 3, attended: 3, noShows: 0 });

      // The other order: a change not yet committed keeps the job away from that session.
      await helper.query('BEGIN');
      await logVisit(helper);
      await summarise();
      expect(await summary()).toBeUndefined();
      await helper.query('COMMIT');
      await summarise();
      expect(await summary()).toEqual({ visits: 4, attended: 3 });
    } finally {
      await Promise.all([job.end(), helper.end()]);
    }
  });

  it('refuses a visit dated on another day than its session (the summaries count visits by session)', async () => {
    await expect(logVisit(t.db, '2027-03-31')).rejects.toThrow(/site and date must be its session/);
  });
});

describe('visits logged before their session starts', () => {
  it('count in the statistics at once, while the session’s seats wait for its start', async () => {
    const t = await createTestApp();
    try {
      const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
      const site = await aBookableSite(coordinator, { seats: 2 });
      const helperId = (await aUser(t.db, 'helper')).id;
      await t.db.query(
        `INSERT INTO visit (client_id, session_id, site_id, date, helper_id, categories, civic_information, device, language, duration_minutes, outcome, came_via, returning_visitor)
         VALUES (gen_random_uuid(), $1, $2, '2027-03-30', $3, '{email}', false, 'own-phone', 'sv', 20, 'solved', 'drop-in', 'no')`,
        [site.sessionId, site.siteId, helperId],
      );
      pinClock(new Date('2027-03-30T07:50:00Z')); // 09:50 in Stockholm, ten minutes before the start
      const again = await signIn(t, (await aUser(t.db, 'coordinator')));
      const view = (await again.get(`/api/insights/dashboard?from=2027-03-29&to=2027-04-04&sites=${site.siteId}`).expect(200)).body;
      expect(view.totals).toMatchObject({ visits: 1, bookings: 0 });
      expect(view.utilisationBySite).toEqual([]);
      expect(view.categories).toEqual([expect.objectContaining({ key: 'email', count: 1 })]);
    } finally {
      pinClock(TEST_NOW);
      await t.close();
    }
  });
});
