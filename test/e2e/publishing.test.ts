import request from 'supertest';
import { connectThroughOAuth, listChannels } from '../factories/channels.factory';
import { uploadFixture } from '../factories/media.factory';
import { as } from '../factories/posts.factory';
import {
  PublicationBody,
  postOf,
  scheduleXPost,
  secondsFromNow,
  team,
  Team,
  tweetsWith,
  waitForPublications,
} from '../factories/publishing.factory';
import { expectAuditChainsIntact } from '../support/audit-chains';
import { startStack, Stack } from '../support/processes';

/** Every class of platform answer, against api, worker and sandbox running as real processes. */
describe('publishing to X', () => {
  let stack: Stack;
  let t: Team;
  let xAccountOf: (channelId: string) => Promise<string>;

  beforeAll(async () => {
    stack = await startStack();
    await stack.startWorker();
    t = await team(stack.apiUrl);
    xAccountOf = async (channelId) =>
      (await listChannels(stack.apiUrl, t.admin)).find((c) => c.id === channelId)!
        .externalAccountId;
  }, 300_000);
  afterAll(() => expectAuditChainsIntact(stack));
  afterAll(() => stack?.stop(), 60_000);
  afterEach(() => stack.sandbox.clearFaults());

  const channel = () => connectThroughOAuth(stack.apiUrl, t.admin, 'x');

  it('publishes exactly the approved content, with its image and alt text, and stores the id and URL', async () => {
    const channelId = await channel();
    const image = await uploadFixture(stack.apiUrl, t.marketer, 'pixel.png');
    const text = 'Free flu shots this Saturday at the main campus, 9 to 3. #FluSeason';
    const altText = 'A nurse giving a flu shot';
    const postId = await scheduleXPost(stack.apiUrl, t, [channelId], text, secondsFromNow(4), {
      images: [{ mediaId: image.id, altText }],
    });

    const post = await waitForPublications(stack, t, postId, 'published');
    const [tweet] = await tweetsWith(stack, text);
    expect(tweet).toMatchObject({ authorId: await xAccountOf(channelId), altTexts: [altText] });
    expect(tweet.mediaIds).toHaveLength(1);
    expect(post.status).toBe('published');
    expect(post.publications[0]).toMatchObject({
      externalId: tweet.id,
      url: `https://x.com/${tweet.authorHandle}/status/${tweet.id}`,
      error: null,
    });
    expect(await tweetsWith(stack, text)).toHaveLength(1);
    const audit = await as(stack.apiUrl, t.admin)
      .get(`/audit?subjectType=publication&subjectId=${post.publications[0].id}`)
      .expect(200);
    expect(audit.body[0]).toMatchObject({
      action: 'publication.published',
      data: expect.objectContaining({
        externalId: tweet.id,
        contentHash: post.publications[0].approvedContentHash,
      }),
    });
  });

  it('on a 429 waits for that channel’s reset while another channel goes on', async () => {
    const [limited, other] = [await channel(), await channel()];
    const at = secondsFromNow(6);
    const later = new Date(at.getTime() + 1000);
    const reset = Math.ceil(at.getTime() / 1000) + 4;
    await stack.sandbox.addFault({
      platform: 'x',
      method: 'POST',
      path: '/2/tweets',
      mode: 'status',
      status: 429,
      count: 1,
      headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) },
    });
    const first = await scheduleXPost(stack.apiUrl, t, [limited], 'Blood drive until 6 pm.', at);
    const sameChannel = await scheduleXPost(stack.apiUrl, t, [limited], 'Free parking.', later);
    const otherChannel = await scheduleXPost(stack.apiUrl, t, [other], 'A new menu.', later);

    const quick = await waitForPublications(stack, t, otherChannel, 'published');
    const waiting = await postOf(stack.apiUrl, t.marketer, first);
    expect(waiting.publications[0]).toMatchObject({
      status: 'scheduled',
      error: 'Too Many Requests',
    });
    const gate = (await listChannels(stack.apiUrl, t.admin)).find((c) => c.id === limited)!;
    expect(gate.rateLimitedUntil).toBe(new Date(reset * 1000).toISOString());

    const [a, b] = [
      await waitForPublications(stack, t, first, 'published'),
      await waitForPublications(stack, t, sameChannel, 'published'),
    ];
    const publishedAt = (post: { publications: PublicationBody[] }) =>
      new Date(post.publications[0].publishedAt!).getTime();
    expect(publishedAt(quick)).toBeLessThan(reset * 1000);
    expect(publishedAt(a)).toBeGreaterThanOrEqual(reset * 1000);
    expect(publishedAt(b)).toBeGreaterThanOrEqual(reset * 1000);
    // A wait for the platform's reset is not a failed try.
    expect(a.publications[0].attempts).toBe(0);
  });

  it('retries 5xx with backoff and publishes once the platform recovers', async () => {
    const channelId = await channel();
    await stack.sandbox.addFault({
      platform: 'x',
      method: 'POST',
      path: '/2/tweets',
      mode: 'status',
      status: 503,
      count: 2,
    });
    await stack.sandbox.clearRequests();
    const text = 'Visiting hours change on Monday.';
    const postId = await scheduleXPost(stack.apiUrl, t, [channelId], text, secondsFromNow(4));
    const post = await waitForPublications(stack, t, postId, 'published');
    expect(post.publications[0].attempts).toBe(2);
    const tries = await stack.sandbox.requests({ platform: 'x', path: '/2/tweets' });
    expect(tries.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([503, 503, 201]);
    expect(await tweetsWith(stack, text)).toHaveLength(1);
  });

  it('gives up after the configured tries of 5xx, with the reason', async () => {
    const channelId = await channel();
    await stack.sandbox.addFault({
      platform: 'x',
      method: 'POST',
      path: '/2/tweets',
      mode: 'status',
      status: 500,
      count: 3,
    });
    const postId = await scheduleXPost(
      stack.apiUrl,
      t,
      [channelId],
      'Lab closes early Friday.',
      secondsFromNow(4),
    );
    const post = await waitForPublications(stack, t, postId, 'failed');
    expect(post.status).toBe('failed');
    expect(post.publications[0].error).toMatch(/^gave up after 3 tries: /);
  });

  it('fails at once with the platform’s message when X refuses the content', async () => {
    const channelId = await channel();
    const text = 'Our ER wait times are now online.';
    const first = await scheduleXPost(stack.apiUrl, t, [channelId], text, secondsFromNow(4));
    await waitForPublications(stack, t, first, 'published');
    const again = await scheduleXPost(stack.apiUrl, t, [channelId], text, secondsFromNow(3));
    const post = await waitForPublications(stack, t, again, 'failed');
    expect(post.publications[0]).toMatchObject({
      error: 'You are not allowed to create a Tweet with duplicate content.',
      attempts: 0,
    });
    expect(await tweetsWith(stack, text)).toHaveLength(1);
  });

  it('when the connection drops after X accepted the post: in doubt, verified on X, never sent twice', async () => {
    const channelId = await channel();
    await stack.sandbox.addFault({
      platform: 'x',
      method: 'POST',
      path: '/2/tweets',
      mode: 'drop-after-accept',
      count: 1,
    });
    const text = 'Meet our new cardiology team at the open house.';
    const postId = await scheduleXPost(stack.apiUrl, t, [channelId], text, secondsFromNow(4));

    const post = await waitForPublications(stack, t, postId, 'published');
    const tweets = await tweetsWith(stack, text);
    expect(tweets).toHaveLength(1);
    expect(post.publications[0].externalId).toBe(tweets[0].id);
    const audit = await as(stack.apiUrl, t.admin)
      .get(`/audit?subjectType=publication&subjectId=${post.publications[0].id}`)
      .expect(200);
    const events = (audit.body as { action: string; data: Record<string, unknown> }[]).reverse();
    expect(events.map((e) => e.action)).toEqual(['publication.in_doubt', 'publication.published']);
    expect(events[1].data).toMatchObject({ from: 'in_doubt', verified: true });
  });

  it('sends nothing while the organization is paused: the due post is held', async () => {
    const channelId = await channel();
    const text = 'Join our 5k for cancer research.';
    const postId = await scheduleXPost(stack.apiUrl, t, [channelId], text, secondsFromNow(4));
    await as(stack.apiUrl, t.admin)
      .post('/organization/pause', { reason: 'storm response' })
      .expect(200);
    try {
      const post = await waitForPublications(stack, t, postId, 'held');
      expect(post.status).toBe('held');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await tweetsWith(stack, text)).toHaveLength(0);
    } finally {
      await as(stack.apiUrl, t.admin)
        .post('/organization/resume', { reason: 'all clear' })
        .expect(200);
    }
  });

  it('refreshes an expired access token once, stores the rotated one, and publishes', async () => {
    const channelId = await channel();
    const {
      rows: [before],
    } = await stack.db.query(
      'SELECT encrypted_access_token, encrypted_refresh_token FROM channels WHERE id = $1',
      [channelId],
    );
    await stack.sandbox.expireXTokens(await xAccountOf(channelId));
    await stack.sandbox.clearRequests();
    const text = 'Mammograms on Saturdays starting in May.';
    const postId = await scheduleXPost(stack.apiUrl, t, [channelId], text, secondsFromNow(4));
    await waitForPublications(stack, t, postId, 'published');
    expect(await tweetsWith(stack, text)).toHaveLength(1);
    const refreshes = await stack.sandbox.requests({ platform: 'x', path: '/2/oauth2/token' });
    expect(refreshes.map((r) => r.status)).toEqual([200]);
    const {
      rows: [after],
    } = await stack.db.query(
      'SELECT encrypted_access_token, encrypted_refresh_token FROM channels WHERE id = $1',
      [channelId],
    );
    expect(after.encrypted_access_token).not.toBe(before.encrypted_access_token);
    expect(after.encrypted_refresh_token).not.toBe(before.encrypted_refresh_token);
  });

  it('when the refresh is refused: the channel needs re-authorization, its posts are held, admins told', async () => {
    const channelId = await channel();
    await stack.sandbox.revokeX(await xAccountOf(channelId));
    const text = 'Our urgent care is open on the holiday.';
    const postId = await scheduleXPost(stack.apiUrl, t, [channelId], text, secondsFromNow(4));
    const post = await waitForPublications(stack, t, postId, 'held');
    expect(post.status).toBe('held');
    expect(await tweetsWith(stack, text)).toHaveLength(0);
    const gone = (await listChannels(stack.apiUrl, t.admin)).find((c) => c.id === channelId)!;
    expect(gone).toMatchObject({
      status: 'needs_reauth',
      statusReason: expect.stringContaining('refresh refused'),
    });
    const notes = await request(stack.apiUrl)
      .get('/api/v1/notifications')
      .auth(t.admin.accessToken, { type: 'bearer' })
      .expect(200);
    expect(notes.body).toContainEqual(
      expect.objectContaining({ kind: 'channel_needs_reauth', subjectId: channelId }),
    );
  });

  it('on a 401 refreshes once; a fresh token refused too means re-authorization', async () => {
    const channelId = await channel();
    await stack.sandbox.addFault({
      platform: 'x',
      method: 'POST',
      path: '/2/tweets',
      mode: 'status',
      status: 401,
      count: 2,
    });
    await stack.sandbox.clearRequests();
    const text = 'Flu clinic moves to the east entrance.';
    const postId = await scheduleXPost(stack.apiUrl, t, [channelId], text, secondsFromNow(4));
    await waitForPublications(stack, t, postId, 'held');
    const tokenCalls = await stack.sandbox.requests({ platform: 'x', path: '/2/oauth2/token' });
    expect(tokenCalls).toHaveLength(1);
    // Sends only: the worker's metrics sweep may read tweets (GET) meanwhile.
    const tweetCalls = await stack.sandbox.requests({ platform: 'x', path: '/2/tweets' });
    expect(tweetCalls.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([401, 401]);
    expect(
      (await listChannels(stack.apiUrl, t.admin)).find((c) => c.id === channelId)!.status,
    ).toBe('needs_reauth');
    expect(await tweetsWith(stack, text)).toHaveLength(0);
  });

  it('moves the job when the post is rescheduled and removes it when cancelled', async () => {
    const channelId = await channel();
    const moved = 'The gift shop has new hours.';
    const cancelled = 'This post is withdrawn.';
    const cancelledAt = secondsFromNow(5);
    const movedId = await scheduleXPost(stack.apiUrl, t, [channelId], moved, secondsFromNow(3600));
    const cancelledId = await scheduleXPost(stack.apiUrl, t, [channelId], cancelled, cancelledAt);
    const soon = secondsFromNow(3).toISOString();
    await as(stack.apiUrl, t.marketer)
      .patch(`/posts/${movedId}`, { scheduledAt: soon })
      .expect(200);
    await as(stack.apiUrl, t.marketer).post(`/posts/${cancelledId}/cancel`).expect(200);
    await waitForPublications(stack, t, movedId, 'published');
    await new Promise((resolve) => setTimeout(resolve, cancelledAt.getTime() - Date.now() + 2000));
    expect(await tweetsWith(stack, cancelled)).toHaveLength(0);
    expect((await postOf(stack.apiUrl, t.marketer, cancelledId)).status).toBe('cancelled');
  });
});
