import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { loadConfig } from '@rounds/config';
import { dataSourceOptions } from './data-source-options';

if (existsSync('.env')) process.loadEnvFile('.env');

const config = loadConfig();

/** Used by the TypeORM CLI (`npm run migration:*`), as the owner that migrates. */
export default new DataSource(
  dataSourceOptions(config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL),
);
