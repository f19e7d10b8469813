// Many replicas: the same burst of publications due at once, published by 1, 2 and 3 worker
// processes on one PostgreSQL and one Redis, the sandbox answering every request after 100 ms.
// Prints, per number of workers, the time until all are published, publications per second, the
// workers' CPU per post (summed over the workers), duplicates and lost, and the load average the
// figures were taken at (the machine is shared: compare the rows of one run).
// Run: npm run bench -- replicas
// (BENCH_POSTGRES_URL, BENCH_REDIS_URL; BENCH_PUBLICATIONS, BENCH_CHANNELS, BENCH_CONCURRENCY.)
import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Queue } from 'bullmq';
import { createRedis, redisOptions, redisTarget } from '@rounds/queue';
import { deleteQueueKeys, ensureBuilt, launch, stopProcess } from '../test/support/processes';
import { benchDatabase, benchWorkerEnv, launchSandbox } from './support/bench-stack';
import { awaitPublished, cpuSeconds, dueAt, quietSandbox } from './support/burst-measure';
import {
  duplicates,
  enqueue,
  insertFixtures,
  insertPosts,
  pool,
  seconds,
} from './support/publish-fixtures';

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PUBLICATIONS = Number(process.env.BENCH_PUBLICATIONS ?? 10_000);
const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 150);
const WORKERS = [1, 2, 3];
const LATENCY_MS = 100;
const LEAD_MS = 20_000;

const tag = `bench_replicas_${randomBytes(4).toString('hex')}`;
const encryptionKey = `bench:${randomBytes(32).toString('base64')}`;

interface Round {
  workers: number;
  allMs: number;
  perSecond: number;
  cpuMs: number;
  duplicates: number;
  lost: number;
  load: number;
}

async function main(): Promise<void> {
  ensureBuilt();
  const database = await benchDatabase(ADMIN_URL, tag);
  const db = database.db;
  const redis = createRedis(redisTarget({ REDIS_URL }));
  const queue = new Queue('publish', {
    connection: redisOptions(REDIS_URL),
    prefix: `{${tag}}`,
  });
  const children: ChildProcess[] = [];
  const rounds: Round[] = [];
  try {
    const sandbox = await launchSandbox(tag, LATENCY_MS);
    children.push(sandbox.child);
    const { control } = sandbox;
    const env = benchWorkerEnv({
      databaseUrl: database.url,
      redisUrl: REDIS_URL,
      queuePrefix: tag,
      encryptionKey,
      concurrency: CONCURRENCY,
      sandboxUrl: sandbox.url,
    });
    for (const count of WORKERS) {
      // Channels of their own per round, the previous round's disconnected: no metrics reading
      // or mention pulling of earlier posts runs while this round is measured.
      await db.query(`UPDATE channels SET status = 'disconnected'`);
      const accounts = await pool(Array.from({ length: CHANNELS }), 32, () =>
        control.createXAccount(),
      );
      const fixtures = await insertFixtures(db, accounts, encryptionKey, 10);
      const texts = Array.from(
        { length: PUBLICATIONS },
        (_, i) => `${tag} ${count} workers, update ${i + 1}: clinics open.`,
      );
      const later = new Date(Date.now() + 3600_000);
      const inserted = await insertPosts(db, fixtures, texts, () => later);
      const workers: ChildProcess[] = [];
      for (let i = 0; i < count; i++)
        workers.push(await launch('worker', tag, env, '"worker ready"'));
      children.push(...workers);
      await quietSandbox(control);
      const due = new Date(Date.now() + LEAD_MS);
      const burst = await dueAt(db, inserted, due);
      await enqueue(queue, burst);
      if (Date.now() > due.getTime()) throw new Error('the burst was due before it was enqueued');
      const cpuBefore = workers.map((w) => cpuSeconds(w.pid!));
      const published = await awaitPublished(db, burst);
      const cpu = workers.reduce((sum, w, i) => sum + cpuSeconds(w.pid!) - cpuBefore[i], 0);
      const allMs = published.published > 0 ? published.lastAt - due.getTime() : NaN;
      rounds.push({
        workers: count,
        allMs,
        perSecond: published.published / (allMs / 1000),
        cpuMs: (cpu * 1000) / PUBLICATIONS,
        duplicates: await duplicates(control, texts),
        lost: PUBLICATIONS - published.published,
        load: loadavg()[0],
      });
      for (const worker of workers) {
        children.splice(children.indexOf(worker), 1);
        await stopProcess(worker, 'SIGTERM');
      }
      // Leftovers would run into the next round's figures: stop at the first incomplete round.
      if (rounds.at(-1)!.lost > 0) break;
    }
  } finally {
    for (const child of children.reverse()) await stopProcess(child, 'SIGTERM');
    await queue.close();
    await deleteQueueKeys(redis, tag);
    redis.disconnect();
    await database.drop();
  }
  console.log(
    `\nreplicas: ${PUBLICATIONS} publications due at once over ${CHANNELS} channels per round, sandbox latency ${LATENCY_MS} ms, concurrency ${CONCURRENCY} per worker, one PostgreSQL and one Redis`,
  );
  console.log(
    '  workers   all published   publications/s   CPU per post   duplicates   lost   load (1 min)',
  );
  for (const r of rounds) {
    console.log(
      `  ${String(r.workers).padEnd(9)} ${seconds(r.allMs).padEnd(15)} ${r.perSecond.toFixed(0).padEnd(16)} ${`${r.cpuMs.toFixed(2)} ms`.padEnd(14)} ${String(r.duplicates).padEnd(12)} ${String(r.lost).padEnd(6)} ${r.load.toFixed(1)}`,
    );
  }
  if (rounds.some((r) => r.duplicates > 0 || r.lost > 0)) {
    throw new Error('a publication was sent twice or never: see duplicates and lost');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
