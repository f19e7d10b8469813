#!/usr/bin/env node
// `npm start`: install what is missing, make sure PostgreSQL and Redis run, build, migrate, seed
// the demo organization, then run sandbox, api and worker with one log stream. Ctrl-C stops all.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, ensureServices } from './lib/services.mjs';
import { loadEnvFile } from './lib/env.mjs';

const started = Date.now();
process.chdir(new URL('..', import.meta.url).pathname);
ensureDependencies();
const env = loadEnvFile();
// The owner creates the database and migrates; migrate.js then creates and grants the runtime login.
await ensureServices({
  databaseUrl: env.MIGRATION_DATABASE_URL || env.DATABASE_URL,
  redisUrl: env.REDIS_URL,
});

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function run(label, command, args) {
  console.log(`[rounds] ${label}…`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`[rounds] ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

const built = (marker, sources) =>
  existsSync(marker) && statSync(marker).mtimeMs > Math.max(...sources.map(newestMtime));
// Written once both builds succeed: a failed build leaves files behind that look built.
const SERVER_BUILT = 'dist/.built';
if (!built(SERVER_BUILT, ['apps/api', 'apps/worker', 'apps/sandbox', 'libs'])) {
  run('building api and worker', 'npm', ['run', '--silent', 'build:server']);
  // The sandbox and the demo seed are built apart: never part of the production build or image.
  run('building the sandbox and the demo seed', 'npm', ['run', '--silent', 'build:sandbox']);
  writeFileSync(SERVER_BUILT, '');
}
if (!built('apps/dashboard/dist/index.html', ['apps/dashboard/src'])) {
  run('building the dashboard', 'npm', ['run', '--silent', 'build:dashboard']);
}
run('migrating the database', process.execPath, ['dist/libs/database/src/migrate.js']);
run('seeding the demo organization', process.execPath, ['dist/apps/sandbox/src/seed/seed.js']);

const colors = { sandbox: 35, api: 36, worker: 33 };
const children = [];
// The worker's heap is bounded so its memory stays flat under a burst (README, "Worker memory").
const nodeFlags = { worker: ['--max-old-space-size=256', '--max-semi-space-size=8'] };
function launch(name, script) {
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', ...(nodeFlags[name] ?? []), script],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const prefix = `\x1b[${colors[name]}m${name.padEnd(7)}\x1b[0m| `;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      const lines = (buffered + chunk).split('\n');
      buffered = lines.pop();
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[rounds] ${name} exited (${signal ?? code}); stopping everything`);
      stop(1);
    }
  });
  children.push(child);
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 10_000).unref();
  Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r)))),
  ).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (existsSync('dist/apps/sandbox/src/main.js')) launch('sandbox', 'dist/apps/sandbox/src/main.js');
launch('api', 'dist/apps/api/src/main.js');
launch('worker', 'dist/apps/worker/src/main.js');

const url = `http://localhost:${env.PORT ?? 3000}`;
for (let i = 0; i < 120 && !stopping; i += 1) {
  const ready = await fetch(`${url}/health/ready`).then(
    (r) => r.ok,
    () => false,
  );
  if (ready) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const { DEMO_LOGINS } = await import('../dist/apps/sandbox/src/seed/demo-organization.js');
    const { seedDemoPosts } = await import('../dist/apps/sandbox/src/seed/demo-posts.js');
    await seedDemoPosts(url).then(
      (count) => count > 0 && console.log(`[rounds] demo posts written: ${count}`),
      (error) => console.warn(`[rounds] the demo posts could not be written: ${error.message}`),
    );
    console.log(`\n  Rounds is ready in ${seconds}s at ${url}\n  API docs: ${url}/api/docs\n`);
    console.log(`  Demo logins (password: ${DEMO_LOGINS.password}):`);
    for (const user of DEMO_LOGINS.users) console.log(`    ${user.role.padEnd(11)} ${user.email}`);
    console.log('\n  Ctrl-C stops everything.\n');
    break;
  }
  await new Promise((r) => setTimeout(r, 500));
}
