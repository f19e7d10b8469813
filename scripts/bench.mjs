#!/usr/bin/env node
// `npm run bench [-- name ...]`: the benchmarks in bench/ (all, or the ones named), each printing
// its figures beside a baseline measured in the same run (`chaos` against targets, with its own
// PostgreSQL and Redis that it restarts and flushes). PostgreSQL and Redis are made sure of as
// `npm test` does.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { ensureDependencies, ensureServices } from './lib/services.mjs';

process.chdir(new URL('..', import.meta.url).pathname);
const available = readdirSync('bench')
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(
    `[rounds] no such benchmark: ${unknown.join(', ')} (have: ${available.join(', ')})`,
  );
  process.exit(2);
}
ensureDependencies();
await ensureServices({
  databaseUrl: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  createDatabase: false,
});
let failed = 0;
for (const name of wanted.length > 0 ? wanted : available) {
  console.log(`[rounds] bench ${name}`);
  const { status } = spawnSync(process.execPath, ['-r', '@swc-node/register', `bench/${name}.ts`], {
    stdio: 'inherit',
  });
  if (status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
