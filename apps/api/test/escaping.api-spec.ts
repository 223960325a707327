import { book, mailsTo } from './bookings';
import { aUser, createTestApp, signIn, type Session, type TestApp } from './test-app';

/** Text that staff type in (a site's name, directions, a cancellation reason) is never HTML anywhere it is shown. */
describe('admin-entered text is never rendered as HTML', () => {
  let t: TestApp;
  let coordinator: Session;
  const evil = `<img src=x onerror="alert(1)">`;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
  });
  afterAll(() => t.close());

  it('escapes it on the printable poster and in booking e-mails, and keeps it as data in JSON', async () => {
    const site = (
      await coordinator
        .post('/api/sites', {
          name: `Biblioteket ${Date.now()} ${evil}`,
          address: `Gatan 1 <script>alert(2)</script>`,
          directions: `Gå in <b onmouseover="alert(3)">här</b>`,
          accessibilityNotes: '',
          contactPhone: null,
          timeZone: 'Europe/Stockholm',
          languages: ['sv'],
          active: true,
        })
        .expect(201)
    ).body;
    expect(site.name).toContain(evil);

    const poster = (await t.http().get(`/api/public/sites/${site.slug}/poster`).expect(200)).text;
    expect(poster).not.toContain('<img src=x');
    expect(poster).not.toContain('<script>alert(2)');
    expect(poster).not.toContain('<b onmouseover');
    expect(poster).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');

    const session = (await coordinator.post(`/api/sites/${site.id}/sessions`, { date: '2027-03-30', startTime: '10:00', endTime: '12:00', slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 1 }).expect(201)).body;
    const email = `escape-${Date.now()}@example.org`;
    await book(t, { slotId: session.slots[0].id, email }).expect(201);
    const [mail] = await mailsTo(t, email);
    expect(mail?.html).toBeTruthy();
    expect(mail?.html).not.toContain('<img src=x');
    expect(mail?.html).not.toContain('<b onmouseover');
    expect(mail?.html).toContain('&lt;img src=x');
  });
});
