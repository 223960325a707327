// Booking load against the production build, next to its ceiling: pgbench running the same booking
// transaction straight on the same Postgres. Prints bookings/s, p50/p99 and the ratio.
//
// Usage: npm run bench:booking   (builds first; or `node bench/booking-load.mjs` after `npm run build`)
// Env: BENCH_SECONDS (default 20), BENCH_CONNECTIONS (default 20), BENCH_SLOTS (default 10: few slots,
//      so concurrent bookings contend for the same rows), DATABASE_URL (default: a throwaway embedded Postgres).
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { benchSlots, quantile, rssOf, startApi, startDatabase } from './support.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const slotCount = Number(process.env.BENCH_SLOTS ?? 10);
const port = 3400;
const work = mkdtempSync(path.join(os.tmpdir(), 'dh-bench-'));
chmodSync(work, 0o755);

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
  // The statements BookingsService.book runs in its transaction (no e-mail given, so no job row): the slot
  // read that share-locks its session, and the insert that answers the booking with its slot, session and site.
  writeFileSync(
    script,
    `\\set n random(1, ${slotCount})
BEGIN;
SELECT sl.id, s.id, s.site_id, sl.starts_at, sl.ends_at, sl.seats - sl.booked, (s.status <> 'planned' OR NOT site.active), site.time_zone
  FROM slot sl JOIN session s ON s.id = sl.session_id JOIN site ON site.id = s.site_id
 WHERE sl.id = (SELECT id FROM bench_slot WHERE n = :n) FOR SHARE OF s;
WITH inserted AS (
  INSERT INTO booking (id, slot_id, reference, manage_token_hash, name, email, phone, contact_keys, language, topics, own_device, needs, referral_code, booked_by, partner_id)
  VALUES (gen_random_uuid(), (SELECT id FROM bench_slot WHERE n = :n), upper(substr(md5(random()::text), 1, 3) || '-' || substr(md5(random()::text), 1, 3)),
          md5(random()::text) || md5(random()::text), 'Bänk', NULL, NULL, '{}', 'sv', '{bankid}', NULL, NULL, NULL, NULL,
          COALESCE(NULL::uuid, (SELECT partner_id FROM referral_code WHERE code = NULL::text AND revoked_at IS NULL)))
  ON CONFLICT (reference) DO NOTHING RETURNING *)
SELECT b.id, b.reference, b.token_version, b.status, b.name, sl.starts_at, sl.ends_at, s.id, s.starts_at, s.drop_in, s.status,
       site.id, site.slug, site.name, site.address, site.directions, site.accessibility_notes, site.contact_phone, site.time_zone
  FROM inserted b JOIN slot sl ON sl.id = b.slot_id JOIN session s ON s.id = sl.session_id JOIN site ON site.id = s.site_id;
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

const database = await startDatabase(path.join(work, 'pg'));
let api;
try {
  api = await startApi({ port, databaseUrl: database.url, dataDir: work, env: { BOOKING_RATE_LIMIT: '100000000', BOOKING_DAILY_LIMIT: '100000000' } });
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();

  const warmSlots = await benchSlots(db, 'warm', slotCount);
  await autocannon({ url: `http://localhost:${port}/api/public/bookings`, connections, duration: 3, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slotId: warmSlots[0], name: 'Varm', language: 'sv', topics: ['bankid'] }) });

  const slots = await benchSlots(db, 'http', slotCount);
  const { result, maxRss } = await httpLoad(slots, api);
  const confirmed = Number((await db.query(`SELECT count(*) FROM booking WHERE slot_id = ANY($1::uuid[])`, [slots])).rows[0].count);
  const over = Number((await db.query(`SELECT count(*) FROM slot WHERE booked > seats`)).rows[0].count);

  const pgSlots = await benchSlots(db, 'pgbench', slotCount);
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
