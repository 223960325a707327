import { aBookingRequest, aSchedule } from '@digihjalpen/domain/testing';
import { pinClock } from '../src/common/clock';
import { seedDemoData } from '../src/database/seed/demo-seed';
import { ensureDemoToday } from '../src/database/seed/demo-today';
import { book } from './bookings';
import { aUser, createTestApp, signIn, TEST_NOW, type Session, type TestApp } from './test-app';

interface CopyBody {
  site: { id: string; slug: string; name: string; address: string; directions: string; accessibilityNotes: string; contactPhone: string | null; timeZone: string; languages: string[]; active: boolean };
  schedules: { id: string; siteId: string; weekdays: number[]; startTime: string; endTime: string; validFrom: string; validUntil: string | null; slotMinutes: number; seatsPerSlot: number; dropIn: boolean; helpersNeeded: number }[];
  sessionsCreated: number;
}

const count = async (t: TestApp, sql: string, params: unknown[] = []): Promise<number> => Number(((await t.db.query(sql, params)) as { n: string }[])[0]?.n ?? 0);

describe('POST /api/sites/:id/copy', () => {
  let t: TestApp;
  let coordinator: Session;
  let coordinatorId: string;
  let sourceId: string;
  let sequence = 0;
  const tuesdays = aSchedule({ weekdays: [2], startTime: '10:00', endTime: '12:00', validFrom: '2026-09-01', validUntil: null, slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 2 });
  const thursdaysFromMarch = aSchedule({ weekdays: [4], startTime: '13:00', endTime: '15:00', validFrom: '2027-03-04', validUntil: '2027-06-10', slotMinutes: 20, seatsPerSlot: 1, dropIn: false, helpersNeeded: 1 });
  const fridaysLastSpring = aSchedule({ weekdays: [5], startTime: '09:00', endTime: '11:00', validFrom: '2026-01-02', validUntil: '2026-06-26' });
  const aCopy = (overrides: object = {}) => ({ name: `Kopierade biblioteket ${++sequence} ${Date.now()}`, address: 'Kopiegatan 2, 111 22 Staden', startDate: '2026-12-01', ...overrides });

  beforeAll(async () => {
    t = await createTestApp();
    const user = await aUser(t.db, 'coordinator');
    coordinatorId = user.id;
    coordinator = await signIn(t, user);
    const source = await coordinator
      .post('/api/sites', {
        name: `Källbiblioteket ${Date.now()}`,
        address: 'Källgatan 1, 111 22 Staden',
        directions: 'Plan 2, vid fönstren.',
        accessibilityNotes: 'Hiss och hörslinga.',
        contactPhone: '010-123 45 00',
        timeZone: 'Europe/Stockholm',
        languages: ['sv', 'ar', 'so'],
        active: true,
      })
      .expect(201);
    sourceId = source.body.id;
    for (const schedule of [tuesdays, thursdaysFromMarch, fridaysLastSpring]) await coordinator.post(`/api/sites/${sourceId}/schedules`, schedule).expect(201);
    // The source has staff, a helper on shift and bookings: none of it may come along.
    const [session] = (await coordinator.get(`/api/sites/${sourceId}/sessions?from=2026-12-01&to=2026-12-01`).expect(200)).body as { id: string; slots: { id: string }[] }[];
    if (!session) throw new Error('the source has no session on 1 December');
    const helper = await aUser(t.db, 'helper');
    await coordinator.post(`/api/sessions/${session.id}/shifts`, { helperId: helper.id }).expect(204);
    await book(t, aBookingRequest({ slotId: session.slots[0]?.id as string, name: 'Källbokare' })).expect(201);
    await aUser(t.db, 'library-staff', { siteId: sourceId });
  });
  afterAll(() => t.close());

  it('makes a paused site with the source’s settings and schedules from the start date, their sessions, and nothing else', async () => {
    const res = await coordinator.post(`/api/sites/${sourceId}/copy`, aCopy({ name: 'Norrby kopia', startDate: '2026-12-01' })).expect(201);
    const body = res.body as CopyBody;
    expect(body.site).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      slug: 'norrby-kopia',
      name: 'Norrby kopia',
      address: 'Kopiegatan 2, 111 22 Staden',
      directions: '',
      accessibilityNotes: '',
      contactPhone: null,
      timeZone: 'Europe/Stockholm',
      languages: ['sv', 'ar', 'so'],
      active: false,
    });
    const shape = ({ id: _id, siteId: _siteId, ...rest }: CopyBody['schedules'][number]) => rest;
    expect(body.schedules.map(shape)).toEqual([
      { ...tuesdays, validFrom: '2026-12-01' },
      { ...thursdaysFromMarch, validFrom: '2027-03-04' },
    ]);
    expect(body.schedules.every((s) => s.siteId === body.site.id)).toBe(true);

    // The sessions the copied schedules give, shaped as the source's: first a Tuesday on 1 December.
    const newId = body.site.id;
    expect(body.sessionsCreated).toBe(await count(t, `SELECT count(*) AS n FROM session WHERE site_id = $1`, [newId]));
    expect(body.sessionsCreated).toBeGreaterThan(20);
    const sessions = (await coordinator.get(`/api/sites/${newId}/sessions?from=2026-11-23&to=2027-03-10`).expect(200)).body as {
      start: string;
      dropIn: boolean;
      helpersNeeded: number;
      helpers: number;
      seatsBooked: number;
      slots: { seats: number }[];
    }[];
    expect(sessions[0]?.start).toBe('2026-12-01T10:00:00+01:00');
    const tuesday = sessions[0];
    expect(tuesday).toMatchObject({ dropIn: true, helpersNeeded: 2, helpers: 0, seatsBooked: 0 });
    expect(tuesday?.slots.map((s) => s.seats)).toEqual([2, 2, 2, 2]);
    const thursday = sessions.find((s) => s.start.startsWith('2027-03-04'));
    expect(thursday).toMatchObject({ start: '2027-03-04T13:00:00+01:00', dropIn: false, helpersNeeded: 1 });
    expect(thursday?.slots).toHaveLength(6);

    // No bookings, no shifts, no staff.
    expect(await count(t, `SELECT count(*) AS n FROM booking b JOIN slot sl ON sl.id = b.slot_id JOIN session s ON s.id = sl.session_id WHERE s.site_id = $1`, [newId])).toBe(0);
    expect(await count(t, `SELECT count(*) AS n FROM shift sh JOIN session s ON s.id = sh.session_id WHERE s.site_id = $1`, [newId])).toBe(0);
    expect(await count(t, `SELECT count(*) AS n FROM app_user WHERE site_id = $1`, [newId])).toBe(0);
    // The source is as it was.
    const sourceSchedules = (await coordinator.get(`/api/sites/${sourceId}/schedules`).expect(200)).body as CopyBody['schedules'];
    expect(sourceSchedules.map((s) => s.validFrom)).toEqual(['2026-01-02', '2026-09-01', '2027-03-04']);
    expect(sourceSchedules.every((s) => !body.schedules.some((c) => c.id === s.id))).toBe(true);
    expect(await count(t, `SELECT count(*) AS n FROM shift sh JOIN session s ON s.id = sh.session_id WHERE s.site_id = $1`, [sourceId])).toBe(1);
    expect(await count(t, `SELECT count(*) AS n FROM app_user WHERE site_id = $1`, [sourceId])).toBe(1);

    // Audited, with who did it and from which site.
    const [entry] = (await t.db.query(`SELECT actor_id, details FROM audit_log WHERE action = 'site.copied' AND entity = 'site' AND entity_id = $1`, [newId])) as {
      actor_id: string;
      details: { sourceId: string };
    }[];
    expect(entry).toMatchObject({ actor_id: coordinatorId, details: { sourceId } });
  });

  it('takes the given web address and the new building’s notes', async () => {
    const slug = `egen-adress-${Date.now()}`;
    const res = await coordinator.post(`/api/sites/${sourceId}/copy`, aCopy({ slug, directions: 'Ingång från torget.', accessibilityNotes: 'Ramp vid entrén.' })).expect(201);
    expect(res.body.site).toMatchObject({ slug, directions: 'Ingång från torget.', accessibilityNotes: 'Ramp vid entrén.' });
  });

  it('refuses a taken web address with a clear message and saves nothing', async () => {
    const sites = await count(t, `SELECT count(*) AS n FROM site`);
    const schedules = await count(t, `SELECT count(*) AS n FROM schedule`);
    const taken = (await coordinator.get(`/api/sites/${sourceId}`).expect(200)).body.slug as string;
    const res = await coordinator.post(`/api/sites/${sourceId}/copy`, aCopy({ slug: taken })).expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_SITE', fields: { slug: `Adressnamnet "${taken}" används redan av en annan plats. Välj ett annat.` } });
    expect(await count(t, `SELECT count(*) AS n FROM site`)).toBe(sites);
    expect(await count(t, `SELECT count(*) AS n FROM schedule`)).toBe(schedules);
  });

  it('names every field to fix, in Swedish, when the name, address and start date are wrong', async () => {
    const res = await coordinator.post(`/api/sites/${sourceId}/copy`, { name: ' ', address: '', startDate: '1 december' }).expect(400);
    expect(res.body.code).toBe('INVALID_SITE');
    expect(res.body.fields).toEqual({
      name: 'Skriv bibliotekets namn.',
      address: 'Skriv gatuadressen så att besökarna hittar dit.',
      slug: expect.stringContaining('a–z'),
      startDate: 'Skriv startdatum som ÅÅÅÅ-MM-DD.',
    });
  });

  it('refuses a start date before today at the site', async () => {
    const res = await coordinator.post(`/api/sites/${sourceId}/copy`, aCopy({ startDate: '2026-11-22' })).expect(400);
    expect(res.body.fields.startDate).toBe('Startdatum kan inte vara före i dag (2026-11-23). Välj i dag eller en senare dag.');
  });

  it('refuses a body without the required fields or with unknown ones', async () => {
    expect((await coordinator.post(`/api/sites/${sourceId}/copy`, { address: 'Gatan 1', startDate: '2026-12-01' }).expect(400)).body.message).toBeTruthy();
    await coordinator.post(`/api/sites/${sourceId}/copy`, aCopy({ bookings: true })).expect(400);
  });

  it('answers 404 for a site that does not exist and 400 for an id that is not one', async () => {
    expect((await coordinator.post('/api/sites/00000000-0000-4000-8000-000000000000/copy', aCopy()).expect(404)).body.code).toBe('SITE_NOT_FOUND');
    await coordinator.post('/api/sites/inte-ett-id/copy', aCopy()).expect(400);
  });

  it('is for coordinators only: 401 without sign-in, 403 for helpers, partners and library staff', async () => {
    await t.http().post(`/api/sites/${sourceId}/copy`).send(aCopy()).expect(401);
    for (const role of ['helper', 'partner'] as const) {
      const other = await signIn(t, await aUser(t.db, role));
      await other.post(`/api/sites/${sourceId}/copy`, aCopy()).expect(403);
    }
    const staff = await signIn(t, await aUser(t.db, 'library-staff', { siteId: sourceId }));
    await staff.post(`/api/sites/${sourceId}/copy`, aCopy()).expect(403);
  });
});

describe('demo today: a session at any hour for the demo helper', () => {
  let t: TestApp;
  const helper = { email: 'helper@example.org', password: 'demo-helper' };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoData(t.db, TEST_NOW);
  });
  afterAll(async () => {
    pinClock(TEST_NOW);
    await t.close();
  });

  interface DeskDay {
    session: { id: string; start: string; end: string; status: string };
    site: { name: string; timeZone: string };
    bookings: { name: string }[];
  }

  const openNow = async (now: Date): Promise<DeskDay | undefined> => {
    const desk = await signIn(t, helper);
    const today = (await desk.get('/api/desk/today').expect(200)).body as DeskDay[];
    return today.find((d) => Date.parse(d.session.start) <= now.getTime() && now.getTime() < Date.parse(d.session.end));
  };

  const totals = async () => ({
    sites: await count(t, `SELECT count(*) AS n FROM site`),
    sessions: await count(t, `SELECT count(*) AS n FROM session`),
    shifts: await count(t, `SELECT count(*) AS n FROM shift`),
    bookings: await count(t, `SELECT count(*) AS n FROM booking`),
  });

  // A winter day and a summer day, each at five hours across the whole UTC day (Stockholm daytime, Swedish night, both edges).
  it.each([
    '2026-12-05T00:30:00Z',
    '2026-12-05T06:00:00Z',
    '2026-12-05T12:00:00Z',
    '2026-12-05T19:00:00Z',
    '2026-12-05T23:45:00Z',
    '2027-07-14T00:30:00Z',
    '2027-07-14T06:00:00Z',
    '2027-07-14T12:00:00Z',
    '2027-07-14T19:00:00Z',
    '2027-07-14T23:45:00Z',
  ])('at %s the demo helper’s desk has a session open now with bookings, and a second start adds nothing', async (iso) => {
    const now = new Date(iso);
    pinClock(now);
    await ensureDemoToday(t.db, now);
    const day = await openNow(now);
    expect(day).toBeDefined();
    expect(day?.session.status).toBe('planned');
    expect(day?.site.name).toMatch(/^Digihjälpen demo/);
    expect(day?.bookings.length).toBeGreaterThanOrEqual(3);
    expect(day?.bookings.map((b) => b.name)).toEqual(expect.arrayContaining(['Hodan', 'Bengt', 'Rania']));

    const before = await totals();
    expect(await ensureDemoToday(t.db, now)).toEqual({ sessionsAdded: 0 });
    expect(await totals()).toEqual(before);
    expect((await openNow(now))?.session.id).toBe(day?.session.id);
  });

  it('uses the Stockholm demo site in Swedish daytime and a far zone at night', async () => {
    for (const [iso, zone] of [
      ['2026-12-06T12:00:00Z', 'Europe/Stockholm'],
      ['2026-12-06T23:00:00Z', 'America/Los_Angeles'],
    ] as const) {
      const now = new Date(iso);
      pinClock(now);
      await ensureDemoToday(t.db, now);
      expect((await openNow(now))?.site.timeZone).toBe(zone);
    }
  });

  it('makes the next session the same day once the earlier one is over', async () => {
    const morning = new Date('2026-12-07T09:10:00Z'); // 10:10 in Stockholm: 10:00–12:00
    pinClock(morning);
    await ensureDemoToday(t.db, morning);
    const first = await openNow(morning);
    expect(first?.session.start).toBe('2026-12-07T10:00:00+01:00');
    const afternoon = new Date('2026-12-07T13:30:00Z'); // 14:30: the morning session is over
    pinClock(afternoon);
    expect(await ensureDemoToday(t.db, afternoon)).toEqual({ sessionsAdded: 1 });
    expect((await openNow(afternoon))?.session.start).toBe('2026-12-07T14:00:00+01:00');
  });
});
