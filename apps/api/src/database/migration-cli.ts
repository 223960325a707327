// Developer and deploy tool:
//   migrate          apply pending migrations to DATABASE_URL (or the embedded database under DATA_DIR)
//   generate <Name>  diff the entities against a throwaway database that has every migration applied,
//                    and write the difference as a new migration (with up and down)
//   invite-coordinator <email> <name>
//                    the first coordinator of a new installation (production seeds no one): creates the
//                    account and prints its invitation link (valid 7 days) for choosing a password
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Query } from 'typeorm/driver/Query';
import { loadConfig } from '../config/app-config';
import { StartupError } from '../common/startup-error';
import { currentTime } from '../common/clock';
import { startEmbeddedPostgres } from './embedded-postgres';
import { connect, runMigrations } from './prepare-database';
import { normaliseEmail } from '@digihjalpen/domain';
import { AuthRepository } from '../modules/auth/auth.repository';
import { INVITATION_DAYS } from '../modules/auth/auth.service';
import { hashSecret, newSecret } from '../modules/auth/secrets';

const MIGRATIONS_DIR = path.resolve(process.cwd(), 'apps/api/src/database/migrations');

function render(className: string, up: Query[], down: Query[]): string {
  const lines = (queries: Query[]) =>
    queries
      .map((q) => {
        const params = q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : '';
        return `    await queryRunner.query(\`${q.query.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\`${params});`;
      })
      .join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

async function generate(name: string): Promise<void> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new StartupError('Give the migration a PascalCase name, e.g. npm run migration:generate -- AddSchedules');
  const pg = await startEmbeddedPostgres({ dataDir: path.join(mkdtempSync(path.join(os.tmpdir(), 'dh-gen-')), 'pg'), persistent: false });
  try {
    const dataSource = await connect(pg.url);
    await runMigrations(dataSource);
    const sql = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    if (sql.upQueries.length === 0) {
      console.log('The entities match the migrations; nothing to generate.');
      return;
    }
    const timestamp = currentTime().getTime();
    const className = `${name}${timestamp}`;
    const file = path.join(MIGRATIONS_DIR, `${timestamp}-${name}.ts`);
    writeFileSync(file, render(className, sql.upQueries, [...sql.downQueries].reverse()));
    const indexFile = path.join(MIGRATIONS_DIR, 'index.ts');
    const index = readFileSync(indexFile, 'utf8')
      .replace(/^(\/\/.*\n)/, `$1import { ${className} } from './${timestamp}-${name}';\n`)
      .replace(/\n\];/, `\n  ${className},\n];`);
    writeFileSync(indexFile, index);
    console.log(`Wrote ${path.relative(process.cwd(), file)} and registered it in migrations/index.ts`);
  } finally {
    await pg.stop();
  }
}

async function migrate(): Promise<void> {
  const config = loadConfig(process.env);
  const pg = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres'), persistent: true });
  try {
    const dataSource = await connect(pg?.url ?? (config.databaseUrl as string));
    const applied = await runMigrations(dataSource);
    await dataSource.destroy();
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await pg?.stop();
  }
}

async function inviteCoordinator(email: string | undefined, name: string | undefined): Promise<void> {
  if (!email || !name?.trim()) throw new StartupError('Usage: migration-cli invite-coordinator <email> "<name>"');
  const config = loadConfig(process.env);
  const pg = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres'), persistent: true });
  try {
    const dataSource = await connect(pg?.url ?? (config.databaseUrl as string));
    await runMigrations(dataSource);
    const users = new AuthRepository(dataSource);
    const address = normaliseEmail(email);
    if (await users.emailExists(address)) throw new StartupError(`There is already an account for ${address}.`);
    const token = newSecret();
    await users.createInvitedUser(
      { email: address, name: name.trim(), role: 'coordinator', partnerId: null, siteId: null },
      { tokenHash: hashSecret(token), invitedBy: null, expiresAt: new Date(currentTime().getTime() + INVITATION_DAYS * 86_400_000) },
    );
    await dataSource.destroy();
    console.log(`Coordinator ${address} created. Open this link within ${INVITATION_DAYS} days to choose a password:\n${config.publicUrl}/inbjudan/${token}`);
  } finally {
    await pg?.stop();
  }
}

async function main(): Promise<void> {
  const [command, name, more] = process.argv.slice(2);
  if (command === 'generate') return generate(name ?? '');
  if (command === 'migrate') return migrate();
  if (command === 'invite-coordinator') return inviteCoordinator(name, more);
  throw new StartupError('Usage: migration-cli migrate | generate <Name> | invite-coordinator <email> "<name>"');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof StartupError ? error.message : error);
    process.exit(1);
  },
);
