import { migrations } from '../src/database/migrations';
import { connect, runMigrations } from '../src/database/prepare-database';
import { createDatabase } from './databases';
import { testDatabaseUrl } from './test-app';

const drops: (() => Promise<void>)[] = [];

/** A new empty database on the test server, so migrations can be run from nothing. */
async function emptyDatabase(): Promise<string> {
  const db = await createDatabase(testDatabaseUrl(), 'migrate');
  drops.push(db.drop);
  return db.url;
}

afterAll(async () => {
  for (const drop of drops) await drop();
});

describe(runMigrations.name, () => {
  it('migrates once when two instances start at the same time', async () => {
    const url = await emptyDatabase();
    const [a, b] = await Promise.all([connect(url), connect(url)]);
    const applied = await Promise.all([runMigrations(a), runMigrations(b)]);
    expect(applied.flat()).toHaveLength(migrations.length);
    const rows = await a.query('SELECT count(*)::int AS n FROM migrations');
    expect(rows[0].n).toBe(migrations.length);
    await Promise.all([a.destroy(), b.destroy()]);
  });

  it('can undo every migration and apply them again', async () => {
    const ds = await connect(await emptyDatabase());
    await runMigrations(ds);
    for (let i = 0; i < migrations.length; i++) await ds.undoLastMigration();
    const tables = await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`);
    expect(tables).toEqual([]);
    expect(await runMigrations(ds)).toHaveLength(migrations.length);
    await ds.destroy();
  });

  it('leaves nothing for the entities to add when every migration is applied', async () => {
    const ds = await connect(await emptyDatabase());
    await runMigrations(ds);
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    await ds.destroy();
  });
});
