#!/usr/bin/env node
// `npm test`: every suite (unit, integration, end-to-end, browser) against real PostgreSQL and
// Redis, which it makes sure are running, as `npm start` does. Extra arguments go to Jest.
import { spawnSync } from 'node:child_process';
import {
  ensureChromium,
  ensureDependencies,
  ensurePgbouncer,
  ensureServices,
  PGBOUNCER,
} from './lib/services.mjs';

process.chdir(new URL('..', import.meta.url).pathname);
ensureDependencies();
await ensureServices({
  databaseUrl: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  createDatabase: false,
});
if (!ensureChromium())
  console.warn('[rounds] /usr/bin/chromium is missing: browser tests will fail');
if (!ensurePgbouncer())
  console.warn(`[rounds] ${PGBOUNCER} is missing: the PgBouncer suite will fail`);

const step = (label, command, args) => {
  console.log(`[rounds] ${label}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

step('building the dashboard for the browser tests', 'npm', ['run', '--silent', 'build:dashboard']);
step('running every suite', process.execPath, [
  'node_modules/jest/bin/jest.js',
  '--maxWorkers=2',
  ...process.argv.slice(2),
]);
