// Publish burst benchmark: 10,000 publications due at the same moment over 500 X channels (50
// organizations of 10), the sandbox answering every request after 100 ms, one worker process
// (the real one, from dist). Prints the time until all are published, publications per second,
// lateness p50/p99, duplicates, lost and the worker's peak RSS; in the same run a baseline (a bare
// BullMQ worker making the same sandbox calls with no database work, same concurrency); then the
// lateness of single posts at low load.
// Both sides are timed at the same point: the platform's acceptance, read from the sandbox's
// request log (each POST /2/tweets answered 2xx), and both are warmed the same way (single posts
// at low load first). The baseline must send every tweet exactly once before the same deadline.
// Targets: all within 15 s, >= 0.5 x baseline throughput, 0 duplicates, 0 lost, RSS <= 250 MB,
// low-load p99 <= 1 s; a miss exits non-zero.
// Run: node -r @swc-node/register bench/publish-burst.ts
// (BENCH_POSTGRES_URL, BENCH_REDIS_URL; BENCH_PUBLICATIONS, BENCH_CHANNELS, BENCH_CONCURRENCY.)
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { XClient } from '@rounds/platforms';
import { redisOptions } from '@rounds/queue';
import type { SandboxControlClient } from '../apps/sandbox/src/sandbox-control.client';
import { deleteQueueKeys, ensureBuilt, launch, stopProcess } from '../test/support/processes';
import { benchDatabase, benchWorkerEnv, launchSandbox } from './support/bench-stack';
import {
  Account,
  duplicates,
  enqueue,
  insertFixtures,
  insertPosts,
  percentile,
  pool,
  Scheduled,
  seconds,
} from './support/publish-fixtures';
import { cpuSeconds, dueAt, peakRssMb, quietSandbox } from './support/burst-measure';

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
const GIVE_UP_MS = 180_000;
const BASELINE_QUEUE = 'baseline';

const tag = `bench_publish_${randomBytes(4).toString('hex')}`;
const encryptionKey = `bench:${randomBytes(32).toString('base64')}`;

/** Polls `done` (rarely, to keep the bench's own load off the machine) until it holds or GIVE_UP_MS passes. */
async function until(done: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    if (await done()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** How many of the publications the product says are published (what it believes, not the oracle). */
async function publishedCount(db: Client, posts: Scheduled[]): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS published FROM publications WHERE id = ANY($1) AND status = 'published'`,
    [posts.map((p) => p.publicationId)],
  );
  return rows[0].published;
}

interface Sends {
  /** Every POST /2/tweets the platform received since its log was cleared, whatever the answer. */
  posts: number;
  /** When the platform accepted each tweet (answered 2xx), ms since `due`, ascending. */
  accepted: number[];
}

/** The platform's own record of the sends since its request log was cleared: the oracle. */
async function platformSends(control: SandboxControlClient, due: number): Promise<Sends> {
  const posts = (await control.requests({ platform: 'x', path: '/2/tweets' })).filter(
    (r) => r.method === 'POST' && r.path === '/2/tweets',
  );
  const accepted = posts
    .filter((r) => r.status >= 200 && r.status < 300)
    .map((r) => Date.parse(r.answeredAt) - due)
    .sort((a, b) => a - b);
  return { posts: posts.length, accepted };
}

/** Lateness of each single post: its tweet's acceptance (the platform's createdAt) minus its time. */
async function lowLoadLateness(
  control: SandboxControlClient,
  posts: { text: string; at: number }[],
) {
  const acceptedAt = new Map(
    (await control.xTweets()).map((t) => [t.text, Date.parse(t.createdAt)]),
  );
  const lateness = posts
    .filter((p) => acceptedAt.has(p.text))
    .map((p) => acceptedAt.get(p.text)! - p.at)
    .sort((a, b) => a - b);
  return { lateness, lost: posts.length - lateness.length };
}

/**
 * The same run through a bare BullMQ worker that only calls the sandbox: warmed with the same
 * single posts at low load, then the burst, timed at the platform's acceptance like ours, and
 * checked: every tweet sent exactly once, no job failed, all before the same deadline.
 */
async function baseline(control: SandboxControlClient, sandboxUrl: string, accounts: Account[]) {
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
  const job = (i: number, text: string, at: number) => {
    const account = accounts[i % accounts.length];
    // The bare worker gets the token in the job: it has no database to read it from.
    return {
      name: 'tweet',
      data: { accessToken: account.accessToken, handle: account.handle, text },
      opts: { delay: Math.max(0, at - Date.now()), removeOnComplete: false },
    };
  };
  const settled = async (count: number) => {
    const counts = await queue.getJobCounts('completed', 'failed');
    return counts.completed + counts.failed >= count;
  };

  const warmStart = Date.now() + LOW_LOAD_LEAD_MS;
  const warm = Array.from({ length: LOW_LOAD_POSTS }, (_, i) => ({
    text: `Baseline ${tag} single post ${i + 1}.`,
    at: warmStart + i * LOW_LOAD_SPACING_MS,
  }));
  await queue.addBulk(warm.map((p, i) => job(i, p.text, p.at)));
  await until(() => settled(LOW_LOAD_POSTS));
  await quietSandbox(control);
  await control.clearRequests();

  const at = Date.now() + LEAD_MS;
  const jobs = Array.from({ length: PUBLICATIONS }, (_, i) =>
    job(i, `Baseline ${tag} update ${i + 1}: our clinics are open this week.`, at),
  );
  for (let i = 0; i < jobs.length; i += 1_000) await queue.addBulk(jobs.slice(i, i + 1_000));
  const cpuBefore = cpuSeconds(child.pid!);
  const inTime = await until(() => settled(LOW_LOAD_POSTS + PUBLICATIONS));
  const cpuMs = ((cpuSeconds(child.pid!) - cpuBefore) * 1000) / PUBLICATIONS;
  const failed = (await queue.getJobCounts('failed')).failed;
  const sends = await platformSends(control, at);
  await stopProcess(child as ChildProcess, 'SIGTERM');
  await queue.obliterate({ force: true });
  await queue.close();
  const problems = [
    inTime ? null : `not all settled within ${seconds(GIVE_UP_MS)}`,
    failed === 0 ? null : `${failed} jobs failed`,
    sends.posts === PUBLICATIONS ? null : `${sends.posts} POSTs for ${PUBLICATIONS} tweets`,
    sends.accepted.length === PUBLICATIONS ? null : `${sends.accepted.length} tweets accepted`,
  ].filter((p): p is string => p !== null);
  const allMs = sends.accepted[sends.accepted.length - 1];
  return {
    allMs,
    perSecond: sends.accepted.length / (allMs / 1000),
    cpuMs,
    p50: percentile(sends.accepted, 50),
    p99: percentile(sends.accepted, 99),
    problems,
  };
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
    const sandboxArgs = (process.env.BENCH_SANDBOX_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const sandbox = await launchSandbox(tag, LATENCY_MS, sandboxArgs);
    children.push(sandbox.child);
    const { control } = sandbox;
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
      sandboxUrl: sandbox.url,
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
    await until(async () => (await publishedCount(db, single)) === single.length);
    const low = await lowLoadLateness(
      control,
      single.map((p, i) => ({ text: lowTexts[i], at: p.at.getTime() })),
    );

    await quietSandbox(control);
    await control.clearRequests();
    const due = new Date(Date.now() + LEAD_MS);
    const burst = await dueAt(db, inserted, due);
    await enqueue(queue, burst);
    const setupLeft = due.getTime() - Date.now();
    if (setupLeft < 0)
      throw new Error('the burst was not enqueued before it was due; raise LEAD_MS');
    const cpuBefore = cpuSeconds(worker.pid!);
    await until(async () => (await publishedCount(db, burst)) === burst.length);
    const oursCpuMs = ((cpuSeconds(worker.pid!) - cpuBefore) * 1000) / PUBLICATIONS;
    const ours = await platformSends(control, due.getTime());
    const oursAllMs = ours.accepted[ours.accepted.length - 1];
    const dup = Math.max(0, ours.posts - PUBLICATIONS) + (await duplicates(control, texts));
    const lost = PUBLICATIONS - ours.accepted.length;
    const rss = peakRssMb(worker.pid!);

    // The baseline has the machine to itself: our worker would go on collecting metrics.
    children.splice(children.indexOf(worker), 1);
    await stopProcess(worker, 'SIGTERM');
    const base = await baseline(control, sandbox.url, accounts);
    const oursPerSecond = ours.accepted.length / (oursAllMs / 1000);
    const ratio = oursPerSecond / base.perSecond;
    const lowP99 = percentile(low.lateness, 99);

    console.log(
      `\npublish burst: ${PUBLICATIONS} publications due at once over ${CHANNELS} channels, sandbox latency ${LATENCY_MS} ms, worker concurrency ${CONCURRENCY}`,
    );
    console.log(
      `  all accepted after       ${seconds(oursAllMs)}   (target <= 15 s; the platform's acceptance)`,
    );
    console.log(
      `  publications/s           ${oursPerSecond.toFixed(0)}   baseline ${base.perSecond.toFixed(0)}   ratio ${ratio.toFixed(2)} (target >= 0.5)`,
    );
    console.log(
      `  lateness p50 / p99       ${seconds(percentile(ours.accepted, 50))} / ${seconds(percentile(ours.accepted, 99))}   baseline ${seconds(base.p50)} / ${seconds(base.p99)}`,
    );
    console.log(`  duplicates               ${dup}   (target 0; POSTs beyond one per publication)`);
    console.log(
      `  lost                     ${lost}   (target 0; publications the platform never accepted)`,
    );
    console.log(`  worker peak RSS          ${rss.toFixed(0)} MB   (target <= 250 MB)`);
    console.log(
      `  worker CPU per post      ${oursCpuMs.toFixed(2)} ms   baseline ${base.cpuMs.toFixed(2)} ms (independent of the machine's other load)`,
    );
    console.log(
      `  baseline: all accepted after ${seconds(base.allMs)} (bare BullMQ worker, same calls, no database, warmed the same way)${base.problems.length ? `; WRONG: ${base.problems.join(', ')}` : ', every tweet sent exactly once'}`,
    );
    console.log(
      `single posts at low load (${LOW_LOAD_POSTS}, one every ${LOW_LOAD_SPACING_MS} ms): lateness p50 ${seconds(percentile(low.lateness, 50))}, p99 ${seconds(lowP99)}, max ${seconds(low.lateness[low.lateness.length - 1])}   (target p99 <= 1 s); lost ${low.lost}`,
    );
    await queue.close();
    const misses = [
      oursAllMs <= 15_000 ? null : 'all accepted within 15 s',
      ratio >= 0.5 ? null : 'throughput >= 0.5 x baseline',
      dup === 0 ? null : '0 duplicates',
      lost === 0 && low.lost === 0 ? null : '0 lost',
      rss <= 250 ? null : 'worker peak RSS <= 250 MB',
      lowP99 <= 1_000 ? null : 'low-load p99 <= 1 s',
      base.problems.length === 0 ? null : 'a correct baseline',
    ].filter((m): m is string => m !== null);
    if (misses.length > 0) throw new Error(`targets missed: ${misses.join('; ')}`);
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
