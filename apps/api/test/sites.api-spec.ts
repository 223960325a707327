import { DataSource } from 'typeorm';
import { seedDemoData } from '../src/database/seed/demo-seed';
import { SiteEntity } from '../src/modules/sites/site.entity';
import { createTestApp, everyPage, signIn, type TestApp } from './test-app';

describe('GET /api/public/sites', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoData(t.db);
    await t.db.getRepository(SiteEntity).insert({ slug: 'pausat-bibliotek', name: 'Pausat bibliotek', address: 'Gränden 1', active: false });
  });
  afterAll(() => t.close());

  /** Every page of the list. */
  const everySite = (q = '') => everyPage<{ slug: string; name: string }>((page) => t.http().get('/api/public/sites').query({ q, page }).expect(200));

  it('lists the active sites in the public shape when the demo city is seeded', async () => {
    const slugs = (await everySite()).map((s) => s.slug);
    expect(slugs).toEqual(expect.arrayContaining(['stadsbiblioteket', 'norrby-bibliotek', 'vastra-angens-bibliotek', 'kompetenscenter']));
    expect(slugs).not.toContain('pausat-bibliotek');
    const res = await t.http().get('/api/public/sites?q=Stadsbiblioteket').expect(200);
    const site = res.body.items.find((s: { slug: string }) => s.slug === 'stadsbiblioteket');
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

  it('gives 20 sites a page in Swedish alphabetical order, each site once', async () => {
    const token = `sidor${Date.now()}`;
    const names = ['Åby', 'Ängen', 'Öxnered', 'Alby', 'Zinkgruvan', ...Array.from({ length: 20 }, (_, i) => `Bibliotek ${String(i).padStart(2, '0')}`)];
    await t.db.getRepository(SiteEntity).insert(names.map((n, i) => ({ slug: `${token}-${i}`, name: `${n} ${token}`, address: 'Sidgatan 1', active: true })));
    const first = (await t.http().get('/api/public/sites').query({ q: token }).expect(200)).body;
    expect(first).toMatchObject({ page: 1, pageSize: 20, total: 25 });
    expect(first.items).toHaveLength(20);
    const second = (await t.http().get('/api/public/sites').query({ q: token, page: 2 }).expect(200)).body;
    expect(second).toMatchObject({ page: 2, total: 25 });
    const all = [...first.items, ...second.items].map((s: { name: string }) => s.name.replace(` ${token}`, ''));
    expect(all).toEqual([...names].sort(new Intl.Collator('sv').compare));
    expect(all.slice(-3)).toEqual(['Åby', 'Ängen', 'Öxnered']); // å, ä, ö after z, as in Swedish
    const past = (await t.http().get('/api/public/sites').query({ q: token, page: 3 }).expect(200)).body;
    expect(past).toMatchObject({ items: [], page: 3, total: 25 });
  });

  it('finds sites by every word of the search in the name or address, whatever the case and accents', async () => {
    const slugs = async (q: string) => (await everySite(q)).map((s) => s.slug);
    expect(await slugs('VASTRA ängens')).toEqual(['vastra-angens-bibliotek']);
    expect(await slugs('norrby bibliotek')).toContain('norrby-bibliotek');
    expect(await slugs('pausat')).toEqual([]); // paused sites are not public
    expect(await slugs('finns inte någonstans xyz')).toEqual([]);
  });

  it('refuses a page that is not a whole number from 1, and a search over 100 characters', async () => {
    expect((await t.http().get('/api/public/sites?page=0').expect(400)).body.fields).toHaveProperty('page');
    expect((await t.http().get('/api/public/sites?page=tva').expect(400)).body.fields).toHaveProperty('page');
    expect((await t.http().get(`/api/public/sites?q=${'a'.repeat(101)}`).expect(400)).body.fields).toHaveProperty('q');
  });

  it('gives every active site’s id, slug and name for pickers', async () => {
    const names = (await t.http().get('/api/public/site-names').expect(200)).body as { id: string; slug: string; name: string }[];
    expect(names.find((s) => s.slug === 'stadsbiblioteket')).toEqual({ id: expect.any(String), slug: 'stadsbiblioteket', name: 'Stadsbiblioteket' });
    expect(names.map((s) => s.slug)).not.toContain('pausat-bibliotek');
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
