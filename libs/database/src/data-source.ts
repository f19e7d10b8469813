import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { loadConfig } from '@rounds/config';
import { dataSourceOptions } from './data-source-options';

if (existsSync('.env')) process.loadEnvFile('.env');

/** Used by the TypeORM CLI (`npm run migration:*`). */
export default new DataSource(dataSourceOptions(loadConfig().DATABASE_URL));
