// What every benchmark script needs: the production build's paths, a throwaway (or given) PostgreSQL,
// the production API as a child process, a contended set of bookable slots, and measuring helpers.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const apiDist = path.resolve(root, process.env.BENCH_API_DIST ?? 'dist/apps/api');
export const apiMain = path.join(apiDist, 'apps/api/src/main.js');
const require = createRequire(import.meta.url);

/** Loads a module of the API's production build (embedded Postgres, password hashing …). */
export const fromApi = (file) => require(path.join(apiDist, 'apps/api/src', file));

/** The heap limits recommended for production (docs/production.md, the Dockerfile): RSS stays under 250 MB. */
export const PRODUCTION_NODE_OPTIONS = '--max-old-space-size=160 --max-semi-space-size=8';

/**
 * The same environment for every benchmarked API process, with the production heap limits. The API
 * processes (only them) get BENCH_API_NODE_OPTIONS instead when it is set (empty: Node's defaults).
 */
export const benchEnv = {
  NODE_ENV: 'production',
  // The benchmarks run on one machine over plain http: the documented test use of this setting.
  ALLOW_INSECURE_PUBLIC_URL: 'true',
  SECRET_KEY: 'bench-'.padEnd(48, 'x'),
  LOG_LEVEL: 'warn',
  NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS ?? PRODUCTION_NODE_OPTIONS,
};

export const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Resident memory of a process in MB (0 once it has gone). */
export function rssOf(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

let mail;
/**
 * The production API refuses to start without SMTP_URL: benchmarks hand it the API's own mail catcher,
 * started once per bench script in this process (messages in a temporary folder, deleted at exit).
 */
export async function benchMailUrl() {
  if (!mail) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-bench-mail-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    mail = fromApi('modules/notifications/mail-catcher.js').startMailCatcher(dir, { unref: true });
  }
  return (await mail).url;
}

export async function waitHealthy(port, timeoutMs = 60_000, status = 200) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if ((await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0)) === status) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`API on port ${port} did not answer ${status} on /api/health`);
}

/** DATABASE_URL if set, else a throwaway embedded PostgreSQL in `dataDir`. */
export async function startDatabase(dataDir, options = {}) {
  if (process.env.DATABASE_URL && !options.embedded) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const { startEmbeddedPostgres } = fromApi('database/embedded-postgres.js');
  return startEmbeddedPostgres({ dataDir, persistent: false, ...options });
}

/** One production API process on `port`; resolves once it is healthy. */
export async function startApi({ port, databaseUrl, dataDir, env = {} }) {
  const api = spawn(process.execPath, [apiMain], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...benchEnv, DATABASE_URL: databaseUrl, SMTP_URL: await benchMailUrl(), DATA_DIR: dataDir, PORT: String(port), ...env },
  });
  await waitHealthy(port, 60_000);
  return api;
}

/**
 * One site with one session a month ahead and `count` slots that never fill up (32,000 seats each), so
 * concurrent bookings queue on the same slot rows.
 */
export async function benchSlots(db, label, count = 10) {
  const site = await db.query(`INSERT INTO site (slug, name, address) VALUES ($1, $1, 'Bänkgatan 1') RETURNING id`, [`bench-${label}-${Date.now()}`]);
  const session = await db.query(
    `INSERT INTO session (site_id, starts_at, ends_at) VALUES ($1, now() + interval '30 days', now() + interval '30 days 4 hours') RETURNING id, starts_at`,
    [site.rows[0].id],
  );
  const slots = [];
  for (let i = 0; i < count; i += 1) {
    const r = await db.query(
      `INSERT INTO slot (session_id, starts_at, ends_at, seats) VALUES ($1, $2::timestamptz + $3 * interval '1 minute', $2::timestamptz + ($3 + 1) * interval '1 minute', 32000) RETURNING id`,
      [session.rows[0].id, session.rows[0].starts_at, i],
    );
    slots.push(r.rows[0].id);
  }
  return slots;
}
