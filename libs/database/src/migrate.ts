import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@rounds/config';
import { dataSourceOptions } from './data-source-options';
import { grantRuntimeRole, setRuntimeTimeouts } from './database-roles';

/**
 * `node dist/libs/database/src/migrate.js` (npm start, the migrate image): applies pending
 * migrations as the owner (MIGRATION_DATABASE_URL), then grants the runtime login (DATABASE_URL).
 */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const ownerUrl = config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL;
  if (!config.MIGRATION_DATABASE_URL) {
    console.warn(
      'WARNING: MIGRATION_DATABASE_URL is not set, so the runtime login (DATABASE_URL) migrates and owns the tables: it can alter them, disable their triggers and rewrite the audit trail. Set MIGRATION_DATABASE_URL to an owner login.',
    );
  }
  const dataSource = new DataSource(dataSourceOptions(ownerUrl));
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  console.log(`migrations: ${applied.length} applied, schema up to date`);
  if (await grantRuntimeRole(dataSource, config.DATABASE_URL)) {
    console.log('runtime login granted DML only (no ownership, no TRUNCATE, history insert-only)');
  }
  await setRuntimeTimeouts(dataSource, config.DATABASE_URL, config);
  console.log('runtime login: pool timeouts set as its defaults in this database (for PgBouncer)');
  await dataSource.destroy();
}

migrate().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
