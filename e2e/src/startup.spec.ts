import { expect, test } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const main = path.join(root, 'dist/apps/api/apps/api/src/main.js');

/** The runner's environment without colour settings, whose clash makes Node print a warning on stderr. */
function quietEnv(): NodeJS.ProcessEnv {
  const { FORCE_COLOR, NO_COLOR, ...rest } = process.env;
  return rest;
}

/**
 * Starts the built server with extra environment and collects what it prints until it exits.
 * `whenReady` runs once the server prints its banner (e.g. to send it a signal).
 */
function start(env: Record<string, string>, whenReady?: (child: ChildProcess, output: string) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dh-start-'));
  chmodSync(dataDir, 0o755);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main], {
      cwd: root,
      env: { ...quietEnv(), DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (whenReady && stdout.includes('Digihjälpen is running')) whenReady(child, stdout);
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // A watchdog, not a wait: a server that hangs is killed (start-up with a new embedded database is slow on a busy machine).
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, stdout, stderr: stderr.trim() });
    });
  });
}

const postgresRunningIn = (dir: string) => {
  try {
    return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').some((line) => line.includes('postgres') && line.includes(dir));
  } catch {
    return false;
  }
};

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

test.describe('shutdown', () => {
  test('stops cleanly on SIGTERM, embedded database included', async () => {
    let dataDir = '';
    const { code, stdout, stderr } = await start({}, (child, output) => {
      dataDir = /data in (\S+)/.exec(output)?.[1] ?? '';
      child.kill('SIGTERM');
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Digihjälpen is running');
    expect(dataDir).not.toBe('');
    expect(postgresRunningIn(dataDir)).toBe(false);
  });
});
