import { randomBytes } from 'node:crypto';

export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** One migrated template per `jest` run (set by global setup), so concurrent runs never collide. */
export const templateDatabase = () => process.env.ROUNDS_TEMPLATE_DB ?? 'rounds_test_template';

/** The owner's (superuser's) URL of a database: migrations, test setup, tampering as a DBA. */
export function databaseUrl(name: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The runtime login api and worker use in tests, as in production: DML grants only. */
export const TEST_RUNTIME_LOGIN = { user: 'rounds_app', password: 'rounds_app' };

export function runtimeDatabaseUrl(name: string): string {
  const url = new URL(databaseUrl(name));
  url.username = TEST_RUNTIME_LOGIN.user;
  url.password = TEST_RUNTIME_LOGIN.password;
  return url.toString();
}

/** The environment every test process runs with: valid secrets, quiet logs, generous throttles. */
export function testEnvironment(databaseName: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: runtimeDatabaseUrl(databaseName),
    MIGRATION_DATABASE_URL: databaseUrl(databaseName),
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: `test:${randomBytes(32).toString('base64')}`,
    AUDIT_SIGNING_KEY: `test:${randomBytes(32).toString('base64')}`,
    AUDIT_CHECKPOINT_DIR: `.data/test-checkpoints/${databaseName}`,
    AUTH_RATE_LIMIT_PER_ADDRESS: '100000',
    // Factories have the admin both grant roles and author posts; the cooling-off has its own test.
    SOD_COOLDOWN_HOURS: '0',
    MEDIA_DIR: `.data/test-media/${databaseName}`,
  };
}
