import type { SandboxXTweet } from '../../apps/sandbox/src/sandbox-control.client';
import { startStack, type Stack, type StackOptions } from '../support/processes';
import { connectThroughOAuth } from './channels.factory';
import type { Session } from './identity.factory';
import { newsroom } from './metrics.factory';
import { as } from './posts.factory';

/** An organization whose marketer writes posts and whose compliance officer approves them. */
export const team = newsroom;
export type Team = Awaited<ReturnType<typeof newsroom>>;

export interface PublicationBody {
  id: string;
  channelId: string;
  status: string;
  externalId: string | null;
  url: string | null;
  error: string | null;
  attempts: number;
  publishedAt: string | null;
  approvedContentHash: string;
}

/** Written, submitted and approved, due at `at`: its publications are scheduled. Returns its id. */
export async function scheduleXPost(
  apiUrl: string,
  t: Team,
  channelIds: string[],
  text: string,
  at: Date,
  x?: object,
): Promise<string> {
  const body = {
    channelIds,
    scheduledAt: at.toISOString(),
    ...(x ? { x: { text, ...x } } : { text }),
  };
  const created = await as(apiUrl, t.marketer).post('/posts', body);
  if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text}`);
  await as(apiUrl, t.marketer).post(`/posts/${created.body.id}/submit`).expect(200);
  const approved = await as(apiUrl, t.compliance).post(`/posts/${created.body.id}/approve`, {
    revisionId: created.body.revision.id,
  });
  if (approved.status !== 200 || approved.body.status !== 'scheduled') {
    throw new Error(`approve: ${approved.status} ${approved.text}`);
  }
  return created.body.id;
}

export async function postOf(apiUrl: string, session: Session, postId: string) {
  const response = await as(apiUrl, session).get(`/posts/${postId}`).expect(200);
  return response.body as { status: string; publications: PublicationBody[] };
}

/** Polls until `probe` returns something truthy, failing with `what` and the last value after `ms`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    last = await probe();
    if (last) return last as T;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Waits for the post and its publications to settle in `status` (published, failed, held…); both,
 * since the post's detail is read in more than one query.
 */
export function waitForPublications(
  stack: Pick<Stack, 'apiUrl'>,
  t: Team,
  postId: string,
  status: string,
  ms?: number,
) {
  return waitFor(
    `post ${postId} to be ${status}`,
    async () => {
      const post = await postOf(stack.apiUrl, t.marketer, postId);
      const settled = post.status === status && post.publications.every((p) => p.status === status);
      return settled && post;
    },
    ms,
  );
}

/** Tweets in the sandbox carrying exactly `text`: what the platform received. */
export async function tweetsWith(stack: Stack, text: string): Promise<SandboxXTweet[]> {
  return (await stack.sandbox.xTweets()).filter((t) => t.text === text);
}

export const secondsFromNow = (seconds: number) => new Date(Date.now() + seconds * 1000);

export async function publishedCount(stack: Stack, postIds: string[]): Promise<number> {
  const { rows } = await stack.db.query(
    `SELECT count(*)::int AS n FROM publications WHERE post_id = ANY($1) AND status = 'published'`,
    [postIds],
  );
  return rows[0].n;
}

/** Every post is on X exactly once, and its publication stores that tweet's id. */
export async function expectPublishedOnce(
  stack: Stack,
  t: Team,
  posts: { id: string; text: string }[],
) {
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

const BURST_CHANNELS = 4;
/** How many posts scheduleBurst schedules. */
export const BURST_POSTS = 48;
const CREATE_IN_PARALLEL = 6;

/**
 * Posts spread over four new X channels, written, submitted and approved through the API (round
 * robin over `stack.apiUrls`), all due at `at`; returns each post's id and text.
 */
export async function scheduleBurst(stack: Stack, t: Team, label: string, at: Date) {
  const channels: string[] = [];
  for (let i = 0; i < BURST_CHANNELS; i++)
    channels.push(await connectThroughOAuth(stack.apiUrl, t.admin, 'x'));
  const posts: { id: string; text: string }[] = [];
  for (let i = 0; i < BURST_POSTS; i += CREATE_IN_PARALLEL) {
    const batch = Array.from(
      { length: Math.min(CREATE_IN_PARALLEL, BURST_POSTS - i) },
      (_, k) => i + k,
    );
    posts.push(
      ...(await Promise.all(
        batch.map(async (n) => {
          const text = `${label}: community health update number ${n + 1}.`;
          const apiUrl = stack.apiUrls[n % stack.apiUrls.length];
          const id = await scheduleXPost(apiUrl, t, [channels[n % BURST_CHANNELS]], text, at);
          return { id, text };
        }),
      )),
    );
  }
  if (Date.now() >= at.getTime())
    throw new Error('the burst took longer to set up than its lead time');
  return posts;
}

/**
 * A publishing suite's stack: its worker running and X's duplicate rule off (a double send is a
 * second tweet instead of a refusal, so exactly-once is counted), with a team.
 */
export async function publishingStack(options: StackOptions = {}) {
  const stack = await startStack(options);
  await stack.startWorker();
  await stack.sandbox.setXDuplicateRule(false);
  return { stack, t: await team(stack.apiUrl) };
}

/**
 * A burst due in a minute, answered slowly so many calls are in flight when `crash` runs (once eight
 * posts are out); resolves when every post is published, with the posts and how many were out
 * before the crash. `scheduled` runs once the posts are scheduled, before anything is due.
 */
export async function burstThrough(
  stack: Stack,
  t: Team,
  label: string,
  crash: () => Promise<unknown>,
  latencyMs = 400,
  scheduled?: () => Promise<unknown>,
) {
  // A minute of lead: 48 posts written, submitted and approved on a busy shared machine.
  const posts = await scheduleBurst(stack, t, label, secondsFromNow(60));
  const ids = posts.map((p) => p.id);
  await scheduled?.();
  await stack.sandbox.setLatency(latencyMs);
  try {
    const beforeCrash = await waitFor(
      'a few posts to go out',
      async () => {
        const n = await publishedCount(stack, ids);
        return n >= 8 && n;
      },
      90_000,
    );
    await crash();
    await waitFor(
      'every post to be published',
      async () => (await publishedCount(stack, ids)) === BURST_POSTS,
      120_000,
    );
    return { posts, ids, beforeCrash };
  } finally {
    await stack.sandbox.setLatency(0);
  }
}
