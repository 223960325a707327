import { randomUUID } from 'node:crypto';
import { aVisitInput } from '@digihjalpen/domain/testing';
import { pinClock } from '../src/common/clock';
import { DeskService } from '../src/modules/desk/desk.service';
import { book } from './bookings';
import { VisitsRepository } from '../src/modules/visits/visits.repository';
import { aUser, createTestApp, signIn, TEST_NOW, type Session, type TestApp } from './test-app';

const at = (iso: string) => new Date(iso);

describe('the helper desk: today, check-ins, visits, hours and the session report', () => {
  let t: TestApp;
  let coordinator: Session;
  let helper: { session: Session; id: string };
  let other: { session: Session; id: string };
  let partner: Session;
  let siteId: string;
  let sessionId: string;
  let futureSessionId: string;
  let bookingId: string;

  const aHelper = async () => {
    const user = await aUser(t.db, 'helper');
    return { session: await signIn(t, user), id: user.id };
  };
  const visit = (overrides: Parameters<typeof aVisitInput>[0] = {}) => aVisitInput({ clientId: randomUUID(), sessionId, ...overrides });

  beforeAll(async () => {
    // The clock jumps hours ahead here; the idle sign-out has its own test below.
    t = await createTestApp({ IDLE_SIGN_OUT_MINUTES: '720' });
    coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    [helper, other] = [await aHelper(), await aHelper()];
    partner = await signIn(t, await aUser(t.db, 'partner'));
    const site = (
      await coordinator
        .post('/api/sites', { name: `Deskbiblioteket ${Date.now()}`, address: 'Deskgatan 1', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: 'Europe/Stockholm', languages: ['sv'], active: true })
        .expect(201)
    ).body;
    siteId = site.id;
    // TEST_NOW is 13:00 in Stockholm; today's session starts a quarter later.
    const today = (await coordinator.post(`/api/sites/${siteId}/sessions`, { date: '2026-11-23', startTime: '13:15', endTime: '15:15', slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 2 }).expect(201)).body;
    sessionId = today.id;
    futureSessionId = (await coordinator.post(`/api/sites/${siteId}/sessions`, { date: '2026-11-30', startTime: '13:15', endTime: '15:15', slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 2 }).expect(201)).body.id;
    for (const id of [sessionId, futureSessionId]) await coordinator.post(`/api/sessions/${id}/shifts`, { helperId: helper.id }).expect(204);
    bookingId = (
      await book(t, { slotId: today.slots[0].id, name: 'Amina', topics: ['bankid', 'healthcare'], needs: 'Behöver hörslinga' }).expect(201)
    ).body.reference;
    bookingId = (await t.db.query(`SELECT id FROM booking WHERE reference = $1`, [bookingId]))[0].id;
  });
  afterAll(async () => {
    pinClock(TEST_NOW);
    await t.close();
  });

  it("shows today's session with the booked person, for the helper on it only", async () => {
    const [desk] = (await helper.session.get('/api/desk/today').expect(200)).body;
    expect(desk).toMatchObject({
      session: { id: sessionId, start: '2026-11-23T13:15:00+01:00', status: 'planned' },
      shift: { checkedInAt: null, checkedOutAt: null },
      bookings: [{ id: bookingId, name: 'Amina', topics: ['bankid', 'healthcare'], needs: 'Behöver hörslinga', attendance: null, visitLogged: false }],
      visitsLogged: 0,
      report: null,
    });
    expect((await other.session.get('/api/desk/today').expect(200)).body).toEqual([]);
    await t.http().get('/api/desk/today').expect(401);
    await partner.get('/api/desk/today').expect(403);
  });

  it('checks a booked person in (and can undo it), only for the helper on the session', async () => {
    await helper.session.put(`/api/desk/bookings/${bookingId}/attendance`, { attendance: 'checked-in' }).expect(204);
    expect((await helper.session.get('/api/desk/today').expect(200)).body[0].bookings[0].attendance).toBe('checked-in');
    await other.session.put(`/api/desk/bookings/${bookingId}/attendance`, { attendance: 'no-show' }).expect(403);
    await helper.session.put(`/api/desk/bookings/${bookingId}/attendance`, { attendance: 'maybe' }).expect(400);
    await helper.session.put(`/api/desk/bookings/${randomUUID()}/attendance`, { attendance: null }).expect(404);
  });

  it('stores a retried visit once: the same client id gives 201, then 200 with the same visit', async () => {
    const body = visit({ bookingId, cameVia: 'booked', categories: ['bankid'], outcome: 'referred', referredTo: 'healthcare' });
    const first = await helper.session.post('/api/visits', body).expect(201);
    const again = await helper.session.post('/api/visits', body).expect(200);
    expect(again.body.id).toBe(first.body.id);
    const parallel = visit();
    const answers = await Promise.all(Array.from({ length: 8 }, () => helper.session.post('/api/visits', parallel)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const [count] = await t.db.query(`SELECT count(*)::int AS n FROM visit WHERE client_id = ANY($1::uuid[])`, [[body.clientId, parallel.clientId]]);
    expect(count.n).toBe(2);
    expect((await helper.session.get('/api/desk/today').expect(200)).body[0].bookings[0].visitLogged).toBe(true);
  });

  it('refuses a client id another helper already used', async () => {
    const body = visit();
    await helper.session.post('/api/visits', body).expect(201);
    await coordinator.post(`/api/sessions/${sessionId}/shifts`, { helperId: other.id }).expect(204);
    const res = await other.session.post('/api/visits', body).expect(409);
    expect(res.body.code).toBe('CLIENT_ID_TAKEN');
    await t.db.query(`DELETE FROM shift WHERE session_id = $1 AND helper_id = $2`, [sessionId, other.id]);
  });

  it('refuses visits for a session the helper is not on, a future date, unknown categories and absurd durations', async () => {
    expect((await other.session.post('/api/visits', visit()).expect(403)).body.code).toBe('NOT_ON_SESSION');
    expect((await helper.session.post('/api/visits', visit({ sessionId: futureSessionId })).expect(409)).body.code).toBe('SESSION_NOT_STARTED');
    const bad = await helper.session.post('/api/visits', visit({ categories: ['astrology'], durationMinutes: 1000, note: 'Personnr 19850709-1234' })).expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['categories', 'durationMinutes', 'note']);
    await helper.session.post('/api/visits', visit({ sessionId: randomUUID() })).expect(400);
    await helper.session.post('/api/visits', { ...visit(), bookingId: randomUUID() }).expect(400);
    await partner.post('/api/visits', visit()).expect(403);
  });

  it('lets a helper see the visits of their own sessions only', async () => {
    const mine = (await helper.session.get(`/api/visits/mine?sessionId=${sessionId}`).expect(200)).body;
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect((await other.session.get('/api/visits/mine').expect(200)).body).toEqual([]);
  });

  it('turns a check-in and check-out into a pending hours entry, and closes a forgotten one at the session end, flagged', async () => {
    await helper.session.post(`/api/desk/sessions/${sessionId}/check-out`).expect(409);
    await helper.session.post(`/api/desk/sessions/${sessionId}/check-in`).expect(204);
    await other.session.post(`/api/desk/sessions/${sessionId}/check-in`).expect(403);
    await helper.session.post(`/api/desk/sessions/${futureSessionId}/check-in`).expect(409);
    await coordinator.post(`/api/sessions/${sessionId}/shifts`, { helperId: other.id }).expect(204);
    pinClock(at('2026-11-23T14:20:00Z'));
    await helper.session.post(`/api/desk/sessions/${sessionId}/check-out`).expect(204);
    await helper.session.post(`/api/desk/sessions/${sessionId}/check-out`).expect(409);
    const [entry] = await t.db.query(`SELECT minutes, status, flagged, activity, to_char(date, 'YYYY-MM-DD') AS date FROM hours_entry WHERE helper_id = $1`, [helper.id]);
    expect(entry).toEqual({ minutes: 140, status: 'pending', flagged: false, activity: 'session', date: '2026-11-23' });

    // A second helper checks in and forgets to check out.
    pinClock(at('2026-11-23T13:00:00Z'));
    await other.session.post(`/api/desk/sessions/${sessionId}/check-in`).expect(204);
    pinClock(at('2026-11-23T15:00:00Z'));
    expect((await other.session.post(`/api/desk/sessions/${sessionId}/check-in`).expect(409)).body.code).toBe('SESSION_OVER');
    // The job closes every forgotten shift in the database (other specs share it): at least this one, and once.
    expect(await t.app.get(DeskService).closeForgottenShifts()).toBeGreaterThanOrEqual(1);
    await t.app.get(DeskService).closeForgottenShifts();
    const [forgotten, ...more] = await t.db.query(`SELECT minutes, flagged FROM hours_entry WHERE helper_id = $1`, [other.id]);
    expect(more).toEqual([]);
    expect(forgotten).toEqual({ minutes: 75, flagged: true });
    pinClock(TEST_NOW);
  });

  it('prefills the end-of-session report from the log, takes it once, and keeps equipment problems open until fixed', async () => {
    pinClock(at('2026-11-23T14:30:00Z'));
    const draft = (await helper.session.get(`/api/desk/sessions/${sessionId}/report-draft`).expect(200)).body;
    expect(draft).toMatchObject({ sessionId, booked: 1, checkedIn: 1, noShows: 0 });
    expect(draft.visits).toBeGreaterThanOrEqual(3);
    await partner.get(`/api/desk/sessions/${sessionId}/report-draft`).expect(403);
    await helper.session.post(`/api/desk/sessions/${sessionId}/report`, { ...draft, visits: -1, equipment: [] }).expect(400);
    const report = { ...draft, equipment: [{ kind: 'wifi', note: 'Gästnätet föll bort två gånger.' }, { kind: 'charger', note: '' }], notes: 'Bra träff.' };
    delete (report as { sessionId?: string }).sessionId;
    await helper.session.post(`/api/desk/sessions/${sessionId}/report`, report).expect(201);
    expect((await helper.session.post(`/api/desk/sessions/${sessionId}/report`, report).expect(409)).body.code).toBe('REPORT_EXISTS');

    const open = (await coordinator.get('/api/equipment-issues').expect(200)).body.filter((e: { siteId: string }) => e.siteId === siteId);
    expect(open.map((e: { kind: string }) => e.kind).sort()).toEqual(['charger', 'wifi']);
    await helper.session.get('/api/equipment-issues').expect(403);
    await coordinator.post(`/api/equipment-issues/${open[0].id}/fixed`).expect(204);
    await coordinator.post(`/api/equipment-issues/${randomUUID()}/fixed`).expect(404);
    const still = (await coordinator.get('/api/equipment-issues?open=true').expect(200)).body.filter((e: { siteId: string }) => e.siteId === siteId);
    expect(still).toHaveLength(1);
    const all = (await coordinator.get('/api/equipment-issues?open=false').expect(200)).body.filter((e: { siteId: string }) => e.siteId === siteId);
    expect(all.find((e: { id: string }) => e.id === open[0].id).fixedBy).toEqual(expect.any(String));
    expect((await helper.session.get('/api/desk/today').expect(200)).body[0].report).toMatchObject({ confirmedBy: expect.any(String) });
    pinClock(TEST_NOW);
  });

  it('lets coordinators filter, edit, delete and export the log, and audits every change and export', async () => {
    const page = (await coordinator.get(`/api/visits?siteId=${siteId}&from=2026-11-23&to=2026-11-23&outcome=referred`).expect(200)).body;
    expect(page.total).toBe(1);
    const [referred] = page.items;
    expect(referred).toMatchObject({ outcome: 'referred', referredTo: 'healthcare', siteId, date: '2026-11-23' });
    await coordinator.get(`/api/visits?from=2027-01-02&to=2027-01-01`).expect(400);
    await coordinator.get(`/api/visits?from=2020-01-01&to=2026-01-02`).expect(400);
    await helper.session.get('/api/visits').expect(403);

    const edited = await coordinator.put(`/api/visits/${referred.id}`, { ...referred, outcome: 'solved', referredTo: null, durationMinutes: 35 }).expect(200);
    expect(edited.body).toMatchObject({ outcome: 'solved', durationMinutes: 35, clientId: referred.clientId });
    await coordinator.put(`/api/visits/${referred.id}`, { ...referred, durationMinutes: 0 }).expect(400);

    const csv = await coordinator.get(`/api/visits.csv?siteId=${siteId}`).expect(200).expect('Content-Type', /text\/csv/);
    expect(csv.text.startsWith('\ufeffdatum;plats;digivärd;kategorier')).toBe(true);
    expect(csv.text).toContain('BankID och e-legitimation');

    await coordinator.delete(`/api/visits/${referred.id}`).expect(204);
    await coordinator.delete(`/api/visits/${referred.id}`).expect(404);
    // This coordinator's entries only: other specs export visits from the same database at the same time.
    const me = (await coordinator.get('/api/auth/me').expect(200)).body.id as string;
    const audit = await t.db.query(`SELECT action, entity, details FROM audit_log WHERE entity = 'visit' AND actor_id = $2 AND (entity_id = $1 OR action = 'export') ORDER BY id`, [referred.id, me]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['update', 'export', 'delete']);
    expect(audit[0].details.before.outcome).toBe('referred');
    expect(audit[2].details.before.outcome).toBe('solved');
  });

  it('exports in chunks that continue exactly after each other, even for visits logged in the same instant', async () => {
    await t.db.query(
      `INSERT INTO visit (client_id, session_id, site_id, date, helper_id, categories, civic_information, device, language, duration_minutes, outcome, came_via, returning_visitor)
       SELECT gen_random_uuid(), $1, $2, '2026-11-23', $3, '{email}', false, 'own-phone', 'sv', 10, 'solved', 'drop-in', 'no' FROM generate_series(1, 5)`,
      [sessionId, siteId, helper.id],
    );
    const repo = t.app.get(VisitsRepository);
    const read = async (max: number, chunk: number) => {
      const ids: string[] = [];
      for await (const visits of repo.allInChunks({ siteId }, max, chunk)) ids.push(...visits.map((v) => v.id));
      return ids;
    };
    const whole = await read(1000, 1000);
    expect(whole.length).toBeGreaterThanOrEqual(5);
    expect(await read(1000, 2)).toEqual(whole);
    expect(await read(1000, 1)).toEqual(whole);
    expect(await read(3, 2)).toEqual(whole.slice(0, 3));
    const csv = (await coordinator.get(`/api/visits.csv?siteId=${siteId}`).expect(200)).text;
    expect(csv.trim().split('\r\n')).toHaveLength(whole.length + 1);
  });

  it('lets coordinators add a category that helpers can then log', async () => {
    const added = (await coordinator.post('/api/visit-categories', { label: 'Digitala möten' }).expect(201)).body;
    expect(added).toEqual({ key: 'custom-digitala-moten', label: 'Digitala möten', builtin: false });
    await coordinator.post('/api/visit-categories', { label: 'digitala möten' }).expect(400);
    await helper.session.post('/api/visit-categories', { label: 'X' }).expect(403);
    const categories = (await helper.session.get('/api/visit-categories').expect(200)).body;
    expect(categories.map((c: { key: string }) => c.key)).toEqual(expect.arrayContaining(['bankid', 'custom-digitala-moten']));
    await helper.session.post('/api/visits', visit({ categories: ['custom-digitala-moten'] })).expect(201);
  });
});

describe('shared laptops: idle sign-out and the offline queue key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ IDLE_SIGN_OUT_MINUTES: '15' });
  });
  afterAll(async () => {
    pinClock(TEST_NOW);
    await t.close();
  });

  it('gives each sign-in its own queue key and ends a sign-in unused for 15 minutes', async () => {
    const user = await aUser(t.db, 'helper');
    const first = await signIn(t, user);
    const second = await signIn(t, user);
    const me = (await first.get('/api/auth/me').expect(200)).body;
    expect(me).toMatchObject({ id: user.id, idleMinutes: 15, queueKey: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) });
    expect((await second.get('/api/auth/me').expect(200)).body.queueKey).not.toBe(me.queueKey);

    pinClock(new Date(TEST_NOW.getTime() + 14 * 60_000));
    await first.get('/api/auth/me').expect(200);
    pinClock(new Date(TEST_NOW.getTime() + 28 * 60_000));
    await first.get('/api/auth/me').expect(200);
    pinClock(new Date(TEST_NOW.getTime() + 44 * 60_000));
    expect((await first.get('/api/auth/me').expect(401)).body.code).toBe('NOT_SIGNED_IN');
    pinClock(TEST_NOW);
    await first.get('/api/auth/me').expect(401);
  });
});
