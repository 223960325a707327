import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const HINT =
  'No Chromium found for the e2e tests. Install one: `apt-get install chromium` (Debian/Ubuntu), `npx playwright install chromium`, or set CHROME_PATH.';

function onPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * CHROME_PATH, then a Chromium on PATH, then Playwright's own download.
 * Returns undefined for Playwright's own browser; exits with one line when there is none.
 */
export function findChromium(): string | undefined {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`CHROME_PATH is ${fromEnv}, but there is no file there. ${HINT}`);
    process.exit(1);
  }
  const system = onPath('chromium') ?? onPath('chromium-browser') ?? onPath('google-chrome');
  if (system) return system;
  if (existsSync(chromium.executablePath())) return undefined;
  console.error(HINT);
  process.exit(1);
}
