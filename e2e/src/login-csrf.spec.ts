import { expect, test } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Login CSRF (issue 17): a page on another site submits an HTML form to the sign-in with the demo
 * coordinator's real password. A form can only send urlencoded, multipart or text/plain bodies, without a
 * preflight; the API takes JSON only, so each is refused (415) and the browser holds no session afterwards.
 */

const DEMO = { email: 'coordinator@example.org', password: 'demo-coordinator' };

/** The attacker's page: one form per body type, each with a visible submit button. */
function attackerPage(target: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  // text/plain sends "name=value": a name that opens a JSON object and a value that closes it make the body JSON.
  const jsonName = `{"email":"${DEMO.email}","password":"${DEMO.password}","x":"`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title></head><body><main>
<form method="post" action="${target}" enctype="application/x-www-form-urlencoded">
  <input type="hidden" name="email" value="${DEMO.email}"><input type="hidden" name="password" value="${DEMO.password}">
  <button>urlencoded</button></form>
<form method="post" action="${target}" enctype="multipart/form-data">
  <input type="hidden" name="email" value="${DEMO.email}"><input type="hidden" name="password" value="${DEMO.password}">
  <button>multipart</button></form>
<form method="post" action="${target}" enctype="text/plain">
  <input type="hidden" name="${escape(jsonName)}" value='"}'>
  <button>text/plain</button></form>
</main></body></html>`;
}

test.describe('a form on another site cannot sign anyone in', () => {
  let server: http.Server;
  let otherOrigin = '';

  test.beforeAll(async ({ baseURL }) => {
    const target = `${baseURL}/api/auth/login`;
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(attackerPage(target));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    otherOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  for (const kind of ['urlencoded', 'multipart', 'text/plain'] as const) {
    test(`refuses a ${kind} form POST to the sign-in, and no cookie is set`, async ({ page, context, baseURL }) => {
      await page.goto(`${otherOrigin}/`);
      expect(new URL(page.url()).origin).not.toBe(new URL(baseURL ?? '').origin);
      const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST'), page.getByRole('button', { name: kind }).click()]);
      expect(answer.status()).toBe(415);
      expect(await answer.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(await answer.headerValue('set-cookie')).toBeNull();
      expect(await context.cookies(baseURL)).toEqual([]);
      // Nobody is signed in, in this browser, on the app's origin.
      const me = await page.request.get(`${baseURL}/api/auth/me`);
      expect(me.status()).toBe(401);
    });
  }

  test('the same sign-in as JSON, from the app itself, works (the form was refused for its body, not its password)', async ({ page, context, baseURL }) => {
    const res = await page.request.post(`${baseURL}/api/auth/login`, { data: DEMO });
    expect(res.status()).toBe(200);
    expect((await context.cookies(baseURL)).map((c) => c.name)).toContain('dh_session');
  });
});
