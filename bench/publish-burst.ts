// Publish burst benchmark: 10,000 publications due at the same moment over 500 X channels (50
// organizations of 10), the sandbox answering every request after 100 ms, one worker process
// (the real one, from dist). Prints the time until all are published, publications per second,
// lateness p50/p99, duplicates, lost and the worker's peak RSS; in the same run a baseline (a bare
// BullMQ worker making the same sandbox calls with no database work, same concurrency); then the
// lateness of single posts at low load.
// Targets: all within 15 s, >= 0.5 x baseline throughput, 0 duplicates, 0 lost, RSS <= 250 MB,
// low-load p99 <= 1 s.
// Run: node -r @swc-node/register bench/publish-burst.ts
// (BENCH_POSTGRES_URL, BENCH_REDIS_URL; BENCH_PUBLICATIONS, BENCH_CHANNELS, BENCH_CONCURRENCY.)
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { XClient } from '@rounds/platforms';
import { redisOptions } from '@rounds/queue';
import { SandboxControlClient } from '../apps/sandbox/src/sandbox-control.client';
import {
  deleteQueueKeys,
  ensureBuilt,
  freePort,
  launch,
  stopProcess,
} from '../test/support/processes';
import { benchDatabase, benchWorkerEnv } from './support/bench-stack';
import {
  awaitPublished,
  cpuSeconds,
  dueAt,
  peakRssMb,
  quietSandbox,
} from './support/burst-measure';
import {
  Account,
  benchSecrets,
  duplicates,
  enqueue,
  insertFixtures,
  insertPosts,
  percentile,
  pool,
  seconds,
} from './support/publish-fixtures';

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PUBLICATIONS = Number(process.env.BENCH_PUBLICATIONS ?? 10_000);
const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 300);
const CHANNELS_PER_ORGANIZATION = 10;
const LATENCY_MS = 100;
const LEAD_MS = 20_000;
const LOW_LOAD_POSTS = 40;
const LOW_LOAD_SPACING_MS = 250;
const LOW_LOAD_LEAD_MS = 2_000;
const BASELINE_QUEUE = 'baseline';

const tag = `bench_publish_${randomBytes(4).toString('hex')}`;
const encryptionKey = `bench:${randomBytes(32).toString('base64')}`;

/** The same burst through a bare BullMQ worker that only calls the sandbox. */
async function baseline(sandboxUrl: string, accounts: Account[]) {
  const prefix = `{${tag}-baseline}`;
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', __filename, '--baseline-worker'],
    {
      env: { ...process.env, BASELINE_PREFIX: prefix, SANDBOX_URL: sandboxUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  const queue = new Queue(BASELINE_QUEUE, { connection: redisOptions(REDIS_URL), prefix });
  const at = Date.now() + LEAD_MS;
  const jobs = Array.from({ length: PUBLICATIONS }, (_, i) => {
    const account = accounts[i % accounts.length];
    const text = `Baseline ${tag} update ${i + 1}: our clinics are open this week.`;
    // The bare worker gets the token in the job: it has no database to read it from.
    return {
      name: 'tweet',
      data: { accessToken: account.accessToken, handle: account.handle, text },
      opts: { delay: at - Date.now(), removeOnComplete: false },
    };
  });
  for (let i = 0; i < jobs.length; i += 1_000) await queue.addBulk(jobs.slice(i, i + 1_000));
  const cpuBefore = cpuSeconds(child.pid!);
  while ((await queue.getJobCounts('completed')).completed < PUBLICATIONS) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const cpuMs = ((cpuSeconds(child.pid!) - cpuBefore) * 1000) / PUBLICATIONS;
  const finished = (await queue.getJobs(['completed'], 0, -1)).map((j) => j.finishedOn! - at);
  finished.sort((a, b) => a - b);
  await stopProcess(child as ChildProcess, 'SIGTERM');
  await queue.obliterate({ force: true });
  await queue.close();
  const allMs = finished[finished.length - 1];
  const perSecond = PUBLICATIONS / (allMs / 1000);
  return { allMs, perSecond, cpuMs, p50: percentile(finished, 50), p99: percentile(finished, 99) };
}

/** The bare worker: BullMQ + the same X client, no database. */
async function runBaselineWorker(): Promise<void> {
  const x = new XClient({
    apiBaseUrl: process.env.SANDBOX_URL!,
    authorizeUrl: process.env.SANDBOX_URL!,
    clientId: 'bench',
    clientSecret: 'bench',
  });
  const worker = new Worker(
    BASELINE_QUEUE,
    async (job) =>
      x.postTweet(job.data.accessToken, { text: job.data.text, handle: job.data.handle }),
    {
      connection: redisOptions(REDIS_URL),
      prefix: process.env.BASELINE_PREFIX,
      concurrency: CONCURRENCY,
    },
  );
  await worker.waitUntilReady();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => void worker.close().then(() => process.exit(0)));
}

async function main(): Promise<void> {
  ensureBuilt();
  const database = await benchDatabase(ADMIN_URL, tag);
  const db = database.db;
  const children: ChildProcess[] = [];
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  try {
    const port = await freePort();
    const sandboxUrl = `http://127.0.0.1:${port}`;
    const sandboxEnv = { SANDBOX_PORT: String(port), SANDBOX_LATENCY_MS: String(LATENCY_MS) };
    const sandboxArgs = (process.env.BENCH_SANDBOX_NODE_ARGS ?? '').split(' ').filter(Boolean);
    children.push(await launch('sandbox', tag, sandboxEnv, 'sandbox listening on', sandboxArgs));
    const control = new SandboxControlClient(sandboxUrl);
    const accounts = await pool(Array.from({ length: CHANNELS }), 32, () =>
      control.createXAccount(),
    );
    const fixtures = await insertFixtures(db, accounts, encryptionKey, CHANNELS_PER_ORGANIZATION);

    const env = benchWorkerEnv({
      databaseUrl: database.url,
      redisUrl: REDIS_URL,
      queuePrefix: tag,
      encryptionKey,
      concurrency: CONCURRENCY,
      sandboxUrl,
    });
    // BENCH_WORKER_NODE_ARGS="--cpu-prof" profiles the worker (BENCH_SANDBOX_NODE_ARGS the sandbox).
    const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const worker = await launch('worker', tag, env, '"worker ready"', nodeArgs);
    children.push(worker);
    const queue = new Queue('publish', { connection: redisOptions(REDIS_URL), prefix: `{${tag}}` });

    const texts = Array.from(
      { length: PUBLICATIONS },
      (_, i) => `${tag} community update ${i + 1}: clinics open.`,
    );
    const inserted = await insertPosts(db, fixtures, texts, () => new Date(Date.now() + 3600_000));
    // Low load first: single posts while the worker has nothing else to do (its boot-time sweeps
    // over the new channels done), before the burst's posts give the metrics collector work.
    await quietSandbox(control);
    const lowTexts = Array.from(
      { length: LOW_LOAD_POSTS },
      (_, i) => `${tag} single post ${i + 1}.`,
    );
    const start = Date.now() + LOW_LOAD_LEAD_MS;
    const single = await insertPosts(
      db,
      fixtures,
      lowTexts,
      (i) => new Date(start + i * LOW_LOAD_SPACING_MS),
    );
    await enqueue(queue, single);
    const low = await awaitPublished(db, single);

    await quietSandbox(control);
    const due = new Date(Date.now() + LEAD_MS);
    const burst = await dueAt(db, inserted, due);
    await enqueue(queue, burst);
    const setupLeft = due.getTime() - Date.now();
    if (setupLeft < 0)
      throw new Error('the burst was not enqueued before it was due; raise LEAD_MS');
    const cpuBefore = cpuSeconds(worker.pid!);
    const ours = await awaitPublished(db, burst);
    const oursCpuMs = ((cpuSeconds(worker.pid!) - cpuBefore) * 1000) / PUBLICATIONS;
    const oursAllMs = ours.lastAt - due.getTime();
    const dup = await duplicates(control, texts);
    const rss = peakRssMb(worker.pid!);

    // The baseline has the machine to itself: our worker would go on collecting metrics.
    children.splice(children.indexOf(worker), 1);
    await stopProcess(worker, 'SIGTERM');
    const base = await baseline(sandboxUrl, accounts);
    const oursPerSecond = ours.published / (oursAllMs / 1000);

    console.log(
      `\npublish burst: ${PUBLICATIONS} publications due at once over ${CHANNELS} channels, sandbox latency ${LATENCY_MS} ms, worker concurrency ${CONCURRENCY}`,
    );
    console.log(`  all published after      ${seconds(oursAllMs)}   (target <= 15 s)`);
    console.log(
      `  publications/s           ${oursPerSecond.toFixed(0)}   baseline ${base.perSecond.toFixed(0)}   ratio ${(oursPerSecond / base.perSecond).toFixed(2)} (target >= 0.5)`,
    );
    console.log(
      `  lateness p50 / p99       ${seconds(percentile(ours.lateness, 50))} / ${seconds(percentile(ours.lateness, 99))}   baseline ${seconds(base.p50)} / ${seconds(base.p99)}`,
    );
    console.log(`  duplicates               ${dup}   (target 0)`);
    console.log(`  lost                     ${PUBLICATIONS - ours.published}   (target 0)`);
    console.log(`  worker peak RSS          ${rss.toFixed(0)} MB   (target <= 250 MB)`);
    console.log(
      `  worker CPU per post      ${oursCpuMs.toFixed(2)} ms   baseline ${base.cpuMs.toFixed(2)} ms (independent of the machine's other load)`,
    );
    console.log(
      `  baseline: all done after ${seconds(base.allMs)} (bare BullMQ worker, same calls, no database)`,
    );
    console.log(
      `single posts at low load (${LOW_LOAD_POSTS}, one every ${LOW_LOAD_SPACING_MS} ms): lateness p50 ${seconds(percentile(low.lateness, 50))}, p99 ${seconds(percentile(low.lateness, 99))}, max ${seconds(low.lateness[low.lateness.length - 1])}   (target p99 <= 1 s); lost ${LOW_LOAD_POSTS - low.published}`,
    );
    await queue.close();
  } finally {
    for (const child of children.reverse()) await stopProcess(child, 'SIGTERM');
    await deleteQueueKeys(redis, tag);
    redis.disconnect();
    await database.drop();
  }
}

if (process.argv.includes('--baseline-worker')) {
  void runBaselineWorker();
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
