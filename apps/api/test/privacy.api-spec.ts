import { ERASED_NAME } from '@digihjalpen/domain';
import { pinClock } from '../src/common/clock';
import { PrivacyService } from '../src/modules/privacy/privacy.service';
import { aBookableSite, book, type BookableSite } from './bookings';
import { aUser, createTestApp, signIn, TEST_NOW, type Session, type TestApp } from './test-app';

interface Booked {
  reference: string;
  manageToken: string;
}

/**
 * The clock starts in early August 2026 (before every other spec's bookings, which are all after
 * TEST_NOW), so the retention run below erases only bookings made here:
 *
 *   old site, Wednesday 5 August:     A (e-mail X, needs)   B (no contact details)
 *   recent site, Monday 28 September: C (e-mail X, phone)   D (e-mail Y)
 *
 * The retention run happens on 10 October: A and B ended more than 30 days before, C and D did not.
 */
/** The person's name, e-mail or phone (in any of its forms), never a bare "070": random ids contain that. */
const NO_CONTACT_DETAILS = /Amina|example\.org|070-123|123 45 67|701234567/;

describe('privacy: retention, right of access and erasure', () => {
  let t: TestApp;
  let coordinator: Session;
  const people: Record<'coordinator' | 'helper' | 'partner', { email: string; password: string }> = {} as never;
  let oldSite: BookableSite;
  let recentSite: BookableSite;
  const booked: Record<'a' | 'b' | 'c' | 'd', Booked> = {} as never;
  const X = `anna.${Date.now()}@example.org`;
  const Y = `bertil.${Date.now()}@example.org`;

  const BOOKING_TIME = new Date('2026-08-03T10:00:00Z');
  const RETENTION_RUN = new Date('2026-10-10T00:30:00Z');

  /** Moves "now" and signs the coordinator in again (a sign-in ends after 15 idle minutes of the pinned clock). */
  async function at(now: Date): Promise<void> {
    pinClock(now);
    coordinator = await signIn(t, people.coordinator);
  }

  const stored = async (reference: string) =>
    ((await t.db.query(`SELECT name, email, phone, needs, contact_keys, erased_at, token_version, status, topics, language, own_device FROM booking WHERE reference = $1`, [reference])) as Record<string, unknown>[])[0];

  beforeAll(async () => {
    t = await createTestApp({ BOOKING_RATE_LIMIT: '100000', MANAGE_RATE_LIMIT: '100000' });
    people.coordinator = await aUser(t.db, 'coordinator');
    people.helper = await aUser(t.db, 'helper');
    people.partner = await aUser(t.db, 'partner');
    await at(BOOKING_TIME);
    oldSite = await aBookableSite(coordinator, { date: '2026-08-05' });
    recentSite = await aBookableSite(coordinator, { date: '2026-09-28' });
    const make = async (slotId: string, body: Record<string, unknown>): Promise<Booked> => {
      const res = await book(t, { slotId, ...body }).expect(201);
      return { reference: res.body.reference, manageToken: res.body.manageToken };
    };
    booked.a = await make(oldSite.slotIds[0] as string, { name: 'Amina', email: X, needs: 'Jag behöver hjälp med BankID på mobilen.', topics: ['bankid', 'email'] });
    booked.b = await make(oldSite.slotIds[1] as string, { name: 'Bertil', topics: ['printing'], language: 'ar' });
    booked.c = await make(recentSite.slotIds[0] as string, { name: 'Amina', email: X, phone: '070-123 45 67' });
    booked.d = await make(recentSite.slotIds[1] as string, { name: 'Dragan', email: Y });
    await t.db.query(`UPDATE booking SET attendance = 'checked-in' WHERE reference = $1`, [booked.a.reference]);
  });
  afterAll(async () => {
    pinClock(TEST_NOW);
    await t.close();
  });

  describe('the nightly retention job', () => {
    let erased: number;
    let bookingsBefore: number;
    const dashboard = () => coordinator.get(`/api/insights/dashboard?from=2026-08-03&to=2026-08-09&sites=${oldSite.siteId}`).expect(200);

    beforeAll(async () => {
      await at(RETENTION_RUN);
      await t.http().get(`/api/public/bookings/${booked.a.manageToken}`).expect(200);
      bookingsBefore = (await dashboard()).body.totals.bookings;
      // Batches of one: the loop goes on until a batch comes back short.
      erased = await t.app.get(PrivacyService).eraseExpired(RETENTION_RUN, 1);
    });

    it('erases the details of bookings whose time ended more than 30 days ago', async () => {
      expect(erased).toBeGreaterThanOrEqual(2);
      for (const reference of [booked.a.reference, booked.b.reference]) {
        expect(await stored(reference)).toMatchObject({ name: ERASED_NAME, email: null, phone: null, needs: null, contact_keys: [], erased_at: RETENTION_RUN, token_version: 2 });
      }
    });

    it('keeps what statistics need: topics, language, device, status, and the dashboard still counts them', async () => {
      expect(await stored(booked.a.reference)).toMatchObject({ status: 'confirmed', topics: ['bankid', 'email'], language: 'sv', own_device: true });
      expect(await stored(booked.b.reference)).toMatchObject({ topics: ['printing'], language: 'ar' });
      expect(bookingsBefore).toBe(2);
      const view = (await dashboard()).body;
      expect(view.totals).toMatchObject({ bookings: 2, attended: 1 });
    });

    it('leaves bookings whose time ended less than 30 days ago alone', async () => {
      expect(await stored(booked.c.reference)).toMatchObject({ name: 'Amina', email: X, phone: '070-123 45 67', erased_at: null, token_version: 1 });
      expect(await stored(booked.d.reference)).toMatchObject({ name: 'Dragan', email: Y, erased_at: null });
      await t.http().get(`/api/public/bookings/${booked.c.manageToken}`).expect(200);
    });

    it('revokes the old manage link: it answers 404 like any unknown link', async () => {
      const res = await t.http().get(`/api/public/bookings/${booked.a.manageToken}`).expect(404);
      expect(res.body.code).toBe('BOOKING_NOT_FOUND');
    });

    it('writes one audit entry per run with the count and nothing about the people', async () => {
      const [entry] = (await t.db.query(`SELECT actor_id, details FROM audit_log WHERE action = 'privacy.retention' ORDER BY id DESC LIMIT 1`)) as { actor_id: string | null; details: Record<string, unknown> }[];
      expect(entry).toMatchObject({ actor_id: null, details: { erased, retentionDays: 30 } });
      expect(JSON.stringify(entry)).not.toMatch(/Amina|Bertil|example\.org/);
    });

    it('is scheduled once a night in Stockholm time', async () => {
      const rows = (await t.db.query(`SELECT cron, options FROM ${t.jobSchema}.schedule WHERE name = 'privacy-retention'`)) as { cron: string; options: { tz?: string } }[];
      expect(rows).toEqual([expect.objectContaining({ cron: '30 2 * * *', options: expect.objectContaining({ tz: 'Europe/Stockholm' }) })]);
    });

    it('erases nothing more when it runs again', async () => {
      expect(await t.app.get(PrivacyService).eraseExpired(RETENTION_RUN)).toBe(0);
    });
  });

  describe('right of access and erasure by reference (coordinators)', () => {
    beforeAll(() => at(RETENTION_RUN));

    it('finds the booking by its reference in any case, with or without the dash, and every booking with the same e-mail', async () => {
      const compact = booked.c.reference.replace('-', '').toLowerCase();
      const res = await coordinator.get(`/api/privacy/bookings/${compact}`).expect(200).expect('Cache-Control', 'no-store');
      expect(res.body).toMatchObject({ reference: booked.c.reference, erased: false, retentionDays: 30 });
      expect(res.body.bookings).toEqual([
        {
          reference: booked.c.reference,
          createdAt: expect.any(String),
          erasedAt: null,
          bookedBy: null,
          held: { name: 'Amina', email: X, phone: '070-123 45 67', needs: null, manageLinkActive: true },
          kept: expect.objectContaining({ siteName: expect.stringContaining('Bokningsbiblioteket'), slotStart: '2026-09-28T10:00:00+02:00', status: 'confirmed', topics: ['bankid'] }),
        },
      ]);
    });

    it('shows the other booking with the same e-mail address before it is erased', async () => {
      // Another booking by the same person, with the address in capitals: the keys compare it normalised.
      pinClock(new Date('2026-09-20T10:00:00Z'));
      const again = await book(t, { slotId: recentSite.slotIds[2] as string, name: 'Amina', email: X.toUpperCase() }).expect(201);
      await at(RETENTION_RUN);
      const res = await coordinator.get(`/api/privacy/bookings/${booked.c.reference}`).expect(200);
      expect(res.body.bookings.map((b: { reference: string }) => b.reference)).toEqual([booked.c.reference, again.body.reference]);
      expect(res.body.bookings.map((b: { reference: string }) => b.reference)).not.toContain(booked.d.reference);
      const [entry] = (await t.db.query(`SELECT actor_id, details FROM audit_log WHERE action = 'privacy.viewed' ORDER BY id DESC LIMIT 1`)) as { actor_id: string; details: { bookingIds: string[] } }[];
      expect(entry?.details.bookingIds).toHaveLength(2);
      expect(JSON.stringify(entry)).not.toMatch(NO_CONTACT_DETAILS);
    });

    it('says so when the booking is already erased, and shows only what is kept', async () => {
      const res = await coordinator.get(`/api/privacy/bookings/${booked.a.reference}`).expect(200);
      expect(res.body).toMatchObject({ erased: true, bookings: [{ reference: booked.a.reference, held: null, erasedAt: expect.any(String), kept: { attendance: 'checked-in' } }] });
    });

    it('exports the same as a file to download, and audits the export', async () => {
      const res = await coordinator.get(`/api/privacy/bookings/${booked.d.reference}/export.json`).expect(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="personuppgifter-${booked.d.reference}.json"`);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.parse(res.text)).toMatchObject({ reference: booked.d.reference, bookings: [{ held: { name: 'Dragan', email: Y } }] });
      const [entry] = (await t.db.query(`SELECT actor_id, entity_id, details FROM audit_log WHERE action = 'privacy.exported' ORDER BY id DESC LIMIT 1`)) as { actor_id: string; details: unknown }[];
      expect(entry).toMatchObject({ actor_id: expect.any(String), details: { bookingIds: [expect.any(String)] } });
      expect(JSON.stringify(entry)).not.toMatch(/Dragan|example\.org/);
    });

    it('erases the person’s bookings now, the same way as the job, and erasing again erases nothing', async () => {
      const first = await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/erase`).expect(200);
      // Both times (28 September) have passed by "now": nothing to cancel.
      expect(first.body).toEqual({ erased: 2, cancelled: 0 });
      expect(await stored(booked.c.reference)).toMatchObject({ name: ERASED_NAME, email: null, phone: null, contact_keys: [], token_version: 2 });
      expect(await stored(booked.d.reference)).toMatchObject({ name: 'Dragan', erased_at: null });
      await t.http().get(`/api/public/bookings/${booked.c.manageToken}`).expect(404);
      const [entry] = (await t.db.query(`SELECT details FROM audit_log WHERE action = 'privacy.erased' ORDER BY id DESC LIMIT 1`)) as { details: { bookingIds: string[] } }[];
      expect(entry?.details.bookingIds).toHaveLength(2);
      expect(JSON.stringify(entry)).not.toMatch(NO_CONTACT_DETAILS);

      const second = await coordinator.post(`/api/privacy/bookings/${booked.c.reference}/erase`).expect(200);
      expect(second.body).toEqual({ erased: 0, cancelled: 0 });
      expect((await coordinator.get(`/api/privacy/bookings/${booked.c.reference}`).expect(200)).body).toMatchObject({ erased: true });
    });

    it('cancels a booking for a time still to come when it erases it, so the seat is free again', async () => {
      pinClock(new Date('2026-09-20T10:00:00Z'));
      const future = await book(t, { slotId: recentSite.slotIds[3] as string, name: 'Fatima', phone: '0701112233' }).expect(201);
      await at(new Date('2026-09-20T10:05:00Z'));
      const res = await coordinator.post(`/api/privacy/bookings/${future.body.reference}/erase`).expect(200);
      expect(res.body).toEqual({ erased: 1, cancelled: 1 });
      expect(await stored(future.body.reference)).toMatchObject({ status: 'cancelled', name: ERASED_NAME, phone: null });
      const [slot] = (await t.db.query(`SELECT booked FROM slot WHERE id = $1`, [recentSite.slotIds[3]])) as { booked: number }[];
      expect(slot?.booked).toBe(0);
      await at(RETENTION_RUN);
    });

    it('answers an unknown reference with 404 and a bad one with 400, in Swedish', async () => {
      const unknown = await coordinator.get('/api/privacy/bookings/ZZZ-ZZZ').expect(404);
      expect(unknown.body).toMatchObject({ code: 'REFERENCE_NOT_FOUND', message: expect.stringContaining('ingen bokning') });
      await coordinator.post('/api/privacy/bookings/ZZZ-ZZZ/erase').expect(404);
      const bad = await coordinator.get('/api/privacy/bookings/hej').expect(400);
      expect(bad.body).toMatchObject({ code: 'INVALID_REFERENCE', message: expect.stringContaining('sex tecken'), fields: { reference: expect.any(String) } });
    });

    it('tells the page how many days contact details are kept', async () => {
      expect((await coordinator.get('/api/privacy/settings').expect(200)).body).toEqual({ retentionDays: 30 });
    });

    it('refuses helpers and partners (403) and anyone not signed in (401)', async () => {
      const reference = booked.d.reference;
      for (const person of [people.helper, people.partner]) {
        const session = await signIn(t, person);
        await session.get(`/api/privacy/bookings/${reference}`).expect(403);
        await session.get(`/api/privacy/bookings/${reference}/export.json`).expect(403);
        await session.post(`/api/privacy/bookings/${reference}/erase`).expect(403);
        await session.get('/api/privacy/settings').expect(403);
      }
      await t.http().get(`/api/privacy/bookings/${reference}`).expect(401);
      await t.http().get(`/api/privacy/bookings/${reference}/export.json`).expect(401);
      await t.http().post(`/api/privacy/bookings/${reference}/erase`).expect(401);
      expect(await stored(reference)).toMatchObject({ name: 'Dragan', erased_at: null });
    });
  });
});
