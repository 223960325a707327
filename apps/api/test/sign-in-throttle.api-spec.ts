import { THROTTLE_POLICIES, type SignInThrottleView } from '@digihjalpen/domain';
import { pinClock } from '../src/common/clock';
import { aUser, createTestApp, signIn, TEST_NOW, type Session, type TestApp } from './test-app';

/*
 * Sign-in throttling (issue 16): growing delays per client address and e-mail, and per address across
 * e-mails, counted in PostgreSQL. The API tests trust loopback proxies (TRUST_PROXY's default), so
 * X-Forwarded-For sets the client address; every address here is from 198.18.0.0/15 (benchmarking, never
 * a trusted proxy) with a random part, so other specs on the same database never share a key with these.
 */

const base = Math.floor(Math.random() * 250);
let next = 0;
/** A client address no other test uses. */
const anAddress = () => {
  next += 1;
  return `198.${18 + (next >> 8)}.${base}.${next & 255}`;
};
/** How the throttle stores and lists an address: its client network (one IPv4 address is a /32). */
const network = (address: string) => `${address}/32`;
const at = (seconds: number) => new Date(TEST_NOW.getTime() + seconds * 1000);
const GENERIC = 'Fel e-postadress eller lösenord – eller för många försök. Vänta en stund och försök igen.';
const FREE = THROTTLE_POLICIES.account.freeFailures;

const login = (t: TestApp, email: string, password: string, address: string) => t.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });

/** What someone outside sees of an answer: status, body bytes, and the headers that could differ. */
const outside = (res: { status: number; text: string; headers: Record<string, unknown> }) => ({
  status: res.status,
  body: res.text,
  type: res.headers['content-type'],
  length: res.headers['content-length'],
  cookies: res.headers['set-cookie'] ?? null,
});

const auditActions = async (t: TestApp, userId: string, action?: string): Promise<string[]> =>
  ((await t.db.query(`SELECT action FROM audit_log WHERE actor_id = $1 ${action ? 'AND action = $2' : ''} ORDER BY id`, action ? [userId, action] : [userId])) as { action: string }[]).map(
    (r) => r.action,
  );

describe('sign-in throttling', () => {
  let t: TestApp;
  let coordinator: Session;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
  });
  afterEach(() => pinClock(TEST_NOW));
  afterAll(() => t.close());

  const throttles = async (): Promise<SignInThrottleView[]> => (await coordinator.get('/api/sign-in-throttles').expect(200)).body as SignInThrottleView[];

  it('lets the owner sign in at once from their own address after 50 wrong passwords for their account from other addresses', async () => {
    const owner = await aUser(t.db, 'coordinator');
    const attackers = [anAddress(), anAddress(), anAddress(), anAddress(), anAddress()];
    for (let i = 0; i < 50; i += 1) {
      const res = await login(t, owner.email, `gissning nummer ${i}`, attackers[i % attackers.length] as string).expect(401);
      expect(res.body).toEqual({ code: 'INVALID_CREDENTIALS', message: GENERIC });
    }
    // The attackers' addresses are slowed down for this account, even with the right password…
    await login(t, owner.email, owner.password, attackers[0] as string).expect(401);
    // …and the owner, from their own address, is not.
    const res = await login(t, owner.email, owner.password, anAddress()).expect(200);
    expect(res.body).toMatchObject({ id: owner.id, email: owner.email });
  });

  it('answers a wrong password, an unknown e-mail, a deactivated account and a throttled attempt byte for byte the same', async () => {
    const known = await aUser(t.db, 'helper');
    const gone = await aUser(t.db, 'helper');
    await t.db.query(`UPDATE app_user SET active = false, deactivated_at = $2 WHERE id = $1`, [gone.id, TEST_NOW]);
    const unknown = `ingen-${Date.now()}@example.org`;
    const address = anAddress();
    const wrong = outside(await login(t, known.email, 'fel lösenord helt och hållet', address));
    expect(outside(await login(t, unknown, 'fel lösenord helt och hållet', address))).toEqual(wrong);
    expect(outside(await login(t, gone.email, gone.password, address))).toEqual(wrong);
    expect(wrong).toMatchObject({ status: 401, cookies: null });
    expect(JSON.parse(wrong.body)).toEqual({ code: 'INVALID_CREDENTIALS', message: GENERIC });

    // Throttle both the known and the unknown e-mail from one address: still the same answer, also for the right password.
    const other = anAddress();
    for (let i = 0; i <= FREE; i += 1) {
      await login(t, known.email, 'fel lösenord igen och igen', other).expect(401);
      await login(t, unknown, 'fel lösenord igen och igen', other).expect(401);
    }
    expect(outside(await login(t, known.email, known.password, other))).toEqual(wrong);
    expect(outside(await login(t, unknown, 'vad som helst här', other))).toEqual(wrong);
  });

  it('checks a password hash for a wrong password, an unknown e-mail, a deactivated account and a throttled attempt alike (similar timing)', async () => {
    // The module object passwords.ts calls through, so the spy sees every check.
    const argon2 = require('@node-rs/argon2') as { verify: (hash: string, password: string) => Promise<boolean> };
    const verify = jest.spyOn(argon2, 'verify');
    try {
      const known = await aUser(t.db, 'helper');
      const gone = await aUser(t.db, 'helper');
      await t.db.query(`UPDATE app_user SET active = false, deactivated_at = $2 WHERE id = $1`, [gone.id, TEST_NOW]);
      const throttledFrom = anAddress();
      for (let i = 0; i <= FREE; i += 1) await login(t, known.email, 'fel lösenord igen', throttledFrom).expect(401);
      const checks = async (email: string, password: string, address: string) => {
        verify.mockClear();
        await login(t, email, password, address).expect(401);
        return verify.mock.calls.length;
      };
      expect({
        wrong: await checks(known.email, 'fel lösenord', anAddress()),
        unknown: await checks(`ingen-${Date.now()}@example.org`, 'fel lösenord', anAddress()),
        deactivated: await checks(gone.email, gone.password, anAddress()),
        throttled: await checks(known.email, known.password, throttledFrom),
      }).toEqual({ wrong: 1, unknown: 1, deactivated: 1, throttled: 1 });
    } finally {
      verify.mockRestore();
    }
  });

  it('grows the delay with each wrong password after the free ones, and lets the right password in once it has passed', async () => {
    const user = await aUser(t.db, 'helper');
    const address = anAddress();
    for (let i = 0; i < FREE; i += 1) await login(t, user.email, 'fel lösenord igen', address).expect(401);
    // The free ones cost nothing: the right password works at once (and clears the count).
    await login(t, user.email, user.password, address).expect(200);

    for (let i = 0; i <= FREE; i += 1) await login(t, user.email, 'fel lösenord igen', address).expect(401);
    // The sixth started a one-second delay: the right password is refused until it has passed.
    await login(t, user.email, user.password, address).expect(401);
    pinClock(at(1));
    await login(t, user.email, 'fel lösenord igen', address).expect(401); // the seventh: two seconds
    pinClock(at(2));
    await login(t, user.email, user.password, address).expect(401);
    pinClock(at(3));
    await login(t, user.email, 'fel lösenord igen', address).expect(401); // the eighth: four seconds
    pinClock(at(6.5));
    await login(t, user.email, user.password, address).expect(401);
    pinClock(at(7));
    await login(t, user.email, user.password, address).expect(200);

    // Eight wrong passwords were checked (refused attempts are not), one throttle began, two sign-ins.
    expect(await auditActions(t, user.id)).toEqual([
      ...Array<string>(FREE).fill('auth.sign-in-failed'),
      'auth.signed-in',
      ...Array<string>(FREE + 1).fill('auth.sign-in-failed'),
      'auth.throttled',
      'auth.sign-in-failed',
      'auth.sign-in-failed',
      'auth.signed-in',
    ]);
    // The success cleared the count for this address and account.
    const rows = (await t.db.query(`SELECT count(*)::int AS n FROM sign_in_throttle WHERE kind = 'account' AND user_id = $1`, [user.id])) as { n: number }[];
    expect(rows[0]?.n).toBe(0);
  });

  it('slows down one address trying many accounts (password spraying), not the accounts from elsewhere', async () => {
    const sprayer = anAddress();
    const victims = await Promise.all(Array.from({ length: 4 }, () => aUser(t.db, 'helper')));
    const free = THROTTLE_POLICIES.address.freeFailures;
    // One guess per e-mail: each (address, e-mail) key stays free, only the address's own count grows.
    for (let i = 0; i <= free; i += 1) await login(t, victims[i]?.email ?? `spray-${i}-${Date.now()}@example.org`, 'Sommar2026!!', sprayer).expect(401);
    const victim = victims[0] as { email: string; password: string };
    await login(t, victim.email, victim.password, sprayer).expect(401);
    await login(t, victim.email, victim.password, anAddress()).expect(200);
    const listed = (await throttles()).find((x) => x.kind === 'address' && x.address === network(sprayer));
    expect(listed).toMatchObject({ email: null, failures: free + 1, blockedUntil: at(1).toISOString() });
  });

  it('counts a burst of parallel guesses before checking them: only the free ones and the first delayed one are checked', async () => {
    const user = await aUser(t.db, 'helper');
    const address = anAddress();
    const answers = await Promise.all(Array.from({ length: 20 }, () => login(t, user.email, 'gissning gissning', address)));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([401]));
    expect(await auditActions(t, user.id, 'auth.sign-in-failed')).toHaveLength(FREE + 1);
  });

  it('gives an address its count back when the password was right', async () => {
    const address = anAddress();
    const user = await aUser(t.db, 'helper');
    await login(t, `ingen-${Date.now()}@example.org`, 'fel lösenord här', address).expect(401);
    await login(t, user.email, user.password, address).expect(200);
    const rows = (await t.db.query(`SELECT failures FROM sign_in_throttle WHERE kind = 'address' AND key = $1`, [network(address)])) as { failures: number }[];
    expect(rows).toEqual([{ failures: 1 }]);
  });

  it('removes keys that have expired on a later write (no job needed)', async () => {
    const address = anAddress();
    // A key whose last wrong password was 25 hours ago: forgotten, waiting to be removed.
    await t.db.query(
      `INSERT INTO sign_in_throttle (kind, key, address, failures, blocked_until, last_failure_at, expires_at) VALUES ('address', $1, $1, 40, $2, $3, $4)`,
      [address, at(-24 * 3600), at(-25 * 3600), at(-3600)],
    );
    const count = async () => ((await t.db.query(`SELECT count(*)::int AS n FROM sign_in_throttle WHERE address = $1`, [address])) as { n: number }[])[0]?.n;
    expect(await count()).toBe(1);
    // Each write removes up to 100 expired keys; other specs on this database may have left some too.
    for (let i = 0; i < 50 && (await count()) > 0; i += 1) await login(t, `annan-${i}-${Date.now()}@example.org`, 'fel lösenord här', anAddress()).expect(401);
    expect(await count()).toBe(0);
    // A forgotten key counts from nothing again: the address is not slowed down.
    const user = await aUser(t.db, 'helper');
    await login(t, user.email, user.password, address).expect(200);
  });

  it('shows a coordinator the throttled keys with the account’s e-mail, and clears one (audited)', async () => {
    const user = await aUser(t.db, 'helper', { name: 'Spärrad Person' });
    const address = anAddress();
    const unknown = `okand-${Date.now()}@example.org`;
    for (let i = 0; i <= FREE; i += 1) {
      await login(t, user.email, 'fel lösenord igen', address).expect(401);
      await login(t, unknown, 'fel lösenord igen', address).expect(401);
    }
    const mine = (await throttles()).filter((x) => x.address === network(address));
    expect(mine).toEqual(
      expect.arrayContaining([
        { id: expect.any(String), kind: 'account', email: user.email, name: 'Spärrad Person', address: network(address), failures: FREE + 1, blockedUntil: at(1).toISOString(), lastFailureAt: TEST_NOW.toISOString() },
        { id: expect.any(String), kind: 'account', email: null, name: null, address: network(address), failures: FREE + 1, blockedUntil: at(1).toISOString(), lastFailureAt: TEST_NOW.toISOString() },
      ]),
    );
    expect(JSON.stringify(mine)).not.toContain(unknown);
    // After the delay has passed the key is still listed (the next wrong password waits longer), without a time.
    pinClock(at(5));
    expect((await throttles()).find((x) => x.email === user.email)).toMatchObject({ blockedUntil: null, failures: FREE + 1 });
    pinClock(TEST_NOW);

    const key = mine.find((x) => x.email === user.email) as SignInThrottleView;
    await coordinator.delete(`/api/sign-in-throttles/${key.id}`).expect(204);
    expect((await throttles()).map((x) => x.id)).not.toContain(key.id);
    await login(t, user.email, user.password, address).expect(200);
    const [entry] = (await t.db.query(`SELECT actor_id, entity, entity_id, details FROM audit_log WHERE action = 'auth.throttle-cleared' AND entity_id = $1`, [key.id])) as {
      actor_id: string;
      entity: string;
      details: Record<string, unknown>;
    }[];
    expect(entry).toMatchObject({ entity: 'sign_in_throttle', details: { kind: 'account', userId: user.id } });

    const gone = (await coordinator.delete(`/api/sign-in-throttles/${key.id}`).expect(404)).body;
    expect(gone).toEqual({ code: 'SIGN_IN_THROTTLE_NOT_FOUND', message: expect.stringContaining('Spärren finns inte') });
    await coordinator.delete('/api/sign-in-throttles/inte-ett-id').expect(404);
  });

  it.each(['helper', 'partner'] as const)('answers 403 when a %s asks for the throttles or clears one', async (role) => {
    const s = await signIn(t, await aUser(t.db, role));
    await s.get('/api/sign-in-throttles').expect(403);
    await s.delete('/api/sign-in-throttles/0c000000-0000-4000-8000-000000000001').expect(403);
  });

  it('answers 401 when nobody is signed in', async () => {
    await t.http().get('/api/sign-in-throttles').expect(401);
  });
});

describe('password-change throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterEach(() => pinClock(TEST_NOW));
  afterAll(() => t.close());

  it('throttles wrong current passwords with growing delays, answering 429 with a Swedish message, then lets the right one through', async () => {
    const user = await aUser(t.db, 'helper');
    const s = await signIn(t, user);
    const change = (currentPassword: string) => s.post('/api/auth/password', { currentPassword, newPassword: 'ett helt nytt långt lösenord' });
    for (let i = 0; i <= FREE; i += 1) expect((await change('inte mitt lösenord').expect(400)).body.code).toBe('WRONG_PASSWORD');
    const throttled = (await change(user.password).expect(429)).body;
    expect(throttled).toEqual({
      code: 'TOO_MANY_ATTEMPTS',
      message: 'Du har skrivit fel nuvarande lösenord för många gånger. Vänta en minut och försök igen.',
      fields: { currentPassword: expect.stringContaining('Vänta en minut') },
    });
    pinClock(at(1));
    await change('inte mitt lösenord').expect(400); // the seventh: two seconds
    await change('inte mitt lösenord').expect(429);
    expect(await auditActions(t, user.id, 'auth.throttled')).toEqual(['auth.throttled']);

    const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    const listed = ((await coordinator.get('/api/sign-in-throttles').expect(200)).body as SignInThrottleView[]).find((x) => x.kind === 'password-change' && x.email === user.email);
    expect(listed).toMatchObject({ address: null, failures: FREE + 2, blockedUntil: at(3).toISOString() });

    pinClock(at(3));
    await change(user.password).expect(204);
    const left = (await t.db.query(`SELECT count(*)::int AS n FROM sign_in_throttle WHERE kind = 'password-change' AND user_id = $1`, [user.id])) as { n: number }[];
    expect(left[0]?.n).toBe(0);
  });
});

describe('sign-in throttling across two API instances on one database', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
  });
  afterEach(() => pinClock(TEST_NOW));
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('shares the count: wrong passwords on A and B add up, and the delay holds on both', async () => {
    const user = await aUser(a.db, 'helper');
    const address = anAddress();
    for (let i = 0; i < FREE; i += 1) await login(i % 2 ? a : b, user.email, 'fel lösenord igen', address).expect(401);
    await login(b, user.email, 'fel lösenord igen', address).expect(401);
    await login(a, user.email, user.password, address).expect(401);
    await login(b, user.email, user.password, address).expect(401);
    pinClock(at(1));
    await login(a, user.email, user.password, address).expect(200);
  });

  it('counts a burst split over both instances before checking: only the free ones and the first delayed one are checked', async () => {
    const user = await aUser(a.db, 'helper');
    const address = anAddress();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(i % 2 ? a : b, user.email, 'gissning gissning', address)));
    expect(new Set(answers.map((r) => r.status))).toEqual(new Set([401]));
    expect(await auditActions(a, user.id, 'auth.sign-in-failed')).toHaveLength(FREE + 1);
  });
});
