import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { aBookingRequest } from '@digihjalpen/domain/testing';
import { pinClock } from '../src/common/clock';
import { startMailCatcher, type MailCatcher } from '../src/modules/notifications/mail-catcher';
import { RateLimits } from '../src/modules/limits/rate-limits.service';
import { aBookableSite, book, type BookableSite } from './bookings';
import { aPartner, aUser, createTestApp, signIn, TEST_NOW, type Session, type TestApp } from './test-app';

/*
 * Issue 17, finding 1: one client booked out a library with 18 anonymous requests, each from another IPv6
 * address. The limits now count per client network (IPv6 by /64) in PostgreSQL, so two API instances on
 * one database (same SECRET_KEY, as in production) share every count. Requests alternate between the
 * instances; X-Forwarded-For is honoured from loopback (the default TRUST_PROXY), as behind nginx.
 */

const SECRET_KEY = randomBytes(48).toString('base64');
const PER_HOUR = 3;
const PER_DAY = 5;
const ENV = {
  SECRET_KEY,
  BOOKING_RATE_LIMIT: String(PER_HOUR),
  BOOKING_DAILY_LIMIT: String(PER_DAY),
  MANAGE_RATE_LIMIT: '1000',
  STATS_RATE_LIMIT: '2',
  STAFF_BOOKINGS_PER_HOUR: '3',
  PARTNER_BOOKINGS_PER_WEEK: '4',
  // Other caps (part of the same issue) stay out of the way: this file is about the per-client limits.
  CONTACTLESS_BOOKINGS_PER_SITE_DAY: '1000',
  MAX_FUTURE_BOOKINGS: '100',
};

const run = randomBytes(2).toString('hex');
let prefixSequence = 0;
/** A /64 of its own for each test (the counts live in the database all tests of this file share). */
const aNetwork64 = (): string => `2001:db8:${run}:${(prefixSequence += 1).toString(16)}`;
/** A random address inside the /64, as a phone or home router hands out. */
const inside = (net: string): string => `${net}:${Array.from({ length: 4 }, () => randomBytes(2).toString('hex')).join(':')}`;
const from = (address: string, lang?: string): Record<string, string> => ({ 'X-Forwarded-For': address, ...(lang ? { 'Accept-Language': lang } : {}) });

const bookingsAt = async (t: TestApp, site: BookableSite): Promise<number> =>
  ((await t.db.query(`SELECT count(*)::int AS n FROM booking WHERE slot_id = ANY($1) AND status = 'confirmed'`, [site.slotIds])) as { n: number }[])[0]?.n ?? -1;

describe('per-client limits shared by two API instances (issue 17)', () => {
  let dir: string;
  let smtp: MailCatcher;
  let a: TestApp;
  let b: TestApp;
  let coordinator: Session;
  const either = (i: number): TestApp => (i % 2 === 0 ? a : b);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dh-limits-'));
    smtp = await startMailCatcher(path.join(dir, 'mail'));
    a = await createTestApp(ENV, { mail: smtp });
    b = await createTestApp(ENV, { mail: smtp, jobSchema: a.jobSchema });
    await a.app.listen(0, '127.0.0.1');
    await b.app.listen(0, '127.0.0.1');
    coordinator = await signIn(a, await aUser(a.db, 'coordinator'));
  }, 120_000);

  afterAll(async () => {
    pinClock(TEST_NOW);
    await a?.close();
    await b?.close();
    await smtp?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => pinClock(TEST_NOW));

  it('finding 1: anonymous bookings from rotating IPv6 addresses in one /64, alternating instances, stop at the hourly limit', async () => {
    const site = await aBookableSite(coordinator, { seats: 8 });
    const net = aNetwork64();
    const answers: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      // No e-mail, no phone: the per-contact limit has nothing to count.
      const res = await book(either(i), { slotId: site.slotIds[i % site.slotIds.length] as string, email: null, phone: null }, from(inside(net)));
      answers.push(res.status);
    }
    expect(answers).toEqual([...Array<number>(PER_HOUR).fill(201), ...Array<number>(12 - PER_HOUR).fill(429)]);
    expect(await bookingsAt(a, site)).toBe(PER_HOUR);
  });

  it('answers 429 in the person’s language with Retry-After and what to do', async () => {
    const site = await aBookableSite(coordinator, { seats: 8 });
    const net = aNetwork64();
    for (let i = 0; i < PER_HOUR; i += 1) await book(either(i), { slotId: site.slotIds[0] as string }, from(inside(net))).expect(201);
    const en = await book(a, { slotId: site.slotIds[1] as string }, from(inside(net), 'en')).expect(429);
    // The pinned clock is 12:00 UTC: the hour's window ends in 3600 seconds.
    expect(en.headers['retry-after']).toBe('3600');
    expect(en.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'Too many requests have come from your connection. Please wait a while and try again, or call the library.' });
    const sv = await book(b, { slotId: site.slotIds[1] as string }, from(inside(net), 'sv')).expect(429);
    expect(sv.body.message).toMatch(/Vänta en stund och försök igen, eller ring biblioteket/);
    const ar = await b.http().post('/api/public/bookings?lang=ar').set(from(inside(net))).send(aBookingRequest({ slotId: site.slotIds[1] as string })).expect(429);
    expect(ar.body.message).toMatch(/اتصل بالمكتبة/);
    expect(ar.headers['retry-after']).toBe('3600');
  });

  it('leaves another /64 and other IPv4 addresses alone', async () => {
    const site = await aBookableSite(coordinator, { seats: 8 });
    const net = aNetwork64();
    for (let i = 0; i <= PER_HOUR; i += 1) await book(either(i), { slotId: site.slotIds[0] as string }, from(inside(net))).expect(i < PER_HOUR ? 201 : 429);
    await book(a, { slotId: site.slotIds[1] as string }, from(inside(aNetwork64()))).expect(201);
    // IPv4 counts per address: a neighbour on another address books; one address alone still stops at the limit.
    const ipv4 = `198.51.100.${10 + (prefixSequence % 200)}`;
    const neighbour = `203.0.113.${10 + (prefixSequence % 200)}`;
    for (let i = 0; i <= PER_HOUR; i += 1) await book(either(i), { slotId: site.slotIds[2] as string }, from(ipv4)).expect(i < PER_HOUR ? 201 : 429);
    await book(b, { slotId: site.slotIds[3] as string }, from(neighbour)).expect(201);
    // An IPv4 address written as IPv6 (::ffff:…) is the same client.
    await book(a, { slotId: site.slotIds[3] as string }, from(`::ffff:${ipv4}`)).expect(429);
  });

  it('also holds a daily limit: a new hour gives the hourly share back, not beyond the day', async () => {
    const site = await aBookableSite(coordinator, { seats: 8 });
    const net = aNetwork64();
    for (let i = 0; i < PER_HOUR; i += 1) await book(either(i), { slotId: site.slotIds[0] as string }, from(inside(net))).expect(201);
    await book(a, { slotId: site.slotIds[0] as string }, from(inside(net))).expect(429);
    pinClock(new Date('2026-11-23T13:30:00Z'));
    for (let i = PER_HOUR; i < PER_DAY; i += 1) await book(either(i), { slotId: site.slotIds[1] as string }, from(inside(net))).expect(201);
    const refused = await book(b, { slotId: site.slotIds[1] as string }, from(inside(net))).expect(429);
    // Until midnight UTC.
    expect(refused.headers['retry-after']).toBe(String(10.5 * 3600));
    expect(await bookingsAt(a, site)).toBe(PER_DAY);
  });

  it('lets several people at a library’s shared computer book with their own phone numbers, within the hourly limit', async () => {
    const site = await aBookableSite(coordinator, { seats: 8 });
    const library = `192.0.2.${10 + (prefixSequence++ % 200)}`;
    const phones = ['070-123 45 01', '070-123 45 02', '070-123 45 03'];
    expect(phones).toHaveLength(PER_HOUR);
    for (const [i, phone] of phones.entries()) {
      await book(either(i), { slotId: site.slotIds[i] as string, name: `Person ${i + 1}`, phone }, from(library)).expect(201);
    }
    expect(await bookingsAt(a, site)).toBe(PER_HOUR);
  });

  it('does not let the mistakes of the person before use up a shared computer’s bookings; tries are capped too', async () => {
    const site = await aBookableSite(coordinator, { seats: 8 });
    const library = `192.0.2.${10 + (prefixSequence++ % 200)}`;
    // The person before: a booking, then four tries with a phone number the form refuses (400).
    await book(a, { slotId: site.slotIds[0] as string, phone: '070-123 45 11' }, from(library)).expect(201);
    for (let i = 0; i < 4; i += 1) await book(either(i), { slotId: site.slotIds[0] as string, phone: '12345' }, from(library)).expect(400);
    // The next two people still get the network's remaining bookings.
    await book(b, { slotId: site.slotIds[1] as string, phone: '070-123 45 12' }, from(library)).expect(201);
    await book(a, { slotId: site.slotIds[2] as string, phone: '070-123 45 13' }, from(library)).expect(201);
    expect(await bookingsAt(a, site)).toBe(PER_HOUR);
    // Tries, refused ones included, stop at three times the hourly bookings: nine refused tries from one
    // network, then a good one is refused too.
    const prober = `192.0.2.${10 + (prefixSequence++ % 200)}`;
    for (let i = 0; i < 3 * PER_HOUR; i += 1) await book(either(i), { slotId: site.slotIds[3] as string, phone: '12345' }, from(prober)).expect(400);
    const stopped = await book(b, { slotId: site.slotIds[3] as string, phone: '070-123 45 14' }, from(prober)).expect(429);
    expect(stopped.body).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(await bookingsAt(a, site)).toBe(PER_HOUR);
  });

  it('counts the open statistics per network across both instances', async () => {
    const net = aNetwork64();
    const stats = (t: TestApp) => t.http().get('/api/public/stats?from=2026-10-01&to=2026-11-22').set(from(inside(net)));
    expect((await stats(a)).status).not.toBe(429);
    expect((await stats(b)).status).not.toBe(429);
    const refused = await stats(a).expect(429);
    expect(refused.headers['retry-after']).toBe('3600');
    await b.http().get('/api/public/stats.csv?from=2026-10-01&to=2026-11-22').set(from(inside(net))).expect(429);
    expect((await b.http().get('/api/public/stats?from=2026-10-01&to=2026-11-22').set(from(inside(aNetwork64())))).status).not.toBe(429);
  });

  it('limits invitation links to ten tries a minute per network and link, across both instances', async () => {
    const net = aNetwork64();
    const token = randomBytes(32).toString('base64url');
    const accept = (t: TestApp, tok = token) => t.http().post('/api/auth/invitations/accept').set(from(inside(net))).send({ token: tok, password: 'ett långt nytt lösenord' });
    for (let i = 0; i < 10; i += 1) await accept(either(i)).expect(410);
    const refused = await accept(a).expect(429);
    expect(refused.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'För många försök. Vänta en minut och försök igen.' });
    expect(refused.headers['retry-after']).toBe('60');
    // Another link from the same network (someone else at the library) is not held up.
    await accept(b, randomBytes(32).toString('base64url')).expect(410);
  });

  describe('staff bookings', () => {
    const staffBook = (who: Session, slotId: string) => who.post('/api/staff/bookings', aBookingRequest({ website: undefined, slotId, phone: null, email: null }));

    it('holds STAFF_BOOKINGS_PER_HOUR per account on both instances; a refused booking does not use the quota', async () => {
      const site = await aBookableSite(coordinator, { seats: 8 });
      const full = await aBookableSite(coordinator, { seats: 1 });
      const user = await aUser(a.db, 'coordinator');
      const [onA, onB] = [await signIn(a, user), await signIn(b, user)];
      await staffBook(onA, full.slotIds[0] as string).expect(201);
      // Refused (the slot is full): rolled back with its transaction, so it counts nothing.
      expect((await staffBook(onB, full.slotIds[0] as string).expect(409)).body.code).toBe('SLOT_FULL');
      await staffBook(onB, site.slotIds[0] as string).expect(201);
      await staffBook(onA, site.slotIds[1] as string).expect(201);
      const refused = await staffBook(onB, site.slotIds[2] as string).expect(429);
      expect(refused.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^Du har redan gjort 3 bokningar den här timmen.*kontakta samordnaren\.$/) });
      expect(refused.headers['retry-after']).toBe('3600');
      expect(await bookingsAt(a, site)).toBe(2);
      // Another account is not affected.
      await staffBook(await signIn(b, await aUser(b.db, 'coordinator')), site.slotIds[2] as string).expect(201);
    });

    it('holds PARTNER_BOOKINGS_PER_WEEK for all of one partner organisation’s accounts, not for another organisation', async () => {
      const site = await aBookableSite(coordinator, { seats: 8 });
      const full = await aBookableSite(coordinator, { seats: 1 });
      await book(a, { slotId: full.slotIds[0] as string }, from(inside(aNetwork64()))).expect(201);
      const org = await aPartner(a.db);
      const first = await signIn(a, await aUser(a.db, 'partner', { partnerId: org.id }));
      const second = await signIn(b, await aUser(b.db, 'partner', { partnerId: org.id }));
      for (let i = 0; i < 3; i += 1) await staffBook(first, site.slotIds[i] as string).expect(201);
      await staffBook(second, full.slotIds[0] as string).expect(409);
      await staffBook(second, site.slotIds[3] as string).expect(201);
      const refused = await staffBook(second, site.slotIds[3] as string).expect(429);
      expect(refused.body.message).toMatch(/^Er organisation har gjort 4 bokningar den här veckan.*Ni kan boka igen om 3 dagar.*kontakta samordnaren\.$/);
      // The 7-day window of Monday 2026-11-23 12:00 UTC runs until Thursday 2026-11-26 00:00 UTC.
      expect(refused.headers['retry-after']).toBe(String(2.5 * 86_400));
      await staffBook(first, site.slotIds[0] as string).expect(429);
      expect(await bookingsAt(a, site)).toBe(4);
      const other = await signIn(b, await aUser(b.db, 'partner'));
      await staffBook(other, site.slotIds[0] as string).expect(201);
    });
  });

  describe('RateLimits (the counter itself, on the shared database)', () => {
    const bucket = (name: string) => `t-${name}-${run}`;
    const stored = async (bucketName: string) =>
      (await a.db.query(`SELECT key, window_start AS "windowStart", window_end AS "windowEnd", hits FROM rate_limit WHERE bucket = $1 ORDER BY window_start`, [bucketName])) as {
        key: string;
        windowStart: Date;
        windowEnd: Date;
        hits: number;
      }[];

    it('counts in fixed windows: the last millisecond of an hour and the first of the next are different windows', async () => {
      const limits = a.app.get(RateLimits);
      const name = bucket('edges');
      const hit = (iso: string) => limits.hit(name, 'k', 2, 3600, { now: new Date(iso) });
      expect(await hit('2026-11-23T12:00:00.000Z')).toEqual({ allowed: true, hits: 1, retryAfterSeconds: 3600 });
      expect(await hit('2026-11-23T12:59:59.999Z')).toEqual({ allowed: true, hits: 2, retryAfterSeconds: 1 });
      expect(await hit('2026-11-23T12:30:00.000Z')).toEqual({ allowed: false, hits: 3, retryAfterSeconds: 1800 });
      expect(await hit('2026-11-23T13:00:00.000Z')).toEqual({ allowed: true, hits: 1, retryAfterSeconds: 3600 });
      expect((await stored(name)).map((r) => [r.windowStart.toISOString(), r.windowEnd.toISOString(), r.hits])).toEqual([
        ['2026-11-23T12:00:00.000Z', '2026-11-23T13:00:00.000Z', 3],
        ['2026-11-23T13:00:00.000Z', '2026-11-23T14:00:00.000Z', 1],
      ]);
    });

    it('stores a keyed hash, never the key: the same on both instances (one SECRET_KEY), another under another key', async () => {
      const name = bucket('hash');
      const key = `${aNetwork64()}::/64`;
      await a.app.get(RateLimits).hit(name, key, 10, 60);
      await b.app.get(RateLimits).hit(name, key, 10, 60);
      const rows = await stored(name);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ hits: 2, key: a.app.get(RateLimits).keyHash(name, key) });
      expect(rows[0]?.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(rows[0]?.key).not.toContain('2001');
      const everyKey = (await a.db.query(`SELECT key FROM rate_limit`)) as { key: string }[];
      expect(everyKey.filter((r) => /2001:db8|198\.51\.100|203\.0\.113|192\.0\.2|@/.test(r.key))).toEqual([]);
      const other = await createTestApp({ SECRET_KEY: randomBytes(48).toString('base64') }, { jobSchema: a.jobSchema });
      try {
        expect(other.app.get(RateLimits).keyHash(name, key)).not.toBe(rows[0]?.key);
      } finally {
        await other.close();
      }
    });

    it('with a transaction, counts only if the transaction commits', async () => {
      const limits = a.app.get(RateLimits);
      const name = bucket('tx');
      await expect(
        a.db.transaction(async (tx) => {
          expect((await limits.hit(name, 'k', 5, 3600, { tx })).hits).toBe(1);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await stored(name)).toEqual([]);
      await a.db.transaction(async (tx) => void (await limits.hit(name, 'k', 5, 3600, { tx })));
      expect((await stored(name)).map((r) => r.hits)).toEqual([1]);
    });

    it('loses no count when both instances hit the same key at once', async () => {
      const name = bucket('race');
      const verdicts = await Promise.all(Array.from({ length: 40 }, (_, i) => either(i).app.get(RateLimits).hit(name, 'k', 25, 3600)));
      expect(verdicts.map((v) => v.hits).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(25);
    });

    it('sweeps windows that have ended and keeps the current ones', async () => {
      const limits = a.app.get(RateLimits);
      const name = bucket('sweep');
      await limits.hit(name, 'k', 5, 3600, { now: new Date('2026-01-10T10:15:00Z') });
      await limits.hit(name, 'k', 5, 3600, { now: new Date('2026-01-10T11:15:00Z') });
      await limits.hit(name, 'k', 5, 3600, { now: TEST_NOW });
      expect(await limits.sweep(new Date('2026-01-10T11:00:00Z'))).toBeGreaterThanOrEqual(1);
      expect((await stored(name)).map((r) => r.windowStart.toISOString())).toEqual(['2026-01-10T11:00:00.000Z', '2026-11-23T12:00:00.000Z']);
      await limits.sweep(TEST_NOW);
      expect((await stored(name)).map((r) => r.windowStart.toISOString())).toEqual(['2026-11-23T12:00:00.000Z']);
    });
  });
});
