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

  it('gives each partner user from before partner organisations an organisation of their own', async () => {
    const ds = await connect(await emptyDatabase());
    await runMigrations(ds);
    // Back to before PartnersAndInsights.
    while ((await ds.query(`SELECT 1 FROM migrations WHERE name LIKE 'PartnersAndInsights%'`)).length) await ds.undoLastMigration();
    await ds.query(`INSERT INTO app_user (email, name, role) VALUES ('a@example.org', 'Anna', 'partner'), ('b@example.org', 'Bo', 'partner'), ('c@example.org', 'Cai', 'helper')`);
    await runMigrations(ds);
    const users: { email: string; partner: string | null }[] = await ds.query(
      `SELECT u.email, p.name AS partner FROM app_user u LEFT JOIN partner p ON p.id = u.partner_id ORDER BY u.email`,
    );
    expect(users).toEqual([
      { email: 'a@example.org', partner: expect.stringMatching(/^Partner – Anna · [0-9a-f]{8}$/) },
      { email: 'b@example.org', partner: expect.stringMatching(/^Partner – Bo · [0-9a-f]{8}$/) },
      { email: 'c@example.org', partner: null },
    ]);
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
