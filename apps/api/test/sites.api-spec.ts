import { DataSource } from 'typeorm';
import { seedDemoData } from '../src/database/seed/demo-seed';
import { SiteEntity } from '../src/modules/sites/site.entity';
import { createTestApp, signIn, type TestApp } from './test-app';

describe('GET /api/public/sites', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoData(t.db);
    await t.db.getRepository(SiteEntity).insert({ slug: 'pausat-bibliotek', name: 'Pausat bibliotek', address: 'Gränden 1', active: false });
  });
  afterAll(() => t.close());

  it('lists the active sites in the public shape when the demo city is seeded', async () => {
    const res = await t.http().get('/api/public/sites').expect(200);
    const slugs = res.body.map((s: { slug: string }) => s.slug);
    expect(slugs).toEqual(expect.arrayContaining(['stadsbiblioteket', 'norrby-bibliotek', 'vastra-angens-bibliotek', 'kompetenscenter']));
    expect(slugs).not.toContain('pausat-bibliotek');
    const site = res.body.find((s: { slug: string }) => s.slug === 'stadsbiblioteket');
    expect(site).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      slug: 'stadsbiblioteket',
      name: 'Stadsbiblioteket',
      address: expect.any(String),
      directions: expect.any(String),
      accessibilityNotes: expect.any(String),
      contactPhone: expect.any(String),
      timeZone: 'Europe/Stockholm',
      languages: ['sv', 'en', 'ar'],
      nextSessions: expect.any(Array),
    });
  });

  it('returns one site with directions when GET /api/public/sites/{slug}', async () => {
    const res = await t.http().get('/api/public/sites/norrby-bibliotek').expect(200);
    expect(res.body).toMatchObject({ name: 'Norrby bibliotek', directions: expect.stringContaining('Kulturhuset') });
  });

  it('answers 404 SITE_NOT_FOUND when the slug is unknown or the site is paused', async () => {
    for (const slug of ['bibblan', 'pausat-bibliotek']) {
      const res = await t.http().get(`/api/public/sites/${slug}`).expect(404);
      expect(res.body).toEqual({ code: 'SITE_NOT_FOUND', message: `Det finns ingen plats som heter "${slug}".` });
    }
  });

  it('gives the demo partner referral results to look at, and the dashboard booked and drop-in visits', async () => {
    const partner = await signIn(t, { email: 'partner@example.org', password: 'demo-partner' });
    const me = (await partner.get('/api/auth/me').expect(200)).body as { partnerId: string };
    const funnel = (await partner.get(`/api/partners/${me.partnerId}/funnel`).expect(200)).body;
    expect(funnel).toMatchObject({ partnerName: 'Kompetenscenter', booked: expect.any(Number), came: expect.any(Number) });
    expect(funnel.came).toBeGreaterThanOrEqual(5);
    expect(funnel.referred).toBeGreaterThanOrEqual(funnel.booked);
    expect((await partner.get(`/api/partners/${me.partnerId}/referral-codes`).expect(200)).body).toEqual([expect.objectContaining({ code: 'KCDM-4782', site: 'stadsbiblioteket' })]);
    const coordinator = await signIn(t, { email: 'coordinator@example.org', password: 'demo-coordinator' });
    const view = (await coordinator.get('/api/insights/dashboard?from=2026-10-01&to=2026-11-23').expect(200)).body;
    expect(view.totals.bookings).toBeGreaterThan(0);
    expect(view.totals.utilisation).toBeGreaterThan(0);
    expect(view.cameVia).toContainEqual(expect.objectContaining({ label: 'Via Kompetenscenter' }));
  });

  it('adds nothing when the demo seed runs again', async () => {
    const before = await t.db.getRepository(SiteEntity).count();
    expect(await seedDemoData(t.db)).toEqual({ sitesAdded: 0, usersAdded: 0, schedulesAdded: 0 });
    expect(await t.db.getRepository(SiteEntity).count()).toBe(before);
  });
});

describe('site table invariants', () => {
  let t: TestApp;
  let db: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    db = t.db;
  });
  afterAll(() => t.close());

  it('refuses a second site with the same slug', async () => {
    const repo = db.getRepository(SiteEntity);
    await repo.insert({ slug: 'dubblett', name: 'Dubblett', address: 'Gatan 1' });
    await expect(repo.insert({ slug: 'dubblett', name: 'Dubblett 2', address: 'Gatan 2' })).rejects.toThrow(/duplicate key/);
  });

  it.each([['Med Versaler'], ['-ledande'], ['å-ä-ö']])('refuses the malformed slug %p', async (slug) => {
    await expect(db.getRepository(SiteEntity).insert({ slug, name: 'X', address: 'Y' })).rejects.toThrow(/site_slug_format/);
  });

  it('refuses a blank name', async () => {
    await expect(db.getRepository(SiteEntity).insert({ slug: 'tomt-namn', name: '   ', address: 'Y' })).rejects.toThrow(/site_name_not_blank/);
  });
});
