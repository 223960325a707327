// `npm run dev` (API half): SWC recompiles on every change, and Node restarts the server.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const out = 'dist/apps/api';
const main = `${out}/apps/api/src/main.js`;
const swcArgs = ['apps/api/src', 'libs/domain/src', '-d', out, '--config-file', 'apps/api/.swcrc', '--ignore', '**/*.spec.ts', '--quiet'];

const children = [];
const run = (cmd, args) => {
  const child = spawn(cmd, args, { stdio: 'inherit' });
  children.push(child);
  return child;
};

const first = run('swc', swcArgs);
first.on('exit', (code) => {
  if (code !== 0 || !existsSync(main)) process.exit(code ?? 1);
  run('swc', [...swcArgs, '--watch']);
  run(process.execPath, ['--enable-source-maps', '--watch', '--watch-preserve-output', main]);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
