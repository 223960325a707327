// Fault injection against the production build: a booking load (autocannon) while Postgres is
// stopped mid-way (a fast shutdown: open connections are cut) and started again on the same port.
// Prints requests sent, 201s, 503s, other 5xx, and confirmed bookings missing afterwards: 201
// answers whose booking (by the reference in the 201 body) is not in the database. That must be 0.
//
// Usage: npx nx run api:build && node bench/fault-injection.mjs
// Env: BENCH_SECONDS (default 20), BENCH_CONNECTIONS (default 20), BENCH_DOWN_AT (seconds into the
//      load when Postgres stops, default 6), BENCH_DOWN_SECONDS (how long it stays down, default 5).
//      Always a throwaway embedded Postgres: the script stops and starts it.
import autocannon from 'autocannon';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { benchSlots, fromApi, startApi as startBenchApi, startDatabase as startBenchDatabase, waitHealthy } from './support.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const downAt = Number(process.env.BENCH_DOWN_AT ?? 6);
const downSeconds = Number(process.env.BENCH_DOWN_SECONDS ?? 5);
const slotCount = 10;
const port = 3401;
const work = mkdtempSync(path.join(os.tmpdir(), 'dh-faults-'));
chmodSync(work, 0o755);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
const log = (line) => console.error(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${line}`);

const { freePort } = fromApi('database/embedded-postgres.js');
const dbPort = await freePort();
// Kept on disk on a fixed port: the script stops it and starts the same cluster again.
const startDatabase = () => startBenchDatabase(path.join(work, 'pg'), { embedded: true, persistent: true, port: dbPort });

async function startApi(databaseUrl) {
  // Only errors: an outage makes every request log a warning.
  const api = await startBenchApi({ port, databaseUrl, dataDir: work, env: { LOG_LEVEL: 'error', BOOKING_RATE_LIMIT: '100000000', BOOKING_DAILY_LIMIT: '100000000' } });
  api.once('exit', (code, signal) => log(`API exited (${code ?? signal})`));
  return api;
}

async function health() {
  return fetch(`http://localhost:${port}/api/health`).then((r) => r.status, () => 0);
}

const waitForHealth = (status, timeoutMs) => waitHealthy(port, timeoutMs, status);

async function withDb(url, fn) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

let database = await startDatabase();
let api;
try {
  api = await startApi(database.url);
  const slots = await withDb(database.url, (db) => benchSlots(db, 'faults', slotCount));

  const statuses = new Map();
  const references = [];
  const healthSeen = [];
  let i = 0;
  const load = autocannon({
    url: `http://localhost:${port}/api/public/bookings`,
    connections,
    duration: seconds,
    timeout: 15,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          i += 1;
          // Every other booking with an e-mail, so confirmations are queued in the same transactions.
          const email = i % 2 ? `faults-${i}@example.org` : null;
          return { ...req, body: JSON.stringify({ slotId: slots[i % slots.length], name: `Fel ${i}`, email, language: 'sv', topics: ['bankid'] }) };
        },
        onResponse: (status, body) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 201) references.push(JSON.parse(body).reference);
        },
      },
    ],
  });

  await sleep(downAt * 1000);
  log('stopping Postgres');
  await database.stop();
  log('Postgres stopped');
  healthSeen.push(await health());
  await sleep(downSeconds * 1000);
  healthSeen.push(await health());
  log('starting Postgres again');
  database = await startDatabase();
  const restarted = Date.now();
  await waitForHealth(200, 30_000);
  const recoveredAfter = (Date.now() - restarted) / 1000;
  log(`API healthy again ${recoveredAfter.toFixed(1)} s after Postgres was back`);
  healthSeen.push(await health());

  const result = await load;
  const { missing, withoutConfirmation } = await withDb(database.url, async (db) => {
    const found = await db.query(`SELECT reference FROM booking WHERE reference = ANY($1)`, [references]);
    const inDb = new Set(found.rows.map((r) => r.reference));
    // The outbox: a confirmed booking with an e-mail address has its confirmation job from the same transaction.
    const unqueued = await db.query(
      `SELECT count(*)::int AS n FROM booking b WHERE b.reference = ANY($1) AND b.email IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = 'booking-mail' AND j.data->>'bookingId' = b.id::text AND j.data->>'kind' = 'confirmation')`,
      [references],
    );
    return { missing: references.filter((r) => !inDb.has(r)), withoutConfirmation: unqueued.rows[0].n };
  });

  const count = (pred) => [...statuses].filter(([s]) => pred(s)).reduce((n, [, c]) => n + c, 0);
  const answered = count(() => true);
  const row = {
    sent: result.requests.sent,
    answered,
    created: count((s) => s === 201),
    unavailable: count((s) => s === 503),
    otherServerErrors: count((s) => s >= 500 && s !== 503),
    clientErrors: count((s) => s >= 400 && s < 500),
    socketErrorsOrTimeouts: result.errors,
    missing: missing.length,
  };
  console.log(
    `\nFault injection: ${connections} connections, ${seconds} s, Postgres stopped at ${downAt} s for ${downSeconds} s, node ${process.version}, ${os.cpus().length} cores, ${new Date().toISOString()}`,
  );
  console.log('| requests sent | answered | 201 | 503 | other 5xx | 4xx | socket errors/timeouts | confirmed bookings missing afterwards |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(`| ${Object.values(row).join(' | ')} |`);
  console.log(
    `\nstatus counts: ${JSON.stringify(Object.fromEntries(statuses))}; /api/health during the outage and after: ${healthSeen.join(' → ')}; API healthy ${recoveredAfter.toFixed(1)} s after Postgres was back; confirmed bookings with an e-mail address but no confirmation job: ${withoutConfirmation}`,
  );
  if (row.otherServerErrors > 0 || row.missing > 0 || withoutConfirmation > 0) process.exitCode = 1;
} finally {
  api?.kill('SIGTERM');
  await new Promise((r) => (api && api.exitCode === null ? api.once('exit', r) : r()));
  await database.stop();
  rmSync(work, { recursive: true, force: true });
}
