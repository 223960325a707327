import { aBookableSite, book, type BookableSite } from './bookings';
import { pinClock } from '../src/common/clock';
import { aUser, createTestApp, signIn, TEST_NOW, type Session, type TestApp } from './test-app';

const ENDED_EN = 'This link no longer works. The booking was cancelled or is over. Book a new time at http://localhost:3000';

/** Every route under a manage link, as the person's browser calls them. */
function manageRoutes(t: TestApp, token: string, otherSlotId: string) {
  const base = `/api/public/bookings/${token}`;
  return {
    get: () => t.http().get(base),
    needs: () => t.http().get(`${base}/needs`),
    calendar: () => t.http().get(`${base}/calendar.ics`),
    move: () => t.http().post(`${base}/move`).send({ slotId: otherSlotId }),
    cancel: () => t.http().delete(base),
    // Part B's confirmation of a contact from the e-mail's link (?c=): a well-formed proof, so only the link decides.
    confirmContact: () => t.http().post(`${base}/confirm-contact`).send({ proof: 'x'.repeat(43) }),
  };
}

/** Every manage route answers 410 BOOKING_LINK_ENDED, in the asked language, the same words whatever the reason. */
async function expectEnded(t: TestApp, token: string, otherSlotId: string): Promise<void> {
  const routes = manageRoutes(t, token, otherSlotId);
  for (const [name, call] of Object.entries(routes)) {
    const res = await call().set('Accept-Language', 'en');
    expect([name, res.status, res.body.code, res.body.message]).toEqual([name, 410, 'BOOKING_LINK_ENDED', ENDED_EN]);
    expect(JSON.stringify(res.body)).not.toMatch(/cancel+ed by|visitor|staff|session/i);
  }
}

describe('manage links: show little, for a short time', () => {
  let t: TestApp;
  let coordinator: Session;
  let site: BookableSite;

  beforeAll(async () => {
    t = await createTestApp({ BOOKING_RATE_LIMIT: '100000', BOOKING_DAILY_LIMIT: '100000', MANAGE_RATE_LIMIT: '100000' });
    coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    site = await aBookableSite(coordinator, { seats: 20 });
  });
  afterEach(() => pinClock(TEST_NOW));
  afterAll(() => t.close());

  const slot = (i: number) => site.slotIds[i] as string;

  it('shows the contact details masked and the needs only as counts: the full values are nowhere in the answer', async () => {
    const created = await book(t, {
      slotId: slot(0),
      email: 'amina.hassan@example.org',
      phone: '+46 70 987 65 43',
      topics: ['bankid', 'healthcare'],
      needs: 'Jag behöver hjälp med 1177 och min hörapparat.',
    }).expect(201);
    const res = await t.http().get(`/api/public/bookings/${created.body.manageToken}`).expect(200).expect('Cache-Control', 'no-store');
    expect(res.body).toMatchObject({ maskedEmail: 'a…@example.org', maskedPhone: '070-… 43', topicCount: 2, hasNeedsText: true, ownDevice: true, name: 'Amina' });
    for (const field of ['email', 'phone', 'needs', 'topics']) expect(res.body).not.toHaveProperty(field);
    const text = res.text;
    for (const secret of ['amina.hassan', '987 65', '9876543', 'hörapparat', 'bankid', 'healthcare']) expect(text).not.toContain(secret);
  });

  it('answers a booking without contact details or a note with nulls and no note', async () => {
    const { manageToken } = (await book(t, { slotId: slot(0), topics: ['printing'] }).expect(201)).body;
    const res = await t.http().get(`/api/public/bookings/${manageToken}`).expect(200);
    expect(res.body).toMatchObject({ maskedEmail: null, maskedPhone: null, topicCount: 1, hasNeedsText: false });
  });

  it('answers the needs on their own route, not to be stored by the browser', async () => {
    const { manageToken } = (await book(t, { slotId: slot(0), topics: ['bankid', 'scams'], needs: 'Tolk på somaliska' }).expect(201)).body;
    const res = await t.http().get(`/api/public/bookings/${manageToken}/needs`).expect(200).expect('Cache-Control', 'no-store');
    expect(res.body).toEqual({ topics: ['bankid', 'scams'], needs: 'Tolk på somaliska' });
  });

  it('keeps the full details in the answer to the one who booked: the booker checks what they sent', async () => {
    const res = await book(t, { slotId: slot(0), email: 'amina@example.org', phone: '070-123 45 67', needs: 'Mer tid' }).expect(201);
    expect(res.body).toMatchObject({ email: 'amina@example.org', phone: '070-123 45 67', needs: 'Mer tid', maskedEmail: 'a…@example.org', maskedPhone: '070-… 67' });
  });

  it('answers the needs route for a wrong token with the same 404 as the booking', async () => {
    const res = await t.http().get(`/api/public/bookings/${'x'.repeat(43)}/needs`).expect(404);
    expect(res.body.code).toBe('BOOKING_NOT_FOUND');
  });

  it('ends the link at once when the person cancels: that DELETE is 204, every later call 410', async () => {
    const { manageToken } = (await book(t, { slotId: slot(1) }).expect(201)).body;
    await t.http().delete(`/api/public/bookings/${manageToken}`).expect(204);
    await expectEnded(t, manageToken, slot(2));
  });

  it('answers two cancellations at the same moment without an error (204, or 410 for the later one), and ends the link', async () => {
    const { manageToken } = (await book(t, { slotId: slot(1) }).expect(201)).body;
    const answers = await Promise.all([t.http().delete(`/api/public/bookings/${manageToken}`), t.http().delete(`/api/public/bookings/${manageToken}`)]);
    // Both read the booking before either cancelled it, or the second came after: 204 or 410, never an error.
    expect(answers.map((a) => a.status).sort()).toEqual(expect.arrayContaining([204]));
    for (const a of answers) expect([204, 410]).toContain(a.status);
    await t.http().get(`/api/public/bookings/${manageToken}`).expect(410);
  });

  it('ends the link at once when staff cancel the booking', async () => {
    const { manageToken, reference } = (await book(t, { slotId: slot(1) }).expect(201)).body;
    const [{ id }] = await t.db.query(`SELECT id FROM booking WHERE reference = $1`, [reference]);
    await coordinator.post(`/api/staff/bookings/${id}/cancel`, { reason: 'Biblioteket har stängt' }).expect(200);
    await expectEnded(t, manageToken, slot(2));
  });

  it('ends the link at once when the library cancels the session', async () => {
    const own = await aBookableSite(coordinator, { seats: 5 });
    const { manageToken } = (await book(t, { slotId: own.slotIds[0] as string }).expect(201)).body;
    await coordinator.post(`/api/sessions/${own.sessionId}/cancel`, { reason: 'Inventering' }).expect(200);
    await expectEnded(t, manageToken, own.slotIds[1] as string);
  });

  it('keeps the link until MANAGE_LINK_HOURS (24) after the session ends, then ends it on every route', async () => {
    const { manageToken, reference } = (await book(t, { slotId: slot(3) }).expect(201)).body;
    // The session ends 2027-03-30 12:00 in Stockholm (10:00Z); the link works until 10:00Z the next day.
    pinClock(new Date('2027-03-30T11:00:00Z'));
    await t.http().get(`/api/public/bookings/${manageToken}`).expect(200);
    pinClock(new Date('2027-03-31T09:59:59Z'));
    await t.http().get(`/api/public/bookings/${manageToken}`).expect(200);
    await t.http().get(`/api/public/bookings/${manageToken}/needs`).expect(200);
    await t.http().get(`/api/public/bookings/${manageToken}/calendar.ics`).expect(200);
    pinClock(new Date('2027-03-31T10:00:00Z'));
    await expectEnded(t, manageToken, slot(2));
    // Nothing changed: the booking stands for the library's records.
    const [row] = await t.db.query(`SELECT status FROM booking WHERE reference = $1`, [reference]);
    expect(row.status).toBe('confirmed');
  });

  it('says it in Swedish and Arabic too, with the address to book again', async () => {
    const { manageToken } = (await book(t, { slotId: slot(1) }).expect(201)).body;
    await t.http().delete(`/api/public/bookings/${manageToken}`).expect(204);
    const sv = await t.http().get(`/api/public/bookings/${manageToken}`).expect(410);
    expect(sv.body.message).toBe('Den här länken fungerar inte längre. Bokningen är avbokad eller har redan varit. Boka en ny tid på http://localhost:3000');
    const ar = await t.http().get(`/api/public/bookings/${manageToken}?lang=ar`).expect(410);
    expect(ar.body.message).toContain('http://localhost:3000');
    expect(ar.body.message).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('manage links with MANAGE_LINK_HOURS set', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ BOOKING_RATE_LIMIT: '100000', BOOKING_DAILY_LIMIT: '100000', MANAGE_RATE_LIMIT: '100000', MANAGE_LINK_HOURS: '2' });
  });
  afterEach(() => pinClock(TEST_NOW));
  afterAll(() => t.close());

  it('ends the link the configured number of hours after the session', async () => {
    const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    const site = await aBookableSite(coordinator, { date: '2027-03-31' });
    const { manageToken } = (await book(t, { slotId: site.slotIds[0] as string }).expect(201)).body;
    // Session 10:00–12:00 CEST = 08:00–10:00Z; two hours later is 12:00Z.
    pinClock(new Date('2027-03-31T11:59:59Z'));
    await t.http().get(`/api/public/bookings/${manageToken}`).expect(200);
    pinClock(new Date('2027-03-31T12:00:00Z'));
    await expectEnded(t, manageToken, site.slotIds[1] as string);
  });
});
