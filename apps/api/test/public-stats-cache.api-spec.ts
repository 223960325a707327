import pg from 'pg';
import { pinClock } from '../src/common/clock';
import { InsightsService } from '../src/modules/insights/insights.service';
import { createTestApp, TEST_NOW, type TestApp } from './test-app';

/**
 * The open statistics (issue 17): at most 53 weeks at a time, and the whole answer (JSON and CSV) is kept
 * for a while per normalised query, so the same question asked again does not reach the database.
 */
describe('open statistics: 53 weeks at most, answers kept', () => {
  let t: TestApp;
  let statements: string[] = [];
  const original = pg.Client.prototype.query;

  beforeAll(async () => {
    t = await createTestApp();
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      const text = typeof first === 'string' ? first : (first?.text ?? '');
      // The rate limit's own count (per network, in PostgreSQL) is the guard in front of the answer, not the answer.
      const guard = /\brate_limit\b/.test(text);
      if (!guard && !text.includes(t.jobSchema) && !/^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)/i.test(text)) statements.push(text);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof pg.Client.prototype.query;
  });
  afterAll(async () => {
    pg.Client.prototype.query = original;
    pinClock(TEST_NOW);
    await t.close();
  });

  async function countOf(request: () => Promise<unknown>): Promise<number> {
    statements = [];
    await request();
    if (process.env['PRINT_SQL']) console.log(statements.map((q) => q.replace(/\s+/g, ' ').slice(0, 120)));
    return statements.length;
  }

  it('answers 53 whole weeks and refuses 54 with a message in the asker’s language', async () => {
    // TEST_NOW is Monday 2026-11-23: 2025-11-17 to Sunday 2026-11-22 is 53 weeks; a day earlier starts a 54th.
    const ok = await t.http().get('/api/public/stats?from=2025-11-17&to=2026-11-22').expect(200);
    expect(ok.body).toMatchObject({ from: '2025-11-17', to: '2026-11-22' });
    const refused = await countOf(async () => {
      const en = await t.http().get('/api/public/stats?from=2025-11-16&to=2026-11-22').expect(400);
      expect(en.body).toMatchObject({ code: 'INVALID_RANGE', fields: { to: expect.stringContaining('at most 53 weeks') } });
    });
    expect(refused).toBe(0); // refused before anything is read
    const sv = await t.http().get('/api/public/stats.csv?from=2025-11-16&to=2026-11-22').set('Accept-Language', 'sv-SE,sv;q=0.9').expect(400);
    expect(sv.body.fields.to).toContain('högst 53 veckor');
    expect(sv.headers['cache-control']).toBeUndefined();
    const ar = await t.http().get('/api/public/stats?from=2025-11-16&to=2026-11-22&lang=ar').expect(400);
    expect(ar.body.fields.to).toMatch(/53 أسبوعًا/);
    // Far longer ranges (the five years that used to be allowed) get the same advice.
    expect((await t.http().get('/api/public/stats?from=2021-01-01&to=2026-01-01').expect(400)).body.fields.to).toContain('at most 53 weeks');
  });

  it('answers a repeated query (however it is written) without the database, for JSON and CSV, until the answer is 10 minutes old', async () => {
    const json = (query: string) => t.http().get(`/api/public/stats?${query}`).expect(200).expect('Cache-Control', 'public, max-age=3600');
    const first = await countOf(() => json('from=2026-08-03&to=2026-10-25'));
    expect(first).toBeGreaterThan(0);
    expect(await countOf(() => json('from=2026-08-03&to=2026-10-25'))).toBe(0);
    // The same weeks written another way (days inside the first and last week) are the same question.
    const same = await countOf(async () => expect((await json('from=2026-08-05&to=2026-10-21')).body).toMatchObject({ from: '2026-08-03', to: '2026-10-25' }));
    expect(same).toBe(0);
    // Another page is another answer.
    expect(await countOf(() => json('from=2026-08-03&to=2026-10-25&page=2'))).toBeGreaterThan(0);

    const csv = () => t.http().get('/api/public/stats.csv?from=2026-08-03&to=2026-10-25').expect(200).expect('Content-Type', /text\/csv/);
    let firstCsv = '';
    expect(await countOf(async () => (firstCsv = (await csv()).text))).toBeGreaterThan(0);
    let again = '';
    expect(await countOf(async () => (again = (await csv()).text))).toBe(0);
    expect(again).toBe(firstCsv);
    expect(again).toMatch(/^\uFEFF?vecka_start;plats/);

    // Ten minutes later the answer is worked out again.
    pinClock(new Date(TEST_NOW.getTime() + 10 * 60_000 + 1));
    expect(await countOf(() => json('from=2026-08-03&to=2026-10-25'))).toBeGreaterThan(0);
    expect(await countOf(() => json('from=2026-08-03&to=2026-10-25'))).toBe(0);
    pinClock(TEST_NOW);
  });

  it('works out identical requests that arrive together once', async () => {
    const before = t.app.get(InsightsService).statsCache.size.entries;
    const many = await countOf(async () => {
      const answers = await Promise.all(Array.from({ length: 5 }, () => t.http().get('/api/public/stats?from=2026-06-01&to=2026-06-28').expect(200)));
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    });
    const once = await countOf(() => t.http().get('/api/public/stats?from=2026-05-04&to=2026-05-31').expect(200));
    expect(many).toBe(once);
    expect(t.app.get(InsightsService).statsCache.size.entries).toBe(before + 2);
  });
});
