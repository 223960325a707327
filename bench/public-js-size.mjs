// JavaScript a help-seeker's browser downloads per public page (production build, gzip -9), measured by
// opening each page fresh in Chromium and adding up every .js file it fetched.
// Usage: npm run build && node bench/public-js-size.mjs
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { findChromium } from '../e2e/browser.ts';

const root = path.resolve(import.meta.dirname, '..');
const port = 3401;
const base = `http://localhost:${port}`;
const work = mkdtempSync(path.join(os.tmpdir(), 'dh-jssize-'));
chmodSync(work, 0o755);

const api = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], {
  cwd: root,
  stdio: 'ignore',
  env: { ...process.env, PORT: String(port), DATA_DIR: work, LOG_LEVEL: 'warn', PUBLIC_URL: base },
});
const kb = (bytes) => (bytes / 1024).toFixed(1);

try {
  for (let i = 0; i < 300 && !(await fetch(`${base}/api/health`).then((r) => r.ok, () => false)); i += 1) await new Promise((r) => setTimeout(r, 100));
  const sites = await (await fetch(`${base}/api/public/sites`)).json();
  const slug = sites[0].slug;
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const pages = [
    ['start page', '/'],
    ['site page', `/bibliotek/${slug}`],
    ['booking flow', `/bibliotek/${slug}/boka`],
    ['manage page (unknown link)', `/bokning/${'x'.repeat(43)}`],
  ];
  const fetched = [];
  for (const [name, url] of pages) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const files = new Set();
    page.on('response', (res) => {
      const file = new URL(res.url()).pathname;
      if (file.endsWith('.js')) files.add(file);
    });
    await page.goto(base + url, { waitUntil: 'networkidle' });
    fetched.push([name, [...files]]);
    await context.close();
  }
  // What every page loads is the start-up bundle; the rest is the page's own lazy chunks.
  const shared = fetched.map(([, files]) => files).reduce((a, b) => a.filter((f) => b.includes(f)));
  const size = (list) => list.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(root, 'dist/apps/web/browser', f)), { level: 9 }).length, 0);
  console.log(`Public JavaScript per page, gzip -9 (production build, ${new Date().toISOString()})`);
  console.log(`Start-up bundle loaded by every page: ${shared.length} files, ${kb(size(shared))} KB\n`);
  console.log('| page | files | gzip total | page-only chunks |\n| --- | --- | --- | --- |');
  for (const [name, files] of fetched) console.log(`| ${name} | ${files.length} | ${kb(size(files))} KB | ${kb(size(files.filter((f) => !shared.includes(f))))} KB |`);
  await browser.close();
} finally {
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  rmSync(work, { recursive: true, force: true });
}
