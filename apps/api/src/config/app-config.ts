import { isIP } from 'node:net';
import path from 'node:path';
import { DEFAULT_RETENTION_DAYS } from '@digihjalpen/domain';
import { z } from 'zod';

/** Thrown when the environment is wrong; start-up prints its message as one line and exits. */
export class ConfigError extends Error {}

const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: 'must be a URL like postgres://user:password@host:5432/database' })
  .optional();

const smtpUrl = z
  .url({ protocol: /^smtps?$/, error: 'must be a URL like smtp://user:password@host:587 or smtps://host:465' })
  .optional();

/** Express's `trust proxy`: load balancers on loopback and private networks unless TRUST_PROXY says otherwise. */
const DEFAULT_TRUST_PROXY = 'loopback, linklocal, uniquelocal';
const PROXY_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY is a number of proxy hops (`1`: the address the nearest proxy saw) or a comma-separated list of
 * addresses, subnets and Express's presets. `true` (trust every hop) is refused: then anyone could set
 * X-Forwarded-For and escape the per-address limits.
 */
function parseTrustProxy(value: string): number | string {
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((e) => e.trim()).filter((e) => e !== '');
  const valid = (entry: string): boolean => {
    if (PROXY_PRESETS.has(entry)) return true;
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || rest.length > 0) return false;
    return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  };
  const wrong = entries.filter((e) => !valid(e));
  if (entries.length === 0 || wrong.length > 0) {
    throw new ConfigError(
      `Invalid configuration: TRUST_PROXY must be a number of proxy hops (like 1) or addresses and subnets separated by commas (like 10.0.0.0/8, loopback); not understood: ${wrong.join(', ') || value}`,
    );
  }
  return entries.join(', ');
}

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
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters (for example: openssl rand -base64 48)').optional(),
  BOOKING_RATE_LIMIT: z.coerce.number({ error: 'must be a whole number' }).int().min(1, 'must be at least 1').default(30),
  MANAGE_RATE_LIMIT: z.coerce.number({ error: 'must be a whole number' }).int().min(1, 'must be at least 1').default(300),
  MAX_FUTURE_BOOKINGS: z.coerce.number({ error: 'must be a whole number' }).int().min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(3),
  IDLE_SIGN_OUT_MINUTES: z.coerce.number({ error: 'must be a whole number of minutes' }).int().min(1, 'must be at least 1').max(720, 'must be at most 720').default(15),
  JOB_POLL_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).min(0.5, 'must be at least 0.5').default(2),
  TRUST_PROXY: z.string().trim().min(1).default(DEFAULT_TRUST_PROXY),
  RETENTION_DAYS: z.coerce.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(1, 'must be at least 1').default(DEFAULT_RETENTION_DAYS),
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
  /** Key for links that are derived rather than stored (booking manage links); see secret-key.ts. */
  secretKey: string | undefined;
  limits: {
    /** Bookings per IP address and hour. */
    bookingsPerHour: number;
    /** Manage-link look-ups and changes per IP address and hour. */
    manageRequestsPerHour: number;
    /** Future bookings one e-mail address or phone number may hold. */
    futureBookingsPerContact: number;
  };
  jobPollSeconds: number;
  /** Staff sign-ins end after this many minutes without a request (shared laptops). */
  idleMinutes: number;
  /** Help-seekers' names and contact details are erased this many days after their session. */
  retentionDays: number;
  /** Express's `trust proxy`: which hops in front may say who the client is (rate limits, audit log). */
  trustProxy: number | string;
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
  if (production && !e.SECRET_KEY) {
    throw new ConfigError('Invalid configuration: SECRET_KEY must be set when NODE_ENV is production (at least 32 characters, the same on every instance)');
  }
  if (production && (!e.DATABASE_URL || !e.SMTP_URL)) {
    const missing = [e.DATABASE_URL ? [] : ['DATABASE_URL'], e.SMTP_URL ? [] : ['SMTP_URL']].flat().join(' and ');
    throw new ConfigError(
      `Invalid configuration: ${missing} must be set when NODE_ENV is production (without them each instance would keep its own embedded database and catch its own e-mail instead of sending it)`,
    );
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
    secretKey: e.SECRET_KEY,
    limits: { bookingsPerHour: e.BOOKING_RATE_LIMIT, manageRequestsPerHour: e.MANAGE_RATE_LIMIT, futureBookingsPerContact: e.MAX_FUTURE_BOOKINGS },
    jobPollSeconds: e.JOB_POLL_SECONDS,
    idleMinutes: e.IDLE_SIGN_OUT_MINUTES,
    retentionDays: e.RETENTION_DAYS,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
