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

const wholeNumber = z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535, 'must be a port number (0–65535)').default(3000),
  HOST: z.string().min(1).optional(),
  ALLOW_INSECURE_PUBLIC_URL: booleanFlag.optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be a URL like https://digihjalpen.example.org' }).optional(),
  DATABASE_URL: postgresUrl,
  DATA_DIR: z.string().min(1).default('.data'),
  SMTP_URL: smtpUrl,
  MAIL_FROM: z.string().min(3).default('Digihjälpen <noreply@digihjalpen.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  SEED_DEMO_DATA: booleanFlag.optional(),
  WEB_DIST: z.string().min(1).optional(),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters (for example: openssl rand -base64 48)').optional(),
  BOOKING_RATE_LIMIT: wholeNumber.default(10),
  BOOKING_DAILY_LIMIT: wholeNumber.default(30),
  CONTACTLESS_BOOKINGS_PER_SITE_DAY: wholeNumber.default(4),
  PARTNER_BOOKINGS_PER_WEEK: wholeNumber.default(40),
  STAFF_BOOKINGS_PER_HOUR: wholeNumber.default(30),
  SUSPICIOUS_RUN_BOOKINGS: wholeNumber.default(5),
  SUSPICIOUS_RUN_MINUTES: wholeNumber.default(10),
  STATS_RATE_LIMIT: wholeNumber.default(120),
  IPV4_PREFIX: z.coerce.number({ error: 'must be a prefix length' }).int().min(8, 'must be between 8 and 32').max(32, 'must be between 8 and 32').default(32),
  IPV6_PREFIX: z.coerce.number({ error: 'must be a prefix length' }).int().min(32, 'must be between 32 and 128').max(128, 'must be between 32 and 128').default(64),
  MANAGE_LINK_HOURS: z.coerce.number({ error: 'must be a whole number of hours' }).int('must be a whole number of hours').min(1, 'must be at least 1').max(24 * 90, 'must be at most 2160').default(24),
  MANAGE_RATE_LIMIT: wholeNumber.default(300),
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
    /** Public bookings per network (see `network`) and hour, counted in PostgreSQL for every instance. */
    bookingsPerHour: number;
    /** Public bookings per network and day. */
    bookingsPerDay: number;
    /** Manage-link look-ups and changes per network and hour. */
    manageRequestsPerHour: number;
    /** Open-statistics requests per network and hour. */
    statsRequestsPerHour: number;
    /** Future bookings one e-mail address or phone number may hold. */
    futureBookingsPerContact: number;
    /** Bookings without any e-mail address or phone number, per site and local day. */
    contactlessPerSiteDay: number;
    /** Bookings one partner organisation's accounts may make per week. */
    partnerBookingsPerWeek: number;
    /** Bookings one staff account may make per hour. */
    staffBookingsPerHour: number;
    /** This many public bookings from one network within `suspiciousRunMinutes` are flagged for staff. */
    suspiciousRunBookings: number;
    suspiciousRunMinutes: number;
  };
  /** What counts as one client network: IPv4 addresses grouped by /ipv4Prefix, IPv6 by /ipv6Prefix. */
  network: { ipv4Prefix: number; ipv6Prefix: number };
  /** A manage link stops working this many hours after its session ends (and at once when cancelled). */
  manageLinkHours: number;
  /** Whether HOST lets other machines reach the server (anything but loopback). */
  listensBeyondLoopback: boolean;
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
  // Without https the session cookies lose Secure and there is no HSTS: only a documented test on one machine
  // (the benchmarks, a container try-out on http://localhost) may say so with ALLOW_INSECURE_PUBLIC_URL=true.
  if (production && !e.PUBLIC_URL?.startsWith('https:') && !e.ALLOW_INSECURE_PUBLIC_URL) {
    throw new ConfigError(
      `Invalid configuration: PUBLIC_URL must be the https address people use (like https://digihjalpen.example.org) when NODE_ENV is production; ${e.PUBLIC_URL ? `it is ${e.PUBLIC_URL}` : 'it is not set'}. Only for a test on one machine, set ALLOW_INSECURE_PUBLIC_URL=true`,
    );
  }
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  // Outside production a trial stays on this machine unless HOST opens it (the demo logins are published).
  const host = e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    dataDir,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    seedDemoData: e.SEED_DEMO_DATA ?? !production,
    webDist: path.resolve(cwd, e.WEB_DIST ?? 'dist/apps/web/browser'),
    secretKey: e.SECRET_KEY,
    limits: {
      bookingsPerHour: e.BOOKING_RATE_LIMIT,
      bookingsPerDay: e.BOOKING_DAILY_LIMIT,
      manageRequestsPerHour: e.MANAGE_RATE_LIMIT,
      statsRequestsPerHour: e.STATS_RATE_LIMIT,
      futureBookingsPerContact: e.MAX_FUTURE_BOOKINGS,
      contactlessPerSiteDay: e.CONTACTLESS_BOOKINGS_PER_SITE_DAY,
      partnerBookingsPerWeek: e.PARTNER_BOOKINGS_PER_WEEK,
      staffBookingsPerHour: e.STAFF_BOOKINGS_PER_HOUR,
      suspiciousRunBookings: e.SUSPICIOUS_RUN_BOOKINGS,
      suspiciousRunMinutes: e.SUSPICIOUS_RUN_MINUTES,
    },
    network: { ipv4Prefix: e.IPV4_PREFIX, ipv6Prefix: e.IPV6_PREFIX },
    manageLinkHours: e.MANAGE_LINK_HOURS,
    listensBeyondLoopback: !isLoopbackHost(host),
    jobPollSeconds: e.JOB_POLL_SECONDS,
    idleMinutes: e.IDLE_SIGN_OUT_MINUTES,
    retentionDays: e.RETENTION_DAYS,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
  };
}

/** `localhost`, 127.0.0.0/8 and ::1: only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export const APP_CONFIG = Symbol('APP_CONFIG');
