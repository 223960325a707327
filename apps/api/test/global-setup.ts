import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { connect, runMigrations } from '../src/database/prepare-database';

declare global {
  var __TEST_DATABASE_CLEANUP__: (() => Promise<void>) | undefined;
}

/** Creates a throwaway database on the server DATABASE_URL points to, and returns its URL and a drop function. */
async function freshDatabaseOn(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `digihjalpen_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A fresh database for every test run, with every migration applied: a new database on the
 * DATABASE_URL server when it is set, otherwise a throwaway embedded PostgreSQL cluster.
 */
export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env['DATABASE_URL'];
  const db = serverUrl
    ? await freshDatabaseOn(serverUrl)
    : await startEmbeddedPostgres({ dataDir: path.join(mkdtempSync(path.join(os.tmpdir(), 'dh-test-')), 'pg'), persistent: false }).then((pg) => ({ url: pg.url, drop: pg.stop }));
  process.env['TEST_DATABASE_URL'] = db.url;
  globalThis.__TEST_DATABASE_CLEANUP__ = db.drop;
  const dataSource = await connect(db.url);
  await runMigrations(dataSource);
  await dataSource.destroy();
}
