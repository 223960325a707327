import { pinClock } from '../src/common/clock';
import { InsightsService } from '../src/modules/insights/insights.service';
import { aUser, createTestApp, signIn, TEST_NOW, type TestApp } from './test-app';

describe('GET /api/public/stats: open weekly counts with small numbers suppressed', () => {
  let t: TestApp;
  let slug: string;

  beforeAll(async () => {
    t = await createTestApp();
    const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    const helper = await aUser(t.db, 'helper');
    const site = (
      await coordinator
        .post('/api/sites', { name: `Statistikbiblioteket ${Date.now()}`, address: 'Siffergatan 5', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: 'Europe/Stockholm', languages: ['sv'], active: true })
        .expect(201)
    ).body;
    slug = site.slug;
    // Week of 29 March: 7 visits (BankID in 6, e-mail in 3, other in 1). Week of 5 April: 2 visits.
    // A visit is dated on its session's day, so each day has a session.
    const visits: [string, string[]][] = [
      ['2027-03-30', ['bankid', 'email']],
      ['2027-03-30', ['bankid', 'email']],
      ['2027-03-30', ['bankid', 'email']],
      ['2027-03-31', ['bankid']],
      ['2027-04-01', ['bankid']],
      ['2027-04-04', ['bankid']],
      ['2027-04-04', ['other']],
      ['2027-04-06', ['bankid']],
      ['2027-04-07', ['bankid']],
    ];
    const sessions = new Map<string, string>();
    for (const date of new Set(visits.map(([d]) => d))) {
      const session = (await coordinator.post(`/api/sites/${site.id}/sessions`, { date, startTime: '10:00', endTime: '12:00', slotMinutes: 30, seatsPerSlot: 2, dropIn: true, helpersNeeded: 1 }).expect(201)).body;
      sessions.set(date, session.id);
    }
    for (const [date, categories] of visits) {
      await t.db.query(
        `INSERT INTO visit (client_id, session_id, site_id, date, helper_id, categories, civic_information, device, language, duration_minutes, outcome, came_via, returning_visitor)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, false, 'own-phone', 'sv', 20, 'solved', 'drop-in', 'unknown')`,
        [sessions.get(date), site.id, date, helper.id, categories],
      );
    }
    // Only finished weeks are published: "now" moves past the weeks the visits are in.
    pinClock(new Date('2027-04-20T12:00:00Z'));
  });
  afterAll(async () => {
    pinClock(TEST_NOW);
    await t.close();
  });

  it('counts per week, site and category, and shows no count from 1 to 4', async () => {
    const res = await t.http().get(`/api/public/stats?from=2027-03-29&to=2027-04-11&site=${slug}`).expect(200).expect('Cache-Control', 'public, max-age=3600');
    expect(res.body).toMatchObject({ from: '2027-03-29', to: '2027-04-11', suppressedBelow: 5, page: 1, pageSize: 100, total: 1 });
    // A single day is widened to its week: differencing two ranges cannot isolate one visit.
    const day = await t.http().get('/api/public/stats?from=2027-03-30&to=2027-03-30').expect(200);
    expect(day.body).toMatchObject({ from: '2027-03-29', to: '2027-04-04' });
    const mine = <T extends { site: string }>(list: T[]) => list.filter((r) => r.site === slug);
    expect(mine(res.body.totals)).toEqual([
      expect.objectContaining({ weekStart: '2027-03-29', visits: 7 }),
      expect.objectContaining({ weekStart: '2027-04-05', visits: null }),
    ]);
    type Row = { site: string; weekStart: string; category: string; visits: number | null };
    expect(mine<Row>(res.body.rows).map((r) => [r.weekStart, r.category, r.visits])).toEqual([
      ['2027-03-29', 'bankid', 6],
      ['2027-03-29', 'email', null],
      ['2027-03-29', 'other', null],
      ['2027-04-05', 'bankid', null],
    ]);
    expect(mine(res.body.rows)[0]).toMatchObject({ categoryLabel: 'BankID och e-legitimation' });
    expect(JSON.stringify(res.body)).not.toMatch(/"visits":[1-4][,}]/);
  });

  it('offers the same as CSV, with suppressed cells written as <5', async () => {
    const csv = (await t.http().get('/api/public/stats.csv?from=2027-03-29&to=2027-04-11').expect(200).expect('Content-Type', /text\/csv/)).text;
    expect(csv).toContain(`2027-03-29;${slug};`);
    expect(csv).toMatch(new RegExp(`2027-03-29;${slug};[^;]*;email;E-post;<5`));
    expect(csv).not.toMatch(/;[1-4]\r\n/);
  });

  it('answers a page of sites at a time (by slug), every site on exactly one page', async () => {
    const other = (
      await (await signIn(t, await aUser(t.db, 'coordinator')))
        .post('/api/sites', { name: `Statistik två ${Date.now()}`, address: 'Siffergatan 7', directions: '', accessibilityNotes: '', contactPhone: null, timeZone: 'Europe/Stockholm', languages: ['sv'], active: true })
        .expect(201)
    ).body.slug as string;
    const service = t.app.get(InsightsService);
    const query = { from: '2027-03-29', to: '2027-04-11', site: `${slug},${other}` };
    const [first, second] = [await service.publicStats({ ...query, page: 1 }, new Date('2027-04-20T12:00:00Z'), 1), await service.publicStats({ ...query, page: 2 }, new Date('2027-04-20T12:00:00Z'), 1)];
    expect([first.page, first.pageSize, first.total, second.page, second.total]).toEqual([1, 1, 2, 2, 2]);
    const sitesOf = (v: { totals: { site: string }[] }) => [...new Set(v.totals.map((x) => x.site))];
    // Pages go by slug; only the site with visits has rows.
    const [withVisits, without] = slug < other ? [first, second] : [second, first];
    expect(sitesOf(withVisits)).toEqual([slug]);
    expect(sitesOf(without)).toEqual([]);
    // The CSV is written a page of sites at a time: one header, every page's rows.
    const chunks: string[] = [];
    for await (const chunk of await service.publicStatsCsv(query, new Date('2027-04-20T12:00:00Z'), 1)) chunks.push(String(chunk));
    const csv = chunks.join('');
    expect(csv.match(/vecka_start;plats/g)).toHaveLength(1);
    expect(csv).toContain(`2027-03-29;${slug};`);
    expect(chunks.length).toBeGreaterThanOrEqual(3); // header, page 1, page 2
    expect((await t.http().get('/api/public/stats.csv?site=finns-inte').expect(400)).body.code).toBe('UNKNOWN_SITE');
    expect((await t.http().get('/api/public/stats?site=finns-inte').expect(400)).body).toMatchObject({ code: 'UNKNOWN_SITE', fields: { site: expect.any(String) } });
    expect((await t.http().get('/api/public/stats?site=Inte%20en%20slug!').expect(400)).body.code).toBe('UNKNOWN_SITE');
    expect((await t.http().get('/api/public/stats?page=0').expect(400)).body.fields).toHaveProperty('page');
    const all = (await t.http().get('/api/public/stats?from=2027-03-29&to=2027-04-11').expect(200)).body;
    expect(all).toMatchObject({ page: 1, pageSize: 100 });
    expect(all.total).toBeGreaterThanOrEqual(2);
  });

  it('refuses reversed ranges, ranges over five years and bad dates clearly', async () => {
    expect((await t.http().get('/api/public/stats?from=2027-04-11&to=2027-03-29').expect(400)).body).toMatchObject({ code: 'INVALID_RANGE', fields: { to: expect.any(String) } });
    await t.http().get('/api/public/stats?from=2020-01-01&to=2027-01-01').expect(400);
    await t.http().get('/api/public/stats?from=yesterday').expect(400);
    await t.http().get('/api/public/stats').expect(200);
  });
});
