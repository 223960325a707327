import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import request from 'supertest';
import { aUser, createTestApp, signIn, type TestApp } from './test-app';

describe('sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sets an HttpOnly, non-persistent session cookie and a readable XSRF-TOKEN on login', async () => {
    const user = await aUser(t.db, 'coordinator');
    const res = await t.http().post('/api/auth/login').send({ email: user.email.toUpperCase(), password: user.password }).expect(200);
    expect(res.body).toMatchObject({ email: user.email, role: 'coordinator' });
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('dh_session='));
    const xsrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Max-Age|Expires/);
    expect(xsrf).not.toMatch(/HttpOnly/);
  });

  it('answers 401 INVALID_CREDENTIALS, the same for an unknown e-mail and a wrong password', async () => {
    const user = await aUser(t.db, 'helper');
    const wrong = await t.http().post('/api/auth/login').send({ email: user.email, password: 'fel lösenord helt och hållet' }).expect(401);
    const unknown = await t.http().post('/api/auth/login').send({ email: 'nobody@example.org', password: 'fel lösenord helt och hållet' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('answers 400 with a message per field when the body is malformed', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: 'inte-en-adress', extra: 1 }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.fields).sort()).toEqual(['email', 'extra', 'password']);
  });

  it('tells who is signed in, and 401 when nobody is', async () => {
    const user = await aUser(t.db, 'helper');
    const s = await signIn(t, user);
    const me = await s.get('/api/auth/me').expect(200);
    expect(me.body).toEqual({ id: user.id, email: user.email, name: expect.any(String), role: 'helper', partnerId: null, siteId: null, idleMinutes: 15, queueKey: expect.any(String) });
    const res = await t.http().get('/api/auth/me').expect(401);
    expect(res.body.code).toBe('NOT_SIGNED_IN');
  });

  it('refuses a state-changing request with the session cookie but without the XSRF header', async () => {
    const s = await signIn(t, await aUser(t.db, 'coordinator'));
    const res = await s.agent.post('/api/sites').send({}).expect(403);
    expect(res.body.code).toBe('CSRF_FAILED');
    await s.agent.post('/api/sites').set('X-XSRF-TOKEN', 'forged').send({}).expect(403);
  });

  it('ends the session on logout', async () => {
    const s = await signIn(t, await aUser(t.db, 'helper'));
    await s.post('/api/auth/logout').expect(204);
    await s.get('/api/auth/me').expect(401);
  });
});

describe('invitations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lets a coordinator invite a helper who then chooses a password and is signed in', async () => {
    const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    const email = `ny-${Date.now()}@example.org`;
    const res = await coordinator.post('/api/auth/invitations', { email, name: 'Ny Digivärd', role: 'helper' }).expect(201);
    const token = /\/inbjudan\/([\w-]{40,})$/.exec(res.body.inviteUrl)?.[1] ?? '';
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits

    const mails = await Promise.all(readdirSync(t.mail.dir).map((f) => simpleParser(readFileSync(path.join(t.mail.dir, f)))));
    const invitation = mails.find((m) => m.text?.includes(token));
    expect(invitation?.subject).toBe('Välkommen till Digihjälpen – välj ditt lösenord');
    expect(JSON.stringify(invitation?.to)).toContain(email);

    const weak = await t.http().post('/api/auth/invitations/accept').send({ token, password: 'kort' }).expect(400);
    expect(weak.body.code).toBe('WEAK_PASSWORD');

    const agent = request.agent(t.app.getHttpServer());
    await agent.post('/api/auth/invitations/accept').send({ token, password: 'tre hundra gröna äpplen' }).expect(200);
    await agent.get('/api/auth/me').expect(200);
    await t.http().post('/api/auth/login').send({ email, password: 'tre hundra gröna äpplen' }).expect(200);

    const reused = await t.http().post('/api/auth/invitations/accept').send({ token, password: 'ett annat långt lösenord' }).expect(410);
    expect(reused.body.code).toBe('INVITATION_INVALID');
  });

  it('refuses to invite an e-mail that already has an account', async () => {
    const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    const existing = await aUser(t.db, 'helper');
    const res = await coordinator.post('/api/auth/invitations', { email: existing.email, name: 'X', role: 'helper' }).expect(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
  });

  it.each(['helper', 'partner'] as const)('answers 403 when a %s tries to invite', async (role) => {
    const s = await signIn(t, await aUser(t.db, role));
    await s.post('/api/auth/invitations', { email: 'x@example.org', name: 'X', role: 'coordinator' }).expect(403);
  });

  it('answers 401 when nobody is signed in', async () => {
    await t.http().post('/api/auth/invitations').send({ email: 'x@example.org', name: 'X', role: 'helper' }).expect(401);
  });
});

describe('login throttling', () => {
  it('never answers 429 at sign-in (its own throttle with growing delays works there); others behind the same address still sign in', async () => {
    const t = await createTestApp();
    const address = `198.18.250.${Math.floor(Math.random() * 250)}`;
    try {
      const answers = [];
      for (let i = 0; i < 11; i++) answers.push(await t.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email: 'x@example.org', password: 'fel' }));
      expect(answers.map((r) => r.status)).toEqual(Array<number>(11).fill(401));
      for (const r of answers) expect(r.text).toBe(answers[0]?.text);
      // Someone else behind the same address (a library's network) can still sign in.
      const user = await aUser(t.db, 'helper');
      await t.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email: user.email, password: user.password }).expect(200);
    } finally {
      await t.close();
    }
  });

  it('limits accepting an invitation per network and link (counted in the database): 429 with a plain message after ten tries', async () => {
    const t = await createTestApp();
    try {
      for (let i = 0; i < 10; i++) await t.http().post('/api/auth/invitations/accept').send({ token: 'x'.repeat(43), password: 'ett långt nytt lösenord' }).expect(410);
      const res = await t.http().post('/api/auth/invitations/accept').send({ token: 'x'.repeat(43), password: 'ett långt nytt lösenord' }).expect(429);
      expect(res.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'För många försök. Vänta en minut och försök igen.' });
    } finally {
      await t.close();
    }
  });
});
