import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/app.setup';
import { pinClock } from '../src/common/clock';
import { loadConfig } from '../src/config/app-config';
import { startMailCatcher, type MailCatcher } from '../src/modules/notifications/mail-catcher';
import { hashPassword } from '../src/modules/auth/passwords';
import { UserEntity } from '../src/modules/auth/user.entity';
import type { Role } from '@digihjalpen/domain';

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  db: DataSource;
  mail: MailCatcher;
  /** Schema of this app's job queue (each test app has its own). */
  jobSchema: string;
  close(): Promise<void>;
}

export function testDatabaseUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run API tests through jest with test/global-setup.ts');
  return url;
}

/** "Now" in every API test: the fixed dates in the specs (up to spring 2027) stay inside the session horizon. */
export const TEST_NOW = new Date('2026-11-23T12:00:00Z');

/**
 * Shared parts for several apps that stand for several API instances (fault and outbox tests):
 * another database, the same job queue schema, the same SMTP server (which the caller then closes).
 */
export interface TestAppOptions {
  databaseUrl?: string;
  jobSchema?: string;
  mail?: MailCatcher;
}

/** The real application (same module and wiring as main.ts) on the test database and a real SMTP catcher. */
export async function createTestApp(env: NodeJS.ProcessEnv = {}, options: TestAppOptions = {}): Promise<TestApp> {
  pinClock(TEST_NOW);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dh-app-'));
  // Specs book many times without contact details at one site and day; booking-abuse.api-spec.ts sets the cap it tests.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent', DATA_DIR: tmp, WEB_DIST: path.join(tmp, 'no-web'), JOB_POLL_SECONDS: '0.5', CONTACTLESS_BOOKINGS_PER_SITE_DAY: '1000', ...env });
  const mail = options.mail ?? (await startMailCatcher(path.join(tmp, 'mail')));
  const jobSchema = options.jobSchema ?? `jobs_${randomBytes(4).toString('hex')}`;
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl: options.databaseUrl ?? testDatabaseUrl(), smtpUrl: mail.url, mailCatcherDir: mail.dir, jobSchema })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true, bodyParser: false }); // as main.ts: JSON's parser only
  configureApp(app, config);
  await app.init();
  return {
    app,
    http: () => request(app.getHttpServer()),
    db: app.get(DataSource),
    mail,
    jobSchema,
    async close() {
      await app.close();
      if (!options.mail) await mail.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

let userSequence = 0;

/**
 * A user with a password, straight into the database (factories, not literals, in every spec). A partner
 * gets a partner organisation of their own unless one is given; library staff need their site.
 */
export async function aUser(
  db: DataSource,
  role: Role,
  overrides: { email?: string; password?: string; name?: string; partnerId?: string; siteId?: string } = {},
): Promise<{ id: string; email: string; password: string; partnerId: string | null; siteId: string | null }> {
  userSequence += 1;
  const email = overrides.email ?? `${role}-${userSequence}-${Date.now()}@example.org`;
  const password = overrides.password ?? 'ett långt testlösenord';
  const partnerId = role === 'partner' ? (overrides.partnerId ?? (await aPartner(db)).id) : null;
  const siteId = role === 'library-staff' ? (overrides.siteId ?? null) : null;
  if (role === 'library-staff' && !siteId) throw new Error('aUser: library staff need a siteId');
  const saved = await db.getRepository(UserEntity).save({ email, name: overrides.name ?? `Test ${role} ${userSequence}`, role, partnerId, siteId, passwordHash: await hashPassword(password) });
  return { id: saved.id, email, password, partnerId, siteId };
}

/** A partner organisation with a unique name. */
export async function aPartner(db: DataSource, name = `Partner ${++userSequence} ${Date.now()}`): Promise<{ id: string; name: string }> {
  const [row] = (await db.query(`INSERT INTO partner (name) VALUES ($1) RETURNING id, name`, [name])) as { id: string; name: string }[];
  if (!row) throw new Error('aPartner: no row');
  return row;
}

/**
 * Every item of a paged list (`{ items, page, pageSize, total }`), page by page: other specs add rows to
 * the same database, so a spec finds its own rows wherever they fall. `request(page)` answers one page;
 * with `pageSize`, each page must say it is that page, of that size.
 */
export async function everyPage<T>(request: (page: number) => PromiseLike<{ body: { items: T[]; page: number; pageSize: number; total: number } }>, pageSize?: number): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page += 1) {
    const { body } = await request(page);
    if (pageSize !== undefined) expect(body).toMatchObject({ page, pageSize });
    all.push(...body.items);
    if (page * body.pageSize >= body.total) return all;
  }
}

export interface Session {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
  /** Request builders that send the session cookie and the X-XSRF-TOKEN header, as Angular does. */
  get(url: string): request.Test;
  post(url: string, body?: object): request.Test;
  put(url: string, body?: object): request.Test;
  delete(url: string): request.Test;
}

/** Signs in through the real login endpoint. */
export async function signIn(t: TestApp, user: { email: string; password: string }): Promise<Session> {
  const agent = request.agent(t.app.getHttpServer());
  const res = await agent.post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const csrf = /XSRF-TOKEN=([^;]+)/.exec(cookies.join('\n'))?.[1] ?? '';
  return {
    agent,
    csrf,
    get: (url) => agent.get(url),
    post: (url, body) => agent.post(url).set('X-XSRF-TOKEN', csrf).send(body),
    put: (url, body) => agent.put(url).set('X-XSRF-TOKEN', csrf).send(body),
    delete: (url) => agent.delete(url).set('X-XSRF-TOKEN', csrf),
  };
}
