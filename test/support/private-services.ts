import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { freePort, stopProcess } from './processes';

const PGBOUNCER = '/usr/sbin/pgbouncer';

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

/** A Redis with replicas and automatic failover: a cluster, or a master watched by Sentinel. */
export interface PrivateFailoverRedis {
  /** `redis+cluster://…` or `redis+sentinel://…`, as REDIS_URL. */
  url: string;
  /** SIGKILLs the master serving `key`; resolves once a replica has taken over (ports). */
  killMaster(key: string): Promise<{ killed: number; promoted: number }>;
  stop(): Promise<void>;
}

/** Polls `ok` every 100 ms for up to 30 s. */
async function waitUntil(what: string, ok: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`Redis failover: ${what} after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A client for one server that retries until it listens, and says nothing meanwhile. */
function adminClient(port: number): IORedis {
  const client = new IORedis({ port, host: '127.0.0.1', retryStrategy: () => 50 });
  client.on('error', () => undefined);
  return client;
}

async function ask<T>(port: number, ...command: [string, ...string[]]): Promise<T> {
  const client = adminClient(port);
  try {
    return (await client.call(...command)) as T;
  } finally {
    client.disconnect();
  }
}

const redisServer = (port: number, dir: string, ...extra: string[]) =>
  spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      ...extra,
    ],
    { stdio: 'ignore' },
  );

/**
 * A master, its replica and one Sentinel (quorum 1, a master silent for a second is down) on
 * free ports, in a temporary folder.
 */
export async function startPrivateRedisSentinel(): Promise<PrivateFailoverRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'rounds-sentinel-'));
  const [master, replica, sentinel] = [await freePort(), await freePort(), await freePort()];
  const servers = new Map<number, ChildProcess>([
    [master, redisServer(master, dir)],
    [replica, redisServer(replica, dir, '--replicaof', '127.0.0.1', String(master))],
  ]);
  const config = join(dir, 'sentinel.conf');
  writeFileSync(
    config,
    [
      `port ${sentinel}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      `sentinel monitor rounds 127.0.0.1 ${master} 1`,
      'sentinel down-after-milliseconds rounds 1000',
      'sentinel failover-timeout rounds 5000',
      '',
    ].join('\n'),
  );
  const watcher = spawn('redis-server', [config, '--sentinel'], { stdio: 'ignore' });
  const masterPort = async () =>
    Number((await ask<string[]>(sentinel, 'SENTINEL', 'get-master-addr-by-name', 'rounds'))[1]);
  await waitUntil('the replica is not in sync', async () =>
    (await ask<string>(replica, 'INFO', 'replication')).includes('master_link_status:up'),
  );
  await waitUntil(
    'Sentinel does not see the replica',
    async () => (await ask<unknown[]>(sentinel, 'SENTINEL', 'replicas', 'rounds')).length === 1,
  );
  return {
    url: `redis+sentinel://127.0.0.1:${sentinel}/rounds`,
    async killMaster() {
      const killed = await masterPort();
      await stopProcess(servers.get(killed)!, 'SIGKILL');
      await waitUntil('no replica took over', async () => (await masterPort()) !== killed);
      return { killed, promoted: await masterPort() };
    },
    async stop() {
      await stopProcess(watcher, 'SIGKILL');
      for (const child of servers.values()) await stopProcess(child, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const CLUSTER_NODES = 6;

/**
 * Three masters with a replica each (`redis-cluster --cluster-replicas 1`) on free ports, in a
 * temporary folder; a master missing for a second is replaced by its replica.
 */
export async function startPrivateRedisCluster(): Promise<PrivateFailoverRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'rounds-cluster-'));
  const nodes = new Map<number, ChildProcess>();
  for (let i = 0; i < CLUSTER_NODES; i++) {
    const port = await freePort();
    const conf = join(dir, `nodes-${port}.conf`);
    const cluster = ['--cluster-enabled', 'yes', '--cluster-config-file', conf];
    nodes.set(port, redisServer(port, dir, ...cluster, '--cluster-node-timeout', '1000'));
  }
  for (const port of nodes.keys()) await ask(port, 'PING');
  const addresses = [...nodes.keys()].map((port) => `127.0.0.1:${port}`);
  execFileSync(
    'redis-cli',
    ['--cluster', 'create', ...addresses, '--cluster-replicas', '1', '--cluster-yes'],
    { stdio: 'ignore' },
  );
  const alive = () =>
    [...nodes].filter(([, child]) => child.exitCode === null && !child.signalCode);
  const allOk = async () => {
    for (const [port] of alive())
      if (!(await ask<string>(port, 'CLUSTER', 'INFO')).includes('cluster_state:ok')) return false;
    return true;
  };
  await waitUntil('not every node reports cluster_state:ok', allOk);
  /** The port of the master serving `key`'s slot, asked of a live node. */
  const masterOf = async (key: string) => {
    const [[port]] = alive();
    const slot = await ask<number>(port, 'CLUSTER', 'KEYSLOT', key);
    const ranges = await ask<[number, number, [string, number]][]>(port, 'CLUSTER', 'SLOTS');
    return ranges.find(([from, to]) => slot >= from && slot <= to)?.[2][1];
  };
  return {
    url: `redis+cluster://${addresses.join(',')}`,
    async killMaster(key) {
      const killed = (await masterOf(key))!;
      await stopProcess(nodes.get(killed)!, 'SIGKILL');
      let promoted: number | undefined;
      await waitUntil('no replica took over', async () => {
        promoted = await masterOf(key);
        return promoted !== undefined && promoted !== killed && (await allOk());
      });
      return { killed, promoted: promoted! };
    },
    async stop() {
      for (const child of nodes.values()) await stopProcess(child, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PrivatePgbouncer {
  /** `url` with host and port replaced by the pooler's: the same database through PgBouncer. */
  through(url: string): string;
  stop(): Promise<void>;
}

/**
 * Debian's PgBouncer (1.18: no named prepared statements) in transaction pooling in front of
 * the PostgreSQL at `postgresUrl`, trusting every login as that server does locally. It drops
 * the pool's timeouts as startup parameters (the login's database defaults apply instead).
 */
export async function startPrivatePgbouncer(
  postgresUrl: string,
  logins: { user: string; password: string }[],
): Promise<PrivatePgbouncer> {
  const port = await freePort();
  const target = new URL(postgresUrl);
  const dir = mkdtempSync(join(tmpdir(), 'rounds-pgbouncer-'));
  // Trust still wants every login listed; the password is what PgBouncer gives the server.
  const users = logins.map(({ user, password }) => `"${user}" "${password}"`);
  writeFileSync(join(dir, 'users.txt'), `${users.join('\n')}\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${target.hostname} port=${target.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 1000',
      'default_pool_size = 20',
      'ignore_startup_parameters = statement_timeout,lock_timeout,idle_in_transaction_session_timeout',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  );
  // PgBouncer refuses to run as root: there, it runs as the `postgres` user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres', dir]);
  const postgresUser = () => Number(execFileSync('id', ['-u', 'postgres']).toString());
  const postgresGroup = () => Number(execFileSync('id', ['-g', 'postgres']).toString());
  const child = spawn(PGBOUNCER, [join(dir, 'pgbouncer.ini')], {
    stdio: 'ignore',
    ...(asRoot ? { uid: postgresUser(), gid: postgresGroup() } : {}),
  });
  const through = (url: string) => {
    const pooled = new URL(url);
    pooled.hostname = '127.0.0.1';
    pooled.port = String(port);
    return pooled.toString();
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    const client = new Client({ connectionString: through(postgresUrl) });
    try {
      await client.connect();
      await client.query('SELECT 1');
      break;
    } catch (error) {
      if (Date.now() > deadline || child.exitCode !== null) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return {
    through,
    async stop() {
      await stopProcess(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
