import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/app.setup';
import { loadConfig } from '../src/config/app-config';
import { startMailCatcher, type MailCatcher } from '../src/modules/notifications/mail-catcher';

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  db: DataSource;
  mail: MailCatcher;
  close(): Promise<void>;
}

export function testDatabaseUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run API tests through jest with test/global-setup.ts');
  return url;
}

/** The real application (same module and wiring as main.ts) on the test database and a real SMTP catcher. */
export async function createTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dh-app-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: tmp, WEB_DIST: path.join(tmp, 'no-web'), ...env });
  const mail = await startMailCatcher(path.join(tmp, 'mail'));
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl: testDatabaseUrl(), smtpUrl: mail.url, mailCatcherDir: mail.dir })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app, config);
  await app.init();
  return {
    app,
    http: () => request(app.getHttpServer()),
    db: app.get(DataSource),
    mail,
    async close() {
      await app.close();
      await mail.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
