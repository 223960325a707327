// Developer and deploy tool:
//   migrate          apply pending migrations to DATABASE_URL (or the embedded database under DATA_DIR)
//   generate <Name>  diff the entities against a throwaway database that has every migration applied,
//                    and write the difference as a new migration (with up and down)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Query } from 'typeorm/driver/Query';
import { loadConfig } from '../config/app-config';
import { StartupError } from '../common/startup-error';
import { startEmbeddedPostgres } from './embedded-postgres';
import { connect, runMigrations } from './prepare-database';

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
    const timestamp = Date.now();
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

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (command === 'generate') return generate(name ?? '');
  if (command === 'migrate') return migrate();
  throw new StartupError('Usage: migration-cli migrate | generate <Name>');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof StartupError ? error.message : error);
    process.exit(1);
  },
);
