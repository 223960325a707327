import { aSchedule } from '@digihjalpen/domain/testing';
import ICAL from 'ical.js';
import { aUser, createTestApp, signIn, type Session, type TestApp } from './test-app';

describe('staffing: shifts, open shifts and the helper calendar feed', () => {
  let t: TestApp;
  let coordinator: Session;
  let helperA: { session: Session; id: string };
  let helperB: { session: Session; id: string };
  let helperC: { session: Session; id: string };
  let sessionId: string;

  const helper = async () => {
    const user = await aUser(t.db, 'helper');
    return { session: await signIn(t, user), id: user.id };
  };

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    [helperA, helperB, helperC] = [await helper(), await helper(), await helper()];
    const site = (await coordinator.post('/api/sites', {
      name: `Passbiblioteket ${Date.now()}`, address: 'Passgatan 2', directions: '', accessibilityNotes: '', contactPhone: null,
      timeZone: 'Europe/Stockholm', languages: ['sv'], active: true,
    }).expect(201)).body;
    await coordinator.post(`/api/sites/${site.id}/schedules`, aSchedule({ weekdays: [4], helpersNeeded: 2 })).expect(201);
    const sessions = (await coordinator.get(`/api/sites/${site.id}/sessions?from=2027-01-01&to=2027-01-14`).expect(200)).body;
    sessionId = sessions[0].id;
  });
  afterAll(() => t.close());

  it('flags the session as understaffed until enough helpers take it', async () => {
    const gap = (await coordinator.get('/api/staffing?weeks=26').expect(200)).body.find((s: { sessionId: string }) => s.sessionId === sessionId);
    expect(gap).toMatchObject({ helpersNeeded: 2, helpers: [], understaffed: true, timeZone: 'Europe/Stockholm' });

    const open = (await helperA.session.get('/api/shifts/open?weeks=26').expect(200)).body;
    expect(open.map((s: { sessionId: string }) => s.sessionId)).toContain(sessionId);

    await helperA.session.post(`/api/sessions/${sessionId}/shifts/me`).expect(204);
    await coordinator.post(`/api/sessions/${sessionId}/shifts`, { helperId: helperB.id }).expect(204);

    const staffed = (await coordinator.get('/api/staffing?weeks=26').expect(200)).body.find((s: { sessionId: string }) => s.sessionId === sessionId);
    expect(staffed.understaffed).toBe(false);
    expect(staffed.helpers.map((h: { id: string }) => h.id).sort()).toEqual([helperA.id, helperB.id].sort());
  });

  it('refuses a third helper signing up with 409 SHIFT_FULL, and a second shift for the same helper', async () => {
    const full = await helperC.session.post(`/api/sessions/${sessionId}/shifts/me`).expect(409);
    expect(full.body.code).toBe('SHIFT_FULL');
    const twice = await coordinator.post(`/api/sessions/${sessionId}/shifts`, { helperId: helperA.id }).expect(409);
    expect(twice.body.code).toBe('ALREADY_ON_SHIFT');
    const open = (await helperC.session.get('/api/shifts/open?weeks=26').expect(200)).body;
    expect(open.map((s: { sessionId: string }) => s.sessionId)).not.toContain(sessionId);
  });

  it('refuses to put someone who is not a helper on a shift', async () => {
    const partner = await aUser(t.db, 'partner');
    const res = await coordinator.post(`/api/sessions/${sessionId}/shifts`, { helperId: partner.id }).expect(400);
    expect(res.body.code).toBe('NOT_A_HELPER');
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
      const helpers = (await coordinator.get('/api/helpers').expect(200)).body;
      expect(helpers.map((h: { id: string }) => h.id)).not.toContain(invited.id);
    } finally {
      await t.close();
    }
  });
});
