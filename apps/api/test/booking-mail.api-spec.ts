import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { aBookableSite, book, JOB_DELAY_SECONDS, jobsSettled, mailsTo, makeJobsDue, plannedFor } from './bookings';
import { aUser, createTestApp, signIn, type Session, type TestApp } from './test-app';

const calendarOf = (mail: ParsedMail) => {
  const attachment = mail.attachments.find((a) => a.contentType === 'text/calendar');
  if (!attachment) throw new Error('no calendar attachment');
  return new ICAL.Component(ICAL.parse(attachment.content.toString('utf8')));
};

let address = 0;
const anAddress = () => `besokare-${++address}-${Date.now()}@example.org`;

describe('booking e-mails through a real SMTP server and the job queue', () => {
  let t: TestApp;
  let coordinator: Session;

  beforeAll(async () => {
    t = await createTestApp({ BOOKING_RATE_LIMIT: '1000', BOOKING_DAILY_LIMIT: '1000' });
    coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
  });
  afterAll(() => t.close());

  /** Makes the planned reminders of the app's queue due now (instead of waiting until a day before). */
  const makeRemindersDue = () => makeJobsDue(t, `name = 'booking-mail' AND data->>'kind' = 'reminder' AND state = 'created'`);

  it('sends an Arabic confirmation with a calendar file: PUBLISH, the site’s VTIMEZONE, a stable UID and the manage link', async () => {
    const site = await aBookableSite(coordinator);
    const email = anAddress();
    const booking = (await book(t, { slotId: site.slotIds[0] as string, email, language: 'ar', name: 'Layla', topics: ['healthcare'] }).expect(201)).body;

    const [mail] = await mailsTo(t, email);
    expect(mail?.subject).toMatch(/^موعدك في Bokningsbiblioteket/);
    expect(mail?.text).toContain(booking.reference);
    expect(mail?.text).toContain('الرعاية الصحية (1177)');
    expect(mail?.text).toContain(booking.manageUrl);
    expect(mail?.html).toContain('dir="rtl"');

    const calendar = calendarOf(mail as ParsedMail);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Stockholm');
    const event = calendar.getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('uid')).toMatch(/^booking-[0-9a-f-]{36}@digihjalpen$/);
    expect(event?.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Stockholm');
    expect(String(event?.getFirstPropertyValue('dtstart'))).toBe('2027-03-30T10:00:00');
    expect(event?.getFirstPropertyValue('summary')).toBe(`مساعدة رقمية – ${booking.site.name}`);

    // The download from the manage page is the same event.
    const download = await t.http().get(booking.calendarUrl).expect(200);
    const downloaded = new ICAL.Component(ICAL.parse(download.text)).getFirstSubcomponent('vevent');
    expect(downloaded?.getFirstPropertyValue('uid')).toBe(event?.getFirstPropertyValue('uid'));
  });

  it('sends no e-mail at all when the person gave no address', async () => {
    const site = await aBookableSite(coordinator);
    await book(t, { slotId: site.slotIds[0] as string, phone: '070-000 00 01' }).expect(201);
    await jobsSettled(t);
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM ${t.jobSchema}.job j JOIN booking b ON b.id::text = j.data->>'bookingId' WHERE b.phone = '070-000 00 01'`);
    expect(row.n).toBe(0);
  });

  it('plans the reminder for 24 hours before and sends it once, in the booking’s language', async () => {
    const site = await aBookableSite(coordinator);
    const email = anAddress();
    const { reference } = (await book(t, { slotId: site.slotIds[1] as string, email, language: 'en' }).expect(201)).body;
    await mailsTo(t, email, 1);

    const [job] = await t.db.query(
      `SELECT ${JOB_DELAY_SECONDS('j')} AS "delaySeconds" FROM ${t.jobSchema}.job j JOIN booking b ON b.id::text = j.data->>'bookingId' WHERE b.reference = $1 AND j.data->>'kind' = 'reminder'`,
      [reference],
    );
    expect(plannedFor(job).toISOString()).toBe('2027-03-29T08:30:00.000Z');

    // A second copy of the job (a retry, or a second instance) must not send a second reminder.
    await t.db.query(`INSERT INTO ${t.jobSchema}.job (name, data) SELECT name, data FROM ${t.jobSchema}.job WHERE name = 'booking-mail' AND data->>'kind' = 'reminder' AND state = 'created'`);
    await makeRemindersDue();
    await jobsSettled(t);
    const mails = await mailsTo(t, email, 3, 2_000);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^Your time at/), expect.stringMatching(/^Reminder: tomorrow at Bokningsbiblioteket .*10:30–11:00$/)]);
  });

  it('never reminds a cancelled booking, and confirms the cancellation instead', async () => {
    const site = await aBookableSite(coordinator);
    const email = anAddress();
    const { manageToken } = (await book(t, { slotId: site.slotIds[2] as string, email }).expect(201)).body;
    await mailsTo(t, email, 1);
    await t.http().delete(`/api/public/bookings/${manageToken}`).expect(204);
    await makeRemindersDue();
    await jobsSettled(t);
    const mails = await mailsTo(t, email, 3, 2_000);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^Din tid på/), expect.stringMatching(/^Avbokad: din tid på/)]);
    const cancellation = calendarOf(mails[1] as ParsedMail).getFirstSubcomponent('vevent');
    expect(cancellation?.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('reminds a moved booking about its new time only', async () => {
    const site = await aBookableSite(coordinator);
    const email = anAddress();
    const { manageToken } = (await book(t, { slotId: site.slotIds[0] as string, email }).expect(201)).body;
    await t.http().post(`/api/public/bookings/${manageToken}/move`).send({ slotId: site.slotIds[3] }).expect(200);
    await makeRemindersDue();
    await jobsSettled(t);
    const mails = await mailsTo(t, email, 4, 2_000);
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [expect.stringMatching(/^Din tid på/), expect.stringMatching(/^Ny tid på .*11:30–12:00$/), expect.stringMatching(/^Påminnelse: .*11:30–12:00$/)].sort(),
    );
  });

  it('tells everyone booked, in their own language, when the library cancels the session, and offers the next sessions', async () => {
    const site = await aBookableSite(coordinator, { date: '2027-03-30' });
    await coordinator
      .post(`/api/sites/${site.siteId}/sessions`, { date: '2027-04-06', startTime: '13:00', endTime: '14:00', slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 1 })
      .expect(201);
    const [sv, ar] = [anAddress(), anAddress()];
    await book(t, { slotId: site.slotIds[0] as string, email: sv, name: '<b>Nils</b>' }).expect(201);
    const arabic = (await book(t, { slotId: site.slotIds[1] as string, email: ar, language: 'ar' }).expect(201)).body;
    await mailsTo(t, sv, 1);
    await mailsTo(t, ar, 1);

    await coordinator.post(`/api/sessions/${site.sessionId}/cancel`, { reason: 'Biblioteket är stängt <på grund av> vattenläcka.' }).expect(200);
    const [, svMail] = await mailsTo(t, sv, 2);
    const [, arMail] = await mailsTo(t, ar, 2);
    expect(svMail?.subject).toMatch(/^Inställt: digital hjälp på/);
    expect(svMail?.text).toContain('Biblioteket är stängt <på grund av> vattenläcka.');
    expect(svMail?.text).toMatch(/Nästa tillfällen: tisdag 6 april 2027 13:00–13:30/);
    expect(svMail?.text).toContain(`/bibliotek/${site.slug}/boka?lang=sv`);
    expect(svMail?.html).toContain('&lt;b&gt;Nils&lt;/b&gt;');
    expect(svMail?.html).toContain('&lt;på grund av&gt;');
    expect(arMail?.subject).toMatch(/^أُلغي اللقاء/);

    // The reason reached the person by e-mail; the manage link ended with the session.
    expect((await t.http().get(`/api/public/bookings/${arabic.manageToken}`).expect(410)).body.code).toBe('BOOKING_LINK_ENDED');
    await makeRemindersDue();
    await jobsSettled(t);
    expect(await mailsTo(t, ar, 3, 1_000)).toHaveLength(2);
  });
});
