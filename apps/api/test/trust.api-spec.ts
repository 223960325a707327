import { pinClock } from '../src/common/clock';
import { aUser, createTestApp, signIn, TEST_NOW, type TestApp } from './test-app';

describe('sign-in throttling, password change and the audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    pinClock(TEST_NOW);
    await t.close();
  });

  // X-Forwarded-For sets the client address (the tests trust loopback proxies); a random part keeps these
  // addresses apart from other specs' on the same database.
  const net = Math.floor(Math.random() * 250);
  let hosts = 0;
  const anAddress = () => `198.19.${net}.${++hosts}`;
  const login = (email: string, password: string, address = '127.0.0.1') => t.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });
  const actionsOf = async (userId: string) => ((await t.db.query(`SELECT action FROM audit_log WHERE actor_id = $1 ORDER BY id`, [userId])) as { action: string }[]).map((r) => r.action);

  it('slows down wrong passwords from one address instead of locking the account: the owner signs in from elsewhere at once, and the log says so', async () => {
    const user = await aUser(t.db, 'helper');
    const guesser = anAddress();
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push((await login(user.email, 'fel lösenord igen', guesser).expect(401)).body);
    // The same answer every time, also for the sixth, which started the delay.
    expect(answers[0]).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    // No 423 and no lock: the guesser's address waits (even with the right password), the owner's does not.
    await login(user.email, user.password, guesser).expect(401);
    await login(user.email, user.password, anAddress()).expect(200);
    // Once the (one-second) delay has passed, the right password works from the guesser's address too.
    pinClock(new Date(TEST_NOW.getTime() + 2_000));
    await login(user.email, user.password, guesser).expect(200);
    const columns = (await t.db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'app_user' AND column_name IN ('failed_logins', 'locked_until')`)) as unknown[];
    expect(columns).toEqual([]);
    expect(await actionsOf(user.id)).toEqual([...Array<string>(6).fill('auth.sign-in-failed'), 'auth.throttled', 'auth.signed-in', 'auth.signed-in']);
    pinClock(TEST_NOW);
  });

  it('counts every wrong password under concurrent attempts', async () => {
    const user = await aUser(t.db, 'helper');
    const guesser = anAddress();
    const answers = await Promise.all(Array.from({ length: 6 }, () => login(user.email, 'gissning gissning', guesser)));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect((await actionsOf(user.id)).filter((a) => a === 'auth.sign-in-failed')).toHaveLength(6);
    // All six were counted, so the sixth started a delay for this address and account.
    await login(user.email, user.password, guesser).expect(401);
    await login(user.email, user.password, anAddress()).expect(200);
  });

  it('answers an unknown e-mail like a wrong password', async () => {
    expect((await login(`ingen-${Date.now()}@example.org`, 'vad som helst här').expect(401)).body.code).toBe('INVALID_CREDENTIALS');
  });

  it('changes the password only with the current one, by the rules, and ends every other sign-in', async () => {
    const user = await aUser(t.db, 'coordinator');
    const here = await signIn(t, user);
    const elsewhere = await signIn(t, user);
    const wrong = (await here.post('/api/auth/password', { currentPassword: 'inte mitt lösenord', newPassword: 'ett nytt långt lösenord' }).expect(400)).body;
    expect(wrong).toMatchObject({ code: 'WRONG_PASSWORD', fields: { currentPassword: expect.any(String) } });
    expect((await here.post('/api/auth/password', { currentPassword: user.password, newPassword: 'kort' }).expect(400)).body.code).toBe('WEAK_PASSWORD');
    await elsewhere.get('/api/auth/me').expect(200);

    await here.post('/api/auth/password', { currentPassword: user.password, newPassword: 'ett nytt långt lösenord' }).expect(204);
    await here.get('/api/auth/me').expect(200);
    await elsewhere.get('/api/auth/me').expect(401);
    await login(user.email, user.password).expect(401);
    await login(user.email, 'ett nytt långt lösenord').expect(200);
    // Without the XSRF header a password change is refused.
    await here.agent.post('/api/auth/password').send({ currentPassword: 'ett nytt långt lösenord', newPassword: 'ännu ett långt lösenord' }).expect(403);
  });

  it('keeps changes to sites, schedules, sessions and staffing in the audit log, and shows it to coordinators only', async () => {
    const user = await aUser(t.db, 'coordinator', { name: 'Logg Läsare' });
    const coordinator = await signIn(t, user);
    const site = (
      await coordinator
        .post('/api/sites', { name: `Loggbiblioteket ${Date.now()}`, address: 'Loggatan 1', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: 'Europe/Stockholm', languages: ['sv'], active: true })
        .expect(201)
    ).body;
    const session = (await coordinator.post(`/api/sites/${site.id}/sessions`, { date: '2027-03-30', startTime: '10:00', endTime: '12:00', slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 1 }).expect(201)).body;
    await coordinator.post(`/api/sessions/${session.id}/cancel`, { reason: 'Biblioteket håller stängt.' }).expect(200);

    const page = (await coordinator.get('/api/audit?group=schedules').expect(200)).body;
    const mine = page.items.filter((i: { actorName: string }) => i.actorName === 'Logg Läsare');
    expect(mine.map((i: { action: string; actionLabel: string; entityId: string }) => [i.action, i.actionLabel, i.entityId])).toEqual([
      ['schedule.session-cancelled', 'Ställde in en träff', session.id],
      ['schedule.session-added', 'Lade till en extra träff', site.id],
      ['site.created', 'Lade till en plats', site.id],
    ]);
    expect(JSON.stringify(mine)).not.toContain('Biblioteket håller stängt');
    const signIns = (await coordinator.get('/api/audit?group=sign-in').expect(200)).body;
    expect(signIns.items).toContainEqual(expect.objectContaining({ action: 'auth.signed-in', actorName: 'Logg Läsare', actorRole: 'coordinator' }));
    expect(signIns).toMatchObject({ page: 1, pageSize: 50, total: expect.any(Number) });

    expect((await coordinator.get('/api/audit?group=nonsense').expect(400)).body.fields.group).toBeDefined();
    await coordinator.get('/api/audit?from=2026-12-01&to=2026-11-01').expect(400);
    await coordinator.get('/api/audit?page=0').expect(400);
    const helper = await signIn(t, await aUser(t.db, 'helper'));
    await helper.get('/api/audit').expect(403);
    await t.http().get('/api/audit').expect(401);
  });
});
