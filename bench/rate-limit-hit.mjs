// One RateLimits hit (INSERT … ON CONFLICT DO UPDATE … RETURNING hits) under two concurrent clients, each
// with its own connection pool as two API instances have: the worst case (both on one key, so every hit
// waits for the other's row lock), distinct keys, and hits inside a transaction held for a moment (as the
// staff quotas in a booking's transaction). Prints hits/s and p50/p95/p99 per case.
//
// Usage: node bench/rate-limit-hit.mjs   (after `npx nx run api:build`)
// Env: BENCH_HITS (per client and case, default 3000), DATABASE_URL (default: a throwaway embedded Postgres).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromApi, quantile, startDatabase } from './support.mjs';

const hitsPerClient = Number(process.env.BENCH_HITS ?? 3000);
const work = mkdtempSync(path.join(os.tmpdir(), 'dh-bench-limits-'));

const { connect, runMigrations } = fromApi('database/prepare-database.js');
const { RateLimitsRepository } = fromApi('modules/limits/rate-limits.repository.js');
const { rateWindow } = fromApi('../../../libs/domain/src/limits/rate-limits.rules.js');

async function client(repo, ds, { key, inTransaction }) {
  const times = [];
  for (let i = 0; i < hitsPerClient; i += 1) {
    const start = process.hrtime.bigint();
    // A benchmark: the real clock is what is measured.
    const window = rateWindow(new Date(), 3600);
    if (inTransaction) await ds.transaction(async (tx) => void (await repo.hit('bench-tx', key(), window, tx)));
    else await repo.hit('bench', key(), window);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

async function measure(label, pairs, options) {
  const started = process.hrtime.bigint();
  const all = (await Promise.all(pairs.map(({ repo, ds }, n) => client(repo, ds, { ...options, key: options.key(n) })))).flat().sort((a, b) => a - b);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const fmt = (ms) => `${ms.toFixed(2)} ms`;
  console.log(`${label.padEnd(38)} ${String(Math.round(all.length / seconds)).padStart(6)} hits/s   p50 ${fmt(quantile(all, 0.5))}   p95 ${fmt(quantile(all, 0.95))}   p99 ${fmt(quantile(all, 0.99))}`);
}

const database = await startDatabase(work);
const sources = [];
try {
  const first = await connect(database.url);
  sources.push(first);
  await runMigrations(first);
  const second = await connect(database.url);
  sources.push(second);
  const pairs = sources.map((ds) => ({ ds, repo: new RateLimitsRepository(ds) }));
  let sequence = 0;
  console.log(`RateLimits.hit, 2 concurrent clients × ${hitsPerClient} hits, PostgreSQL ${database.url.replace(/\/\/[^@]*@/, '//')}`);
  await measure('one key (both clients contend)', pairs, { key: () => () => 'shared-network' });
  await measure('distinct keys (rotating networks)', pairs, { key: (n) => () => `net-${n}-${(sequence += 1)}` });
  await measure('one key, each hit its own transaction', pairs, { key: () => () => 'shared-staff', inTransaction: true });
} finally {
  for (const ds of sources) await ds.destroy();
  await database.stop();
  rmSync(work, { recursive: true, force: true });
}
