import ICAL from 'ical.js';
import { BOOKING_TRIES_PER_BOOKING } from '../src/common/rate-limit';
import { aBookableSite, book, type BookableSite, type SlotTaken } from './bookings';
import { pinClock } from '../src/common/clock';
import { aUser, createTestApp, signIn, TEST_NOW, type Session, type TestApp } from './test-app';

const seatsLeft = async (t: TestApp, site: BookableSite, slotId: string): Promise<number> => {
  const sessions = (await t.http().get(`/api/public/sites/${site.slug}/sessions?from=2027-03-01&to=2027-04-30`).expect(200)).body as {
    slots: { id: string; seatsLeft: number }[];
  }[];
  const slot = sessions.flatMap((s) => s.slots).find((s) => s.id === slotId);
  if (!slot) throw new Error('slot not listed');
  return slot.seatsLeft;
};

describe('public booking', () => {
  let t: TestApp;
  let coordinator: Session;

  beforeAll(async () => {
    t = await createTestApp({ BOOKING_RATE_LIMIT: '100000', BOOKING_DAILY_LIMIT: '100000', MANAGE_RATE_LIMIT: '100000' });
    coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
  });
  afterAll(() => t.close());

  it('books a seat: 201 with a short reference and a manage link, and the seat is taken', async () => {
    const site = await aBookableSite(coordinator);
    const slotId = site.slotIds[0] as string;
    const res = await book(t, { slotId, name: ' Amina ', topics: ['bankid', 'healthcare'], ref: 'kc-2027' }).expect(201);
    expect(res.body).toMatchObject({
      status: 'confirmed',
      name: 'Amina',
      topics: ['bankid', 'healthcare'],
      slot: { id: slotId, start: '2027-03-30T10:00:00+02:00', end: '2027-03-30T10:30:00+02:00' },
      site: { slug: site.slug, timeZone: 'Europe/Stockholm', directions: 'Ingång från torget, plan 2.' },
    });
    expect(res.body.reference).toMatch(/^[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$/);
    expect(res.body.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.manageUrl).toBe(`http://localhost:3000/bokning/${res.body.manageToken}?lang=sv`);
    expect(await seatsLeft(t, site, slotId)).toBe(1);

    const stored = await t.db.query(`SELECT referral_code, manage_token_hash FROM booking WHERE reference = $1`, [res.body.reference]);
    expect(stored[0].referral_code).toBe('KC-2027');
    expect(stored[0].manage_token_hash).not.toContain(res.body.manageToken);

    const again = await t.http().get(`/api/public/bookings/${res.body.manageToken}`).expect(200).expect('Cache-Control', 'no-store');
    expect(again.body).toMatchObject({ reference: res.body.reference, status: 'confirmed' });
    expect(again.body).not.toHaveProperty('manageToken');
  });

  it('lists every site with its next sessions and their free seats', async () => {
    const site = await aBookableSite(coordinator, { seats: 2 });
    await book(t, { slotId: site.slotIds[0] as string }).expect(201);
    const found = (await t.http().get('/api/public/sites').query({ q: site.slug.replaceAll('-', ' ') }).expect(200)).body;
    expect(found).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    const sites = found.items as { slug: string; nextSessions: unknown[] }[];
    expect(sites.find((s) => s.slug === site.slug)?.nextSessions).toEqual([
      { id: site.sessionId, start: '2027-03-30T10:00:00+02:00', end: '2027-03-30T12:00:00+02:00', dropIn: true, seatsLeft: 7 },
    ]);
  });

  it('gives exactly three of 200 parallel bookings for a slot with 3 seats, and a clear 409 to the rest', async () => {
    const site = await aBookableSite(coordinator, { seats: 3 });
    const slotId = site.slotIds[1] as string;
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => book(t, { slotId, name: `Person ${i}` })));
    const statuses = answers.map((a) => a.status);
    expect(answers.filter((a) => a.status >= 500).map((a) => a.text)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(197);
    const refused = answers.find((a) => a.status === 409)?.body as SlotTaken;
    expect(refused.code).toBe('SLOT_FULL');
    expect(refused.message).toMatch(/redan bokad/);
    expect(refused.alternatives.map((a) => a.slotId)).toEqual([site.slotIds[0], site.slotIds[2], site.slotIds[3]]);
    const [count] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM booking WHERE slot_id = $1 AND status = 'confirmed') AS confirmed, (SELECT booked FROM slot WHERE id = $1) AS booked`,
      [slotId],
    );
    expect(count).toEqual({ confirmed: 3, booked: 3 });
  });

  it('lets the database refuse an overbooking even when the application is bypassed', async () => {
    const site = await aBookableSite(coordinator, { seats: 1 });
    const slotId = site.slotIds[0] as string;
    await book(t, { slotId }).expect(201);
    await expect(
      t.db.query(
        `INSERT INTO booking (id, slot_id, reference, manage_token_hash, name, language, topics) VALUES (gen_random_uuid(), $1, 'ZZZ-ZZZ', repeat('0', 64), 'X', 'sv', '{other}')`,
        [slotId],
      ),
    ).rejects.toThrow(/slot_capacity/);
  });

  it('cancels through the manage link: the seat is free at once and the link ends (410 on a second try)', async () => {
    const site = await aBookableSite(coordinator, { seats: 1 });
    const slotId = site.slotIds[0] as string;
    const { manageToken } = (await book(t, { slotId }).expect(201)).body;
    expect(await seatsLeft(t, site, slotId)).toBe(0);
    await t.http().delete(`/api/public/bookings/${manageToken}`).expect(204);
    expect(await seatsLeft(t, site, slotId)).toBe(1);
    expect((await t.http().delete(`/api/public/bookings/${manageToken}`).expect(410)).body.code).toBe('BOOKING_LINK_ENDED');
    expect((await t.http().get(`/api/public/bookings/${manageToken}`).expect(410)).body.code).toBe('BOOKING_LINK_ENDED');
    await book(t, { slotId }).expect(201);
  });

  it('keeps a booking whose time has started: no more moves or cancellations', async () => {
    const site = await aBookableSite(coordinator, { date: '2026-11-24' });
    const { manageToken } = (await book(t, { slotId: site.slotIds[0] as string }).expect(201)).body;
    pinClock(new Date('2026-11-24T09:05:00Z')); // 10:05 in Stockholm: the 10:00 time has started
    try {
      expect((await t.http().delete(`/api/public/bookings/${manageToken}`).expect(409)).body.code).toBe('BOOKING_STARTED');
      await t.http().post(`/api/public/bookings/${manageToken}/move`).send({ slotId: site.slotIds[3] }).expect(409);
    } finally {
      pinClock(TEST_NOW);
    }
  });

  it('answers a wrong, malformed or revoked token with the same 404, in the asked language', async () => {
    const site = await aBookableSite(coordinator);
    const { manageToken, reference } = (await book(t, { slotId: site.slotIds[0] as string }).expect(201)).body;
    const wrong = `${manageToken.slice(0, -1)}${manageToken.endsWith('A') ? 'B' : 'A'}`;
    const answers = await Promise.all([wrong, 'short', reference, '%00', 'a'.repeat(5000)].map((token) => t.http().get(`/api/public/bookings/${encodeURIComponent(token)}`)));
    for (const res of answers) expect([res.status, res.body.code]).toEqual(res.status === 400 ? [400, 'INVALID_CHARACTERS'] : [404, 'BOOKING_NOT_FOUND']);
    expect(answers[0]?.body.message).toBe('Vi hittar ingen bokning med den länken.');
    const inArabic = await t.http().get(`/api/public/bookings/${wrong}`).set('Accept-Language', 'ar,sv;q=0.5').expect(404);
    expect(inArabic.body.message).toBe('لا نجد حجزًا بهذا الرابط.');

    await t.db.query(`UPDATE booking SET token_version = token_version + 1, manage_token_hash = repeat('f', 64) WHERE reference = $1`, [reference]);
    await t.http().get(`/api/public/bookings/${manageToken}`).expect(404);
    await t.http().delete(`/api/public/bookings/${manageToken}`).expect(404);
  });

  it('moves a booking to another time: the seat moves with it, the calendar UID stays and its SEQUENCE rises', async () => {
    const site = await aBookableSite(coordinator, { seats: 1 });
    const [first, second, third] = site.slotIds as [string, string, string];
    const { manageToken } = (await book(t, { slotId: first }).expect(201)).body;
    const uidBefore = new ICAL.Component(ICAL.parse((await t.http().get(`/api/public/bookings/${manageToken}/calendar.ics`).expect(200)).text)).getFirstSubcomponent('vevent');

    const moved = (await t.http().post(`/api/public/bookings/${manageToken}/move`).send({ slotId: second }).expect(200)).body;
    expect(moved.slot.id).toBe(second);
    expect([await seatsLeft(t, site, first), await seatsLeft(t, site, second)]).toEqual([1, 0]);

    const ics = await t.http().get(`/api/public/bookings/${manageToken}/calendar.ics`).expect(200).expect('Content-Type', /text\/calendar/);
    const event = new ICAL.Component(ICAL.parse(ics.text)).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('uid')).toBe(uidBefore?.getFirstPropertyValue('uid'));
    expect(Number(event?.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(uidBefore?.getFirstPropertyValue('sequence')));
    expect(String(event?.getFirstPropertyValue('dtstart'))).toBe('2027-03-30T10:30:00');

    await book(t, { slotId: third }).expect(201);
    const taken = await t.http().post(`/api/public/bookings/${manageToken}/move`).send({ slotId: third }).expect(409);
    expect(taken.body.code).toBe('SLOT_FULL');
    expect(taken.body.alternatives.map((a: { slotId: string }) => a.slotId)).toContain(first);

    await t.http().post(`/api/public/bookings/${manageToken}/move`).send({ slotId: 'not-a-slot' }).expect(400);
    await t.http().delete(`/api/public/bookings/${manageToken}`).expect(204);
    expect((await t.http().post(`/api/public/bookings/${manageToken}/move`).send({ slotId: first }).expect(410)).body.code).toBe('BOOKING_LINK_ENDED');
  });

  it('refuses a past time and a cancelled session with SLOT_NOT_BOOKABLE and the nearest free times', async () => {
    const site = await aBookableSite(coordinator, { date: '2027-03-30' });
    const later = await coordinator
      .post(`/api/sites/${site.siteId}/sessions`, { date: '2027-04-06', startTime: '10:00', endTime: '11:00', slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 1 })
      .expect(201);
    await coordinator.post(`/api/sessions/${site.sessionId}/cancel`, { reason: 'Biblioteket har stängt för inventering.' }).expect(200);
    const res = await book(t, { slotId: site.slotIds[0] as string }).expect(409);
    expect(res.body.code).toBe('SLOT_NOT_BOOKABLE');
    expect(res.body.alternatives[0]).toMatchObject({ slotId: later.body.slots[0].id, start: '2027-04-06T10:00:00+02:00', seatsLeft: 2 });

    const past = await t.db.query(
      `INSERT INTO session (site_id, starts_at, ends_at) VALUES ($1, '2026-11-20T09:00Z', '2026-11-20T10:00Z') RETURNING id`,
      [site.siteId],
    );
    const [slot] = await t.db.query(`INSERT INTO slot (session_id, starts_at, ends_at, seats) VALUES ($1, '2026-11-20T09:00Z', '2026-11-20T10:00Z', 2) RETURNING id`, [past[0].id]);
    expect((await book(t, { slotId: slot.id }).expect(409)).body.code).toBe('SLOT_NOT_BOOKABLE');
  });

  it('answers every bad field at once, in the person’s language, and stores nothing', async () => {
    const site = await aBookableSite(coordinator);
    const slotId = site.slotIds[0] as string;
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM booking`))[0].n;

    const sv = await book(t, { slotId, name: '', email: 'amina@', topics: [] }).expect(400);
    expect(sv.body).toMatchObject({ code: 'INVALID_BOOKING', fields: { name: 'Skriv ditt förnamn eller ett smeknamn.' } });
    expect(Object.keys(sv.body.fields).sort()).toEqual(['email', 'name', 'topics']);

    const ar = await book(t, { slotId, name: '', language: 'ar' }).expect(400);
    expect(ar.body.fields.name).toBe('اكتب اسمك الأول أو اسمًا مستعارًا.');
    const en = await t.http().post('/api/public/bookings?lang=en').send({ slotId: 'x' }).expect(400);
    expect(en.body.fields.slotId).toBe('Choose a time from the list.');

    const honeypot = await book(t, { slotId, website: 'https://spam.example' }).expect(400);
    expect(honeypot.body.code).toBe('BOOKING_REFUSED');
    const unknownSlot = await book(t, { slotId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(unknownSlot.body.fields).toHaveProperty('slotId');

    for (const body of [[], 'text', 42, null, { ...{ slotId }, topics: [{}] }, { slotId, name: { $ne: '' } }, { slotId, personnummer: '19800101-1234' }]) {
      const res = await t.http().post('/api/public/bookings').set('Content-Type', 'application/json').send(JSON.stringify(body));
      expect(res.status).toBe(400);
    }
    await t.http().post('/api/public/bookings').set('Content-Type', 'application/json').send('{"slotId":').expect(400);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM booking`))[0].n).toBe(before);
  });

  it('lets one contact hold at most MAX_FUTURE_BOOKINGS future bookings, however the phone number is written', async () => {
    const site = await aBookableSite(coordinator, { seats: 5 });
    const [a, b, c, d] = site.slotIds as [string, string, string, string];
    await book(t, { slotId: a, phone: '070-111 22 33' }).expect(201);
    await book(t, { slotId: b, phone: '+46701112233' }).expect(201);
    await book(t, { slotId: c, phone: '0046 70 111 22 33', email: 'Same.Person@example.org' }).expect(201);
    const fourth = await book(t, { slotId: d, phone: '070 111 2233', email: 'new.address@example.org' }).expect(409);
    expect(fourth.body).toMatchObject({ code: 'TOO_MANY_BOOKINGS' });
    expect(fourth.body.message).toMatch(/redan 3 bokade tider/);
    await book(t, { slotId: d, email: 'someone.else@example.org' }).expect(201);
  });
});

describe('public booking limits per client network', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ BOOKING_RATE_LIMIT: '2', MANAGE_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After and a message in the person’s language once the hourly tries are used', async () => {
    const slotId = '00000000-0000-4000-8000-000000000000';
    // Refused tries count too, up to BOOKING_TRIES_PER_BOOKING times the hourly bookings (abuse-limits.api-spec.ts
    // shows that only bookings made use the hourly bookings themselves).
    for (let i = 0; i < 2 * BOOKING_TRIES_PER_BOOKING; i += 1) await book(t, { slotId }).expect(400);
    const limited = await book(t, { slotId }, { 'Accept-Language': 'en' }).expect(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/Too many requests/) });

    for (let i = 0; i < 3; i += 1) await t.http().get(`/api/public/bookings/${'x'.repeat(43)}`).expect(404);
    await t.http().get(`/api/public/bookings/${'x'.repeat(43)}`).expect(429);
  });
});

describe('who the client is behind a load balancer (TRUST_PROXY)', () => {
  const slotId = '00000000-0000-4000-8000-000000000000';
  const from = (address: string) => ({ 'X-Forwarded-For': address });
  /** Uses up one client's tries (BOOKING_RATE_LIMIT=1: BOOKING_TRIES_PER_BOOKING refused tries). */
  const useTries = async (t: TestApp, headers: Record<string, string>) => {
    for (let i = 0; i < BOOKING_TRIES_PER_BOOKING; i += 1) await book(t, { slotId }, headers).expect(400);
  };

  it('by default believes a proxy on a private or loopback address: each client behind it has its own limit', async () => {
    const t = await createTestApp({ BOOKING_RATE_LIMIT: '1' });
    try {
      await useTries(t, from('203.0.113.10'));
      await book(t, { slotId }, from('203.0.113.10')).expect(429);
      await book(t, { slotId }, from('203.0.113.11')).expect(400); // another client, its own budget
      await useTries(t, from('198.51.100.1, 203.0.113.12')); // the proxy's own view counts, not what the client wrote
      await book(t, { slotId }, from('198.51.100.1, 203.0.113.12')).expect(429);
    } finally {
      await t.close();
    }
  });

  it('with TRUST_PROXY naming another address, ignores X-Forwarded-For from this one: a spoofed header buys nothing', async () => {
    const t = await createTestApp({ BOOKING_RATE_LIMIT: '1', TRUST_PROXY: '192.0.2.1' });
    try {
      await useTries(t, from('203.0.113.20'));
      await book(t, { slotId }, from('203.0.113.21')).expect(429);
    } finally {
      await t.close();
    }
  });

  it('with TRUST_PROXY=2 believes two hops: the address the outer proxy saw is the client', async () => {
    const t = await createTestApp({ BOOKING_RATE_LIMIT: '1', TRUST_PROXY: '2' });
    try {
      await useTries(t, from('198.51.100.9, 203.0.113.30, 10.0.0.2'));
      await book(t, { slotId }, from('198.51.100.8, 203.0.113.30, 10.0.0.3')).expect(429);
      await book(t, { slotId }, from('203.0.113.31, 10.0.0.2')).expect(400);
    } finally {
      await t.close();
    }
  });
});
