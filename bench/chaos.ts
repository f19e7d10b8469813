// Chaos benchmark (issue 9): 1,000 approved X posts on 50 accounts due at the same moment T, one
// worker process (WORKER_CONCURRENCY=300), and at once: the worker SIGKILLed at T+2 s, T+5 s and
// T+9 s (restarted 2 s later each time), Redis FLUSHALL at T+4 s, PostgreSQL restarted at T+6 s,
// 5% of POST /2/tweets answered 503 after the tweet was created, every 50th answered 429 with a
// reset 10 s ahead. Redis and PostgreSQL are the bench's own instances on free ports; the sandbox's
// duplicate-content rule is off, so a double send shows as a second tweet.
// Targets (non-zero exit on a miss): 0 duplicate tweets, 0 lost, 0 left `publishing`, last post
// out (published_at) <= T+30 s.
// Run: npm run bench -- chaos   (BENCH_CHAOS_POSTS, BENCH_CHAOS_ACCOUNTS)
import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@rounds/database';
import { redisOptions } from '@rounds/queue';
import { SandboxControlClient } from '../apps/sandbox/src/sandbox-control.client';
import { ensureBuilt, freePort, launch, stopProcess } from '../test/support/processes';
import { startPrivatePostgres, startPrivateRedis } from '../test/support/private-services';
import {
  benchSecrets,
  enqueue,
  insertFixtures,
  insertPosts,
  pool,
  seconds,
} from './support/publish-fixtures';

const POSTS = Number(process.env.BENCH_CHAOS_POSTS ?? 1_000);
const ACCOUNTS = Number(process.env.BENCH_CHAOS_ACCOUNTS ?? 50);
const CONCURRENCY = 300;
const LATENCY_MS = 100;
const LEAD_MS = 15_000;
const KILLS_AT_MS = [2_000, 5_000, 9_000];
const RESTART_AFTER_MS = 2_000;
const FLUSH_AT_MS = 4_000;
const POSTGRES_RESTART_AT_MS = 6_000;
const FIVE_XX_AFTER_CREATE = 0.05;
const RATE_LIMIT_EVERY = 50;
const RATE_LIMIT_RESET_S = 10;
const TARGET_LAST_OUT_MS = 30_000;
const GIVE_UP_MS = 240_000;

const tag = `bench_chaos_${randomBytes(4).toString('hex')}`;
const encryptionKey = `bench:${randomBytes(32).toString('base64')}`;

const at = (t: number, ms: number) =>
  new Promise((resolve) => setTimeout(resolve, t + ms - Date.now()));

interface Counts {
  published: number;
  publishing: number;
  lastPublishedAt: number | null;
}

async function counts(db: Client, ids: string[]): Promise<Counts> {
  const { rows } = await db.query(
    `SELECT count(*) FILTER (WHERE status = 'published')::int AS published,
            count(*) FILTER (WHERE status = 'publishing')::int AS publishing,
            extract(epoch FROM max(published_at)) * 1000 AS last
       FROM publications WHERE id = ANY($1)`,
    [ids],
  );
  return {
    published: rows[0].published,
    publishing: rows[0].publishing,
    lastPublishedAt: rows[0].last === null ? null : Number(rows[0].last),
  };
}

/**
 * Where the time went: lateness by decile, then the latest publications with each step of their
 * audit trail (T-relative), their tries and last error, so a late tail names what it waited on.
 */
async function printLatest(db: Client, ids: string[], T: number, latest = 8): Promise<void> {
  const { rows: deciles } = await db.query(
    `SELECT percentile_disc(ARRAY[0.1,0.5,0.9,0.99,1]) WITHIN GROUP (ORDER BY published_at) AS at
       FROM publications WHERE id = ANY($1) AND published_at IS NOT NULL`,
    [ids],
  );
  const marks = (deciles[0].at ?? []) as Date[];
  const since = (d: Date | string) => `T+${seconds(new Date(d).getTime() - T)}`;
  console.log(`published by p10/p50/p90/p99/max: ${marks.map(since).join(' / ')}`);
  const { rows: buckets } = await db.query(
    `SELECT floor((extract(epoch FROM published_at) * 1000 - $2) / 2000)::int AS b, count(*)::int AS n
       FROM publications WHERE id = ANY($1) AND published_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
    [ids, T],
  );
  console.log(`published per 2 s from T: ${buckets.map((r) => `${r.b * 2}s:${r.n}`).join(' ')}`);
  const { rows: doubts } = await db.query(
    `SELECT count(*) FILTER (WHERE action = 'publication.in_doubt' AND data->>'error' = $2)::int AS taken_over,
            count(*) FILTER (WHERE action = 'publication.in_doubt' AND data->>'error' <> $2)::int AS answers,
            count(*) FILTER (WHERE action = 'publication.published' AND data->>'verified' = 'true')::int AS found
       FROM audit_events WHERE subject_type = 'publication' AND subject_id = ANY($1::text[])`,
    [ids, 'its worker stopped renewing the claim'],
  );
  const d = doubts[0];
  console.log(
    `in doubt: ${d.taken_over} claims taken over from dead workers, ${d.answers} answers that proved nothing; ${d.found} found by a lookup`,
  );
  const { rows } = await db.query(
    `SELECT p.id, p.attempts, p.error,
            (SELECT string_agg(e.action || '@' || to_char(e.occurred_at, 'HH24:MI:SS.MS'), ' ' ORDER BY e.seq)
               FROM audit_events e WHERE e.subject_type = 'publication' AND e.subject_id = p.id::text) AS trail,
            p.published_at
       FROM publications p WHERE p.id = ANY($1)
      ORDER BY p.published_at DESC NULLS FIRST LIMIT $2`,
    [ids, latest],
  );
  for (const r of rows) {
    const trail = String(r.trail ?? '').replace(/@(\S+)/g, (_m, hms: string) => {
      const day = new Date(T).toISOString().slice(0, 11);
      return `@${since(`${day}${hms}Z`)}`;
    });
    console.log(
      `  ${r.id.slice(0, 8)} out ${r.published_at ? since(r.published_at) : 'never'}, ${r.attempts} tries, ${trail}${r.error ? `; last error: ${r.error}` : ''}`,
    );
  }
}

async function main(): Promise<void> {
  ensureBuilt();
  const loadAtStart = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const redis = await startPrivateRedis();
  const postgres = await startPrivatePostgres();
  const children: ChildProcess[] = [];
  let worker: ChildProcess | undefined;
  try {
    const admin = new Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${tag}`);
    await admin.end();
    const databaseUrl = Object.assign(new URL(postgres.adminUrl), {
      pathname: `/${tag}`,
    }).toString();
    const migrator = new DataSource(dataSourceOptions(databaseUrl));
    await migrator.initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();

    const port = await freePort();
    const sandboxUrl = `http://127.0.0.1:${port}`;
    const sandboxEnv = { SANDBOX_PORT: String(port), SANDBOX_LATENCY_MS: String(LATENCY_MS) };
    children.push(await launch('sandbox', tag, sandboxEnv, 'sandbox listening on'));
    const control = new SandboxControlClient(sandboxUrl);
    await control.setXDuplicateRule(false);
    const accounts = await pool(Array.from({ length: ACCOUNTS }), 16, () =>
      control.createXAccount(),
    );
    let db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const fixtures = await insertFixtures(db, accounts, encryptionKey, 10);
    const env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: tag,
      ...benchSecrets(encryptionKey),
      WORKER_CONCURRENCY: String(CONCURRENCY),
      X_API_BASE_URL: sandboxUrl,
      MEDIA_DIR: `.data/${tag}`,
    };
    worker = await launch('worker', tag, env, '"worker ready"');

    const T = Date.now() + LEAD_MS;
    const texts = Array.from(
      { length: POSTS },
      (_, i) => `${tag} community update ${i + 1}: clinics open.`,
    );
    const posts = await insertPosts(db, fixtures, texts, () => new Date(T));
    const ids = posts.map((p) => p.publicationId);
    const queue = new Queue('publish', { connection: redisOptions(redis.url), prefix: `{${tag}}` });
    await enqueue(queue, posts);
    await queue.close();
    await control.addFault({
      platform: 'x',
      method: 'POST',
      path: '/2/tweets',
      mode: 'status',
      status: 429,
      every: RATE_LIMIT_EVERY,
      resetInSeconds: RATE_LIMIT_RESET_S,
    });
    await control.addFault({
      platform: 'x',
      method: 'POST',
      path: '/2/tweets',
      mode: 'status-after-accept',
      status: 503,
      fraction: FIVE_XX_AFTER_CREATE,
    });
    await control.clearRequests();
    if (Date.now() > T) throw new Error('the setup took longer than its lead; raise LEAD_MS');

    // A kill comes after the restart before it has finished booting, at the latest.
    const timeline: string[] = [];
    const mark = (what: string) => timeline.push(`${what} T+${seconds(Date.now() - T)}`);
    const kills = (async () => {
      for (const ms of KILLS_AT_MS) {
        await at(T, ms);
        if (worker) await stopProcess(worker, 'SIGKILL');
        mark('killed');
        worker = undefined;
        await at(T, ms + RESTART_AFTER_MS);
        worker = await launch('worker', tag, env, '"worker ready"');
        mark('ready');
      }
    })();
    const flush = at(T, FLUSH_AT_MS).then(() => redis.flushAll());
    const restartPostgres = at(T, POSTGRES_RESTART_AT_MS).then(async () => {
      await db.end().catch(() => undefined);
      postgres.restart();
      db = new Client({ connectionString: databaseUrl });
      await db.connect();
    });
    await Promise.all([kills, flush, restartPostgres]);

    let seen: Counts;
    for (;;) {
      seen = await counts(db, ids);
      if (seen.published === POSTS || Date.now() > T + GIVE_UP_MS) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const byText = new Map<string, number>();
    for (const tweet of await control.xTweets())
      byText.set(tweet.text, (byText.get(tweet.text) ?? 0) + 1);
    const duplicateTweets = texts.reduce((n, t) => n + Math.max(0, (byText.get(t) ?? 0) - 1), 0);
    const absent = texts.filter((t) => !byText.has(t)).length;
    const posts201 = (await control.requests({ platform: 'x', path: '/2/tweets' })).filter(
      (r) => r.method === 'POST',
    );
    const lastOutMs = (seen.lastPublishedAt ?? Infinity) - T;
    const lost = POSTS - seen.published;
    const rows: [string, string, string, boolean][] = [
      ['posts published', `${seen.published} / ${POSTS}`, `${POSTS}`, lost === 0],
      ['duplicate tweets', String(duplicateTweets), '0', duplicateTweets === 0],
      ['posts absent from X', String(absent), '0', absent === 0],
      ['still `publishing`', String(seen.publishing), '0', seen.publishing === 0],
      [
        'last post out (published_at)',
        `T+${seconds(lastOutMs)}`,
        `<= T+${seconds(TARGET_LAST_OUT_MS)}`,
        lastOutMs <= TARGET_LAST_OUT_MS,
      ],
      ['POST /2/tweets requests', String(posts201.length), '—', true],
      [
        'of them 503 after create / 429',
        `${posts201.filter((r) => r.status === 503).length} / ${posts201.filter((r) => r.status === 429).length}`,
        '—',
        true,
      ],
    ];
    console.log(
      `\nload average ${loadAtStart} at the start, ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at the end; worker ${timeline.join(', ')}`,
    );
    console.log(
      `chaos: ${POSTS} posts on ${ACCOUNTS} X accounts due at T; worker (concurrency ${CONCURRENCY}) SIGKILLed at T+${KILLS_AT_MS.map((m) => m / 1000).join('/')} s (back 2 s later), FLUSHALL at T+${FLUSH_AT_MS / 1000} s, PostgreSQL restart at T+${POSTGRES_RESTART_AT_MS / 1000} s, 5% 503-after-create, every ${RATE_LIMIT_EVERY}th 429 (reset ${RATE_LIMIT_RESET_S} s), sandbox latency ${LATENCY_MS} ms`,
    );
    console.log('| figure | measured | required | |\n| --- | --- | --- | --- |');
    for (const [figure, measured, required, ok] of rows)
      console.log(`| ${figure} | ${measured} | ${required} | ${ok ? 'ok' : 'MISSED'} |`);
    const sinceT = (r: { at: string }) => seconds(new Date(r.at).getTime() - T);
    console.log(
      `429s answered at: ${posts201
        .filter((r) => r.status === 429)
        .map(sinceT)
        .join(' ')}`,
    );
    const perTwo = new Map<number, number>();
    for (const r of posts201) {
      const b = Math.floor((new Date(r.at).getTime() - T) / 2000) * 2;
      perTwo.set(b, (perTwo.get(b) ?? 0) + 1);
    }
    console.log(
      `POST /2/tweets per 2 s from T: ${[...perTwo].map(([b, n]) => `${b}s:${n}`).join(' ')}`,
    );
    await printLatest(db, ids, T);
    await db.end();
    if (rows.some(([, , , ok]) => !ok)) process.exitCode = 1;
  } finally {
    if (worker) await stopProcess(worker, 'SIGTERM');
    for (const child of children.reverse()) await stopProcess(child, 'SIGTERM');
    await redis.stop();
    postgres.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
