import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './browser';

const port = Number(process.env['E2E_PORT'] ?? 3100);
const baseURL = `http://localhost:${port}`;
const root = path.resolve(__dirname, '..');
// A fresh embedded database and mail folder for every run; the server still uses it while
// Playwright tears down, so earlier runs' folders are removed here instead.
for (const old of readdirSync(os.tmpdir()).filter((f) => f.startsWith('dh-e2e-'))) {
  const dir = path.join(os.tmpdir(), old);
  if (Date.now() - statSync(dir).mtimeMs > 3_600_000) rmSync(dir, { recursive: true, force: true });
}
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dh-e2e-'));
chmodSync(dataDir, 0o755); // as root, Postgres runs as the postgres user and must reach it

const launchOptions = {
  executablePath: findChromium(),
  // As root in a container Chromium needs --no-sandbox; the rest keep it off the (closed) network.
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export default defineConfig({
  testDir: './src',
  outputDir: path.join(root, 'tmp/e2e-results'),
  fullyParallel: true,
  workers: process.env['CI'] ? 2 : undefined,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  reporter: [['list']],
  // Sized for a busy 2-core machine (`npm test` runs jest beside this suite): a page, the API, the
  // embedded Postgres and the jobs share the cores. Tests wait for states, never for fixed times, so
  // generous limits cost nothing when all is well. The long journeys take more with test.slow().
  // No retries: a retry would hide a flaky test.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: { baseURL, trace: 'retain-on-failure', launchOptions },
  projects: [
    // Signs the demo coordinator in once; tests that need a coordinator but do not test sign-in reuse it.
    { name: 'setup', testMatch: /\.setup\.ts$/ },
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions }, dependencies: ['setup'] },
    // Staff work on laptops and office computers: their journeys run on the desktop only; public pages on both.
    { name: 'phone', use: { ...devices['Pixel 7'], launchOptions }, testIgnore: /(startup|helper-desk|hours-ocn|partner-referral|staff-booking|staff-bookings-admin|accounts|helper-notices|copy-site|demo-today)\.spec\.ts/, dependencies: ['setup'] },
  ],
  webServer: {
    command: 'node dist/apps/api/apps/api/src/main.js',
    cwd: root,
    url: `${baseURL}/api/health`,
    // A new embedded database is created, migrated and seeded first: slow when the cores are busy.
    timeout: 180_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    // Many bookings come from one address in a test run: the per-IP limits are raised (they are configurable for this).
    env: { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development', PUBLIC_URL: baseURL, BOOKING_RATE_LIMIT: '10000', BOOKING_DAILY_LIMIT: '10000', MANAGE_RATE_LIMIT: '10000', STATS_RATE_LIMIT: '10000', CONTACTLESS_BOOKINGS_PER_SITE_DAY: '10000', STAFF_BOOKINGS_PER_HOUR: '10000', PARTNER_BOOKINGS_PER_WEEK: '10000', SUSPICIOUS_RUN_BOOKINGS: '10000', JOB_POLL_SECONDS: '0.5' },
  },
});
