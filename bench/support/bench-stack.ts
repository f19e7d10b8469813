// What the publishing benchmarks set up alike: a migrated database of their own and the
// environment their worker processes run with.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@rounds/database';

export interface BenchDatabase {
  url: string;
  /** A connection as the owner, for fixtures and measurements. */
  db: Client;
  drop(): Promise<void>;
}

/** Creates and migrates database `name` next to `adminUrl`; `drop` removes it. */
export async function benchDatabase(adminUrl: string, name: string): Promise<BenchDatabase> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const migrator = new DataSource(dataSourceOptions(url));
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();
  const db = new Client({ connectionString: url });
  await db.connect();
  return {
    url,
    db,
    async drop() {
      await db.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A production-mode worker's environment against the sandbox's X, with fresh secrets. */
export function benchWorkerEnv(settings: {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  encryptionKey: string;
  concurrency: number;
  sandboxUrl: string;
}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    // `worker ready` is logged at info: the launcher waits for it.
    LOG_LEVEL: 'info',
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    QUEUE_PREFIX: settings.queuePrefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: settings.encryptionKey,
    AUDIT_SIGNING_KEY: `bench:${randomBytes(32).toString('base64')}`,
    // Production refuses the example OAuth client secrets (the sandbox takes any).
    X_CLIENT_SECRET: randomBytes(16).toString('hex'),
    GOOGLE_CLIENT_SECRET: randomBytes(16).toString('hex'),
    WORKER_CONCURRENCY: String(settings.concurrency),
    X_API_BASE_URL: settings.sandboxUrl,
    MEDIA_DIR: `.data/${settings.queuePrefix}`,
  };
}
