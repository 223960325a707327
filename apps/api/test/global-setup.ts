import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { connect, runMigrations } from '../src/database/prepare-database';
import { createDatabase } from './databases';

declare global {
  var __TEST_DATABASE_CLEANUP__: (() => Promise<void>) | undefined;
}

/**
 * A fresh database for every test run, with every migration applied: a new database on the
 * DATABASE_URL server when it is set, otherwise a throwaway embedded PostgreSQL cluster.
 */
export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env['DATABASE_URL'];
  const db = serverUrl
    ? await createDatabase(serverUrl, 'digihjalpen_test')
    : await startEmbeddedPostgres({ dataDir: path.join(mkdtempSync(path.join(os.tmpdir(), 'dh-test-')), 'pg'), persistent: false }).then((pg) => ({ url: pg.url, drop: pg.stop }));
  process.env['TEST_DATABASE_URL'] = db.url;
  globalThis.__TEST_DATABASE_CLEANUP__ = db.drop;
  const dataSource = await connect(db.url);
  await runMigrations(dataSource);
  await dataSource.destroy();
}
