import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { discoverRoutes } from './routes';
import { aUser, createTestApp, signIn, type TestApp } from './test-app';

/**
 * JSON only where state changes (issue 17, login CSRF): an HTML form on another site can post
 * urlencoded, multipart or text/plain without a preflight. Every such request to a state-changing route
 * is refused with 415 before any handler runs: no cookie is set, no session is ended, nothing is written.
 */

const FORM_BODIES = [
  { type: 'application/x-www-form-urlencoded', body: 'email=a%40example.org&password=x' },
  { type: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\na@example.org\r\n--xyz--\r\n' },
  { type: 'text/plain', body: '{"email":"a@example.org","password":"x"}' },
];

const cookiesOf = (res: { headers: Record<string, unknown> }): string[] => ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []);

/** Every state-changing route the Nest router serves, as "METHOD /api/…" (the authorization matrix's way of finding them). */
const stateChangingRoutes = (t: TestApp) =>
  discoverRoutes(t)
    .filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method))
    .map(({ method, path }) => ({ method, path }));

/** Signs in without a cookie jar: the Cookie header and the CSRF token to send by hand. */
async function login(t: TestApp, user: { email: string; password: string }): Promise<{ cookie: string; csrf: string }> {
  const res = await t.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
  const cookies = cookiesOf(res).map((c) => c.split(';')[0] as string);
  return { cookie: cookies.join('; '), csrf: /XSRF-TOKEN=([^;]+)/.exec(cookies.join(';'))?.[1] ?? '' };
}

/** A raw request, for what supertest would add or change (a body without any Content-Type). */
function raw(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('JSON only where state changes', () => {
  jest.setTimeout(60_000);
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp();
    const server = t.app.getHttpServer() as http.Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('refuses a form sign-in with the right password: 415, no cookie, no sign-in in the audit log', async () => {
    const user = await aUser(t.db, 'coordinator');
    for (const { type } of FORM_BODIES) {
      const body = type.startsWith('application/x-www-form-urlencoded')
        ? new URLSearchParams({ email: user.email, password: user.password }).toString()
        : JSON.stringify({ email: user.email, password: user.password });
      const res = await t.http().post('/api/auth/login').set('Content-Type', type).send(body);
      expect([type, res.status, res.body.code]).toEqual([type, 415, 'UNSUPPORTED_MEDIA_TYPE']);
      expect(res.body.message).toContain('application/json');
      expect(cookiesOf(res)).toEqual([]);
    }
    const audit = (await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [user.id])) as { action: string }[];
    expect(audit).toEqual([]);
    // The same sign-in as JSON works (with or without a charset), so the refusal above is the content type's.
    await t.http().post('/api/auth/login').set('Content-Type', 'application/json; charset=utf-8').send(JSON.stringify({ email: user.email, password: user.password })).expect(200);
  });

  it("answers in the person's language (Swedish by default)", async () => {
    const send = (lang?: string) => {
      const req = t.http().post('/api/public/bookings').set('Content-Type', 'application/x-www-form-urlencoded');
      return (lang ? req.set('Accept-Language', lang) : req).send('name=x').expect(415);
    };
    expect((await send()).body.message).toMatch(/^Den här adressen tar bara emot JSON/);
    expect((await send('en')).body.message).toMatch(/^This address only accepts JSON/);
    expect((await send('ar')).body.message).toMatch(/JSON/);
    expect((await send('ar')).body.message).not.toBe((await send('en')).body.message);
    const byQuery = await t.http().post('/api/public/bookings?lang=en').set('Content-Type', 'text/plain').send('x').expect(415);
    expect(byQuery.body.message).toMatch(/^This address only accepts JSON/);
  });

  it('refuses a text/plain sign-out with a valid session cookie and token: the session still works', async () => {
    const session = await signIn(t, await aUser(t.db, 'helper'));
    const res = await session.agent.post('/api/auth/logout').set('X-XSRF-TOKEN', session.csrf).set('Content-Type', 'text/plain').send('bye');
    expect([res.status, res.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(cookiesOf(res)).toEqual([]);
    await session.get('/api/auth/me').expect(200);
    // Without any body at all (Angular's post(url, null)) a state change needs no Content-Type.
    await session.agent.post('/api/auth/logout').set('X-XSRF-TOKEN', session.csrf).expect((r) => expect(r.status).toBeLessThan(300));
    await session.get('/api/auth/me').expect(401);
  });

  it('refuses a body without any Content-Type, and accepts an empty one without it', async () => {
    const session = await login(t, await aUser(t.db, 'helper'));
    const headers = { Cookie: session.cookie, 'X-XSRF-TOKEN': session.csrf };
    const me = () => t.http().get('/api/auth/me').set('Cookie', session.cookie);
    const withBody = await raw(port, 'POST', '/api/auth/logout', { ...headers, 'Content-Length': '4' }, 'ciao');
    expect(withBody.status).toBe(415);
    const chunked = await raw(port, 'POST', '/api/auth/logout', { ...headers, 'Transfer-Encoding': 'chunked' }, 'ciao');
    expect(chunked.status).toBe(415);
    await me().expect(200);
    const empty = await raw(port, 'POST', '/api/auth/logout', { ...headers, 'Content-Length': '0' });
    expect(empty.status).toBeLessThan(300);
    await me().expect(401);
  });

  it('cannot be walked round by the spelling of the path', async () => {
    for (const path of ['/API/auth/login', '/api/auth/login/', '/Api/Auth/Login']) {
      const res = await t.http().post(path).set('Content-Type', 'application/x-www-form-urlencoded').send('email=a%40example.org&password=x');
      expect([path, res.status]).toEqual([path, 415]);
      expect(cookiesOf(res)).toEqual([]);
    }
  });

  it('refuses a form body on every state-changing route the router serves, signed in or not', async () => {
    const routes = stateChangingRoutes(t);
    expect(routes.length).toBeGreaterThan(40);
    expect(routes).toEqual(expect.arrayContaining([
      { method: 'POST', path: '/api/auth/login' },
      { method: 'POST', path: '/api/auth/logout' },
      { method: 'POST', path: '/api/auth/password' },
      { method: 'POST', path: '/api/auth/invitations' },
    ]));
    const coordinator = await login(t, await aUser(t.db, 'coordinator'));
    const answers: string[] = [];
    for (const route of routes) {
      const url = route.path.replace(/:[A-Za-z]+/g, () => randomUUID());
      for (const { type, body } of FORM_BODIES) {
        for (const who of ['anonymous', 'coordinator'] as const) {
          const req = t.http()[route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete'](url);
          if (who === 'coordinator') req.set('Cookie', coordinator.cookie).set('X-XSRF-TOKEN', coordinator.csrf);
          const res = await req.set('Content-Type', type).send(body);
          if (res.status !== 415 || res.body.code !== 'UNSUPPORTED_MEDIA_TYPE' || cookiesOf(res).length) answers.push(`${route.method} ${route.path} ${type} as ${who}: ${res.status}`);
        }
      }
    }
    expect(answers).toEqual([]);
    // The coordinator's session lived through all of it (sign-out and password change included).
    await t.http().get('/api/auth/me').set('Cookie', coordinator.cookie).expect(200);
  });

  it('has no urlencoded (or other non-JSON) body parser at all', async () => {
    const router = (t.app.getHttpAdapter().getInstance() as { router: { stack: { name?: string; handle?: { name?: string } }[] } }).router;
    const names = router.stack.map((layer) => layer.handle?.name ?? layer.name ?? '');
    expect(names).toContain('jsonParser');
    expect(names.filter((n) => /urlencoded|rawParser|textParser/i.test(n))).toEqual([]);
    // A GET with a form body is not parsed into anything either (and reaches its route as usual).
    await t.http().get('/api/health').set('Content-Type', 'application/x-www-form-urlencoded').send('a=1').expect(200);
  });
});
