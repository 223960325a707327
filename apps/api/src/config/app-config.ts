import path from 'node:path';
import { z } from 'zod';

/** Thrown when the environment is wrong; start-up prints its message as one line and exits. */
export class ConfigError extends Error {}

const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: 'must be a URL like postgres://user:password@host:5432/database' })
  .optional();

const smtpUrl = z
  .url({ protocol: /^smtps?$/, error: 'must be a URL like smtp://user:password@host:587 or smtps://host:465' })
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535, 'must be a port number (0–65535)').default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be a URL like https://digihjalpen.example.org' }).optional(),
  DATABASE_URL: postgresUrl,
  DATA_DIR: z.string().min(1).default('.data'),
  SMTP_URL: smtpUrl,
  MAIL_FROM: z.string().min(3).default('Digihjälpen <noreply@digihjalpen.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  SEED_DEMO_DATA: booleanFlag.optional(),
  WEB_DIST: z.string().min(1).optional(),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  seedDemoData: boolean;
  /** Folder of the built Angular app; served by the API when it exists. */
  webDist: string;
}

/** Reads and checks the environment once. Every problem names its variable. */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): AppConfig {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (e.SEED_DEMO_DATA && production) {
    throw new ConfigError('Invalid configuration: SEED_DEMO_DATA cannot be true when NODE_ENV is production (demo logins must never exist there)');
  }
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    dataDir,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    seedDemoData: e.SEED_DEMO_DATA ?? !production,
    webDist: path.resolve(cwd, e.WEB_DIST ?? 'dist/apps/web/browser'),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
