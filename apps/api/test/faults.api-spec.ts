import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort, reachablePostgresBinaries } from '../src/database/embedded-postgres';
import { connect, runMigrations } from '../src/database/prepare-database';
import { aBookableSite, book, mailsTo } from './bookings';
import { aUser, createTestApp, signIn, type TestApp } from './test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A Postgres of this spec's own (the shared test database must stay up for the other specs), with its
 * data kept on disk and a fixed port, so that it can be stopped and started again at the same URL.
 * It runs in a child process: `embedded-postgres` is an ES module that jest's CommonJS runtime cannot
 * import (global-setup, which runs outside jest's sandbox, can).
 */
const POSTGRES_CHILD = `
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import path from 'node:path';
// As root in a checkout the postgres user cannot enter: the reachable copy of the binaries, as the API uses.
const binaries = ${JSON.stringify(reachablePostgresBinaries() ?? null)};
if (binaries) registerHooks({ resolve: (specifier, context, next) => (specifier === binaries.specifier ? { url: binaries.url, shortCircuit: true } : next(specifier, context)) });
const { default: EmbeddedPostgres } = await import(${JSON.stringify(require.resolve('embedded-postgres'))});
const [databaseDir, port] = process.argv.slice(1);
const pg = new EmbeddedPostgres({ databaseDir, port: Number(port), user: 'postgres', password: 'faults', persistent: true, createPostgresUser: true,
  onLog: () => undefined, onError: () => undefined, postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='] });
if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
await pg.start();
const admin = pg.getPgClient('postgres', '127.0.0.1');
await admin.connect();
if ((await admin.query("SELECT 1 FROM pg_database WHERE datname = 'digihjalpen'")).rowCount === 0) await admin.query('CREATE DATABASE digihjalpen');
await admin.end();
process.stdout.write('ready\\n');
// A line on stdin stops it; so does the end of stdin (the jest worker is gone).
const stop = async () => { await pg.stop(); process.exit(0); };
process.stdin.on('data', stop);
process.stdin.on('end', stop);
`;

class StoppablePostgres {
  private child?: ChildProcess;
  private constructor(
    private readonly dir: string,
    private readonly port: number,
  ) {}

  static async start(): Promise<StoppablePostgres> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-faults-'));
    chmodSync(dir, 0o755); // reachable for the postgres user when the tests run as root
    const pg = new StoppablePostgres(dir, await freePort());
    await pg.up();
    return pg;
  }

  get url(): string {
    return `postgres://postgres:faults@127.0.0.1:${this.port}/digihjalpen`;
  }

  async up(): Promise<void> {
    const child = spawn(process.execPath, ['--input-type=module', '-e', POSTGRES_CHILD, path.join(this.dir, 'pg'), String(this.port)], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`Postgres child exited (${code}) before it was ready`)));
    });
  }

  /** A fast shutdown (SIGINT to the postmaster): open connections are cut with 57P01, as in an outage. */
  async down(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.child = undefined;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.stdin?.write('stop\n');
    });
  }

  async remove(): Promise<void> {
    await this.down();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function until(done: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(what);
    await sleep(100);
  }
}

async function waitForHealth(t: TestApp, status: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.http().get('/api/health');
    if (res.status === status) return;
    if (Date.now() > deadline) throw new Error(`health stayed ${res.status}, expected ${status}`);
    await sleep(200);
  }
}

describe('database faults: Postgres stops and starts again under a running API', () => {
  let pg: StoppablePostgres;
  let t: TestApp;
  let slotIds: string[];
  let dbUrl: string;

  const referencesInDatabase = async (references: string[]): Promise<Set<string>> => {
    const client = new Client({ connectionString: dbUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ reference: string }>('SELECT reference FROM booking WHERE reference = ANY($1)', [references]);
      return new Set(rows.map((r) => r.reference));
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    pg = await StoppablePostgres.start();
    dbUrl = pg.url;
    const dataSource = await connect(dbUrl);
    await runMigrations(dataSource);
    await dataSource.destroy();
    t = await createTestApp({ BOOKING_RATE_LIMIT: '1000000', BOOKING_DAILY_LIMIT: '1000000' }, { databaseUrl: dbUrl });
    const coordinator = await signIn(t, await aUser(t.db, 'coordinator'));
    slotIds = (await aBookableSite(coordinator, { seats: 50 })).slotIds;
    // Room for every booking of the load below (the API caps seats at 50; the bench does the same).
    await t.db.query('UPDATE slot SET seats = 30000 WHERE id = ANY($1)', [slotIds]);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await pg?.remove();
  });

  it('answers 503 DATABASE_UNAVAILABLE and a health of status error while Postgres is down, and recovers without a restart', async () => {
    const slotId = slotIds[0] as string;
    await t.http().get('/api/health').expect(200, { status: 'ok', info: { database: { status: 'up' } }, error: {}, details: { database: { status: 'up' } } });
    await book(t, { slotId }).expect(201);

    await pg.down();

    const health = await t.http().get('/api/health').expect(503);
    // Exactly this: the driver's text (host, port, role, database) stays in the server's log.
    expect(health.body).toEqual({ status: 'error', database: 'down' });
    expect(health.text).toBe('{"status":"error","database":"down"}');
    const refused = await book(t, { slotId }).expect(503);
    expect(refused.body).toEqual({ code: 'DATABASE_UNAVAILABLE', message: 'The service cannot reach its database right now. Please try again in a few minutes.' });
    await t.http().get('/api/public/sites').expect(503, refused.body);

    await pg.up();
    await waitForHealth(t, 200);
    const email = `after-restart-${Date.now()}@example.org`;
    const after = await book(t, { slotId, email }).expect(201);
    expect(await referencesInDatabase([after.body.reference])).toEqual(new Set([after.body.reference]));
    // The job queue lived through the outage too: the confirmation is sent without a restart.
    expect(await mailsTo(t, email)).toHaveLength(1);
  }, 120_000);

  it('never answers another 5xx while Postgres stops mid-load, and every 201 booking is in the database afterwards', async () => {
    const statuses: number[] = [];
    const confirmed: string[] = [];
    const bodies = new Map<number, unknown>();
    let stop = false;
    let i = 0;
    const client = async () => {
      while (!stop) {
        i += 1;
        const res = await book(t, { slotId: slotIds[i % slotIds.length] as string, name: `Last ${i}` });
        statuses.push(res.status);
        if (!bodies.has(res.status)) bodies.set(res.status, res.body);
        if (res.status === 201) confirmed.push(res.body.reference);
      }
    };
    const clients = Array.from({ length: 6 }, () => client());

    // Each phase waits for what it is about (a state), however slow the machine is.
    await until(() => confirmed.length > 0, 'no booking before the stop');
    const beforeStop = confirmed.length;
    await pg.down();
    await until(() => statuses.includes(503), 'no 503 while the database was down');
    const whileDown = statuses.length;
    await pg.up();
    await waitForHealth(t, 200);
    await until(() => confirmed.length > beforeStop && statuses.length > whileDown, 'no booking after the restart');
    stop = true;
    await Promise.all(clients);

    const count = (pred: (s: number) => boolean) => statuses.filter(pred).length;
    expect({ otherServerErrors: count((s) => s >= 500 && s !== 503), examples: [...bodies.entries()].filter(([s]) => s >= 500 && s !== 503) }).toEqual({ otherServerErrors: 0, examples: [] });
    expect(count((s) => s !== 201 && s !== 503 && (s < 400 || s >= 500))).toBe(0);
    expect(beforeStop).toBeGreaterThan(0);
    expect(count((s) => s === 503)).toBeGreaterThan(0);
    expect(confirmed.length).toBeGreaterThan(beforeStop); // bookings succeed again after the restart
    expect(statuses.length).toBeGreaterThan(whileDown);

    const found = await referencesInDatabase(confirmed);
    expect(confirmed.filter((r) => !found.has(r))).toEqual([]);
  }, 150_000);
});
