// Coordinator statistics at national scale: loads bench/national-data.mjs (~1,100 sites, ~0.9 M bookings,
// ~0.8 M visits) into a throwaway embedded PostgreSQL (or DATABASE_URL), starts the production build of
// the API, signs in as a coordinator and times the statistics endpoints one request at a time.
//
// Usage: npm run bench:dashboard   (builds first; or `node bench/dashboard.mjs` after `npm run build`)
// Env: BENCH_SITES (default 1100), BENCH_REPEAT (default 20), DATABASE_URL, BENCH_API_DIST (default dist/apps/api).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generateNationalData } from './national-data.mjs';
import { benchEnv, fromApi, quantile, rssOf, startApi, startDatabase } from './support.mjs';

const repeat = Number(process.env.BENCH_REPEAT ?? 20);
const port = 3410;
const base = `http://localhost:${port}`;
const work = mkdtempSync(path.join(os.tmpdir(), 'dh-bench-dash-'));
chmodSync(work, 0o755);

async function signInCoordinator(databaseUrl) {
  const { hashPassword } = fromApi('modules/auth/passwords.js');
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const password = 'bänkens långa lösenord';
  await db.query(`INSERT INTO app_user (email, name, role, password_hash) VALUES ('bench-coordinator@example.org', 'Bänk', 'coordinator', $1) ON CONFLICT (email) DO UPDATE SET password_hash = $1`, [
    await hashPassword(password),
  ]);
  const [partner] = (await db.query(`SELECT id FROM partner WHERE name = 'Partner 1'`)).rows;
  await db.end();
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench-coordinator@example.org', password }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, partnerId: partner.id };
}

async function time(url, cookie) {
  const latencies = [];
  let bytes = 0;
  for (let i = 0; i < repeat + 3; i += 1) {
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { headers: { cookie } });
    const body = await res.text();
    if (!res.ok) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
    if (i >= 3) latencies.push(performance.now() - t0); // the first three warm up
    bytes = body.length;
  }
  latencies.sort((a, b) => a - b);
  return { p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), max: latencies.at(-1), bytes };
}

const database = await startDatabase(path.join(work, 'pg'));
let api;
try {
  api = await startApi({ port, databaseUrl: database.url, dataDir: work }); // runs the migrations
  const today = new Date();
  const loaded = await generateNationalData(database.url, { sites: Number(process.env.BENCH_SITES ?? 1100), today });
  const { cookie, partnerId } = await signInCoordinator(database.url);
  const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const from = month.toISOString().slice(0, 10);
  const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0)).toISOString().slice(0, 10);
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const [oneSite] = (await db.query(`SELECT id FROM site WHERE slug = 'nat-1'`)).rows;
  await db.end();
  const cases = [
    ['dashboard, last month, all sites', `/api/insights/dashboard?from=${from}&to=${to}`],
    ['dashboard, last month, all sites, suppressed', `/api/insights/dashboard?from=${from}&to=${to}&suppress=true`],
    ['dashboard, last month, one site', `/api/insights/dashboard?from=${from}&to=${to}&sites=${oneSite.id}`],
    ['dashboard, one year, all sites', `/api/insights/dashboard?from=${new Date(today.getTime() - 365 * 86_400_000).toISOString().slice(0, 10)}&to=${today.toISOString().slice(0, 10)}`],
    ['one chart as CSV (categories, last month)', `/api/insights/dashboard/categories.csv?from=${from}&to=${to}`],
    ['capacity signals (8 weeks back, 14 days ahead)', '/api/insights/capacity'],
    ['partner funnel (90 days)', `/api/partners/${partnerId}/funnel`],
    ['open statistics, first page of 100 sites (12 weeks, anonymous)', '/api/public/stats'],
    ['open statistics as CSV, every site (12 weeks, anonymous)', '/api/public/stats.csv'],
    ['visit log as CSV, the last year (at most 100,000 rows)', `/api/visits.csv?from=${new Date(today.getTime() - 364 * 86_400_000).toISOString().slice(0, 10)}&to=${today.toISOString().slice(0, 10)}`],
  ];
  const results = [];
  let maxRss = 0;
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssOf(api.pid))), 100);
  for (const [label, url] of cases) results.push([label, await time(url, cookie)]);
  clearInterval(sampler);
  console.log(`\nStatistics at national scale: node ${process.version}, ${os.cpus().length} cores, ${new Date().toISOString()}`);
  console.log(`data: ${Object.entries(loaded.rows).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}; ${loaded.reused ? 'reused' : `generated in ${loaded.seconds.toFixed(0)} s`}`);
  console.log(`period "last month": ${from} – ${to}; ${repeat} requests each after 3 warm-ups, one at a time`);
  console.log('| request | p50 ms | p95 ms | max ms | response |\n| --- | --- | --- | --- | --- |');
  for (const [label, r] of results) console.log(`| ${label} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.max.toFixed(0)} | ${(r.bytes / 1024).toFixed(0)} KB |`);
  console.log(`\nAPI max RSS during these requests: ${maxRss.toFixed(0)} MB (NODE_OPTIONS "${benchEnv.NODE_OPTIONS}")`);
} finally {
  api?.kill('SIGTERM');
  await new Promise((r) => (api ? api.once('exit', r) : r()));
  await database.stop();
  rmSync(work, { recursive: true, force: true });
}
