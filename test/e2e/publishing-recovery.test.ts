import { connectThroughOAuth } from '../factories/channels.factory';
import {
  postOf,
  scheduleXPost,
  secondsFromNow,
  team,
  Team,
  waitFor,
} from '../factories/publishing.factory';
import { expectAuditChainsIntact } from '../support/audit-chains';
import { startStack, Stack } from '../support/processes';

const CHANNELS = 4;
const POSTS = 48;
const CREATE_IN_PARALLEL = 6;

/** Posts spread over the channels, all due at `at`; returns each post's id and text. */
async function burst(stack: Stack, t: Team, label: string, at: Date) {
  const channels: string[] = [];
  for (let i = 0; i < CHANNELS; i++)
    channels.push(await connectThroughOAuth(stack.apiUrl, t.admin, 'x'));
  const posts: { id: string; text: string }[] = [];
  for (let i = 0; i < POSTS; i += CREATE_IN_PARALLEL) {
    const batch = Array.from({ length: Math.min(CREATE_IN_PARALLEL, POSTS - i) }, (_, k) => i + k);
    posts.push(
      ...(await Promise.all(
        batch.map(async (n) => {
          const text = `${label}: community health update number ${n + 1}.`;
          const id = await scheduleXPost(stack.apiUrl, t, [channels[n % CHANNELS]], text, at);
          return { id, text };
        }),
      )),
    );
  }
  if (Date.now() >= at.getTime())
    throw new Error('the burst took longer to set up than its lead time');
  return posts;
}

async function publishedCount(stack: Stack, postIds: string[]): Promise<number> {
  const { rows } = await stack.db.query(
    `SELECT count(*)::int AS n FROM publications WHERE post_id = ANY($1) AND status = 'published'`,
    [postIds],
  );
  return rows[0].n;
}

/** Every post is on X exactly once, and its publication stores that tweet's id. */
async function expectPublishedOnce(stack: Stack, t: Team, posts: { id: string; text: string }[]) {
  const tweets = await stack.sandbox.xTweets();
  const problems: string[] = [];
  for (const post of posts) {
    const sent = tweets.filter((tweet) => tweet.text === post.text);
    const [publication] = (await postOf(stack.apiUrl, t.marketer, post.id)).publications;
    if (sent.length !== 1) problems.push(`${post.text}: sent ${sent.length} times`);
    else if (publication.externalId !== sent[0].id)
      problems.push(`${post.text}: stored ${publication.externalId}`);
  }
  expect(problems).toEqual([]);
}

describe('publishing survives crashes and a lost Redis', () => {
  let stack: Stack;
  let t: Team;

  beforeAll(async () => {
    stack = await startStack();
    await stack.startWorker();
    t = await team(stack.apiUrl);
  }, 300_000);
  afterAll(() => expectAuditChainsIntact(stack));
  afterAll(() => stack?.stop(), 60_000);

  it('publishes every post exactly once when the worker is killed mid-burst and restarted', async () => {
    const posts = await burst(stack, t, 'kill', secondsFromNow(40));
    const ids = posts.map((p) => p.id);
    // Slow answers keep many calls in flight when the worker dies.
    await stack.sandbox.setLatency(400);
    try {
      const atKill = await waitFor(
        'a few posts to go out',
        async () => {
          const n = await publishedCount(stack, ids);
          return n >= 8 && n;
        },
        60_000,
      );
      await stack.stopWorker('SIGKILL');
      expect(atKill).toBeLessThan(POSTS);
      await stack.startWorker();
      await waitFor(
        'every post to be published',
        async () => (await publishedCount(stack, ids)) === POSTS,
        120_000,
      );
    } finally {
      await stack.sandbox.setLatency(0);
    }
    await expectPublishedOnce(stack, t, posts);
    const { rows } = await stack.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'publication.in_doubt' AND data->>'postId' = ANY($1)`,
      [ids],
    );
    // The calls cut off by the crash were verified on X, not sent again.
    expect(rows[0].n).toBeGreaterThan(0);
  }, 300_000);

  it('publishes every scheduled post exactly once after Redis is emptied, even mid-burst', async () => {
    const posts = await burst(stack, t, 'flush', secondsFromNow(40));
    const ids = posts.map((p) => p.id);
    expect(await stack.emptyQueues()).toBeGreaterThan(0);
    await stack.sandbox.setLatency(300);
    try {
      await waitFor(
        'a few posts to go out',
        async () => (await publishedCount(stack, ids)) >= 8,
        90_000,
      );
      await stack.emptyQueues();
      await waitFor(
        'every post to be published',
        async () => (await publishedCount(stack, ids)) === POSTS,
        120_000,
      );
    } finally {
      await stack.sandbox.setLatency(0);
    }
    await expectPublishedOnce(stack, t, posts);
  }, 300_000);
});
