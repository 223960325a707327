import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const main = path.join(root, 'dist/apps/api/apps/api/src/main.js');

/** Starts the built server with extra environment and collects what it prints until it exits. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dh-start-'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, stderr: stderr.trim() });
    });
  });
}

test.describe('start-up refuses bad settings with one clear line', () => {
  test('names DATABASE_URL when it is malformed', async () => {
    const { code, stderr } = await start({ DATABASE_URL: 'mysql://nope' });
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain('DATABASE_URL must be a URL like postgres://');
  });

  test('says the database cannot be reached when nothing listens there', async () => {
    const { code, stderr } = await start({ DATABASE_URL: 'postgres://u:p@127.0.0.1:1/digihjalpen', SMTP_URL: 'smtp://127.0.0.1:1' });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'Digihjälpen could not start: Cannot connect to the database at 127.0.0.1:1/digihjalpen: connection refused. Check DATABASE_URL, or unset it to use the embedded database.',
    );
  });

  test('says the port is taken when another program uses it', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const { code, stderr } = await start({ PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr).toBe(`Digihjälpen could not start: Port ${port} is already in use. Stop the other program or set PORT to a free port.`);
    } finally {
      blocker.close();
    }
  });
});
