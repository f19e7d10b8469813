// What the benchmarks set up alike: a migrated database of their own, the sandbox as its own
// process, and the environment their worker processes run with.
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@rounds/database';
import { SandboxControlClient } from '../../apps/sandbox/src/sandbox-control.client';
import { freePort, launch } from '../../test/support/processes';
import { benchSecrets } from './publish-fixtures';

/** Database `name` on the server of `adminUrl`. */
export const benchDatabaseUrl = (adminUrl: string, name: string) =>
  Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

/** One statement as the server's admin (CREATE DATABASE, DROP DATABASE). */
export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export interface BenchDatabase {
  url: string;
  /** A connection as the owner, for fixtures and measurements. */
  db: Client;
  drop(): Promise<void>;
}

/** Creates and migrates database `name` next to `adminUrl`; `drop` removes it. */
export async function benchDatabase(adminUrl: string, name: string): Promise<BenchDatabase> {
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = benchDatabaseUrl(adminUrl, name);
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
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
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
    ...benchSecrets(settings.encryptionKey),
    WORKER_CONCURRENCY: String(settings.concurrency),
    X_API_BASE_URL: settings.sandboxUrl,
    MEDIA_DIR: `.data/${settings.queuePrefix}`,
  };
}

export interface BenchSandbox {
  child: ChildProcess;
  url: string;
  control: SandboxControlClient;
}

/** The built sandbox as its own process (it does not share the worker's CPU), every answer `latencyMs` late. */
export async function launchSandbox(
  tag: string,
  latencyMs: number,
  nodeArgs: string[] = [],
): Promise<BenchSandbox> {
  const port = await freePort();
  const env = { SANDBOX_PORT: String(port), SANDBOX_LATENCY_MS: String(latencyMs) };
  const child = await launch('sandbox', tag, env, 'sandbox listening on', nodeArgs);
  const url = `http://127.0.0.1:${port}`;
  return { child, url, control: new SandboxControlClient(url) };
}
