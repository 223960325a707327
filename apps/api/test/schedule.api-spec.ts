import { aSchedule } from '@digihjalpen/domain/testing';
import { aUser, createTestApp, signIn, type Session, type TestApp } from './test-app';

let siteSequence = 0;
const aSiteBody = (overrides: Record<string, unknown> = {}) => {
  siteSequence += 1;
  return {
    name: `Testbiblioteket ${siteSequence} ${Date.now()}`,
    address: 'Provgatan 1, 123 45 Staden',
    directions: 'Plan 2.',
    accessibilityNotes: 'Hiss finns.',
    contactPhone: null,
    timeZone: 'Europe/Stockholm',
    languages: ['sv', 'ar'],
    active: true,
    ...overrides,
  };
};

describe('coordinator sites, schedules and sessions', () => {
  let t: TestApp;
  let coordinator: Session;
  let helper: Session;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    helper = await signIn(t, await aUser(t.db, 'helper'));
  });
  afterAll(() => t.close());

  async function newSite(overrides: Record<string, unknown> = {}): Promise<{ id: string; slug: string }> {
    return (await coordinator.post('/api/sites', aSiteBody(overrides)).expect(201)).body;
  }

  describe('POST /api/sites', () => {
    it('creates a site with a slug made from its name', async () => {
      const res = await coordinator.post('/api/sites', aSiteBody({ name: 'Östra Ängens bibliotek' })).expect(201);
      expect(res.body).toMatchObject({ slug: 'ostra-angens-bibliotek', timeZone: 'Europe/Stockholm', active: true });
      const list = await coordinator.get('/api/sites').expect(200);
      expect(list.body.map((s: { id: string }) => s.id)).toContain(res.body.id);
    });

    it('names the fields to fix when the site is invalid', async () => {
      const res = await coordinator.post('/api/sites', aSiteBody({ name: '  ', timeZone: 'Europe/Bibblan' })).expect(400);
      expect(res.body.code).toBe('INVALID_SITE');
      expect(Object.keys(res.body.fields).sort()).toEqual(['name', 'slug', 'timeZone']);
    });

    it('refuses a slug that another site has', async () => {
      const first = await newSite();
      const res = await coordinator.post('/api/sites', aSiteBody({ slug: first.slug })).expect(400);
      expect(res.body.fields.slug).toContain('används redan');
    });

    it('answers 403 for a helper and 401 for nobody', async () => {
      await helper.post('/api/sites', aSiteBody()).expect(403);
      await t.http().post('/api/sites').send(aSiteBody()).expect(401);
      await t.http().get('/api/sites').expect(401);
    });
  });

  describe('schedules', () => {
    it('generates 26 weeks of sessions whose public times stay at 10:00 across the March DST change', async () => {
      const site = await newSite();
      const created = await coordinator.post(`/api/sites/${site.id}/schedules`, aSchedule({ weekdays: [2], validFrom: '2026-11-01' })).expect(201);
      expect(created.body.created).toBeGreaterThanOrEqual(25);
      expect(created.body.schedule).toMatchObject({ weekdays: [2], startTime: '10:00', endTime: '12:00' });

      const res = await t.http().get(`/api/public/sites/${site.slug}/sessions?from=2027-03-16&to=2027-04-06`).expect(200);
      expect(res.body.map((s: { start: string }) => s.start)).toEqual([
        '2027-03-16T10:00:00+01:00',
        '2027-03-23T10:00:00+01:00',
        '2027-03-30T10:00:00+02:00',
        '2027-04-06T10:00:00+02:00',
      ]);
      const [first] = res.body;
      expect(first).toMatchObject({ status: 'planned', dropIn: true, end: '2027-03-16T12:00:00+01:00' });
      expect(first.slots).toHaveLength(4);
      expect(first.slots[0]).toEqual({ id: expect.any(String), start: '2027-03-16T10:00:00+01:00', end: '2027-03-16T10:30:00+01:00', seats: 2, seatsLeft: 2 });
    });

    it('previews the dates without saving anything', async () => {
      const site = await newSite();
      const res = await coordinator.post(`/api/sites/${site.id}/schedules/preview`, aSchedule({ weekdays: [1, 3], validFrom: '2027-01-04', validUntil: '2027-01-13' })).expect(200);
      expect(res.body.map((o: { date: string }) => o.date)).toEqual(['2027-01-04', '2027-01-06', '2027-01-11', '2027-01-13']);
      expect((await coordinator.get(`/api/sites/${site.id}/schedules`).expect(200)).body).toEqual([]);
    });

    it('refuses an overlapping schedule at the same site with 409 and says which', async () => {
      const site = await newSite();
      await coordinator.post(`/api/sites/${site.id}/schedules`, aSchedule({ weekdays: [2] })).expect(201);
      const res = await coordinator.post(`/api/sites/${site.id}/schedules`, aSchedule({ weekdays: [2, 4], startTime: '11:00', endTime: '13:00' })).expect(409);
      expect(res.body).toMatchObject({ code: 'OVERLAPPING_SCHEDULE', message: expect.stringContaining('tisdag 10:00–12:00') });
    });

    it('explains a slot length that does not divide the session, and saves nothing', async () => {
      const site = await newSite();
      const res = await coordinator.post(`/api/sites/${site.id}/schedules`, aSchedule({ slotMinutes: 25 })).expect(400);
      expect(res.body.fields.slotMinutes).toContain('går inte jämnt upp');
      expect((await coordinator.get(`/api/sites/${site.id}/schedules`).expect(200)).body).toEqual([]);
    });

    it('answers 400 for malformed shapes and 403 for a helper', async () => {
      const site = await newSite();
      const res = await coordinator.post(`/api/sites/${site.id}/schedules`, { ...aSchedule(), weekdays: 'tuesday', validFrom: 'snart' }).expect(400);
      expect(Object.keys(res.body.fields)).toEqual(expect.arrayContaining(['weekdays', 'validFrom']));
      await helper.post(`/api/sites/${site.id}/schedules`, aSchedule()).expect(403);
      await coordinator.post('/api/sites/not-a-uuid/schedules', aSchedule()).expect(400);
      await coordinator.post('/api/sites/00000000-0000-4000-8000-000000000000/schedules', aSchedule()).expect(404);
    });

    it('moves the future sessions when the schedule changes day', async () => {
      const site = await newSite();
      const created = await coordinator.post(`/api/sites/${site.id}/schedules`, aSchedule({ weekdays: [2] })).expect(201);
      const moved = await coordinator.put(`/api/schedules/${created.body.schedule.id}`, aSchedule({ weekdays: [3] })).expect(200);
      expect(moved.body.removed).toBe(created.body.created);
      expect(moved.body.needsDecision).toEqual([]);
      const sessions = await coordinator.get(`/api/sites/${site.id}/sessions?from=2027-01-01&to=2027-01-31`).expect(200);
      // Wednesdays in January 2027, but not 6 January (trettondedag jul: a public holiday leaves the day empty).
      expect(sessions.body.map((s: { start: string }) => s.start.slice(0, 10))).toEqual(['2027-01-13', '2027-01-20', '2027-01-27']);
    });
  });

  describe('sessions', () => {
    it('adds a one-off session and refuses a second one at the same time', async () => {
      const site = await newSite();
      const body = { date: '2027-02-09', startTime: '13:00', endTime: '15:00', slotMinutes: 60, seatsPerSlot: 3, dropIn: false, helpersNeeded: 1 };
      const res = await coordinator.post(`/api/sites/${site.id}/sessions`, body).expect(201);
      expect(res.body).toMatchObject({ start: '2027-02-09T13:00:00+01:00', scheduleId: null, dropIn: false, understaffed: true, helpers: 0 });
      expect(res.body.slots.map((s: { seats: number }) => s.seats)).toEqual([3, 3]);
      await coordinator.post(`/api/sites/${site.id}/sessions`, body).expect(400);
    });

    it('cancels a session with a reason; the public list shows it cancelled with no seats', async () => {
      const site = await newSite();
      await coordinator.post(`/api/sites/${site.id}/schedules`, aSchedule({ weekdays: [5] })).expect(201);
      const [session] = (await coordinator.get(`/api/sites/${site.id}/sessions?from=2027-01-01&to=2027-01-10`).expect(200)).body;
      const blank = await coordinator.post(`/api/sessions/${session.id}/cancel`, { reason: '   ' }).expect(400);
      expect(blank.body.fields.reason).toBeDefined();
      await helper.post(`/api/sessions/${session.id}/cancel`, { reason: 'Sjuk' }).expect(403);

      const res = await coordinator.post(`/api/sessions/${session.id}/cancel`, { reason: 'Biblioteket är stängt.' }).expect(200);
      expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: 'Biblioteket är stängt.', understaffed: false });
      const [pub] = (await t.http().get(`/api/public/sites/${site.slug}/sessions?from=2027-01-01&to=2027-01-10`).expect(200)).body;
      expect(pub.status).toBe('cancelled');
      expect(pub.slots.every((s: { seatsLeft: number }) => s.seatsLeft === 0)).toBe(true);

      const again = await coordinator.post(`/api/sessions/${session.id}/cancel`, { reason: 'Igen' }).expect(409);
      expect(again.body.code).toBe('SESSION_ALREADY_CANCELLED');
    });
  });

  describe('GET /api/public/sites/{slug}/sessions', () => {
    it('refuses a reversed or too long range with 400 and says what to change', async () => {
      const site = await newSite();
      const reversed = await t.http().get(`/api/public/sites/${site.slug}/sessions?from=2027-02-01&to=2027-01-01`).expect(400);
      expect(reversed.body.fields.to).toBe('to kan inte vara före from.');
      await t.http().get(`/api/public/sites/${site.slug}/sessions?from=2027-01-01&to=2029-01-01`).expect(400);
      await t.http().get(`/api/public/sites/${site.slug}/sessions?from=igår`).expect(400);
    });

    it('answers 404 for an unknown site', async () => {
      await t.http().get('/api/public/sites/finns-inte/sessions').expect(404);
    });
  });
});

describe('previewing a change to an existing schedule', () => {
  it('does not count the schedule being edited as an overlap', async () => {
    const t = await createTestApp();
    try {
      const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
      const site = (await coordinator.post('/api/sites', aSiteBody()).expect(201)).body;
      const created = (await coordinator.post(`/api/sites/${site.id}/schedules`, aSchedule({ weekdays: [2] })).expect(201)).body;
      const changed = aSchedule({ weekdays: [2], startTime: '10:30', endTime: '12:30' });
      await coordinator.post(`/api/sites/${site.id}/schedules/preview`, changed).expect(409);
      const res = await coordinator.post(`/api/sites/${site.id}/schedules/preview?scheduleId=${created.schedule.id}`, changed).expect(200);
      expect(res.body[0].start).toMatch(/T10:30:00\+0[12]:00$/);
    } finally {
      await t.close();
    }
  });
});

describe('one-off sessions: messages under the form’s own field names', () => {
  it('puts date problems on `date` and a past time on `date` as a 400', async () => {
    const t = await createTestApp();
    try {
      const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
      const site = (await coordinator.post('/api/sites', aSiteBody()).expect(201)).body;
      const body = { date: '2020-02-11', startTime: '13:00', endTime: '15:00', slotMinutes: 30, seatsPerSlot: 1, dropIn: true, helpersNeeded: 1 };
      const past = await coordinator.post(`/api/sites/${site.id}/sessions`, body).expect(400);
      expect(past.body.fields).toEqual({ date: 'Den dagen och tiden har redan varit. Välj en tid framåt.' });
      const reversed = await coordinator.post(`/api/sites/${site.id}/sessions`, { ...body, date: '2027-02-11', endTime: '12:00' }).expect(400);
      expect(Object.keys(reversed.body.fields)).toEqual(['endTime']);
      const notInt = await coordinator.post(`/api/sites/${site.id}/sessions`, { ...body, seatsPerSlot: 'två' }).expect(400);
      expect(notInt.body.fields.seatsPerSlot).toBe('Skriv antal platser som ett heltal.');
    } finally {
      await t.close();
    }
  });
});
