#!/usr/bin/env node
// Checks the README's quick start the way a person meets it, on Linux (it reads /proc):
//   a fresh clone in a folder of mode 700 (as root, as in a container: the `postgres` user cannot enter it),
//   `npm start` in a terminal (a pty, so that a question from Nx or Angular would show), healthy, URLs printed,
//   no question, `git status` clean; then Ctrl-C, and a SIGTERM to npm or to npm's process group (in a terminal
//   and without one), each end everything: npm exits 0, no main.js, no PostgreSQL of that clone is left, and
//   no error is printed on the way out.
//
//   node tools/check-start.mjs [--worktree] [--shared-nx-cache] [--keep] [--timeout-minutes N]
//
//   --worktree         also carry this checkout's uncommitted changes (and untracked files) into the clone,
//                      committed there, to check work before it is committed
//   --shared-nx-cache  let Nx replay builds from the machine's cache (faster; by default the clone gets an
//                      empty cache of its own, so the first start really builds, as on a new machine)
//   --keep             leave the temp folder (clone, logs) behind
//   --timeout-minutes  the bound on the whole check (default 20); it never waits longer
//
// Needs git, GNU cp (`cp -al`: node_modules is hard-linked from this checkout, no network; copied if links are
// refused) and `script` from util-linux. One line per step; exit status 0 only if every step passed.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const totalMs = option('--timeout-minutes', 20) * 60_000;
const FIRST_START_MS = Math.min(12 * 60_000, totalMs); // the web build alone takes 1–3 min on 2 cores
const LATER_START_MS = 4 * 60_000;
const STOP_MS = 30_000;

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const say = (line) => process.stdout.write(`[check-start] ${line}\n`);
let failures = 0;
const pass = (step, what, since) => say(`${step} ${what}: ok${since ? ` (${seconds(Date.now() - since)})` : ''}`);
const fail = (step, what, details = []) => {
  failures++;
  say(`${step} ${what}: FAILED`);
  for (const d of details) process.stdout.write(`    ${d}\n`);
};
class Abort extends Error {}

const stripAnsi = (text) =>
  text
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '')
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b[@-_]/g, '')
    .replace(/\r/g, '');
const tail = (text, n = 30) => stripAnsi(text).split('\n').filter((l) => l.trim() !== '').slice(-n);

function run(cmd, cmdArgs, options = {}) {
  const result = spawnSync(cmd, cmdArgs, { encoding: 'utf8', timeout: 5 * 60_000, maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.error || result.status !== 0) {
    throw new Abort(`${cmd} ${cmdArgs.join(' ')}: ${result.error?.message ?? `exit ${result.status}`} ${(result.stderr ?? '').trim()}`);
  }
  return result.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// --- the processes of the clone --------------------------------------------------------------------------

const ownAncestors = new Set();
for (let pid = process.pid; pid > 1; ) {
  ownAncestors.add(pid);
  try {
    pid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1]);
  } catch {
    break;
  }
}

/**
 * Every process whose command line names the clone or a data folder, or whose working folder is in one, and
 * every descendant of those (PostgreSQL's processes are the API's children, and work in the data folder).
 */
function processesOf(candidates) {
  const places = candidates.filter(Boolean);
  const all = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || ownAncestors.has(Number(entry))) continue;
    let cmdline = '';
    let cwd = '';
    let ppid = 0;
    try {
      ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1]);
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      cwd = readlinkSync(`/proc/${entry}/cwd`);
    } catch {
      // gone, or not ours to read
    }
    if (cmdline) all.set(Number(entry), { pid: Number(entry), ppid, cmdline, cwd });
  }
  const inside = (proc) => places.some((p) => p === proc.cwd || proc.cwd.startsWith(`${p}/`) || proc.cmdline.includes(p));
  const matched = (proc, depth = 0) => depth < 64 && !!proc && (inside(proc) || matched(all.get(proc.ppid), depth + 1));
  return [...all.values()].filter((proc) => matched(proc)).map(({ pid, cmdline, cwd }) => ({ pid, cmdline, cwd }));
}

const describe = (procs) => procs.map((p) => `pid ${p.pid}: ${p.cmdline.slice(0, 150)} (cwd ${p.cwd})`);

function ownerOf(pid) {
  try {
    const uid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    const name = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.split(':')[2] === String(uid))
      ?.split(':')[0];
    return name ?? String(uid);
  } catch {
    return '?';
  }
}

function childrenOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- one `npm start` in a terminal -----------------------------------------------------------------------

const PROMPT = /Share usage data|Help improve Nx|Would you like to share|usage data .* Angular|\(y\/n\)|\? .*›/i;
const ERRORS = /"level":\s*(50|60)|npm (error|ERR!)|\bError:|Unhandled|EPIPE|ECONNRESET|at .+\(.+:\d+:\d+\)/;

class Start {
  constructor(clone, env, log, terminal) {
    this.output = '';
    this.log = log;
    this.terminal = terminal;
    // In a terminal: `script` gives npm a pty of its own; 0x03 written to it is the terminal's Ctrl-C. Without
    // one (a service manager, `npm start &` in CI): npm in a session of its own, with pipes; there, no SIGHUP
    // from a closing terminal ends what npm leaves behind.
    this.script = terminal
      ? spawn('script', ['-qfec', 'stty cols 160 rows 50; exec npm start', '/dev/null'], { cwd: clone, env, stdio: ['pipe', 'pipe', 'pipe'] })
      : spawn('npm', ['start'], { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.exited = new Promise((resolve) => this.script.once('exit', (code, signal) => resolve({ code, signal })));
    const collect = (chunk) => {
      this.output += chunk.toString('utf8');
    };
    this.script.stdout.on('data', collect);
    this.script.stderr.on('data', collect);
    this.script.stdin?.on('error', () => undefined);
  }

  get alive() {
    return this.script.exitCode === null && this.script.signalCode === null;
  }

  /** npm, once `script` has exec'd it: the leader of the terminal's session and foreground process group. */
  async npm() {
    if (!this.terminal) return this.script.pid;
    for (let i = 0; i < 100 && this.alive; i++) {
      for (const pid of childrenOf(this.script.pid)) {
        try {
          if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('npm')) return pid;
        } catch {
          // not yet
        }
      }
      await sleep(100);
    }
    throw new Abort('npm did not start under script');
  }

  async healthy(port, deadline) {
    while (Date.now() < deadline) {
      if (PROMPT.test(stripAnsi(this.output))) return { prompt: true };
      if (!this.alive) return { exited: true };
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
        const body = await res.json();
        // The URLs are printed once the server is ready, a moment after it first answers.
        if (body.status === 'ok' && stripAnsi(this.output).includes(`running at http://localhost:${port}`)) return { ok: true };
      } catch {
        // not yet
      }
      await sleep(1000);
    }
    return { timeout: true };
  }

  async stopped(ms) {
    return Promise.race([this.exited, sleep(ms).then(() => undefined)]);
  }

  save() {
    writeFileSync(this.log, stripAnsi(this.output));
  }
}

// --- the check -------------------------------------------------------------------------------------------

let tmpRoot;
let clone;
let dataDir; // as the start-up banner says
let expectedDataDir; // where the API puts it as root when the postgres user cannot reach the clone
const starts = [];
const places = () => [clone, dataDir, expectedDataDir];

function cleanUp() {
  for (const s of starts) if (s.alive) s.script.kill('SIGKILL');
  for (const p of processesOf(places())) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  for (const dir of [dataDir, expectedDataDir]) if (dir && tmpRoot && !dir.startsWith(`${tmpRoot}/`)) rmSync(dir, { recursive: true, force: true });
  if (tmpRoot && !flag('--keep')) rmSync(tmpRoot, { recursive: true, force: true });
  else if (tmpRoot) say(`kept ${tmpRoot}`);
}

const watchdog = setTimeout(() => {
  say(`FAILED: the whole check took longer than ${seconds(totalMs)}; stopping`);
  cleanUp();
  process.exit(1);
}, totalMs);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    say(`interrupted by ${signal}; cleaning up`);
    cleanUp();
    process.exit(1);
  });
}

async function startOnce(step, what, env, port, ms, terminal = true) {
  const since = Date.now();
  const start = new Start(clone, env, path.join(tmpRoot, `start-${starts.length + 1}.log`), terminal);
  starts.push(start);
  const npm = await start.npm();
  const result = await start.healthy(port, Date.now() + ms);
  start.save();
  const text = stripAnsi(start.output);
  if (!result.ok) {
    const why = result.prompt ? 'a question was asked' : result.exited ? 'npm start ended' : `not healthy with the URLs printed within ${seconds(ms)}`;
    fail(step, `${what}: ${why}`, tail(start.output));
    throw new Abort(why);
  }
  if (PROMPT.test(text)) {
    fail(step, `${what}: a question was asked`, tail(start.output));
    throw new Abort('prompt');
  }
  dataDir ??= /data in (\S+)/.exec(text)?.[1];
  pass(step, `${what}: healthy at :${port}, no question asked, URLs printed`, since);
  return { start, npm };
}

/** After a failed stop, so that the next start gets the port and the data folder: SIGTERM, then SIGKILL. */
async function stopLeftovers() {
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    for (const p of processesOf(places())) {
      try {
        process.kill(p.pid, signal);
      } catch {
        // gone
      }
    }
    for (let i = 0; i < 40 && processesOf(places()).length; i++) await sleep(250);
  }
}

async function stopOnce(step, what, start, stop) {
  const since = Date.now();
  const before = start.output.length;
  stop();
  const exit = await start.stopped(STOP_MS);
  start.save();
  if (!exit) {
    fail(step, `${what}: npm start still running after ${seconds(STOP_MS)}`, [...describe(processesOf(places())), ...tail(start.output, 15)]);
    if (start.alive) start.script.kill('SIGKILL');
    await stopLeftovers();
    return;
  }
  let left = [];
  for (let i = 0; i < 20; i++) {
    left = processesOf(places());
    if (left.length === 0) break;
    await sleep(250);
  }
  const after = stripAnsi(start.output.slice(before));
  const errors = after.split('\n').filter((l) => ERRORS.test(l));
  const problems = [];
  if (left.length) problems.push('left running:', ...describe(left));
  if (errors.length) problems.push('printed while stopping:', ...errors.slice(0, 15));
  if (exit.code !== 0) problems.push(`npm start exited with ${exit.code ?? exit.signal}`);
  if (problems.length) {
    fail(step, what, problems);
    await stopLeftovers();
  } else pass(step, `${what}: npm exited 0, no main.js or postgres of the clone left, nothing printed as an error`, since);
}

async function main() {
  const root = process.getuid?.() === 0;
  say(`repository ${repo}; running as ${root ? 'root (PostgreSQL runs as the postgres user)' : 'a normal user'}; Node ${process.version}`);
  for (const [tool, versionArgs, expect] of [
    ['git', ['--version'], /git/],
    ['script', ['--version'], /util-linux/],
    ['cp', ['--version'], /coreutils/],
  ]) {
    const out = spawnSync(tool, versionArgs, { encoding: 'utf8' });
    if (out.error || !expect.test(`${out.stdout}${out.stderr}`)) throw new Abort(`${tool} (${expect.source}) is needed`);
  }
  if (!existsSync(path.join(repo, 'node_modules'))) throw new Abort(`no ${repo}/node_modules: run npm ci first`);

  // 1. A fresh clone in a folder only root can enter, with node_modules hard-linked (no network).
  let since = Date.now();
  tmpRoot = mkdtempSync(path.join(os.tmpdir(), 'check-start-'));
  chmodSync(tmpRoot, 0o700);
  clone = path.join(tmpRoot, 'repo');
  expectedDataDir = path.join(os.tmpdir(), `digihjalpen-postgres-${createHash('sha256').update(path.join(clone, '.data', 'postgres')).digest('hex').slice(0, 12)}`);
  const head = run('git', ['-C', repo, 'rev-parse', '--short', 'HEAD']).trim();
  run('git', ['clone', '-q', repo, clone]);
  let source = `HEAD ${head}`;
  if (flag('--worktree')) {
    const diff = run('git', ['-C', repo, 'diff', 'HEAD', '--binary']);
    if (diff.trim()) run('git', ['-C', clone, 'apply', '--binary', '--whitespace=nowarn'], { input: diff });
    const untracked = run('git', ['-C', repo, 'ls-files', '--others', '--exclude-standard', '-z']).split('\0').filter(Boolean);
    for (const file of untracked) {
      mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      copyFileSync(path.join(repo, file), path.join(clone, file));
      chmodSync(path.join(clone, file), statSync(path.join(repo, file)).mode & 0o777);
    }
    const identity = { GIT_AUTHOR_NAME: 'check-start', GIT_AUTHOR_EMAIL: 'check-start@localhost', GIT_COMMITTER_NAME: 'check-start', GIT_COMMITTER_EMAIL: 'check-start@localhost' };
    run('git', ['-C', clone, 'add', '-A']);
    run('git', ['-C', clone, 'commit', '-q', '--allow-empty', '--no-verify', '-m', 'check-start: the working tree'], { env: { ...process.env, ...identity } });
    source += ` + the working tree's changes (${untracked.length} untracked files)`;
  }
  let modules = 'hard-linked';
  if (spawnSync('cp', ['-al', path.join(repo, 'node_modules'), path.join(clone, 'node_modules')]).status !== 0) {
    // Not root, and fs.protected_hardlinks refuses links to another user's files: a real copy.
    rmSync(path.join(clone, 'node_modules'), { recursive: true, force: true });
    run('cp', ['-a', path.join(repo, 'node_modules'), path.join(clone, 'node_modules')]);
    modules = 'copied';
  }
  pass('1', `clone of ${source} in ${clone} (folder mode 700), node_modules ${modules}`, since);

  // The environment of a person at a terminal: no CI (Nx and Angular ask nothing in CI), no database or data
  // folder given (the defaults: embedded PostgreSQL, .data in the clone), a free port.
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), SHELL: '/bin/sh' };
  for (const key of Object.keys(env)) {
    if (/^(CI|CONTINUOUS_INTEGRATION|BUILD_ID|BUILD_NUMBER|BUILD_BUILDID|RUN_ID|TF_BUILD|GITHUB_ACTIONS|GITLAB_CI|BUILDKITE|CIRCLECI|CIRRUS_CI|TRAVIS|CODEBUILD_BUILD_ID|HEROKU_TEST_RUN_ID|TEAMCITY_VERSION|JENKINS_URL|HUDSON_URL|bamboo.*|NX_.*|NG_CLI_ANALYTICS|DATABASE_URL|DATA_DIR|SMTP_URL|PUBLIC_URL|NODE_ENV|LOG_LEVEL|FORCE_COLOR|NO_COLOR)$/.test(key)) delete env[key];
  }
  if (!env.TERM || env.TERM === 'dumb') env.TERM = 'xterm-256color';
  if (!flag('--shared-nx-cache')) env.NX_CACHE_DIRECTORY = path.join(tmpRoot, 'nx-cache');

  // 2. The first start: builds, starts PostgreSQL, seeds, serves.
  const first = await startOnce('2', `first npm start in a terminal${flag('--shared-nx-cache') ? '' : ' (empty Nx cache: real builds)'}`, env, port, FIRST_START_MS);
  const server = processesOf(places()).find((p) => /\/postgres -D /.test(p.cmdline));
  if (server) {
    say(`  postgres pid ${server.pid} runs as ${ownerOf(server.pid)}: ${server.cmdline.split(' -p ')[0]}`);
    if (root && server.cmdline.startsWith(clone)) fail('2', 'as root, postgres runs from inside the clone that the postgres user cannot enter');
  } else fail('2', 'no postgres server of the clone found', [`data folder: ${dataDir}`]);

  // 3. The start changed nothing git tracks (nx.json, lock files …).
  since = Date.now();
  const status = run('git', ['-C', clone, 'status', '--porcelain']).trim();
  if (status) fail('3', 'git status --porcelain in the clone after npm start', status.split('\n'));
  else pass('3', 'git status --porcelain in the clone is empty after npm start', since);

  // 4. Ctrl-C in the terminal: SIGINT to the whole foreground process group (npm passes it on too).
  await stopOnce('4', 'Ctrl-C in the terminal', first.start, () => first.start.script.stdin.write('\x03'));

  // 5–8. Started again (built now, fast), in a terminal and without one (where no SIGHUP from the closing
  // terminal helps), and stopped with a SIGTERM to the npm process only, then to npm's whole process group.
  let step = 5;
  for (const terminal of [true, false]) {
    const where = terminal ? 'in a terminal' : 'without a terminal';
    for (const target of ['npm', 'group']) {
      const { start, npm } = await startOnce(`${step}a`, `npm start again ${where}`, env, port, LATER_START_MS, terminal);
      const group = Number(readFileSync(`/proc/${npm}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[2]);
      if (target === 'npm') await stopOnce(`${step}b`, `SIGTERM to the npm process only (pid ${npm})`, start, () => process.kill(npm, 'SIGTERM'));
      else await stopOnce(`${step}b`, `SIGTERM to npm's process group (${group})`, start, () => process.kill(-group, 'SIGTERM'));
      step++;
    }
  }

  // 9. Stopping changed nothing git tracks either.
  since = Date.now();
  const after = run('git', ['-C', clone, 'status', '--porcelain']).trim();
  if (after) fail(String(step), 'git status --porcelain in the clone at the end', after.split('\n'));
  else pass(String(step), 'git status --porcelain in the clone is still empty', since);
}

let status = 1;
try {
  await main();
  status = failures ? 1 : 0;
} catch (error) {
  say(`stopped: ${error instanceof Abort ? error.message : (error?.stack ?? String(error))}`);
}
clearTimeout(watchdog);
cleanUp();
say(`${status === 0 ? 'PASSED' : `FAILED (${failures || 1} failure${failures > 1 ? 's' : ''})`} in ${seconds(Date.now() - started)}`);
process.exit(status);
