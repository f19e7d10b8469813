import type { TwitterApi } from 'twitter-api-v2';
import { X_DEMO_ACCOUNTS } from '../demo-accounts';
import { useSandbox } from '../testing/sandbox-suite';
import { redirectedTwitterApi } from '../testing/redirected-twitter-api';
import { xRefusal } from '../testing/x-refusal';
import { createXOpenApiValidator } from '../testing/x-openapi-validator';

const [demo, otherDemo] = X_DEMO_ACCOUNTS;
const validate = createXOpenApiValidator();

describe('fake X tweets and users, driven by twitter-api-v2', () => {
  const sandbox = useSandbox();
  let x: TwitterApi;

  beforeEach(() => {
    x = redirectedTwitterApi(sandbox.url, demo.accessToken);
  });

  it('creates a tweet with the documented 201 body and records it once', async () => {
    const created = await x.v2.tweet('Flu shots are free this Saturday at the main campus.');

    expect(validate('TweetCreateResponse', created)).toEqual([]);
    expect(created).toEqual({
      data: {
        id: expect.stringMatching(/^\d+$/),
        text: 'Flu shots are free this Saturday at the main campus.',
        edit_history_tweet_ids: [created.data.id],
      },
    });
    const recorded = await sandbox.control.xTweets(demo.id);
    expect(recorded).toEqual([
      expect.objectContaining({
        id: created.data.id,
        authorId: demo.id,
        text: 'Flu shots are free this Saturday at the main campus.',
      }),
    ]);
  });

  it('looks tweets up by id with the requested fields and reports missing ids as errors', async () => {
    const { data } = await x.v2.tweet('Our new maternity ward opens Monday.');
    const lookup = await x.v2.tweets([data.id, '1234567890'], {
      'tweet.fields': [
        'public_metrics',
        'non_public_metrics',
        'organic_metrics',
        'created_at',
        'author_id',
      ],
    });
    const single = await x.v2.singleTweet(data.id, { 'tweet.fields': ['conversation_id'] });

    expect(validate('Get2TweetsResponse', lookup)).toEqual([]);
    expect(validate('Get2TweetsIdResponse', single)).toEqual([]);
    expect(lookup.data[0]).toMatchObject({
      id: data.id,
      author_id: demo.id,
      public_metrics: expect.objectContaining({ like_count: expect.any(Number) }),
      non_public_metrics: expect.objectContaining({ impression_count: expect.any(Number) }),
    });
    expect(lookup.errors).toEqual([
      expect.objectContaining({ resource_id: '1234567890', title: 'Not Found Error' }),
    ]);
    expect(single.data.conversation_id).toBe(data.id);
  });

  it('grows metrics with the age of the tweet and never lowers them', async () => {
    const { data } = await x.v2.tweet('Meet our new cardiology team.');
    const read = async () =>
      (await x.v2.singleTweet(data.id, { 'tweet.fields': ['public_metrics'] })).data
        .public_metrics!;

    const early = await read();
    await sandbox.control.advanceClock(6 * 60 * 60 * 1000);
    const later = await read();

    expect(later.impression_count).toBeGreaterThan(early.impression_count);
    expect(later.like_count).toBeGreaterThanOrEqual(early.like_count);
    // Six hours at the smallest audience a tweet can have (20 per sqrt-minute): 379.
    expect(later.impression_count).toBeGreaterThanOrEqual(Math.floor(20 * Math.sqrt(6 * 60)));
  });

  it('hides private metrics of other accounts behind a field authorization error', async () => {
    const { data } = await x.v2.tweet('Visiting hours change on Sunday.');
    const other = redirectedTwitterApi(sandbox.url, otherDemo.accessToken);

    const lookup = await other.v2.tweets([data.id], { 'tweet.fields': ['non_public_metrics'] });

    expect(lookup.data[0].non_public_metrics).toBeUndefined();
    expect(lookup.errors?.[0]).toMatchObject({ title: 'Field Authorization Error' });
  });

  it('counts length the way X does: 280 weighted characters', async () => {
    await expect(x.v2.tweet('a'.repeat(280))).resolves.toBeDefined();
    await expect(x.v2.tweet('日'.repeat(140))).resolves.toBeDefined();

    const tooLong = await xRefusal(x.v2.tweet('日'.repeat(141)));

    expect(tooLong.status).toBe(403);
    expect(tooLong.body.detail).toMatch(/text is too long/);
  });

  it('refuses duplicate content from the same account with X problem body', async () => {
    await x.v2.tweet('Same words twice.');

    const duplicate = await xRefusal(x.v2.tweet('Same words twice.'));

    expect(duplicate.status).toBe(403);
    expect(duplicate.body).toEqual({
      title: 'Forbidden',
      type: 'about:blank',
      status: 403,
      detail: 'You are not allowed to create a Tweet with duplicate content.',
    });
    await expect(
      redirectedTwitterApi(sandbox.url, otherDemo.accessToken).v2.tweet('Same words twice.'),
    ).resolves.toBeDefined();
  });

  it('threads a reply under its parent and refuses replies to unknown tweets', async () => {
    const parent = await x.v2.tweet('Question time: ask our nurses anything.');
    const reply = await x.v2.reply('Thanks for all the questions!', parent.data.id);
    const read = await x.v2.singleTweet(reply.data.id, {
      'tweet.fields': ['conversation_id', 'in_reply_to_user_id', 'referenced_tweets'],
    });

    expect(read.data).toMatchObject({
      conversation_id: parent.data.id,
      in_reply_to_user_id: demo.id,
      referenced_tweets: [{ type: 'replied_to', id: parent.data.id }],
    });
    const orphan = await xRefusal(x.v2.reply('Hello?', '999'));
    expect(orphan.status).toBe(403);
  });

  it('deletes only own tweets', async () => {
    const { data } = await x.v2.tweet('Temporary announcement.');
    const other = redirectedTwitterApi(sandbox.url, otherDemo.accessToken);

    expect((await xRefusal(other.v2.deleteTweet(data.id))).status).toBe(403);
    expect(await x.v2.deleteTweet(data.id)).toEqual({ data: { deleted: true } });
    expect((await x.v2.singleTweet(data.id)).errors?.[0]).toMatchObject({ resource_id: data.id });
    expect((await sandbox.control.xTweets(demo.id))[0].deletedAt).not.toBeNull();
  });

  it('answers users/me with public metrics in the documented shape', async () => {
    const me = await x.v2.me({ 'user.fields': ['public_metrics', 'created_at'] });

    expect(validate('Get2UsersMeResponse', me)).toEqual([]);
    expect(me.data).toMatchObject({ id: demo.id, username: demo.handle, name: demo.name });
    expect(me.data.public_metrics?.followers_count).toBeGreaterThanOrEqual(demo.followers);
  });

  it('grows followers slowly with time', async () => {
    const followers = async () =>
      (await x.v2.me({ 'user.fields': ['public_metrics'] })).data.public_metrics!.followers_count!;
    const before = await followers();
    await sandbox.control.advanceClock(60 * 60 * 1000);
    expect(await followers()).toBe(before + 6);
  });

  it('pages a user timeline newest first and filters by start_time', async () => {
    for (let i = 1; i <= 7; i++) await x.v2.tweet(`Health tip number ${i}`);
    const firstPage = await x.v2.get(`users/${demo.id}/tweets`, { max_results: 5 });
    const secondPage = await x.v2.get(`users/${demo.id}/tweets`, {
      max_results: 5,
      pagination_token: firstPage.meta.next_token,
    });
    const future = await x.v2.get(`users/${demo.id}/tweets`, {
      start_time: new Date(Date.now() + 60_000).toISOString(),
    });

    expect(validate('Get2UsersIdTweetsResponse', firstPage)).toEqual([]);
    expect(firstPage.data.map((t: { text: string }) => t.text)).toEqual(
      [7, 6, 5, 4, 3].map((i) => `Health tip number ${i}`),
    );
    expect(secondPage.data.map((t: { text: string }) => t.text)).toEqual([
      'Health tip number 2',
      'Health tip number 1',
    ]);
    expect(secondPage.meta.next_token).toBeUndefined();
    expect(future).toEqual({ meta: { result_count: 0 } });
  });

  it('lists mentions injected from the public, after since_id', async () => {
    const post = await x.v2.tweet('We are hiring nurses!');
    const first = await sandbox.control.injectXMention({
      accountId: demo.id,
      inReplyToTweetId: post.data.id,
      text: 'Where do I apply?',
      authorHandle: 'jobseeker_1',
    });
    await sandbox.control.injectXMention({
      accountId: demo.id,
      text: `@${demo.handle} great news`,
      authorHandle: 'fan_2',
      authorName: 'A Fan',
    });

    const all = await x.v2.userMentionTimeline(demo.id, {
      expansions: ['author_id'],
      'user.fields': ['username', 'name'],
      'tweet.fields': ['author_id'],
    });
    const newer = await x.v2.get(`users/${demo.id}/mentions`, { since_id: first.id });

    expect(validate('Get2UsersIdMentionsResponse', all.data)).toEqual([]);
    expect(all.tweets.map((t) => t.text)).toEqual([
      `@${demo.handle} great news`,
      'Where do I apply?',
    ]);
    expect(all.includes.author(all.tweets[0])).toMatchObject({ username: 'fan_2', name: 'A Fan' });
    expect(newer.data.map((t: { text: string }) => t.text)).toEqual([`@${demo.handle} great news`]);
  });

  it('rejects an unknown field with the invalid-request problem', async () => {
    const error = await xRefusal(x.v2.get('tweets', { ids: '1', 'tweet.fields': 'bogus' }));

    expect(error.status).toBe(400);
    expect(error.body.type).toBe('https://api.twitter.com/2/problems/invalid-request');
    expect(error.body.errors?.[0].parameters).toEqual({ 'tweet.fields': ['bogus'] });
  });

  it('sends rate-limit headers on every call and a real 429 once the window is spent', async () => {
    const first = await x.v2.get('users/me', undefined, { fullResponse: true });
    expect(first.rateLimit).toMatchObject({ limit: 75, remaining: 74 });
    expect(first.rateLimit!.reset * 1000).toBeGreaterThan(Date.now() + 14 * 60 * 1000);
    expect(first.headers['content-type']).toMatch(/^application\/json/);

    for (let i = 0; i < 74; i++) await x.v2.me();
    const limited = await xRefusal(x.v2.me());

    expect(limited.status).toBe(429);
    expect(limited.error.rateLimitError).toBe(true);
    expect(limited.error.rateLimit).toMatchObject({ limit: 75, remaining: 0 });
    expect(limited.body).toMatchObject({ title: 'Too Many Requests', status: 429 });
    const otherAccount = redirectedTwitterApi(sandbox.url, otherDemo.accessToken);
    await expect(otherAccount.v2.me()).resolves.toBeDefined();
  });

  it('answers 401 with the X problem body for a missing or unknown token', async () => {
    const error = await xRefusal(redirectedTwitterApi(sandbox.url, 'not-a-token').v2.me());

    expect(error.status).toBe(401);
    expect(error.body).toEqual({
      title: 'Unauthorized',
      type: 'about:blank',
      status: 401,
      detail: 'Unauthorized',
    });
  });
});
