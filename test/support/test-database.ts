import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, grantRuntimeRole } from '@rounds/database';
import { databaseUrl, POSTGRES_ADMIN_URL, runtimeDatabaseUrl, templateDatabase } from './test-env';

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** (Re)creates the migrated template every suite database is copied from. */
export async function createTemplateDatabase(name = templateDatabase()): Promise<void> {
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const dataSource = new DataSource(dataSourceOptions(databaseUrl(name)));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  // Copies keep the grants: every suite's api and worker run as the runtime login.
  await grantRuntimeRole(dataSource, runtimeDatabaseUrl(name));
  await dataSource.destroy();
}

/** A connection as the database's owner, for what the runtime login may not do (test setup). */
export async function ownerClient(name: string): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl(name) });
  await client.connect();
  return client;
}

/** A fresh, migrated database of its own for one suite. */
export async function createTestDatabase(): Promise<string> {
  const name = `rounds_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`));
  return name;
}

export async function dropTestDatabase(name: string): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** An empty database with no schema (for the migrations test). */
export async function createEmptyDatabase(): Promise<string> {
  const name = `rounds_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  return name;
}
