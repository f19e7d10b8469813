import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@rounds/config';
import { dataSourceOptions } from './data-source-options';

/** `node dist/libs/database/src/migrate.js`: applies pending migrations (used by npm start and images). */
async function migrate(): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(loadConfig().DATABASE_URL));
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  console.log(`migrations: ${applied.length} applied, schema up to date`);
  await dataSource.destroy();
}

migrate().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
