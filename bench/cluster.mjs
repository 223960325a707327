// N copies of the production API on one port, round-robin, through Node's cluster module.
//
// Why cluster and not a proxy: main.js is started unchanged as a cluster worker; its `app.listen(PORT)`
// is then served by the cluster primary, which on Linux accepts connections and hands them to the
// workers in turn (cluster.SCHED_RR). A connection stays with the worker that got it, so with keep-alive
// the primary only touches each connection once: no extra hop per request as a proxy would add.
// The primary runs in its own process (this file as a script), so a bench script's load generator never
// shares an event loop with the accepting side.
//
// From another bench script:
//   import { startApis } from './cluster.mjs';
//   const apis = await startApis({ count: 2, port: 3420, databaseUrl, env: { DATA_DIR: dir } });
//   apis.pids   // the workers' process ids (for /proc/<pid>/status), apis.primaryPid the primary's
//   await apis.stop();
// As a script: `DATABASE_URL=… node bench/cluster.mjs [count] [port]` (SECRET_KEY, DATA_DIR optional)
// runs until SIGINT/SIGTERM.
// Every worker gets the same environment: NODE_ENV=production, SECRET_KEY, DATABASE_URL, SMTP_URL, DATA_DIR, PORT.
// Migrations run in each worker at start-up and take an advisory lock, so the first one migrates and the
// others find nothing to do.
import { spawn } from 'node:child_process';
import cluster from 'node:cluster';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiMain, benchEnv, benchMailUrl, root, waitHealthy } from './support.mjs';

/**
 * Starts `count` API workers behind one port. Resolves when every worker has started listening and
 * the port answers /api/health. `env` is added to (and overrides) the defaults below.
 */
export async function startApis({ count = 2, port = 3420, databaseUrl, env = {}, main = apiMain, timeoutMs = 120_000 } = {}) {
  if (!databaseUrl) throw new Error('startApis: databaseUrl is required');
  const ownDataDir = env.DATA_DIR ? undefined : mkdtempSync(path.join(os.tmpdir(), 'dh-cluster-'));
  const child = spawn(process.execPath, [import.meta.filename], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: {
      ...process.env,
      ...benchEnv,
      DATA_DIR: env.DATA_DIR ?? ownDataDir,
      SMTP_URL: env.SMTP_URL ?? (await benchMailUrl()),
      ...env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      BENCH_CLUSTER_COUNT: String(count),
      BENCH_CLUSTER_MAIN: main,
    },
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    child.on('message', (m) => m?.type === 'ready' && resolve(m.pids));
    exited.then(({ code, signal }) => reject(new Error(`cluster primary exited (${code ?? signal}) before all workers listened`)));
  });
  let pids;
  try {
    pids = await Promise.race([ready, new Promise((_, reject) => setTimeout(() => reject(new Error('cluster start timed out')), timeoutMs))]);
    await waitHealthy(port, timeoutMs);
  } catch (error) {
    child.kill('SIGTERM');
    await exited;
    throw error;
  }
  return {
    pids,
    primaryPid: child.pid,
    port,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}

/** The primary: forks the workers, reports their pids once all listen, passes SIGTERM on and waits. */
function runPrimary() {
  const count = Number(process.env.BENCH_CLUSTER_COUNT ?? process.argv[2] ?? 2);
  if (process.argv[3]) process.env.PORT = process.argv[3];
  process.env.PORT ??= '3420';
  process.env.NODE_ENV ??= 'production';
  process.env.SECRET_KEY ??= 'bench-'.padEnd(48, 'x');
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL (the workers must share one database)');
  process.env.DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'dh-cluster-'));
  cluster.schedulingPolicy = cluster.SCHED_RR; // the default on Linux; explicit so it is not left to NODE_CLUSTER_SCHED_POLICY
  cluster.setupPrimary({ exec: process.env.BENCH_CLUSTER_MAIN ?? apiMain, cwd: root, silent: false });
  let stopping = false;
  const listening = new Set();
  for (let i = 0; i < count; i += 1) cluster.fork();
  cluster.on('listening', (worker, address) => {
    if (String(address.port) !== String(process.env.PORT)) return; // the mail catcher's SMTP port, not the API's
    listening.add(worker.process.pid);
    if (listening.size === count) {
      const pids = [...listening];
      if (process.send) process.send({ type: 'ready', pids });
      else console.log(`${count} API workers on port ${process.env.PORT}: pids ${pids.join(', ')}`);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) {
      console.error(`API worker ${worker.process.pid} exited (${code ?? signal}); stopping the cluster`);
      stop();
    } else if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const w of workers) w.process.kill('SIGTERM'); // each API stops gracefully on SIGTERM
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w.process.kill('SIGKILL');
      process.exit(1);
    }, 15_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop); // the bench script that started us is gone
}

if (cluster.isPrimary && import.meta.filename === path.resolve(process.argv[1] ?? '')) runPrimary();
