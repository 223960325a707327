import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { StartupError } from './common/startup-error';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { connect, describeDatabase, runMigrations } from './database/prepare-database';
import { applyDemoPasswords, type DemoPasswords } from './database/seed/demo-passwords';
import { seedDemoData } from './database/seed/demo-seed';
import { ensureDemoToday } from './database/seed/demo-today';
import { ScheduleService } from './modules/schedule/schedule.service';
import { startMailCatcher } from './modules/notifications/mail-catcher';

type Cleanup = () => Promise<void>;
const cleanups: Cleanup[] = [];

/** Returns the URL to use, a line describing the database and the demo accounts' passwords for the start-up banner. */
async function prepareDatabase(config: AppConfig): Promise<{ url: string; description: string; demo: DemoPasswords }> {
  let url = config.databaseUrl;
  let description = url ? describeDatabase(url) : '';
  if (!url) {
    // Signals are handled below: drain first, then stop the database (see shutdown).
    const pg = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres'), persistent: true, stopOnSignals: false });
    cleanups.unshift(() => pg.stop());
    url = pg.url;
    description = `embedded PostgreSQL, data in ${pg.dataDir}`;
  }
  const dataSource = await connect(url);
  try {
    await runMigrations(dataSource);
    if (config.seedDemoData) {
      await seedDemoData(dataSource);
      // At every start, not only the first: whoever tries the demo on a later day finds a session today.
      await ensureDemoToday(dataSource);
    }
    // Before listening, and whether or not demo data is seeded at this start: demo accounts from an earlier
    // trial must not keep the published passwords on a server the network can reach (in production: never).
    const demo = await applyDemoPasswords(dataSource, config.listensBeyondLoopback || config.env === 'production');
    return { url, description, demo };
  } finally {
    await dataSource.destroy();
  }
}

async function listen(app: NestExpressApplication, config: AppConfig): Promise<void> {
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartupError(`Port ${config.port} is already in use. Stop the other program or set PORT to a free port.`);
    }
    throw error;
  }
}

function banner(config: AppConfig, database: string, mailDir: string | undefined, demo: DemoPasswords): string {
  const production = config.env === 'production';
  const lines = [
    '',
    `  Digihjälpen is running at ${config.publicUrl}`,
    listening(config, demo),
    `  API docs:   ${config.publicUrl}/api/docs`,
    `  Database:   ${database}`,
    mailDir ? `  E-mail:     caught locally in ${mailDir}${production ? '' : ` – read it at ${config.publicUrl}/dev/mail (on this computer only)`}` : `  E-mail:     sent through SMTP_URL`,
    ...demoLogins(demo, production),
    '',
  ];
  return lines.filter((l) => l !== '').join('\n') + '\n';
}

/** Where the server listens: a trial stays on this computer unless HOST opens it. */
function listening(config: AppConfig, demo: DemoPasswords): string {
  if (!config.listensBeyondLoopback) return `  Only this computer can open it (HOST=${config.host}). Set HOST=0.0.0.0 to open it to the network.`;
  if (config.env === 'production' || demo.kind === 'none') return `  Open to the network on ${config.host}`;
  return `  Open to the network on ${config.host} – demo accounts have random passwords, printed below`;
}

function demoLogins(demo: DemoPasswords, production: boolean): string[] {
  if (demo.kind === 'none') return [];
  // Never print a password in production's log (demo accounts there are a mistake: remove them).
  if (production) return demo.kind === 'random' ? ['  Demo accounts exist in this database: they were given random passwords nobody knows. Remove them.'] : [];
  const heading =
    demo.kind === 'random'
      ? '  Demo logins, new random passwords for this start (sign in at /logga-in):'
      : demo.restored
        ? '  Demo logins (sign in at /logga-in) – the documented passwords again; the last start, open to the network, had random ones:'
        : '  Demo logins (sign in at /logga-in):';
  return [heading, ...demo.logins.map((u) => `    ${u.role.padEnd(12)} ${u.email} / ${u.password}`)];
}

/** Below the 10 s that supervisors (docker stop, Playwright's gracefulShutdown) wait before SIGKILL. */
const SHUTDOWN_GRACE_MS = 8_000;

let running: NestExpressApplication | undefined;
let stopping: Promise<never> | undefined;

/** Drains requests, then stops the mail catcher and the database, then exits; once, however often it is asked. */
function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    // Never hang: a stuck close must not keep the port. Exiting also stops the database (embedded-postgres'
    // exit hook sends it SIGINT).
    setTimeout(() => process.exit(code), SHUTDOWN_GRACE_MS).unref();
    await running?.close().catch(() => undefined);
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    process.exit(code);
  })();
  return stopping;
}

// From the very start (a signal during migrations must stop the database too), and for every signal: Ctrl-C
// reaches this process twice (from the terminal and from npm, which passes it on), and a second signal must not
// end it before the database is stopped. The embedded PostgreSQL runs in a process group of its own, so it does
// not get the terminal's Ctrl-C: it is stopped here, after the requests in flight.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(0));
}

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const database = await prepareDatabase(config);

  let smtpUrl = config.smtpUrl;
  let mailCatcherDir: string | undefined;
  if (!smtpUrl) {
    const catcher = await startMailCatcher(path.join(config.dataDir, 'mail'));
    cleanups.unshift(() => catcher.close());
    smtpUrl = catcher.url;
    mailCatcherDir = catcher.dir;
  }

  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, databaseUrl: database.url, smtpUrl, mailCatcherDir }),
    // No default parsers: configureApp adds JSON's only (no urlencoded parser for an HTML form to reach).
    { bufferLogs: true, abortOnError: false, bodyParser: false },
  );
  configureApp(app, config);
  running = app;
  await listen(app, config);
  await app.get(ScheduleService).extendHorizon();
  if (config.seedDemoData) keepDemoToday(app);
  process.stdout.write(banner(config, database.description, mailCatcherDir, database.demo));
}

/** A demo left running across midnight (or past the demo session's end) gets its next session within the hour. */
function keepDemoToday(app: NestExpressApplication): void {
  const dataSource = app.get(DataSource);
  const logger = new Logger('DemoToday');
  setInterval(() => {
    ensureDemoToday(dataSource).catch((error: unknown) => logger.warn(`Could not add today's demo session: ${String(error)}`));
  }, DEMO_TODAY_EVERY_MS).unref();
}
const DEMO_TODAY_EVERY_MS = 15 * 60_000;

bootstrap().catch(async (error: unknown) => {
  const known = error instanceof StartupError || error instanceof ConfigError;
  console.error(known ? `Digihjälpen could not start: ${error.message}` : error);
  await shutdown(1);
});
