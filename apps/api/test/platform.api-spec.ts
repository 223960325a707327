import SwaggerParser from '@apidevtools/swagger-parser';
import { createTestApp, type TestApp } from './test-app';

describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports ok with the database up when GET /api/health', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('serves a valid OpenAPI 3 document that lists the public site routes', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeTruthy();
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/public/sites', '/api/public/sites/{slug}']));
  });

  it('answers a JSON 404 when the API route does not exist', async () => {
    const res = await t.http().get('/api/no-such-thing').expect(404).expect('Content-Type', /json/);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.stringContaining('/api/no-such-thing') });
  });

  it('answers 400 INVALID_JSON when the body is malformed JSON', async () => {
    const res = await t.http().post('/api/public/sites').set('Content-Type', 'application/json').send('{"name": ').expect(400);
    expect(res.body).toEqual({ code: 'INVALID_JSON', message: 'The request body is not valid JSON.' });
  });

  it('answers 413 when the body is larger than the limit', async () => {
    const res = await t.http().post('/api/public/sites').set('Content-Type', 'application/json').send(JSON.stringify({ x: 'a'.repeat(200_000) })).expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('puts helmet’s headers and a strict Content-Security-Policy on API answers, errors included', async () => {
    for (const url of ['/api/health', '/api/no-such-thing']) {
      const res = await t.http().get(url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
      expect(res.headers).toMatchObject({ 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' });
      // PUBLIC_URL is http here: HSTS would pin a plain-http laptop install to https.
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS and upgrades requests when PUBLIC_URL is https', async () => {
    const secure = await createTestApp({ PUBLIC_URL: 'https://digihjalpen.example.org' });
    try {
      const res = await secure.http().get('/api/health');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });

  it('echoes a well-formed X-Request-Id and invents one when it is missing or odd', async () => {
    await t.http().get('/api/health').set('X-Request-Id', 'abc-123').expect('X-Request-Id', 'abc-123');
    const res = await t.http().get('/api/health').set('X-Request-Id', '<script>');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
