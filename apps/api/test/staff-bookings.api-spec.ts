import type { StaffBookingDetail, StaffBookingListItem } from '@digihjalpen/domain';
import { aBookingRequest } from '@digihjalpen/domain/testing';
import { pinClock } from '../src/common/clock';
import { aBookableSite, book, jobsSettled, mailsTo, type BookableSite } from './bookings';
import { aUser, createTestApp, signIn, TEST_NOW, type Session, type TestApp } from './test-app';

let address = 0;
const anAddress = () => `personal-${++address}-${Date.now()}@example.org`;
type Person = { email: string; password: string; id: string };

/**
 * Bookings for staff: find, see, cancel and move one booking, each role in its own scope — coordinators
 * everywhere, library staff at their library, helpers on today's sessions they staff.
 * TEST_NOW is Monday 23 November 2026, 13:00 in Stockholm; "today's" session starts 13:15.
 */
describe('bookings for staff', () => {
  let t: TestApp;
  const people = {} as Record<'coordinator' | 'staff' | 'helperA' | 'helperB' | 'partner', Person>;
  let as: Record<keyof typeof people, Session>;
  let siteA: BookableSite;
  let siteB: BookableSite;
  /** Today at site A, 13:15–15:15 local, 4 slots of 4 seats; helper A has the shift. */
  let today: { id: string; slots: string[] };

  async function signInAll(): Promise<void> {
    const entries = await Promise.all(Object.entries(people).map(async ([k, p]) => [k, await signIn(t, p)] as const));
    as = Object.fromEntries(entries) as typeof as;
  }

  const staffBook = (who: Session, body: Parameters<typeof aBookingRequest>[0]) => who.post('/api/staff/bookings', aBookingRequest({ website: undefined, ...body }));
  const idOf = async (reference: string) => ((await t.db.query(`SELECT id FROM booking WHERE reference = $1`, [reference])) as { id: string }[])[0]?.id as string;
  const publicBooking = async (body: Parameters<typeof aBookingRequest>[0] & { slotId: string }) => {
    const created = (await book(t, body).expect(201)).body as { reference: string; manageToken: string };
    return { ...created, id: await idOf(created.reference) };
  };

  beforeAll(async () => {
    t = await createTestApp({ BOOKING_RATE_LIMIT: '10000', BOOKING_DAILY_LIMIT: '10000' });
    people.coordinator = await aUser(t.db, 'coordinator');
    const coordinator = await signIn(t, people.coordinator);
    siteA = await aBookableSite(coordinator, { seats: 4 });
    siteB = await aBookableSite(coordinator, { seats: 4 });
    people.staff = await aUser(t.db, 'library-staff', { siteId: siteA.siteId });
    people.helperA = await aUser(t.db, 'helper');
    people.helperB = await aUser(t.db, 'helper');
    people.partner = await aUser(t.db, 'partner');
    const session = (
      await coordinator
        .post(`/api/sites/${siteA.siteId}/sessions`, { date: '2026-11-23', startTime: '13:15', endTime: '15:15', slotMinutes: 30, seatsPerSlot: 4, dropIn: true, helpersNeeded: 2 })
        .expect(201)
    ).body as { id: string; slots: { id: string }[] };
    today = { id: session.id, slots: session.slots.map((s) => s.id) };
    await coordinator.post(`/api/sessions/${today.id}/shifts`, { helperId: people.helperA.id }).expect(204);
    await signInAll();
  });
  afterAll(async () => {
    pinClock(TEST_NOW);
    await t.close();
  });

  describe('finding bookings', () => {
    it('finds a booking by phone number however it is written, by reference and by name', async () => {
      const phone = `070-${String(Date.now()).slice(-3)} 45 67`;
      const digits = phone.replace(/\D/g, '').slice(1);
      const b = await publicBooking({ slotId: siteA.slotIds[0] as string, name: 'Åsa Fönsterberg', phone });
      const found = async (q: string) => ((await as.coordinator.get(`/api/staff/bookings?q=${encodeURIComponent(q)}`).expect(200)).body.items as StaffBookingListItem[]).map((i) => i.reference);
      expect(await found(`+46 ${digits}`)).toEqual([b.reference]);
      expect(await found(`0${digits}`)).toEqual([b.reference]);
      expect(await found(b.reference.replace('-', ' ').toLowerCase())).toContain(b.reference);
      expect(await found('asa fonsterberg')).toEqual([b.reference]);
    });

    it("lists a session's and a day's bookings, in time order, with who booked", async () => {
      const first = await publicBooking({ slotId: siteB.slotIds[1] as string, name: 'Dagbokad Två' });
      const second = (await staffBook(as.coordinator, { slotId: siteB.slotIds[0] as string, name: 'Dagbokad Ett' }).expect(201)).body as { reference: string };
      const bySession = (await as.coordinator.get(`/api/staff/bookings?sessionId=${siteB.sessionId}`).expect(200)).body as { items: StaffBookingListItem[]; total: number };
      expect(bySession.items.map((i) => i.reference)).toEqual([second.reference, first.reference]);
      expect(bySession.total).toBe(2);
      expect(bySession.items[0]).toMatchObject({ bookedByStaff: true, site: { id: siteB.siteId }, slot: { start: '2027-03-30T10:00:00+02:00' } });
      const byDay = (await as.coordinator.get(`/api/staff/bookings?siteId=${siteB.siteId}&date=2027-03-30`).expect(200)).body as { items: StaffBookingListItem[] };
      expect(byDay.items.map((i) => i.reference)).toEqual([second.reference, first.reference]);
      expect((await as.coordinator.get(`/api/staff/bookings?siteId=${siteB.siteId}&date=2027-03-31`).expect(200)).body.items).toEqual([]);
    });

    it('answers 400 with a Swedish message for an empty or broken search', async () => {
      const empty = await as.coordinator.get('/api/staff/bookings').expect(400);
      expect(empty.body.code).toBe('INVALID_BOOKING_SEARCH');
      expect(empty.body.fields.q).toMatch(/Sök på bokningsnummer/);
      expect((await as.coordinator.get('/api/staff/bookings?date=23/11').expect(400)).body.fields.date).toMatch(/ÅÅÅÅ-MM-DD/);
    });

    it('shows how it went at the same contact’s other bookings, as counts only', async () => {
      const phone = '070-555 12 12';
      const came = await publicBooking({ slotId: today.slots[0] as string, phone, name: 'Historik' });
      const missed = await publicBooking({ slotId: today.slots[1] as string, phone: '+46705551212', name: 'Historik' });
      const next = await publicBooking({ slotId: siteA.slotIds[2] as string, phone, name: 'Historik' });
      await t.db.query(`UPDATE booking SET attendance = CASE WHEN id = $1 THEN 'checked-in' ELSE 'no-show' END WHERE id = ANY($2)`, [came.id, [came.id, missed.id]]);
      pinClock(new Date('2026-11-23T14:30:00Z'));
      try {
        const coordinator = await signIn(t, people.coordinator);
        const detail = (await coordinator.get(`/api/staff/bookings/${next.id}`).expect(200)).body as StaffBookingDetail;
        expect(detail.history).toEqual({ earlier: 2, came: 1, didNotCome: 1, upcoming: 0 });
        expect(detail).toMatchObject({ reference: next.reference, changeable: true, phone });
        expect(JSON.stringify(detail)).not.toContain(came.reference);
      } finally {
        pinClock(TEST_NOW);
        await signInAll();
      }
    });
  });

  describe('cancelling and moving', () => {
    it("cancels with a reason: the seat is free, the person is told why in their language, and it is audited", async () => {
      const email = anAddress();
      const b = await publicBooking({ slotId: siteA.slotIds[3] as string, email, language: 'ar', name: 'Amina' });
      const before = (await t.db.query(`SELECT booked FROM slot WHERE id = $1`, [siteA.slotIds[3]]))[0].booked as number;
      const res = await as.coordinator.post(`/api/staff/bookings/${b.id}/cancel`, { reason: 'Biblioteket har stängt den dagen' }).expect(200);
      expect(res.body).toMatchObject({ status: 'cancelled', cancelledBy: 'staff', changeable: false });
      expect((await t.db.query(`SELECT booked FROM slot WHERE id = $1`, [siteA.slotIds[3]]))[0].booked).toBe(before - 1);
      const mails = await mailsTo(t, email, 2);
      const notice = mails.find((m) => m.subject?.startsWith('ألغت المكتبة موعدك'));
      expect(notice?.text).toContain('السبب: Biblioteket har stängt den dagen');
      expect(notice?.text).toContain(b.reference);
      expect(notice?.html).toContain('dir="rtl"');
      const audit = (await t.db.query(`SELECT actor_id, details FROM audit_log WHERE action = 'booking.cancelled-by-staff' AND entity_id = $1`, [b.id])) as { actor_id: string; details: object }[];
      expect(audit).toEqual([{ actor_id: people.coordinator.id, details: {} }]);
      // A second time: already cancelled.
      expect((await as.coordinator.post(`/api/staff/bookings/${b.id}/cancel`, { reason: 'igen' }).expect(409)).body.code).toBe('BOOKING_CANCELLED');
    });

    it('refuses a change without a reason (400, in Swedish) and writes nothing', async () => {
      const b = await publicBooking({ slotId: siteA.slotIds[3] as string });
      for (const body of [{}, { reason: '   ' }]) {
        const res = await as.coordinator.post(`/api/staff/bookings/${b.id}/cancel`, body).expect(400);
        expect(res.body).toMatchObject({ code: 'INVALID_BOOKING_CHANGE', fields: { reason: expect.stringMatching(/Skriv varför/) } });
      }
      const move = await as.coordinator.post(`/api/staff/bookings/${b.id}/move`, { slotId: siteA.slotIds[2] }).expect(400);
      expect(move.body.fields.reason).toMatch(/Skriv varför/);
      const [row] = (await t.db.query(`SELECT status, slot_id FROM booking WHERE id = $1`, [b.id])) as { status: string; slot_id: string }[];
      expect(row).toEqual({ status: 'confirmed', slot_id: siteA.slotIds[3] });
      expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [b.id]))[0].n).toBe(0);
    });

    it('moves with a reason through the capacity guarantee; the person gets the new time and why, in their language', async () => {
      const email = anAddress();
      const b = await publicBooking({ slotId: siteB.slotIds[2] as string, email, language: 'en', name: 'Omar' });
      const res = await as.coordinator.post(`/api/staff/bookings/${b.id}/move`, { slotId: siteA.slotIds[1], reason: 'The room is being painted' }).expect(200);
      expect(res.body).toMatchObject({ status: 'confirmed', site: { id: siteA.siteId }, slot: { id: siteA.slotIds[1] } });
      const mails = await mailsTo(t, email, 2);
      const notice = mails.find((m) => m.subject?.startsWith('The library has moved your time'));
      expect(notice?.text).toContain('Why: The room is being painted');
      expect(notice?.text).toContain('10:30');
      const [audit] = (await t.db.query(`SELECT details FROM audit_log WHERE action = 'booking.moved-by-staff' AND entity_id = $1`, [b.id])) as { details: object }[];
      expect(audit?.details).toEqual({ fromSlotId: siteB.slotIds[2], toSlotId: siteA.slotIds[1] });
    });

    it('answers a full new time with 409 SLOT_FULL and free times, and leaves the booking where it was', async () => {
      const full = await aBookableSite(as.coordinator, { seats: 1 });
      await publicBooking({ slotId: full.slotIds[0] as string });
      const b = await publicBooking({ slotId: full.slotIds[1] as string });
      const res = await as.coordinator.post(`/api/staff/bookings/${b.id}/move`, { slotId: full.slotIds[0], reason: 'Önskemål' }).expect(409);
      expect(res.body.code).toBe('SLOT_FULL');
      expect(res.body.alternatives.length).toBeGreaterThan(0);
      expect((await t.db.query(`SELECT slot_id FROM booking WHERE id = $1`, [b.id]))[0].slot_id).toBe(full.slotIds[1]);
    });

    it('refuses to cancel or move a booking whose time has started (409 BOOKING_STARTED)', async () => {
      const b = await publicBooking({ slotId: today.slots[0] as string });
      pinClock(new Date('2026-11-23T12:20:00Z'));
      try {
        const coordinator = await signIn(t, people.coordinator);
        expect((await coordinator.post(`/api/staff/bookings/${b.id}/cancel`, { reason: 'sent' }).expect(409)).body.code).toBe('BOOKING_STARTED');
        expect((await coordinator.post(`/api/staff/bookings/${b.id}/move`, { slotId: siteA.slotIds[0], reason: 'sent' }).expect(409)).body.code).toBe('BOOKING_STARTED');
        expect((await coordinator.get(`/api/staff/bookings/${b.id}`).expect(200)).body.changeable).toBe(false);
      } finally {
        pinClock(TEST_NOW);
        await signInAll();
      }
    });

    it('answers 404 for a booking that does not exist', async () => {
      expect((await as.coordinator.get('/api/staff/bookings/00000000-0000-4000-8000-000000000000').expect(404)).body.code).toBe('BOOKING_NOT_FOUND');
    });
  });

  describe('library staff stay at their own library', () => {
    it('lets library staff find, cancel and move bookings at their library', async () => {
      const b = await publicBooking({ slotId: siteA.slotIds[0] as string, name: 'Egenbiblioteket' });
      const list = (await as.staff.get(`/api/staff/bookings?sessionId=${siteA.sessionId}`).expect(200)).body.items as StaffBookingListItem[];
      expect(list.map((i) => i.id)).toContain(b.id);
      await as.staff.post(`/api/staff/bookings/${b.id}/move`, { slotId: siteA.slotIds[1], reason: 'Bättre tid' }).expect(200);
      await as.staff.post(`/api/staff/bookings/${b.id}/cancel`, { reason: 'Kan inte komma' }).expect(200);
    });

    it("refuses library staff another library's bookings and a move to another library (403 OTHER_SITE)", async () => {
      const elsewhere = await publicBooking({ slotId: siteB.slotIds[0] as string, name: 'Annanstans' });
      const own = await publicBooking({ slotId: siteA.slotIds[0] as string, name: 'Hemma' });
      expect((await as.staff.get(`/api/staff/bookings/${elsewhere.id}`).expect(403)).body.code).toBe('OTHER_SITE');
      expect((await as.staff.get(`/api/staff/bookings?siteId=${siteB.siteId}`).expect(403)).body.code).toBe('OTHER_SITE');
      expect((await as.staff.post(`/api/staff/bookings/${elsewhere.id}/cancel`, { reason: 'x' }).expect(403)).body.code).toBe('OTHER_SITE');
      expect((await as.staff.post(`/api/staff/bookings/${own.id}/move`, { slotId: siteB.slotIds[1], reason: 'x' }).expect(403)).body.code).toBe('OTHER_SITE');
      // Their search never shows another library's bookings.
      const found = (await as.staff.get(`/api/staff/bookings?q=Annanstans`).expect(200)).body.items as StaffBookingListItem[];
      expect(found).toEqual([]);
      const [row] = (await t.db.query(`SELECT slot_id, status FROM booking WHERE id = ANY($1) ORDER BY name`, [[own.id]])) as { slot_id: string; status: string }[];
      expect(row).toEqual({ slot_id: siteA.slotIds[0], status: 'confirmed' });
    });

    it("keeps a booking library staff made at their library: its manage link cannot move it to another (403, in the person's language)", async () => {
      const made = (await staffBook(as.staff, { slotId: siteA.slotIds[2] as string, name: 'Bokad vid disken', language: 'en' }).expect(201)).body as { manageToken: string; reference: string };
      expect((await t.db.query(`SELECT scope_site_id FROM booking WHERE reference = $1`, [made.reference]))[0].scope_site_id).toBe(siteA.siteId);
      const refused = await t.http().post(`/api/public/bookings/${made.manageToken}/move`).send({ slotId: siteB.slotIds[2] }).expect(403);
      expect(refused.body.code).toBe('BOOKING_SITE_FIXED');
      expect(refused.body.message).toMatch(/same library/);
      expect((await t.http().get(`/api/public/bookings/${made.manageToken}`).expect(200)).body.site.slug).toBe(siteA.slug);
      // Another time at the same library is fine.
      const moved = await t.http().post(`/api/public/bookings/${made.manageToken}/move`).send({ slotId: siteA.slotIds[3] }).expect(200);
      expect(moved.body.slot.id).toBe(siteA.slotIds[3]);
      // A booking the person made themselves still moves anywhere.
      const own = await publicBooking({ slotId: siteA.slotIds[2] as string });
      await t.http().post(`/api/public/bookings/${own.manageToken}/move`).send({ slotId: siteB.slotIds[2] }).expect(200);
    });
  });

  describe('helpers: the sessions they staff today', () => {
    it("lets a helper see, cancel and move bookings of today's session they staff", async () => {
      const b = await publicBooking({ slotId: today.slots[2] as string, name: 'Dagens besökare' });
      const list = (await as.helperA.get(`/api/staff/bookings?sessionId=${today.id}`).expect(200)).body.items as StaffBookingListItem[];
      expect(list.map((i) => i.id)).toContain(b.id);
      await as.helperA.get(`/api/staff/bookings/${b.id}`).expect(200);
      await as.helperA.post(`/api/staff/bookings/${b.id}/move`, { slotId: today.slots[3], reason: 'Kö vid datorn' }).expect(200);
      await as.helperA.post(`/api/staff/bookings/${b.id}/cancel`, { reason: 'Gick hem' }).expect(200);
    });

    it('refuses a helper without a shift today, and other sessions of the same site (403 NOT_ON_SHIFT_TODAY)', async () => {
      const b = await publicBooking({ slotId: today.slots[2] as string });
      const later = await publicBooking({ slotId: siteA.slotIds[1] as string });
      expect((await as.helperB.get(`/api/staff/bookings?sessionId=${today.id}`).expect(403)).body.code).toBe('NOT_ON_SHIFT_TODAY');
      expect((await as.helperB.get(`/api/staff/bookings/${b.id}`).expect(403)).body.code).toBe('NOT_ON_SHIFT_TODAY');
      expect((await as.helperB.post(`/api/staff/bookings/${b.id}/cancel`, { reason: 'x' }).expect(403)).body.code).toBe('NOT_ON_SHIFT_TODAY');
      expect((await as.helperA.post(`/api/staff/bookings/${later.id}/cancel`, { reason: 'x' }).expect(403)).body.code).toBe('NOT_ON_SHIFT_TODAY');
      expect((await as.helperA.get(`/api/staff/bookings?sessionId=${siteA.sessionId}`).expect(403)).body.code).toBe('NOT_ON_SHIFT_TODAY');
      expect((await t.db.query(`SELECT status FROM booking WHERE id = ANY($1)`, [[b.id, later.id]])).map((r: { status: string }) => r.status)).toEqual(['confirmed', 'confirmed']);
    });

    it("lets a helper book a follow-up at the site of today's session, not at another site; it is audited", async () => {
      const email = anAddress();
      const res = await staffBook(as.helperA, { slotId: siteA.slotIds[3] as string, name: 'Uppföljning', email, language: 'ar' }).expect(201);
      expect(res.body).toMatchObject({ site: { slug: siteA.slug }, slot: { start: '2027-03-30T11:30:00+02:00' } });
      const [row] = (await t.db.query(`SELECT booked_by, scope_site_id FROM booking WHERE reference = $1`, [res.body.reference])) as { booked_by: string; scope_site_id: string | null }[];
      expect(row).toEqual({ booked_by: people.helperA.id, scope_site_id: null });
      const audit = await t.db.query(`SELECT actor_id FROM audit_log WHERE action = 'booking.created-for-person' AND entity_id = (SELECT id::text FROM booking WHERE reference = $1)`, [res.body.reference]);
      expect(audit).toEqual([{ actor_id: people.helperA.id }]);
      expect((await mailsTo(t, email))[0]?.subject).toMatch(/^موعدك في/);
      expect((await staffBook(as.helperA, { slotId: siteB.slotIds[3] as string }).expect(403)).body.code).toBe('NOT_ON_SHIFT_TODAY');
      expect((await staffBook(as.helperB, { slotId: siteA.slotIds[3] as string }).expect(403)).body.code).toBe('NOT_ON_SHIFT_TODAY');
      await jobsSettled(t);
    });
  });

  it('keeps partners to booking: they cannot list, see or change bookings (403)', async () => {
    const b = await publicBooking({ slotId: siteA.slotIds[0] as string });
    await as.partner.get(`/api/staff/bookings?siteId=${siteA.siteId}`).expect(403);
    await as.partner.get(`/api/staff/bookings/${b.id}`).expect(403);
    await as.partner.post(`/api/staff/bookings/${b.id}/cancel`, { reason: 'x' }).expect(403);
  });
});
