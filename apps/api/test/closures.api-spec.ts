import { aSchedule } from '@digihjalpen/domain/testing';
import type { ParsedMail } from 'mailparser';
import { connect, runMigrations } from '../src/database/prepare-database';
import { seedDemoData } from '../src/database/seed/demo-seed';
import { ScheduleService } from '../src/modules/schedule/schedule.service';
import { HELPER_NOTICE_QUEUE } from '../src/modules/helper-notices/helper-notices.service';
import { book, makeJobsDue, mailsTo } from './bookings';
import { createDatabase } from './databases';
import { aUser, createTestApp, signIn, testDatabaseUrl, type Session, type TestApp } from './test-app';

/**
 * Closures and public holidays. A closure of every site would cancel other specs' sessions in the shared
 * test database, so this spec runs on a database of its own (migrated like production).
 */

interface PublicSession {
  id: string;
  start: string;
  status: 'planned' | 'cancelled';
  slots: { id: string }[];
  closure: { from: string; to: string; reason: string } | null;
}

const WEEK = { from: '2027-02-08', to: '2027-02-14' };
const REASON = 'Biblioteken inventerar hela veckan';

let sequence = 0;
const unique = () => `${Date.now()}-${++sequence}`;

describe('closures', () => {
  let t: TestApp;
  let coordinator: Session;
  let helperSession: Session;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    const db = await createDatabase(testDatabaseUrl(), 'closures');
    dropDatabase = db.drop;
    const migrate = await connect(db.url);
    await runMigrations(migrate);
    await migrate.destroy();
    t = await createTestApp({ BOOKING_RATE_LIMIT: '1000', BOOKING_DAILY_LIMIT: '1000', MAX_FUTURE_BOOKINGS: '100' }, { databaseUrl: db.url });
    coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    helperSession = await signIn(t, await aUser(t.db, 'helper'));
  });
  afterAll(async () => {
    await t.close();
    await dropDatabase();
  });

  /** A site with a weekly schedule (10:00–12:00, four 30-minute slots) from November 2026. */
  async function aSiteWithSchedule(weekdays: number[]): Promise<{ id: string; slug: string; scheduleId: string }> {
    const site = (
      await coordinator
        .post('/api/sites', {
          name: `Stängda biblioteket ${unique()}`,
          address: 'Stängdgatan 1, 111 22 Staden',
          directions: '',
          accessibilityNotes: '',
          contactPhone: null,
          timeZone: 'Europe/Stockholm',
          languages: ['sv'],
          active: true,
        })
        .expect(201)
    ).body as { id: string; slug: string };
    const schedule = await coordinator.post(`/api/sites/${site.id}/schedules`, aSchedule({ weekdays: weekdays as never, validFrom: '2026-11-01' })).expect(201);
    return { ...site, scheduleId: schedule.body.schedule.id };
  }

  const sessionsOf = async (slug: string, range: { from: string; to: string }): Promise<PublicSession[]> =>
    (await t.http().get(`/api/public/sites/${slug}/sessions?from=${range.from}&to=${range.to}`).expect(200)).body;

  const datesOf = (sessions: PublicSession[], status?: 'planned' | 'cancelled') => sessions.filter((s) => !status || s.status === status).map((s) => s.start.slice(0, 10));

  /** Waits until no job of this app's queue is waiting to run now (e-mails of every kind sent). */
  async function allJobsSettled(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // eslint-disable-next-line no-restricted-syntax -- due on the queue's own clock (see makeJobsDue)
      const [row] = await t.db.query(`SELECT count(*)::int AS n FROM ${t.jobSchema}.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()`);
      if ((row as { n: number }).n === 0) return;
      if (Date.now() > deadline) throw new Error('jobs did not settle');
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const cancellationsIn = (mails: ParsedMail[]) => mails.filter((m) => /^Inställt/.test(m.subject ?? ''));

  describe('a closure of one week over every site (4 sites)', () => {
    const sites: { id: string; slug: string; scheduleId: string }[] = [];
    const people: string[] = [];
    let outsider: string;
    let helper: { id: string; email: string };
    let closureId: string;

    beforeAll(async () => {
      for (let i = 0; i < 4; i += 1) sites.push(await aSiteWithSchedule([1, 3, 5]));
      for (const site of sites) {
        const wednesday = (await sessionsOf(site.slug, WEEK)).find((s) => s.start.startsWith('2027-02-10'));
        const email = `stangt-${unique()}@example.org`;
        await book(t, { slotId: wednesday?.slots[0]?.id as string, name: 'Amina', email }).expect(201);
        people.push(email);
      }
      const nextWeek = (await sessionsOf(sites[0]?.slug as string, { from: '2027-02-15', to: '2027-02-15' }))[0];
      outsider = `utanfor-${unique()}@example.org`;
      await book(t, { slotId: nextWeek?.slots[0]?.id as string, name: 'Bo', email: outsider }).expect(201);
      // A helper on two of the closed sessions (straight into the table: no "you are on a shift" notice).
      helper = await aUser(t.db, 'helper', { email: `digivard-${unique()}@example.org` });
      for (const site of sites.slice(0, 2)) {
        const monday = (await sessionsOf(site.slug, WEEK)).find((s) => s.start.startsWith('2027-02-08'));
        await t.db.query(`INSERT INTO shift (session_id, helper_id) VALUES ($1, $2)`, [monday?.id, helper.id]);
      }
      for (const email of [...people, outsider]) await mailsTo(t, email, 1);
      await allJobsSettled();
    });

    it('shows what it would cancel before it is confirmed, and saves nothing', async () => {
      const body = { siteId: null, ...WEEK, reason: REASON };
      const preview = await coordinator.post('/api/closures/preview', body).expect(200);
      expect(preview.body).toEqual({ sessions: 12, bookings: 4, shifts: 2 });
      expect((await coordinator.get('/api/closures').expect(200)).body).toEqual([]);
      expect(datesOf(await sessionsOf(sites[0]?.slug as string, WEEK), 'planned')).toEqual(['2027-02-08', '2027-02-10', '2027-02-12']);
    });

    it('cancels every session in the range in one go and tells each booked person and helper exactly once', async () => {
      const res = await coordinator.post('/api/closures', { siteId: null, ...WEEK, reason: `  ${REASON} ` }).expect(201);
      expect(res.body.cancelled).toEqual({ sessions: 12, bookings: 4, shifts: 2 });
      expect(res.body.closure).toMatchObject({ siteId: null, siteName: null, ...WEEK, reason: REASON, sessionsCancelled: 12, started: false, past: false });
      closureId = res.body.closure.id;

      // The same request again (a double click, or a second instance): refused, and nobody is told twice.
      const again = await coordinator.post('/api/closures', { siteId: null, ...WEEK, reason: REASON }).expect(409);
      expect(again.body.code).toBe('CLOSURE_EXISTS');

      for (const email of people) await mailsTo(t, email, 2);
      // Helpers' closure notices wait a little (so one message covers every batch): make them due now.
      await makeJobsDue(t, `name = $1`, [HELPER_NOTICE_QUEUE]);
      await mailsTo(t, helper.email, 1);
      await allJobsSettled();
      for (const email of people) {
        const mails = await mailsTo(t, email, 2, 0);
        expect(mails).toHaveLength(2);
        const [cancelled] = cancellationsIn(mails);
        expect(cancellationsIn(mails)).toHaveLength(1);
        expect(cancelled?.text).toContain(REASON);
      }
      expect(cancellationsIn(await mailsTo(t, outsider, 1, 0))).toHaveLength(0);
      // The helper had two shifts in the closure: one message (helper notices dedupe per helper and closure).
      const helperMails = await mailsTo(t, helper.email, 1, 0);
      expect(helperMails).toHaveLength(1);
      expect(helperMails[0]?.text).toContain(REASON);

      const [audit] = await t.db.query(`SELECT action, details FROM audit_log WHERE entity = 'closure' AND entity_id = $1`, [closureId]);
      expect(audit).toMatchObject({ action: 'closure.created', details: { sessions: 12, bookings: 4, reason: REASON } });
    });

    it('shows the closure on the public pages and marks the sessions cancelled in the calendar feed', async () => {
      const slug = sites[2]?.slug as string;
      const site = await t.http().get(`/api/public/sites/${slug}`).expect(200);
      expect(site.body.closures).toEqual([{ ...WEEK, reason: REASON }]);
      const sessions = await sessionsOf(slug, WEEK);
      expect(sessions.map((s) => [s.status, s.closure])).toEqual(Array(3).fill(['cancelled', { ...WEEK, reason: REASON }]));
      const ics = (await t.http().get(`/api/public/sites/${slug}/calendar.ics`).expect(200)).text;
      const events = ics.split('BEGIN:VEVENT').filter((e) => sessions.some((s) => e.includes(s.id)));
      expect(events).toHaveLength(3);
      for (const event of events) expect(event).toContain('STATUS:CANCELLED');
    });

    it('leaves the closed days empty when the generator runs again or a schedule is added', async () => {
      await t.app.get(ScheduleService).extendHorizon();
      const site = sites[0] as { id: string; slug: string };
      await coordinator.post(`/api/sites/${site.id}/schedules`, aSchedule({ weekdays: [2], startTime: '14:00', endTime: '16:00', validFrom: '2026-11-01' })).expect(201);
      const week = await sessionsOf(site.slug, WEEK);
      expect(datesOf(week, 'planned')).toEqual([]);
      expect(datesOf(week, 'cancelled')).toEqual(['2027-02-08', '2027-02-10', '2027-02-12']);
      expect(datesOf(await sessionsOf(site.slug, { from: '2027-02-15', to: '2027-02-16' }), 'planned')).toEqual(['2027-02-15', '2027-02-16']);
    });

    it('refuses a one-off session inside the closure', async () => {
      const res = await coordinator
        .post(`/api/sites/${sites[1]?.id}/sessions`, { date: '2027-02-09', startTime: '10:00', endTime: '12:00', slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 1 })
        .expect(400);
      expect(res.body.fields.date).toContain(REASON);
    });
  });

  describe('lifting', () => {
    it('lifts a closure before its first day (204), and the schedule plans those sessions again, without their helpers', async () => {
      const site = await aSiteWithSchedule([1, 3]);
      const range = { from: '2027-03-01', to: '2027-03-03' };
      const before = await sessionsOf(site.slug, range);
      const helper = await aUser(t.db, 'helper');
      await t.db.query(`INSERT INTO shift (session_id, helper_id) VALUES ($1, $2)`, [before[0]?.id, helper.id]);
      const created = await coordinator.post('/api/closures', { siteId: site.id, ...range, reason: 'Vattenskada' }).expect(201);
      expect(created.body.cancelled.sessions).toBe(2);
      expect(datesOf(await sessionsOf(site.slug, range), 'cancelled')).toEqual(['2027-03-01', '2027-03-03']);

      await coordinator.delete(`/api/closures/${created.body.closure.id}`).expect(204);
      const after = await sessionsOf(site.slug, range);
      expect(after.map((s) => [s.id, s.status, s.closure])).toEqual(before.map((s) => [s.id, 'planned', null]));
      // The helper was told the session was cancelled: it comes back as an open shift, not with them on it.
      expect(await t.db.query(`SELECT 1 FROM shift WHERE session_id = $1`, [before[0]?.id])).toEqual([]);
      expect((await coordinator.get('/api/closures').expect(200)).body.map((c: { id: string }) => c.id)).not.toContain(created.body.closure.id);
      expect((await t.http().get(`/api/public/sites/${site.slug}`).expect(200)).body.closures).not.toContainEqual(expect.objectContaining({ reason: 'Vattenskada' }));
      await coordinator.delete(`/api/closures/${created.body.closure.id}`).expect(404);
    });

    it('refuses to lift a closure that has started (409), in Swedish', async () => {
      const site = await aSiteWithSchedule([1]);
      const created = await coordinator.post('/api/closures', { siteId: site.id, from: '2026-11-23', to: '2026-11-30', reason: 'Flytt' }).expect(201);
      expect(created.body.closure.started).toBe(true);
      const res = await coordinator.delete(`/api/closures/${created.body.closure.id}`).expect(409);
      expect(res.body).toMatchObject({ code: 'CLOSURE_STARTED', message: expect.stringContaining('har redan börjat') });
      expect(datesOf(await sessionsOf(site.slug, { from: '2026-11-30', to: '2026-11-30' }), 'cancelled')).toEqual(['2026-11-30']);
    });
  });

  describe('at the same time', () => {
    it('tells a booked person once when two overlapping closures of the site are made at once', async () => {
      const site = await aSiteWithSchedule([1, 2, 3, 4]);
      const [tuesday] = await sessionsOf(site.slug, { from: '2027-04-06', to: '2027-04-06' });
      const email = `samtidigt-${unique()}@example.org`;
      await book(t, { slotId: tuesday?.slots[0]?.id as string, name: 'Dana', email }).expect(201);
      await mailsTo(t, email, 1);
      const [a, b] = await Promise.all([
        coordinator.post('/api/closures', { siteId: site.id, from: '2027-04-05', to: '2027-04-07', reason: 'Strömavbrott' }),
        coordinator.post('/api/closures', { siteId: site.id, from: '2027-04-06', to: '2027-04-08', reason: 'Strömavbrott' }),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      // Four sessions (5–8 April), each cancelled by exactly one of the two; the booking's person told once.
      expect(a.body.cancelled.sessions + b.body.cancelled.sessions).toBe(4);
      expect(a.body.cancelled.bookings + b.body.cancelled.bookings).toBe(1);
      await mailsTo(t, email, 2);
      await allJobsSettled();
      expect(cancellationsIn(await mailsTo(t, email, 2, 0))).toHaveLength(1);
    });
  });

  describe('public holidays', () => {
    it('leaves Christmas, New Year, Good Friday and the eves libraries keep closed empty', async () => {
      const site = await aSiteWithSchedule([4, 5]);
      const dates = datesOf(await sessionsOf(site.slug, { from: '2026-12-14', to: '2027-03-31' }));
      for (const closed of ['2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01', '2027-03-26']) expect(dates).not.toContain(closed);
      for (const open of ['2026-12-17', '2026-12-18', '2027-01-07', '2027-01-08', '2027-03-25']) expect(dates).toContain(open);
      const holidays = await coordinator.get(`/api/sites/${site.id}/holidays`).expect(200);
      expect(holidays.body).toContainEqual({ date: '2026-12-25', name: 'juldagen', opened: false });
      expect(holidays.body).toContainEqual({ date: '2027-03-26', name: 'långfredagen', opened: false });
    });

    it('gives an opened holiday its session, and takes it away again when nobody booked it', async () => {
      const site = await aSiteWithSchedule([5]);
      const newYear = { from: '2027-01-01', to: '2027-01-01' };
      await coordinator.put(`/api/sites/${site.id}/opened-dates/2027-01-01`).expect(204);
      expect(datesOf(await sessionsOf(site.slug, newYear), 'planned')).toEqual(['2027-01-01']);
      expect((await coordinator.get(`/api/sites/${site.id}/holidays`).expect(200)).body).toContainEqual({ date: '2027-01-01', name: 'nyårsdagen', opened: true });
      await coordinator.delete(`/api/sites/${site.id}/opened-dates/2027-01-01`).expect(204);
      expect(await sessionsOf(site.slug, newYear)).toEqual([]);
      const [audit] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action IN ('site.holiday-opened', 'site.holiday-closed')`, [site.id]);
      expect(audit.n).toBe(2);
    });

    it('lists a session on a holiday that people booked for the coordinator, and does not remove it', async () => {
      const site = await aSiteWithSchedule([4]);
      const eve = { from: '2026-12-31', to: '2026-12-31' };
      await coordinator.put(`/api/sites/${site.id}/opened-dates/2026-12-31`).expect(204);
      const [session] = await sessionsOf(site.slug, eve);
      await book(t, { slotId: session?.slots[0]?.id as string, name: 'Cleo', email: `nyar-${unique()}@example.org` }).expect(201);
      await coordinator.delete(`/api/sites/${site.id}/opened-dates/2026-12-31`).expect(204);

      expect((await sessionsOf(site.slug, eve)).map((s) => [s.id, s.status])).toEqual([[session?.id, 'planned']]);
      const listed = await coordinator.get('/api/closures/holiday-sessions').expect(200);
      expect(listed.body).toContainEqual(expect.objectContaining({ id: session?.id, siteId: site.id, date: '2026-12-31', holiday: 'nyårsafton', bookings: 1, start: '2026-12-31T10:00:00+01:00' }));
      const change = await coordinator.put(`/api/schedules/${site.scheduleId}`, aSchedule({ weekdays: [4], validFrom: '2026-11-01' })).expect(200);
      expect(change.body.needsDecision).toEqual([{ id: session?.id, start: '2026-12-31T10:00:00+01:00' }]);
    });

    it('opens only days the holidays close', async () => {
      const site = await aSiteWithSchedule([3]);
      const res = await coordinator.put(`/api/sites/${site.id}/opened-dates/2026-12-30`).expect(400);
      expect(res.body.fields.date).toContain('ingen helgdag');
      expect((await coordinator.put(`/api/sites/${site.id}/opened-dates/30-12-2026`).expect(400)).body.fields.date).toContain('ÅÅÅÅ-MM-DD');
    });
  });

  describe('bad input and access', () => {
    it.each([
      ['the last day is before the first', { from: '2027-04-10', to: '2027-04-09', reason: 'Renovering' }, 'to', 'Sista dagen kan inte vara före första dagen.'],
      ['the reason is empty', { from: '2027-04-10', to: '2027-04-11', reason: '   ' }, 'reason', 'Skriv varför det är stängt'],
      ['it is longer than a year', { from: '2027-04-10', to: '2028-04-10', reason: 'Ombyggnad' }, 'to', 'högst ett år'],
      ['the first day has passed', { from: '2026-11-20', to: '2026-11-24', reason: 'Renovering' }, 'from', 'har redan varit'],
      ['the site does not exist', { siteId: '0c000000-0000-4000-8000-000000000001', from: '2027-04-10', to: '2027-04-11', reason: 'Renovering' }, 'siteId', 'finns inte'],
    ])('answers 400 in Swedish when %s', async (_case, body, field, message) => {
      for (const url of ['/api/closures/preview', '/api/closures']) {
        const res = await coordinator.post(url, { siteId: null, ...body }).expect(400);
        expect(res.body.code).toBe('INVALID_CLOSURE');
        expect(res.body.fields[field]).toContain(message);
      }
      const [count] = await t.db.query(`SELECT count(*)::int AS n FROM closure WHERE from_date = $1`, [body.from]);
      expect(count.n).toBe(0);
    });

    it('answers 403 to anyone but a coordinator, and 401 to nobody', async () => {
      const body = { siteId: null, from: '2027-04-20', to: '2027-04-21', reason: 'Renovering' };
      await helperSession.post('/api/closures', body).expect(403);
      await helperSession.post('/api/closures/preview', body).expect(403);
      await helperSession.get('/api/closures').expect(403);
      await t.http().get('/api/closures').expect(401);
      const [count] = await t.db.query(`SELECT count(*)::int AS n FROM closure WHERE from_date = '2027-04-20'`);
      expect(count.n).toBe(0);
    });
  });

  describe('at scale', () => {
    it('closes 5,000 sessions in one transaction, in batches, without timing out', async () => {
      const site = await aSiteWithSchedule([7]);
      const helper = await aUser(t.db, 'helper');
      // 5,000 sessions, 14 a day from 2027-06-01 (08:00, 08:30 …), one slot each; every fifth booked, every tenth staffed.
      await t.db.query(
        `INSERT INTO session (site_id, starts_at, ends_at)
         SELECT $1, ((date '2027-06-01' + i / 14) + time '08:00' + (i % 14) * interval '30 minutes') AT TIME ZONE 'Europe/Stockholm',
                ((date '2027-06-01' + i / 14) + time '08:25' + (i % 14) * interval '30 minutes') AT TIME ZONE 'Europe/Stockholm'
           FROM generate_series(0, 4999) AS i`,
        [site.id],
      );
      await t.db.query(`INSERT INTO slot (session_id, starts_at, ends_at, seats) SELECT id, starts_at, ends_at, 2 FROM session WHERE site_id = $1 AND schedule_id IS NULL`, [site.id]);
      await t.db.query(
        `INSERT INTO booking (id, slot_id, reference, manage_token_hash, name, email, language, topics)
         SELECT gen_random_uuid(), sl.id, upper(substr(md5(sl.id::text), 1, 7)), md5(sl.id::text) || md5(sl.id::text || 'x'), 'Bänk', 'bank-' || n || '@example.org', 'sv', '{bankid}'
           FROM (SELECT sl.id, row_number() OVER (ORDER BY sl.starts_at) AS n FROM slot sl JOIN session s ON s.id = sl.session_id WHERE s.site_id = $1 AND s.schedule_id IS NULL) sl
          WHERE n % 5 = 0`,
        [site.id],
      );
      await t.db.query(`INSERT INTO shift (session_id, helper_id) SELECT id, $2 FROM session WHERE site_id = $1 AND schedule_id IS NULL AND extract(minute FROM starts_at) = 0 AND extract(hour FROM starts_at AT TIME ZONE 'Europe/Stockholm') = 10`, [site.id, helper.id]);

      const body = { siteId: site.id, from: '2027-06-01', to: '2028-05-30', reason: 'Biblioteket byggs om' };
      const previewStarted = Date.now();
      const preview = await coordinator.post('/api/closures/preview', body).expect(200);
      const previewMs = Date.now() - previewStarted;
      const started = Date.now();
      const res = await coordinator.post('/api/closures', body).expect(201);
      const elapsed = Date.now() - started;
      console.log(`Closure of ${res.body.cancelled.sessions} sessions (${res.body.cancelled.bookings} bookings, ${res.body.cancelled.shifts} shifts): ${elapsed} ms; preview ${previewMs} ms`);
      expect(res.body.cancelled).toMatchObject({ sessions: 5000, bookings: 1000 });
      expect(res.body.cancelled).toEqual(preview.body);
      expect(elapsed).toBeLessThan(60_000);
      const [left] = await t.db.query(`SELECT count(*)::int AS n FROM session WHERE site_id = $1 AND schedule_id IS NULL AND status = 'planned'`, [site.id]);
      expect(left.n).toBe(0);
      const [mails] = await t.db.query(`SELECT count(*)::int AS n FROM ${t.jobSchema}.job WHERE name = 'booking-mail' AND data->>'kind' = 'session-cancelled' AND data->>'bookingId' IN (SELECT b.id::text FROM booking b JOIN slot sl ON sl.id = b.slot_id JOIN session s ON s.id = sl.session_id WHERE s.site_id = $1)`, [site.id]);
      expect(mails.n).toBe(1000);
    }, 240_000);
  });

  describe('demo data', () => {
    it('puts no demo session on Christmas Day or New Year’s Day (the generator skips them)', async () => {
      await seedDemoData(t.db);
      const rows: { date: string; n: number }[] = await t.db.query(
        `SELECT to_char((s.starts_at AT TIME ZONE site.time_zone)::date, 'YYYY-MM-DD') AS date, count(*)::int AS n
           FROM session s JOIN site ON site.id = s.site_id
          WHERE site.slug = 'kompetenscenter' AND (s.starts_at AT TIME ZONE site.time_zone)::date IN ('2026-12-18', '2026-12-25', '2027-01-01', '2027-01-08')
          GROUP BY 1 ORDER BY 1`,
      );
      // Kompetenscenter's drop-in is on Fridays: the Fridays around them have theirs.
      expect(rows).toEqual([
        { date: '2026-12-18', n: 1 },
        { date: '2027-01-08', n: 1 },
      ]);
      const [christmas] = await t.db.query(`SELECT count(*)::int AS n FROM session s JOIN site ON site.id = s.site_id WHERE (s.starts_at AT TIME ZONE site.time_zone)::date IN ('2026-12-25', '2027-01-01') AND s.schedule_id IS NOT NULL`);
      expect(christmas.n).toBe(0);
    });
  });
});
