import { aBookableSite, book } from './bookings';
import { aUser, createTestApp, signIn, type TestApp } from './test-app';

/** Public reads can be cached briefly and revalidated: an unchanged answer is a 304 without a body. */
describe('caching of public reads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lets browsers revalidate the site list, a site and its sessions by ETag and a shared cache keep them briefly; a booking changes the sessions’ ETag', async () => {
    const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    const site = await aBookableSite(coordinator);
    const sessionsUrl = `/api/public/sites/${site.slug}/sessions?from=2027-03-29&to=2027-04-04`;
    for (const [url, life] of [
      ['/api/public/sites', 'public, max-age=0, s-maxage=60'],
      [`/api/public/sites/${site.slug}`, 'public, max-age=0, s-maxage=60'],
      [sessionsUrl, 'public, max-age=0, s-maxage=10'],
    ] as const) {
      const first = await t.http().get(url).expect(200).expect('Cache-Control', life);
      const etag = first.headers['etag'] as string;
      expect(etag).toMatch(/^W\/"/);
      const again = await t.http().get(url).set('If-None-Match', etag).expect(304);
      expect(again.text ?? '').toBe('');
    }
    const before = (await t.http().get(sessionsUrl).expect(200)).headers['etag'] as string;
    await book(t, { slotId: site.slotIds[0] as string }).expect(201);
    const after = await t.http().get(sessionsUrl).set('If-None-Match', before).expect(200);
    expect(after.headers['etag']).not.toBe(before);
  });

  it('never lets a booking or a signed-in answer be cached', async () => {
    const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    const site = await aBookableSite(coordinator);
    const created = (await book(t, { slotId: site.slotIds[0] as string }).expect(201)).body;
    await t.http().get(`/api/public/bookings/${created.manageToken}`).expect(200).expect('Cache-Control', 'no-store');
    await coordinator.get('/api/auth/me').expect(200).expect('Cache-Control', 'private, no-store');
    await coordinator.get('/api/sites').expect(200).expect('Cache-Control', 'private, no-store');
    await t.http().get('/api/sites').expect(401).expect('Cache-Control', 'private, no-store');
  });
});
