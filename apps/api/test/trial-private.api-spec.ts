import { NotFoundException, type ExecutionContext } from '@nestjs/common';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import type { DataSource } from 'typeorm';
import { connect, runMigrations } from '../src/database/prepare-database';
import { demoUsers } from '../src/database/seed/demo-city';
import { applyDemoPasswords } from '../src/database/seed/demo-passwords';
import { seedDemoData } from '../src/database/seed/demo-seed';
import { verifyPassword } from '../src/modules/auth/passwords';
import { ThisComputerOnly } from '../src/modules/notifications/dev-mail.controller';
import { createDatabase } from './databases';
import { createTestApp, TEST_NOW, testDatabaseUrl, type TestApp } from './test-app';

/** A trial stays private (issue 17): /dev/mail on this computer only; the published demo passwords only while nobody else can connect. */

const contextOf = (req: { headers: Record<string, string>; socket: { remoteAddress?: string } }) =>
  ({ switchToHttp: () => ({ getRequest: () => req }) }) as unknown as ExecutionContext;

describe('/dev/mail answers this computer only', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists and shows messages to a loopback peer without a proxy header', async () => {
    await t.http().get('/dev/mail').expect(200).expect('Content-Type', /html/);
  });

  it('answers 404 to a request that came through a proxy, even from loopback', async () => {
    for (const [header, value] of [
      ['X-Forwarded-For', '203.0.113.9'],
      ['X-Forwarded-For', '127.0.0.1'],
      ['Forwarded', 'for=203.0.113.9'],
      ['X-Real-IP', '203.0.113.9'],
    ] as const) {
      const list = await t.http().get('/dev/mail').set(header, value);
      expect([header, value, list.status]).toEqual([header, value, 404]);
      expect(list.text).not.toContain('Inga e-postmeddelanden');
      const one = await t.http().get('/dev/mail/20260101-abc.eml').set(header, value);
      expect([header, one.status]).toEqual([header, 404]);
    }
  });

  it('refuses every peer that is not this machine (IPv4, IPv6, IPv4 in IPv6), and lets loopback in', () => {
    const guard = new ThisComputerOnly();
    for (const peer of ['192.0.2.10', '10.0.0.5', '2001:db8::1', '::ffff:192.0.2.10', 'fd00::2', undefined]) {
      expect(() => guard.canActivate(contextOf({ headers: {}, socket: { remoteAddress: peer } }))).toThrow(NotFoundException);
    }
    for (const peer of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1']) {
      expect(guard.canActivate(contextOf({ headers: {}, socket: { remoteAddress: peer } }))).toBe(true);
    }
  });

  it('answers 404 over the network to this machine’s own network address', async () => {
    const address = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4')?.address;
    // The guard's unit test above covers a machine without one; here it goes over a real socket.
    if (!address) return expect(address).toBeUndefined();
    const server = http.createServer(t.app.getHttpAdapter().getInstance());
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const get = (host: string, hostHeader?: string) =>
        new Promise<number>((resolve, reject) =>
          http.get({ host, port, path: '/dev/mail', headers: hostHeader ? { host: hostHeader } : {} }, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', reject),
        );
      // Addressed to this computer by name but from another machine's socket: the guard says 404.
      expect(await get(address, `localhost:${port}`)).toBe(404);
      expect(await get('127.0.0.1')).toBe(200);
      // Addressed by any other name (a rebound DNS name, the network address): the trial answers 421 to everything.
      expect(await get(address)).toBe(421);
      expect(await get('127.0.0.1', `rebound.example.org:${port}`)).toBe(421);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('demo passwords: the documented ones on loopback, random ones when the network can reach the server', () => {
  let db: DataSource;
  let drop: () => Promise<void>;
  const hashOf = async (email: string) => ((await db.query(`SELECT password_hash FROM app_user WHERE email = $1`, [email])) as { password_hash: string }[])[0]?.password_hash ?? '';
  const coordinator = demoUsers.find((u) => u.role === 'coordinator') as (typeof demoUsers)[number];

  beforeAll(async () => {
    // A database of its own: other specs sign in as the demo accounts with the documented passwords.
    const created = await createDatabase(testDatabaseUrl(), 'digihjalpen_demo');
    drop = created.drop;
    db = await connect(created.url);
    await runMigrations(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await drop?.();
  });

  it('has nothing to do without demo accounts', async () => {
    expect(await applyDemoPasswords(db, true, TEST_NOW)).toEqual({ kind: 'none', restored: false, logins: [] });
  });

  it('gives each demo account a new random password at every start open to the network, and the documented ones back at the next loopback start', async () => {
    await seedDemoData(db, TEST_NOW);
    const loopback = await applyDemoPasswords(db, false, TEST_NOW);
    expect(loopback).toMatchObject({ kind: 'documented', restored: false });
    expect(loopback.logins.map((l) => [l.email, l.password])).toEqual(demoUsers.map((u) => [u.email, u.password]));
    const documentedHash = await hashOf(coordinator.email);

    // Somebody signed in during the loopback trial: that session ends when the network is let in.
    const [user] = (await db.query(`SELECT id FROM app_user WHERE email = $1`, [coordinator.email])) as { id: string }[];
    await db.query(`INSERT INTO auth_session (token_hash, user_id, csrf_token, expires_at, queue_key) VALUES ($1, $2, 'x', $3, 'k')`, ['a'.repeat(64), user?.id, new Date(TEST_NOW.getTime() + 3_600_000)]);

    const open = await applyDemoPasswords(db, true, TEST_NOW);
    expect(open.kind).toBe('random');
    expect(open.logins.map((l) => l.email)).toEqual(demoUsers.map((u) => u.email));
    for (const login of open.logins) {
      expect(login.password.length).toBeGreaterThanOrEqual(16);
      expect(demoUsers.map((u) => u.password)).not.toContain(login.password);
    }
    expect(new Set(open.logins.map((l) => l.password)).size).toBe(open.logins.length);
    const randomHash = await hashOf(coordinator.email);
    expect(await verifyPassword(randomHash, open.logins.find((l) => l.email === coordinator.email)?.password ?? '')).toBe(true);
    expect(await verifyPassword(randomHash, coordinator.password)).toBe(false);
    expect(await db.query(`SELECT 1 FROM auth_session WHERE user_id = $1`, [user?.id])).toEqual([]);

    // Every open start: new ones again.
    const again = await applyDemoPasswords(db, true, TEST_NOW);
    expect(again.logins.find((l) => l.email === coordinator.email)?.password).not.toBe(open.logins.find((l) => l.email === coordinator.email)?.password);

    // Back on loopback: the documented passwords hold again, and the banner is told so.
    const back = await applyDemoPasswords(db, false, TEST_NOW);
    expect(back).toMatchObject({ kind: 'documented', restored: true });
    expect(await verifyPassword(await hashOf(coordinator.email), coordinator.password)).toBe(true);
    expect(await hashOf(coordinator.email)).not.toBe(documentedHash); // hashed anew

    // Later loopback starts change nothing: a password someone chose for a demo account in the trial stays.
    await db.query(`UPDATE app_user SET password_hash = 'chosen-by-the-person' WHERE email = $1`, [coordinator.email]);
    expect(await applyDemoPasswords(db, false, TEST_NOW)).toMatchObject({ kind: 'documented', restored: false });
    expect(await hashOf(coordinator.email)).toBe('chosen-by-the-person');

    const audit = (await db.query(`SELECT action, actor_id FROM audit_log WHERE action LIKE 'demo.%' ORDER BY id`)) as { action: string; actor_id: string | null }[];
    expect(audit).toEqual([
      { action: 'demo.passwords-random', actor_id: null },
      { action: 'demo.passwords-random', actor_id: null },
      { action: 'demo.passwords-documented', actor_id: null },
    ]);
  }, 60_000);
});
