import { connectThroughOAuth } from '../factories/channels.factory';
import { uploadFixture } from '../factories/media.factory';
import {
  postOf,
  publishingStack,
  scheduleXPost,
  secondsFromNow,
  Team,
  waitFor,
  waitForPublications,
} from '../factories/publishing.factory';
import { expectAuditChainsIntact } from '../support/audit-chains';
import type { Stack } from '../support/processes';

/**
 * Issue 14, part 4: a thread goes out tweet by tweet, each in reply to the one before, and each
 * exactly once across a crashed worker, a 503 after X created a tweet and a 429 in the middle. The
 * oracle is X's side: the sandbox's tweets and the POSTs it received (its duplicate rule off, so a
 * double send would be a second tweet).
 */
describe('X threads: every tweet once, in order, whatever happens mid-thread', () => {
  let stack: Stack;
  let t: Team;
  let channel: string;

  beforeAll(async () => {
    ({ stack, t } = await publishingStack({
      env: { PLATFORM_TIMEOUT_MS: '5000', PLATFORM_CREATE_TIMEOUT_MS: '5000' },
    }));
    channel = await connectThroughOAuth(stack.apiUrl, t.admin, 'x');
  }, 300_000);
  afterAll(() => expectAuditChainsIntact(stack));
  afterAll(() => stack?.stop(), 60_000);
  beforeEach(() => stack.sandbox.clearRequests());
  afterEach(() => stack.sandbox.clearFaults());

  const texts = (label: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${label}: part ${i + 1} of ${n} of our new tower's tour.`);

  /** A thread of `tweets` (the first carries `first`), approved and due in a few seconds. */
  async function scheduleThread(tweets: string[], replies: object[] = [], inSeconds = 4) {
    const [text, ...rest] = tweets;
    const thread = rest.map((reply, i) => ({ text: reply, ...replies[i] }));
    return scheduleXPost(stack.apiUrl, t, [channel], text, secondsFromNow(inSeconds), { thread });
  }

  /**
   * X holds each text exactly once, each tweet in reply to the one before it, and the publication
   * names the first tweet and keeps them all.
   */
  async function expectThreadOnce(postId: string, tweets: string[]) {
    const onX = await stack.sandbox.xTweets();
    const sent = tweets.map((text) => onX.filter((tweet) => tweet.text === text));
    expect(sent.map((copies) => copies.length)).toEqual(tweets.map(() => 1));
    const ids = sent.map(([tweet]) => tweet.id);
    expect(sent.map(([tweet]) => tweet.inReplyToTweetId)).toEqual([null, ...ids.slice(0, -1)]);
    const [publication] = (await postOf(stack.apiUrl, t.marketer, postId)).publications;
    expect(publication.externalId).toBe(ids[0]);
    const { rows } = await stack.db.query(
      `SELECT thread_tweet_ids AS ids FROM publications WHERE id = $1`,
      [publication.id],
    );
    expect(rows[0].ids).toEqual(ids);
    return sent.map(([tweet]) => tweet);
  }

  async function tweetPosts() {
    const log = await stack.sandbox.requests({ platform: 'x', path: '/2/tweets' });
    return log.filter((r) => r.method === 'POST' && r.path === '/2/tweets');
  }

  it('publishes a thread in order, each tweet with its own images, in reply to the one before', async () => {
    const photo = await uploadFixture(stack.apiUrl, t.marketer, 'pixel.png');
    const tweets = texts('Tour', 4);
    const postId = await scheduleThread(tweets, [
      {},
      { images: [{ mediaId: photo.id, altText: 'The new lobby.' }] },
    ]);
    await waitForPublications(stack, t, postId, 'published');
    const sent = await expectThreadOnce(postId, tweets);
    expect(sent.map((tweet) => tweet.altTexts)).toEqual([[], [], ['The new lobby.'], []]);
    expect(await tweetPosts()).toHaveLength(4);
  });

  it('a 503 after X created tweet 2 and a 429 on tweet 5: each tweet once, one POST each', async () => {
    // The second POST creates its tweet and answers 503; of the POSTs after it, the third gets 429.
    await stack.sandbox.addFault({
      platform: 'x',
      method: 'POST',
      path: '/2/tweets',
      mode: 'status-after-accept',
      status: 503,
      every: 2,
      count: 1,
    });
    await stack.sandbox.addFault({
      platform: 'x',
      method: 'POST',
      path: '/2/tweets',
      mode: 'status',
      status: 429,
      resetInSeconds: 2,
      every: 4,
      count: 1,
    });
    const tweets = texts('Faults', 6);
    const postId = await scheduleThread(tweets);
    await waitForPublications(stack, t, postId, 'published', 60_000);
    await expectThreadOnce(postId, tweets);
    const statuses = (await tweetPosts()).map((r) => r.status);
    expect(statuses).toEqual([201, 503, 201, 201, 429, 201, 201]);
  });

  it('resumes a thread after its worker is killed mid-thread: every tweet once, in order', async () => {
    const tweets = texts('Crash', 12);
    await stack.sandbox.setLatency(400);
    try {
      const postId = await scheduleThread(tweets);
      await waitFor(
        'a few tweets of the thread to go out',
        async () => {
          const { rows } = await stack.db.query(
            `SELECT jsonb_array_length(thread_tweet_ids) AS n FROM publications WHERE post_id = $1`,
            [postId],
          );
          return rows[0]?.n >= 3;
        },
        60_000,
      );
      await stack.stopWorker('SIGKILL');
      await stack.startWorker();
      await waitForPublications(stack, t, postId, 'published', 120_000);
      await expectThreadOnce(postId, tweets);
    } finally {
      await stack.sandbox.setLatency(0);
    }
  });
});
