import { randomUUID } from 'node:crypto';
import { aSchedule } from '@digihjalpen/domain/testing';
import ICAL from 'ical.js';
import { aUser, createTestApp, everyPage, signIn, TEST_NOW, type Session, type TestApp } from './test-app';

describe('staffing: shifts, open shifts and the helper calendar feed', () => {
  let t: TestApp;
  let coordinator: Session;
  let helperA: { session: Session; id: string };
  let helperB: { session: Session; id: string };
  let helperC: { session: Session; id: string };
  let sessionId: string;
  let site: { id: string };

  const helper = async () => {
    const user = await aUser(t.db, 'helper');
    return { session: await signIn(t, user), id: user.id };
  };

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    [helperA, helperB, helperC] = [await helper(), await helper(), await helper()];
    site = (await coordinator.post('/api/sites', {
      name: `Passbiblioteket ${Date.now()}`, address: 'Passgatan 2', directions: '', accessibilityNotes: '', contactPhone: null,
      timeZone: 'Europe/Stockholm', languages: ['sv'], active: true,
    }).expect(201)).body;
    await coordinator.post(`/api/sites/${site.id}/schedules`, aSchedule({ weekdays: [4], helpersNeeded: 2 })).expect(201);
    const sessions = (await coordinator.get(`/api/sites/${site.id}/sessions?from=2027-01-01&to=2027-01-14`).expect(200)).body;
    sessionId = sessions[0].id;
  });
  afterAll(() => t.close());

  it('flags the session as understaffed until enough helpers take it', async () => {
    const gap = (await coordinator.get(`/api/staffing?weeks=26&sites=${site.id}`).expect(200)).body.items.find((s: { sessionId: string }) => s.sessionId === sessionId);
    expect(gap).toMatchObject({ helpersNeeded: 2, helpers: [], understaffed: true, timeZone: 'Europe/Stockholm' });

    const open = await everyOpenShift(helperA.session);
    expect(open.map((s: { sessionId: string }) => s.sessionId)).toContain(sessionId);

    await helperA.session.post(`/api/sessions/${sessionId}/shifts/me`).expect(204);
    await coordinator.post(`/api/sessions/${sessionId}/shifts`, { helperId: helperB.id }).expect(204);

    const staffed = (await coordinator.get(`/api/staffing?weeks=26&sites=${site.id}`).expect(200)).body.items.find((s: { sessionId: string }) => s.sessionId === sessionId);
    expect(staffed.understaffed).toBe(false);
    expect(staffed.helpers.map((h: { id: string }) => h.id).sort()).toEqual([helperA.id, helperB.id].sort());
  });

  it('refuses a third helper signing up with 409 SHIFT_FULL, and a second shift for the same helper', async () => {
    const full = await helperC.session.post(`/api/sessions/${sessionId}/shifts/me`).expect(409);
    expect(full.body.code).toBe('SHIFT_FULL');
    const twice = await coordinator.post(`/api/sessions/${sessionId}/shifts`, { helperId: helperA.id }).expect(409);
    expect(twice.body.code).toBe('ALREADY_ON_SHIFT');
    const open = await everyOpenShift(helperC.session);
    expect(open.map((s: { sessionId: string }) => s.sessionId)).not.toContain(sessionId);
  });

  it('refuses to put someone who is not a helper on a shift', async () => {
    const partner = await aUser(t.db, 'partner');
    const res = await coordinator.post(`/api/sessions/${sessionId}/shifts`, { helperId: partner.id }).expect(400);
    expect(res.body.code).toBe('NOT_A_HELPER');
    // A deactivated helper neither (checked in the shift's transaction, under a share lock on the account).
    const gone = await aUser(t.db, 'helper');
    await t.db.query(`UPDATE app_user SET active = false, deactivated_at = $2 WHERE id = $1`, [gone.id, TEST_NOW]);
    expect((await coordinator.post(`/api/sessions/${sessionId}/shifts`, { helperId: gone.id }).expect(400)).body.code).toBe('NOT_A_HELPER');
    expect(await t.db.query(`SELECT 1 FROM shift WHERE helper_id = $1`, [gone.id])).toEqual([]);
  });

  it('lets a helper leave a shift, which opens it again', async () => {
    await helperB.session.agent.delete(`/api/sessions/${sessionId}/shifts/me`).set('X-XSRF-TOKEN', helperB.session.csrf).expect(204);
    await helperC.session.post(`/api/sessions/${sessionId}/shifts/me`).expect(204);
    const mine = (await helperC.session.get('/api/shifts/mine?weeks=26').expect(200)).body;
    expect(mine.map((s: { sessionId: string }) => s.sessionId)).toContain(sessionId);
  });

  it('keeps each role to its own routes', async () => {
    await helperA.session.get('/api/staffing').expect(403);
    await helperA.session.post(`/api/sessions/${sessionId}/shifts`, { helperId: helperA.id }).expect(403);
    await coordinator.get('/api/shifts/open').expect(403);
    await t.http().get('/api/shifts/mine').expect(401);
    const bad = await coordinator.get('/api/staffing?weeks=99').expect(400);
    expect(bad.body.fields.weeks).toBe('weeks ska vara 1–26.');
  });

  it('gives a helper a private feed of their shifts whose old link stops working when regenerated', async () => {
    const first = (await helperA.session.post('/api/me/calendar-feed').expect(200)).body.url as string;
    const path = new URL(first).pathname;
    const ics = (await t.http().get(path).expect(200).expect('Content-Type', /text\/calendar/)).text;
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toContain(`shift-${sessionId}-${helperA.id}@digihjalpen`);

    const second = (await helperA.session.post('/api/me/calendar-feed').expect(200)).body.url as string;
    expect(second).not.toBe(first);
    const gone = await t.http().get(path).expect(404);
    expect(gone.body.code).toBe('LINK_INVALID');
    await t.http().get(new URL(second).pathname).expect(200);
  });
});

describe('changing a schedule with shifts taken', () => {
  it('keeps a session a helper has taken and lists it for the coordinator instead of deleting it', async () => {
    const t = await createTestApp();
    try {
      const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
      const helperUser = await aUser(t.db, 'helper');
      const site = (await coordinator.post('/api/sites', {
        name: `Flyttbiblioteket ${Date.now()}`, address: 'Flyttgatan 1', directions: '', accessibilityNotes: '', contactPhone: null,
        timeZone: 'Europe/Stockholm', languages: ['sv'], active: true,
      }).expect(201)).body;
      const created = (await coordinator.post(`/api/sites/${site.id}/schedules`, aSchedule({ weekdays: [2] })).expect(201)).body;
      const [taken] = (await coordinator.get(`/api/sites/${site.id}/sessions?from=2027-01-01&to=2027-01-07`).expect(200)).body;
      await coordinator.post(`/api/sessions/${taken.id}/shifts`, { helperId: helperUser.id }).expect(204);

      const moved = (await coordinator.put(`/api/schedules/${created.schedule.id}`, aSchedule({ weekdays: [3] })).expect(200)).body;
      expect(moved.needsDecision.map((s: { id: string }) => s.id)).toEqual([taken.id]);
      expect(moved.removed).toBe(created.created - 1);
      const after = (await coordinator.get(`/api/sites/${site.id}/sessions?from=2027-01-01&to=2027-01-07`).expect(200)).body;
      expect(after.map((s: { id: string }) => s.id)).toContain(taken.id);
    } finally {
      await t.close();
    }
  });
});

describe('who can be staffed', () => {
  it('leaves out invited people who have not chosen a password yet', async () => {
    const t = await createTestApp();
    try {
      const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
      const invited = (await coordinator.post('/api/auth/invitations', { email: `vantar-${Date.now()}@example.org`, name: 'Väntande', role: 'helper' }).expect(201)).body.user;
      const helpers = (await coordinator.get('/api/helpers?q=Väntande').expect(200)).body.items;
      expect(helpers.map((h: { id: string }) => h.id)).not.toContain(invited.id);
      await coordinator.get(`/api/helpers/${invited.id}`).expect(404);
    } finally {
      await t.close();
    }
  });
});

describe('finding helpers and sessions at national scale', () => {
  let t: TestApp;
  let coordinator: Session;
  const token = `sok${Date.now()}`;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
  });
  afterAll(() => t.close());

  it('searches helpers by every word in the name or e-mail, whatever the case and accents, 50 a page', async () => {
    const names = [...Array.from({ length: 55 }, (_, i) => `Hjälpare ${String(i).padStart(2, '0')}`), 'Özlem Çelik', 'Åsa Öberg'];
    for (const name of names) await aUser(t.db, 'helper', { name: `${name} ${token}`, email: `${token}-${names.indexOf(name)}@example.org` });
    const first = (await coordinator.get('/api/helpers').query({ q: token }).expect(200)).body;
    expect(first).toMatchObject({ page: 1, pageSize: 50, total: 57 });
    expect(first.items).toHaveLength(50);
    const second = (await coordinator.get('/api/helpers').query({ q: token, page: 2 }).expect(200)).body;
    expect(second.items.map((h: { name: string }) => h.name.replace(` ${token}`, ''))).toEqual(['Hjälpare 50', 'Hjälpare 51', 'Hjälpare 52', 'Hjälpare 53', 'Hjälpare 54', 'Åsa Öberg', 'Özlem Çelik']);
    expect((await coordinator.get('/api/helpers').query({ q: `ozlem celik ${token}` }).expect(200)).body.items.map((h: { name: string }) => h.name)).toEqual([`Özlem Çelik ${token}`]);
    expect((await coordinator.get('/api/helpers').query({ q: `${token}-56@example` }).expect(200)).body.total).toBe(1);
    const one = first.items[0];
    expect((await coordinator.get(`/api/helpers/${one.id}`).expect(200)).body).toEqual(one);
    expect((await coordinator.get(`/api/helpers/${randomUUID()}`).expect(404)).body.code).toBe('HELPER_NOT_FOUND');
    await coordinator.get('/api/helpers/inte-ett-id').expect(400);
  });

  it('pages the coming sessions by start time and keeps them to the chosen sites', async () => {
    const site = async (name: string) =>
      (await coordinator.post('/api/sites', { name: `${name} ${token}`, address: 'Passgatan 3', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: 'Europe/Stockholm', languages: ['sv'], active: true }).expect(201)).body as { id: string };
    const [a, b] = [await site('Aplats'), await site('Bplats')];
    await coordinator.post(`/api/sites/${a.id}/schedules`, aSchedule({ weekdays: [1, 2, 3, 4, 5] })).expect(201);
    await coordinator.post(`/api/sites/${b.id}/schedules`, aSchedule({ weekdays: [1, 2, 3, 4, 5] })).expect(201);
    const both = (await coordinator.get(`/api/staffing?weeks=26&sites=${a.id},${b.id}`).expect(200)).body;
    expect(both.pageSize).toBe(200);
    expect(both.total).toBeGreaterThan(200);
    const onlyA = (await coordinator.get(`/api/staffing?weeks=26&sites=${a.id}`).expect(200)).body;
    expect(onlyA.total).toBe(both.total / 2);
    expect(new Set(onlyA.items.map((s: { siteId: string }) => s.siteId))).toEqual(new Set([a.id]));
    const pages = [];
    for (let page = 1; page <= Math.ceil(both.total / 200); page += 1) pages.push(...(await coordinator.get(`/api/staffing?weeks=26&sites=${a.id},${b.id}&page=${page}`).expect(200)).body.items);
    expect(pages).toHaveLength(both.total);
    const starts = pages.map((s: { start: string }) => Date.parse(s.start));
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect((await coordinator.get(`/api/staffing?sites=inte-ett-id`).expect(400)).body.code).toBe('UNKNOWN_SITE');
  });
});

/** Every page of a helper's open shifts for 26 weeks. */
const everyOpenShift = (helper: Session) => everyPage<{ sessionId: string }>((page) => helper.get(`/api/shifts/open?weeks=26&page=${page}`).expect(200), 50);
