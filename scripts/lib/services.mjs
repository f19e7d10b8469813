// Makes sure PostgreSQL and Redis answer: use running ones; else Docker compose; else, as root on
// Debian/Ubuntu, the distribution's packages; else say exactly what to do.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const sh = (command) => spawnSync('sh', ['-c', command], { stdio: 'inherit' }).status === 0;
const quiet = (command) => spawnSync('sh', ['-c', command], { stdio: 'ignore' }).status === 0;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function reachable(url, defaultPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || defaultPort) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

async function waitFor(url, port, seconds) {
  for (let i = 0; i < seconds * 2; i += 1) {
    if (await reachable(url, port)) return true;
    await sleep(500);
  }
  return false;
}

const isLocal = (url) => ['127.0.0.1', 'localhost', '::1'].includes(new URL(url).hostname);
const isDebianRoot = () => process.getuid?.() === 0 && existsSync('/etc/debian_version');
let aptUpdated = false;
const aptInstall = (packages) => {
  if (!aptUpdated) aptUpdated = sh('apt-get update -qq');
  return sh(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`);
};

function startDebianPostgres() {
  if (!quiet('command -v pg_ctlcluster') && !aptInstall('postgresql')) return false;
  const version = readdirSync('/etc/postgresql').sort().pop();
  const hba = `/etc/postgresql/${version}/main/pg_hba.conf`;
  // A fresh local cluster: let the postgres user in over loopback without a password.
  const rules = readFileSync(hba, 'utf8');
  if (!rules.includes('# rounds: local trust')) {
    writeFileSync(
      hba,
      `# rounds: local trust\nhost all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n${rules}`,
    );
  }
  return sh(
    `pg_ctlcluster --skip-systemctl-redirect ${version} main start || pg_ctlcluster --skip-systemctl-redirect ${version} main reload`,
  );
}

function startDebianRedis() {
  if (!quiet('command -v redis-server') && !aptInstall('redis-server')) return false;
  return sh('redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no');
}

async function ensureOne(name, url, port, composeService, startDebian) {
  if (await reachable(url, port)) return;
  console.log(`[rounds] ${name} does not answer at ${new URL(url).host}; starting it…`);
  if (isLocal(url) && quiet('docker info')) {
    sh(`docker compose -f docker/compose.yml up -d ${composeService}`);
    if (await waitFor(url, port, 60)) return;
  }
  if (isLocal(url) && isDebianRoot() && startDebian() && (await waitFor(url, port, 30))) return;
  console.error(
    `\n[rounds] Cannot reach ${name} at ${url}.\n` +
      `  Start one, then run the command again. Any of these works:\n` +
      `  - with Docker:   docker compose -f docker/compose.yml up -d ${composeService}\n` +
      `  - on Debian/Ubuntu (as root): apt-get install -y ${composeService === 'postgres' ? 'postgresql' : 'redis-server'}\n` +
      `  - or point ${name === 'PostgreSQL' ? 'MIGRATION_DATABASE_URL (owner) and DATABASE_URL (runtime login)' : 'REDIS_URL'} in .env at a running server.\n`,
  );
  process.exit(1);
}

/** Creates the database named in the URL when it does not exist. */
async function ensureDatabase(databaseUrl) {
  const { Client } = require('pg');
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (rowCount === 0) {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    console.log(`[rounds] created database ${name}`);
  }
  await client.end();
}

export async function ensureServices({ databaseUrl, redisUrl, createDatabase = true }) {
  await ensureOne('PostgreSQL', databaseUrl, 5432, 'postgres', startDebianPostgres);
  // A cluster or Sentinel URL names several servers someone else runs: nothing to start here.
  if (/^rediss?:/.test(redisUrl))
    await ensureOne('Redis', redisUrl, 6379, 'redis', startDebianRedis);
  // Accepting TCP is not accepting queries yet; retry for a moment on a fresh server.
  for (let attempt = 1; createDatabase; attempt += 1) {
    try {
      await ensureDatabase(databaseUrl);
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await sleep(500);
    }
  }
}

export function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return true;
  if (!isDebianRoot()) return false;
  console.log('[rounds] installing Debian chromium for the browser tests…');
  return aptInstall('chromium');
}

export const PGBOUNCER = '/usr/sbin/pgbouncer';

/** The PgBouncer suite starts its own pooler from Debian's package (transaction pooling). */
export function ensurePgbouncer() {
  if (existsSync(PGBOUNCER)) return true;
  if (!isDebianRoot()) return false;
  console.log('[rounds] installing Debian pgbouncer for the connection-pooler tests…');
  return aptInstall('pgbouncer');
}

export function ensureDependencies() {
  // npm writes this when it installs: older than the lock file means a pull brought new packages.
  const installed = 'node_modules/.package-lock.json';
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync('package-lock.json').mtimeMs)
    return;
  const why = existsSync(installed) ? 'package-lock.json changed: ' : '';
  console.log(`[rounds] ${why}installing dependencies (npm ci)…`);
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
