import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  rmdirSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Cluster } from 'ioredis';
import { Pool } from 'pg';
import { loadConfig } from '@rounds/config';
import { setRuntimeTimeouts } from '@rounds/database';
import { createRedis, redisTarget, type RedisClient } from '@rounds/queue';
import { SandboxControlClient } from '../../apps/sandbox/src/sandbox-control.client';
import { createTestDatabase, dropTestDatabase, ownerClient } from './test-database';
import { databaseUrl, TEST_REDIS_URL, testEnvironment } from './test-env';

const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, 'dist/apps');
const SOURCES = ['apps/api/src', 'apps/worker/src', 'apps/sandbox/src', 'libs'];
const LOGS = join(ROOT, 'test/artifacts/e2e');

/** What the e2e suites run against: sandbox, api and worker as separate `node dist/...` processes. */
export interface Stack {
  apiUrl: string;
  /** Every API replica (`apiReplicas`), the first being apiUrl. */
  apiUrls: string[];
  sandboxUrl: string;
  sandbox: SandboxControlClient;
  env: Record<string, string>;
  /** The suite's own database, for assertions that the API does not expose. */
  db: Pool;
  startWorker(): Promise<void>;
  /** SIGTERM waits for jobs in flight; SIGKILL is a crash. */
  stopWorker(signal?: NodeJS.Signals): Promise<void>;
  /** One more worker replica beside startWorker's; stopped with the stack unless stopped before. */
  addWorker(): Promise<ChildProcess>;
  /** Deletes every Redis key of this suite's queue prefix (FLUSHALL for this suite only). */
  emptyQueues(): Promise<number>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Extra environment for api and worker (e.g. short timeouts). */
  env?: Record<string, string>;
  sandboxLatencyMs?: number;
  /** A Redis of the suite's own (startPrivateRedis), for a real FLUSHALL; default the shared one. */
  redisUrl?: string;
  /**
   * Where api and worker reach PostgreSQL (DATABASE_URL and DATABASE_READ_URL), given the
   * database's direct URL: e.g. through a PgBouncer. The login's timeouts are then set as its
   * database defaults, as migrate does.
   */
  pooler?: (url: string) => string;
  /** API processes on one database and Redis (default 1). */
  apiReplicas?: number;
  /** Node's own flags for every API process (e.g. `--cpu-prof`). */
  apiNodeArgs?: string[];
}

/** Short timings so crashes, leases and retries play out within a test. */
export const FAST_PUBLISHING = {
  PLATFORM_TIMEOUT_MS: '1500',
  PLATFORM_CREATE_TIMEOUT_MS: '1500',
  RECONCILE_INTERVAL_MS: '1000',
  PUBLISH_RETRY_BASE_MS: '300',
  PUBLISH_MAX_ATTEMPTS: '3',
  WORKER_CONCURRENCY: '20',
};

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  ensureBuilt();
  const name = await createTestDatabase();
  const children: ChildProcess[] = [];
  const sandboxPort = await freePort();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const sandboxProcess = await launch(
    'sandbox',
    name,
    {
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_LATENCY_MS: String(options.sandboxLatencyMs ?? 0),
    },
    'sandbox listening on',
  );
  children.push(sandboxProcess);
  const apiPort = await freePort();
  const env: Record<string, string> = {
    ...testEnvironment(name),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
    PORT: String(apiPort),
    PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    X_API_BASE_URL: sandboxUrl,
    X_AUTHORIZE_URL: `${sandboxUrl}/i/oauth2/authorize`,
    GOOGLE_API_BASE_URL: sandboxUrl,
    GOOGLE_AUTHORIZE_URL: `${sandboxUrl}/google/o/oauth2/v2/auth`,
    GOOGLE_TOKEN_URL: `${sandboxUrl}/google/token`,
    ...FAST_PUBLISHING,
    REDIS_URL: options.redisUrl ?? TEST_REDIS_URL,
    ...options.env,
  };
  if (options.pooler) {
    env.DATABASE_URL = env.DATABASE_READ_URL = options.pooler(env.DATABASE_URL);
    const owner = await ownerClient(name);
    await setRuntimeTimeouts(owner, env.DATABASE_URL, loadConfig(env));
    await owner.end();
  }
  const apiUrls = [env.PUBLIC_URL];
  const apiArgs = options.apiNodeArgs ?? [];
  children.push(await launch('api', name, env, healthOf(env.PUBLIC_URL), apiArgs));
  for (let i = 1; i < (options.apiReplicas ?? 1); i++) {
    const port = String(await freePort());
    apiUrls.push(`http://127.0.0.1:${port}`);
    const replica = { ...env, PORT: port };
    children.push(await launch('api', name, replica, healthOf(apiUrls[i]), apiArgs));
  }
  let worker: ChildProcess | undefined;
  const db = new Pool({ connectionString: databaseUrl(name), max: 4 });
  // pg-pool's end() resolves before its clients' sockets close: dropping the database then
  // terminates them, and the pool reports it as an error nobody needs.
  db.on('error', () => undefined);
  const redis = createRedis(redisTarget(env as { REDIS_URL: string }));
  // A failover test kills servers under it: it reconnects, and need not say so.
  redis.on('error', () => undefined);

  const stack: Stack = {
    apiUrl: apiUrls[0],
    apiUrls,
    sandboxUrl,
    sandbox: new SandboxControlClient(sandboxUrl),
    env,
    db,
    async startWorker() {
      if (worker) throw new Error('the worker is already running');
      worker = await launch('worker', name, env, '"worker ready"');
    },
    async stopWorker(signal = 'SIGTERM') {
      const running = worker;
      worker = undefined;
      if (running) await stopProcess(running, signal);
    },
    async addWorker() {
      const replica = await launch('worker', name, env, '"worker ready"');
      children.push(replica);
      return replica;
    },
    emptyQueues: () => deleteQueueKeys(redis, env.QUEUE_PREFIX),
    async stop() {
      await stack.stopWorker('SIGTERM');
      for (const child of children.reverse()) await stopProcess(child, 'SIGTERM');
      try {
        await stack.emptyQueues();
      } finally {
        redis.disconnect();
        await db.end();
        await dropTestDatabase(name);
      }
    },
  };
  return stack;
}

/**
 * SCAN + DEL of one queue prefix's keys: FLUSHALL for one suite of a shared Redis. The keys are
 * in one hash slot (`{prefix}`), so on a cluster they are on one master; each master is scanned.
 */
export async function deleteQueueKeys(redis: RedisClient, prefix: string): Promise<number> {
  let deleted = 0;
  // A master killed in a failover may still be listed, closed: its replica holds the keys now.
  const nodes =
    redis instanceof Cluster
      ? redis.nodes('master').filter((node) => node.status === 'ready')
      : [redis];
  for (const node of nodes) {
    const stream = node.scanStream({ match: `{${prefix}}*`, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length > 0) deleted += await node.del(...keys);
    }
  }
  return deleted;
}

/**
 * `node dist/apps/<app>/src/main.js`, resolved once its log shows `ready` (or, for a process
 * whose log level hides that line, once the URL `ready` answers); output goes to a file.
 */
export function launch(
  app: 'sandbox' | 'api' | 'worker',
  suite: string,
  env: Record<string, string>,
  ready: string | URL,
  nodeArgs: string[] = [],
): Promise<ChildProcess> {
  mkdirSync(LOGS, { recursive: true });
  const log = createWriteStream(join(LOGS, `${suite}-${app}.log`), { flags: 'a' });
  // As `npm start` and the image run it: the worker's heap bounded (README, "Worker memory").
  const heap = app === 'worker' ? ['--max-old-space-size=256', '--max-semi-space-size=8'] : [];
  const args = ['--enable-source-maps', ...heap, ...nodeArgs, join(DIST, app, 'src/main.js')];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`${app} did not start in 60 s; see ${log.path}`)),
      60_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const started = () => {
      clearTimeout(timer);
      resolve(child);
    };
    if (ready instanceof URL) void pollUntilAnswered(ready, child).then(started, fail);
    else {
      let seen = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        seen = (seen + chunk.toString()).slice(-4096);
        if (seen.includes(ready)) started();
      });
    }
    child.once('exit', (code) => fail(new Error(`${app} exited with ${code}; see ${log.path}`)));
  });
}

/** An API counts as started when its liveness probe answers (its log level may hide the line). */
const healthOf = (apiUrl: string) => new URL('/health/live', apiUrl);

async function pollUntilAnswered(url: URL, child: ChildProcess): Promise<void> {
  while (child.exitCode === null && child.signalCode === null) {
    const answered = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs `npm run build:server` and `build:sandbox` when dist is older than the sources; parallel suites wait for the
 * one that builds (a directory is the lock).
 */
export function ensureBuilt(): void {
  const marker = join(DIST, 'sandbox/src/main.js'); // built last
  // While iterating on the tests alone: E2E_REUSE_DIST=1 runs whatever dist holds.
  if (process.env.E2E_REUSE_DIST === '1' && existsSync(marker)) return;
  const fresh = () =>
    existsSync(marker) &&
    statSync(marker).mtimeMs > Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
  if (fresh()) return;
  const lock = join(ROOT, 'dist/.e2e-build-lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  try {
    mkdirSync(lock);
  } catch {
    while (existsSync(lock)) execFileSync('sleep', ['1']);
    return;
  }
  try {
    for (const build of ['build:server', 'build:sandbox'])
      execFileSync('npm', ['run', '--silent', build], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    rmdirSync(lock);
  }
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}
