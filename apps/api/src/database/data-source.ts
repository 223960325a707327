import { DataSource, type DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';
import { ResilientClient } from './pg-client';

/** The one place that says how we talk to Postgres. Schema changes come only from migrations. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    applicationName: 'digihjalpen',
    // gen_random_uuid() is built into Postgres 13+; no extension (and no superuser) needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: 10, connectionTimeoutMillis: 5_000, Client: ResilientClient },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
