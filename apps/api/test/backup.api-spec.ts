import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { findPostgresClientTools, type PostgresClientTools } from '../src/database/postgres-client-tools';
import { connect, runMigrations } from '../src/database/prepare-database';
import { aBookableSite, book } from './bookings';
import { createDatabase } from './databases';
import { aUser, createTestApp, signIn, testDatabaseUrl } from './test-app';

const run = promisify(execFile);

async function query<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('backups: pg_dump of a database, pg_restore into a fresh one', () => {
  let tools: PostgresClientTools;
  let dir: string;
  const dropLater: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dh-backup-'));
    const [server] = await query<{ v: string }>(testDatabaseUrl(), "SELECT current_setting('server_version_num') AS v");
    tools = findPostgresClientTools(Math.floor(Number(server?.v) / 10_000));
  });
  afterAll(async () => {
    for (const drop of dropLater) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores the bookings: the restored database answers the manage links of bookings made before the dump', async () => {
    // A database of its own, migrated like production, so the dump sees no other spec's writes.
    const source = await createDatabase(testDatabaseUrl(), 'digihjalpen_backup');
    dropLater.push(source.drop);
    const migrate = await connect(source.url);
    await runMigrations(migrate);
    await migrate.destroy();

    const before = await createTestApp({ BOOKING_RATE_LIMIT: '1000', BOOKING_DAILY_LIMIT: '1000' }, { databaseUrl: source.url });
    const bookings: { reference: string; manageToken: string }[] = [];
    try {
      const site = await aBookableSite(await signIn(before, await aUser(before.db, 'coordinator')));
      for (const [i, slotId] of site.slotIds.slice(0, 3).entries()) {
        bookings.push((await book(before, { slotId, name: `Backup ${i}`, email: `backup-${i}-${Date.now()}@example.org` }).expect(201)).body);
      }
    } finally {
      await before.close();
    }

    const file = path.join(dir, 'digihjalpen.dump');
    await run(tools.pgDump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${source.url}`]);
    expect(statSync(file).size).toBeGreaterThan(0);

    const restored = await createDatabase(testDatabaseUrl(), 'digihjalpen_restored');
    dropLater.push(restored.drop);
    expect(await query(restored.url, `SELECT 1 FROM pg_tables WHERE tablename = 'booking'`)).toEqual([]);
    await run(tools.pgRestore, ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${restored.url}`, file]);

    const rows = await query<{ reference: string; booked: number }>(
      restored.url,
      'SELECT b.reference, sl.booked FROM booking b JOIN slot sl ON sl.id = b.slot_id WHERE b.reference = ANY($1) ORDER BY b.reference',
      [bookings.map((b) => b.reference)],
    );
    expect(rows.map((r) => r.reference)).toEqual(bookings.map((b) => b.reference).sort());
    expect(rows.every((r) => r.booked === 1)).toBe(true); // the seat counters came along with the bookings
    const [migrations] = await query<{ n: number }>(restored.url, 'SELECT count(*)::int AS n FROM migrations');
    const [expected] = await query<{ n: number }>(source.url, 'SELECT count(*)::int AS n FROM migrations');
    expect(migrations?.n).toBe(expected?.n);

    // The API on the restored database (no migration left to run) finds each booking by its manage link.
    const after = await createTestApp({}, { databaseUrl: restored.url });
    try {
      for (const b of bookings) {
        const res = await after.http().get(`/api/public/bookings/${b.manageToken}`).expect(200);
        expect(res.body.reference).toBe(b.reference);
      }
    } finally {
      await after.close();
    }
  }, 120_000);
});
