// Booking load against the production build, next to its ceiling: pgbench running the same booking
// transaction straight on the same Postgres. Prints bookings/s, p50/p99 and the ratio.
//
// Usage: npm run bench:booking   (builds first; or `node bench/booking-load.mjs` after `npm run build`)
// Env: BENCH_SECONDS (default 20), BENCH_CONNECTIONS (default 20), BENCH_SLOTS (default 10: few slots,
//      so concurrent bookings contend for the same rows), DATABASE_URL (default: a throwaway embedded Postgres).
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const slotCount = Number(process.env.BENCH_SLOTS ?? 10);
const port = 3400;
const work = mkdtempSync(path.join(os.tmpdir(), 'dh-bench-'));
chmodSync(work, 0o755);

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function startDatabase() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const { startEmbeddedPostgres } = require(path.join(root, 'dist/apps/api/apps/api/src/database/embedded-postgres.js'));
  return startEmbeddedPostgres({ dataDir: path.join(work, 'pg'), persistent: false });
}

async function startApi(databaseUrl) {
  const api = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SECRET_KEY: 'bench-'.padEnd(48, 'x'),
      DATABASE_URL: databaseUrl,
      DATA_DIR: work,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      BOOKING_RATE_LIMIT: '100000000',
    },
  });
  for (let i = 0; i < 300; i += 1) {
    if (await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok, () => false)) return api;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('API did not become healthy');
}

/** One site, one session far ahead, `slotCount` slots with room for every booking of the run. */
async function setUpSlots(db, label) {
  const site = await db.query(`INSERT INTO site (slug, name, address) VALUES ($1, $1, 'Bänkgatan 1') RETURNING id`, [`bench-${label}-${Date.now()}`]);
  const session = await db.query(
    `INSERT INTO session (site_id, starts_at, ends_at) VALUES ($1, now() + interval '30 days', now() + interval '30 days 4 hours') RETURNING id, starts_at`,
    [site.rows[0].id],
  );
  const slots = [];
  for (let i = 0; i < slotCount; i += 1) {
    const r = await db.query(
      `INSERT INTO slot (session_id, starts_at, ends_at, seats) VALUES ($1, $2::timestamptz + $3 * interval '1 minute', $2::timestamptz + ($3 + 1) * interval '1 minute', 32000) RETURNING id`,
      [session.rows[0].id, session.rows[0].starts_at, i],
    );
    slots.push(r.rows[0].id);
  }
  return slots;
}

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function httpLoad(slots, api) {
  let i = 0;
  let maxRss = 0;
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssOf(api.pid))), 250);
  const result = await autocannon({
    url: `http://localhost:${port}/api/public/bookings`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          i += 1;
          return { ...req, body: JSON.stringify({ slotId: slots[i % slots.length], name: `Bänk ${i}`, language: 'sv', topics: ['bankid'] }) };
        },
      },
    ],
  });
  clearInterval(sampler);
  return { result, maxRss };
}

function pgbenchCeiling(databaseUrl) {
  const script = path.join(work, 'booking.sql');
  // The statements BookingsService.book runs in its transaction (no e-mail given, so no job row).
  writeFileSync(
    script,
    `\\set n random(1, ${slotCount})
BEGIN;
SELECT sl.id, s.id, s.site_id, sl.starts_at, sl.ends_at, sl.seats - sl.booked, (s.status <> 'planned' OR NOT site.active), site.time_zone
  FROM slot sl JOIN session s ON s.id = sl.session_id JOIN site ON site.id = s.site_id
 WHERE sl.id = (SELECT id FROM bench_slot WHERE n = :n) FOR SHARE OF s;
INSERT INTO booking (id, slot_id, reference, manage_token_hash, name, email, phone, contact_keys, language, topics, own_device, needs, referral_code)
VALUES (gen_random_uuid(), (SELECT id FROM bench_slot WHERE n = :n), upper(substr(md5(random()::text), 1, 3) || '-' || substr(md5(random()::text), 1, 3)),
        md5(random()::text) || md5(random()::text), 'Bänk', NULL, NULL, '{}', 'sv', '{bankid}', NULL, NULL, NULL)
ON CONFLICT (reference) DO NOTHING RETURNING id;
COMMIT;
`,
  );
  const url = new URL(databaseUrl);
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
  const args = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username), '-n', '-c', String(connections), '-j', '2', '-T', String(seconds), '-f', script, '-l', '--log-prefix', path.join(work, 'pgbench'), url.pathname.slice(1)];
  const out = execFileSync('pgbench', args, { env, cwd: work, encoding: 'utf8' });
  const latencies = readdirSync(work)
    .filter((f) => f.startsWith('pgbench.'))
    .flatMap((f) => readFileSync(path.join(work, f), 'utf8').trim().split('\n'))
    .map((line) => Number(line.split(' ')[2]) / 1000)
    .sort((a, b) => a - b);
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  return { tps, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), transactions: latencies.length };
}

const database = await startDatabase();
let api;
try {
  api = await startApi(database.url);
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();

  const warmSlots = await setUpSlots(db, 'warm');
  await autocannon({ url: `http://localhost:${port}/api/public/bookings`, connections, duration: 3, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slotId: warmSlots[0], name: 'Varm', language: 'sv', topics: ['bankid'] }) });

  const slots = await setUpSlots(db, 'http');
  const { result, maxRss } = await httpLoad(slots, api);
  const confirmed = Number((await db.query(`SELECT count(*) FROM booking WHERE slot_id = ANY($1::uuid[])`, [slots])).rows[0].count);
  const over = Number((await db.query(`SELECT count(*) FROM slot WHERE booked > seats`)).rows[0].count);

  const pgSlots = await setUpSlots(db, 'pgbench');
  await db.query(`CREATE TABLE IF NOT EXISTS bench_slot (n int PRIMARY KEY, id uuid NOT NULL)`);
  await db.query(`TRUNCATE bench_slot`);
  for (const [n, id] of pgSlots.entries()) await db.query(`INSERT INTO bench_slot VALUES ($1, $2)`, [n + 1, id]);
  const ceiling = pgbenchCeiling(database.url);
  await db.end();

  const bookingsPerSecond = confirmed / seconds;
  const rows = [
    ['HTTP POST /api/public/bookings (autocannon)', bookingsPerSecond.toFixed(0), result.latency.p50, result.latency.p99, `${result['2xx']} × 201, ${result.non2xx} other, ${result.errors} errors`],
    ['same transaction straight on Postgres (pgbench)', ceiling.tps.toFixed(0), ceiling.p50.toFixed(1), ceiling.p99.toFixed(1), `${ceiling.transactions} transactions`],
  ];
  console.log(`\nBooking load: ${connections} connections, ${seconds} s, ${slotCount} slots (contended), node ${process.version}, ${os.cpus().length} cores, ${new Date().toISOString()}`);
  console.log('| what | bookings/s | p50 ms | p99 ms | notes |\n| --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\nratio HTTP / ceiling: ${(bookingsPerSecond / ceiling.tps).toFixed(2)}; API max RSS under load: ${maxRss.toFixed(0)} MB; slots over capacity: ${over}; confirmed rows ${confirmed} (201 answers counted by autocannon: ${result['2xx']}; requests still in flight when it stopped also commit)`);
} finally {
  api?.kill('SIGTERM');
  await new Promise((r) => (api ? api.once('exit', r) : r()));
  await database.stop();
  rmSync(work, { recursive: true, force: true });
}
