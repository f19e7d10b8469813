import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { redisOptions } from '@rounds/queue';
import {
  enqueue,
  insertFixtures,
  insertPosts,
  pool,
  Scheduled,
} from '../../bench/support/publish-fixtures';
import {
  BURST_POSTS,
  expectPublishedOnce,
  publishedCount,
  scheduleBurst,
  secondsFromNow,
  publishingStack,
  Team,
  waitFor,
} from '../factories/publishing.factory';
import { expectAuditChainsIntact } from '../support/audit-chains';
import { Stack, stopProcess } from '../support/processes';

/** Posts inserted approved and queued as approval queues them, beside those made through the API. */
const BULK_POSTS = 2_000;
const BULK_CHANNELS = 40;

describe('two API and three worker processes on one PostgreSQL and one Redis', () => {
  let stack: Stack;
  let t: Team;
  let db: Client;
  /** One of the three workers, SIGKILLed mid-burst. */
  let killed: ChildProcess;

  beforeAll(async () => {
    ({ stack, t } = await publishingStack({ apiReplicas: 2, sandboxLatencyMs: 100 }));
    killed = await stack.addWorker();
    await stack.addWorker();
    db = new Client({ connectionString: stack.env.MIGRATION_DATABASE_URL });
    await db.connect();
  }, 300_000);
  afterAll(() => expectAuditChainsIntact(stack));
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  }, 120_000);

  /** Publications (of the bulk posts) in `published`. */
  async function bulkPublished(posts: Scheduled[]): Promise<number> {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM publications WHERE id = ANY($1) AND status = 'published'`,
      [posts.map((p) => p.publicationId)],
    );
    return rows[0].n;
  }

  it('publishes a burst exactly once with one worker SIGKILLed and one restarted mid-burst', async () => {
    // Setting up 2,048 posts on a busy shared machine takes a while.
    const due = secondsFromNow(90);
    // Made, submitted and approved through both API replicas in turn.
    const viaApi = await scheduleBurst(stack, t, 'replicas', due);
    const accounts = await pool(Array.from({ length: BULK_CHANNELS }), 8, () =>
      stack.sandbox.createXAccount(),
    );
    const fixtures = await insertFixtures(db, accounts, stack.env.ENCRYPTION_KEY, 10);
    const texts = Array.from({ length: BULK_POSTS }, (_, i) => `replicas bulk update ${i + 1}.`);
    const bulk = await insertPosts(db, fixtures, texts, () => due);
    const queue = new Queue('publish', {
      connection: redisOptions(stack.env.REDIS_URL),
      prefix: `{${stack.env.QUEUE_PREFIX}}`,
    });
    await enqueue(queue, bulk);
    await queue.close();
    expect(Date.now()).toBeLessThan(due.getTime());

    const ids = viaApi.map((p) => p.id);
    const total = async () => (await publishedCount(stack, ids)) + (await bulkPublished(bulk));
    const all = BURST_POSTS + BULK_POSTS;
    await waitFor(
      'a fifth of the burst to go out',
      async () => (await total()) >= all / 5,
      120_000,
    );
    await stopProcess(killed, 'SIGKILL');
    // The first worker is stopped (SIGTERM: it finishes what it runs) and started again.
    await stack.stopWorker('SIGTERM');
    expect(await total()).toBeLessThan(all);
    await stack.startWorker();
    await waitFor('every post to be published', async () => (await total()) === all, 180_000);

    // Counted at the platform: each text exactly once.
    const tweets = await stack.sandbox.xTweets();
    const sent = new Map<string, number>();
    for (const tweet of tweets) sent.set(tweet.text, (sent.get(tweet.text) ?? 0) + 1);
    const wrong = texts.filter((text) => sent.get(text) !== 1);
    expect(wrong).toEqual([]);
    await expectPublishedOnce(stack, t, viaApi);
  }, 600_000);
});
