import type { DataSource } from 'typeorm';
import { StartupError } from '../common/startup-error';
import { createDataSource } from './data-source';

// Any constant works; it only has to be the same for every instance that migrates this database.
const MIGRATION_LOCK_KEY = 4_711_2026;

export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the configured database';
  }
}

/** Opens a connection and turns driver errors into one readable line. */
export async function connect(url: string): Promise<DataSource> {
  const dataSource = createDataSource(url);
  try {
    await dataSource.initialize();
    return dataSource;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const reason = e.code === 'ECONNREFUSED' ? 'connection refused' : e.code === 'ENOTFOUND' ? 'unknown host' : e.message;
    throw new StartupError(`Cannot connect to the database at ${describeDatabase(url)}: ${reason}. Check DATABASE_URL, or unset it to use the embedded database.`);
  }
}

/**
 * Runs pending migrations under a Postgres advisory lock, so several API instances that start
 * at the same time against one database migrate it exactly once.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
}
