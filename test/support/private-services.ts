import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { freePort, stopProcess } from './processes';

/**
 * Redis and PostgreSQL instances of one test or benchmark, on free ports, for what must never be
 * done to the shared ones: FLUSHALL, kill, restart. Each is stopped and removed by `stop()`.
 */
export interface PrivateRedis {
  url: string;
  /** A real FLUSHALL: every key goes, the send budget's included. */
  flushAll(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  // Commands wait for the connection, which ioredis retries until the server listens.
  const client = new IORedis(url, { maxRetriesPerRequest: null, retryStrategy: () => 50 });
  client.on('error', () => undefined);
  await client.ping();
  return {
    url,
    flushAll: async () => {
      await client.flushall();
    },
    async stop() {
      client.disconnect();
      await stopProcess(child, 'SIGTERM');
    },
  };
}

export interface PrivatePostgres {
  /** The `postgres` database of the instance, user postgres, no password. */
  adminUrl: string;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back when it resolves. */
  restart(): void;
  stop(): void;
}

const postgresBin = (tool: string) => {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  return join('/usr/lib/postgresql', versions[0], 'bin', tool);
};

/** PostgreSQL refuses to run as root: there, its tools run as the `postgres` user. */
function runPostgresTool(tool: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, ...rest] = asRoot
    ? ['runuser', '-u', 'postgres', '--', postgresBin(tool), ...args]
    : [postgresBin(tool), ...args];
  execFileSync(command, rest, { stdio: 'ignore' });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rounds-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const data = join(dir, 'data');
  runPostgresTool('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off`;
  const pgCtl = (...args: string[]) =>
    runPostgresTool('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'log'), ...args]);
  pgCtl('-o', options, 'start');
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => pgCtl('-m', 'fast', '-o', options, 'restart'),
    stop() {
      pgCtl('-m', 'immediate', 'stop');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
