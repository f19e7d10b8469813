// The spec starts the real fake server in-process.
import { useSandbox, X_DEMO_ACCOUNTS } from '@rounds/sandbox';
import { PlatformError } from '../platform-error';
import { XClient } from './x-client';

const REDIRECT = 'http://localhost:3000/api/v1/channels/x/callback';
const [demo] = X_DEMO_ACCOUNTS;
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(2048, 1)]);

async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PlatformError)) throw new Error(`expected a PlatformError, got ${error}`);
  return error;
}

describe('XClient against the sandbox', () => {
  const sandbox = useSandbox();
  let x: XClient;

  beforeAll(() => {
    x = new XClient({
      apiBaseUrl: sandbox.url,
      authorizeUrl: `${sandbox.url}/i/oauth2/authorize`,
      clientId: 'rounds',
      clientSecret: 'secret',
      requestTimeoutMs: 1_000,
    });
  });

  describe('connecting an account', () => {
    it('links to the configured consent page with PKCE, state and the app scopes', () => {
      const request = x.buildAuthorizeUrl(REDIRECT, 'state-42');
      const url = new URL(request.url);

      expect(`${url.origin}${url.pathname}`).toBe(`${sandbox.url}/i/oauth2/authorize`);
      expect(Object.fromEntries(url.searchParams)).toMatchObject({
        client_id: 'rounds',
        redirect_uri: REDIRECT,
        state: 'state-42',
        code_challenge_method: 's256',
        scope: 'tweet.read tweet.write users.read offline.access media.write',
      });
      expect(request.codeVerifier).toHaveLength(128);
    });

    it('exchanges the code for tokens and the account behind them', async () => {
      const request = x.buildAuthorizeUrl(REDIRECT, 'state-1');
      const consent = await fetch(`${request.url}&sandbox_account=${demo.handle}`, {
        redirect: 'manual',
      });
      const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;

      const { tokens, account } = await x.exchangeCode(code, request.codeVerifier!, REDIRECT);

      expect(account).toMatchObject({
        externalId: demo.id,
        handle: demo.handle,
        displayName: demo.name,
      });
      expect(tokens.refreshToken).toBeDefined();
      expect(tokens.scopes).toContain('media.write');
      expect(tokens.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 7100 * 1000);
    });

    it('turns a bad code into an auth failure', async () => {
      const error = await failure(x.exchangeCode('made-up', 'verifier', REDIRECT));

      expect(error.kind).toBe('auth');
      expect(error.message).toMatch(/authorization code was invalid/);
    });

    it('refreshes with rotation, and a revoked grant becomes an auth failure', async () => {
      const tokens = await x.refresh(demo.refreshToken);
      expect((await x.getAccount(tokens.accessToken)).handle).toBe(demo.handle);

      expect((await failure(x.refresh(demo.refreshToken))).kind).toBe('auth');
      await sandbox.control.revokeX(demo.id);
      expect((await failure(x.refresh(tokens.refreshToken!))).kind).toBe('auth');
    });

    it('reads the follower count with the account', async () => {
      const account = await x.getAccount(demo.accessToken);

      expect(account.followers).toBeGreaterThanOrEqual(demo.followers);
    });
  });

  describe('publishing', () => {
    it('posts a tweet with an image and its alt text, and links to it', async () => {
      const mediaId = await x.uploadImage(
        demo.accessToken,
        PNG,
        'image/png',
        'Two nurses at the desk',
      );
      const item = await x.postTweet(demo.accessToken, {
        text: 'Thank you, night shift!',
        mediaIds: [mediaId],
        handle: demo.handle,
      });

      expect(item.url).toBe(`https://x.com/${demo.handle}/status/${item.externalId}`);
      expect(await sandbox.control.xTweets(demo.id)).toEqual([
        expect.objectContaining({
          id: item.externalId,
          text: 'Thank you, night shift!',
          mediaIds: [mediaId],
          altTexts: ['Two nurses at the desk'],
        }),
      ]);
    });

    it('looks the handle up when it is not given, and replies in a thread', async () => {
      const parent = await x.postTweet(demo.accessToken, { text: 'Ask us anything.' });
      const reply = await x.postTweet(demo.accessToken, {
        text: 'Great question!',
        inReplyTo: parent.externalId,
      });

      expect(parent.url).toBe(`https://x.com/${demo.handle}/status/${parent.externalId}`);
      const tweets = await sandbox.control.xTweets(demo.id);
      expect(tweets.find((t) => t.id === reply.externalId)?.inReplyToTweetId).toBe(
        parent.externalId,
      );
    });

    it('deletes a tweet', async () => {
      const item = await x.postTweet(demo.accessToken, { text: 'Oops.', handle: demo.handle });

      await x.deleteTweet(demo.accessToken, item.externalId);

      expect((await sandbox.control.xTweets(demo.id))[0].deletedAt).not.toBeNull();
    });

    it('finds an in-doubt tweet by its text, ignoring t.co and HTML escaping', async () => {
      const since = new Date(Date.now() - 1000);
      const item = await x.postTweet(demo.accessToken, {
        text: 'Heart & lung clinic: https://example.org/clinic',
        handle: demo.handle,
      });

      const found = await x.findRecentTweet(
        demo.accessToken,
        demo.id,
        'Heart &amp; lung clinic: https://t.co/AbC123',
        since,
      );
      const absent = await x.findRecentTweet(demo.accessToken, demo.id, 'Something else', since);
      const tooOld = await x.findRecentTweet(
        demo.accessToken,
        demo.id,
        'Heart & lung clinic: https://example.org/clinic',
        new Date(Date.now() + 60_000),
      );

      expect(found).toEqual(item);
      expect(absent).toBeNull();
      expect(tooOld).toBeNull();
    });
  });

  describe('metrics and mentions', () => {
    it('reads counters in batches of 100 and leaves out deleted tweets', async () => {
      const posted = [];
      for (let i = 0; i < 3; i++) {
        posted.push(await x.postTweet(demo.accessToken, { text: `Tip ${i}`, handle: demo.handle }));
      }
      await x.deleteTweet(demo.accessToken, posted[2].externalId);
      await sandbox.control.advanceClock(24 * 60 * 60 * 1000);
      await sandbox.control.clearRequests();
      const filler = Array.from({ length: 147 }, (_, i) => String(1000 + i));

      const metrics = await x.getMetrics(demo.accessToken, [
        posted[0].externalId,
        posted[1].externalId,
        posted[2].externalId,
        ...filler,
      ]);

      expect([...metrics.keys()]).toEqual([posted[0].externalId, posted[1].externalId]);
      expect(metrics.get(posted[0].externalId)).toEqual({
        impressions: expect.any(Number),
        likes: expect.any(Number),
        reposts: expect.any(Number),
        replies: expect.any(Number),
        quotes: expect.any(Number),
        bookmarks: expect.any(Number),
      });
      expect(metrics.get(posted[0].externalId)!.impressions).toBeGreaterThan(0);
      expect(await sandbox.control.requests({ platform: 'x', path: '/2/tweets' })).toHaveLength(2);
    });

    it('pulls replies and mentions with their authors, oldest first, after sinceId', async () => {
      const post = await x.postTweet(demo.accessToken, {
        text: 'Open house!',
        handle: demo.handle,
      });
      const first = await sandbox.control.injectXMention({
        accountId: demo.id,
        inReplyToTweetId: post.externalId,
        text: 'What time?',
        authorHandle: 'curious_cat',
        authorName: 'Curious Cat',
      });
      await sandbox.control.injectXMention({
        accountId: demo.id,
        text: `@${demo.handle} see you there`,
        authorHandle: 'neighbour',
      });

      const all = await x.getMentions(demo.accessToken, demo.id);
      const newer = await x.getMentions(demo.accessToken, demo.id, first.id);

      expect(all).toEqual([
        {
          externalId: first.id,
          inReplyToExternalId: post.externalId,
          authorHandle: 'curious_cat',
          authorName: 'Curious Cat',
          text: 'What time?',
          createdAt: new Date(first.createdAt),
        },
        expect.objectContaining({
          authorHandle: 'neighbour',
          text: `@${demo.handle} see you there`,
        }),
      ]);
      expect(newer.map((m) => m.authorHandle)).toEqual(['neighbour']);
    });
  });

  describe('failures', () => {
    it('turns a 429 into rate_limited with the reset time X gave', async () => {
      await sandbox.control.addFault({
        platform: 'x',
        method: 'POST',
        path: '/2/tweets',
        mode: 'status',
        status: 429,
        resetInSeconds: 120,
      });

      const error = await failure(
        x.postTweet(demo.accessToken, { text: 'Hi', handle: demo.handle }),
      );

      expect(error.kind).toBe('rate_limited');
      expect(error.status).toBe(429);
      expect(error.retryAt!.getTime()).toBeGreaterThan(Date.now() + 110_000);
      expect(error.retryAt!.getTime()).toBeLessThan(Date.now() + 130_000);
    });

    it('turns 5xx into transient and 401 into auth', async () => {
      await sandbox.control.addFault({
        platform: 'x',
        path: '/2/users/me',
        mode: 'status',
        status: 503,
        count: 1,
      });
      expect((await failure(x.getAccount(demo.accessToken))).kind).toBe('transient');

      await sandbox.control.expireXTokens(demo.id);
      expect((await failure(x.getAccount(demo.accessToken))).kind).toBe('auth');
    });

    it('turns a refused text into content with X detail message', async () => {
      const error = await failure(
        x.postTweet(demo.accessToken, { text: 'x'.repeat(281), handle: demo.handle }),
      );

      expect(error.kind).toBe('content');
      expect(error.message).toMatch(/Your Tweet text is too long/);
    });

    it('tells X refusing a text the account already posted apart from other refusals', async () => {
      const tweet = { text: 'Visiting hours change on Monday.', handle: demo.handle };
      await x.postTweet(demo.accessToken, tweet);

      const error = await failure(x.postTweet(demo.accessToken, tweet));

      expect([error.kind, error.status]).toEqual(['duplicate', 403]);
    });

    it('reports unknown_outcome when the connection drops after X accepted a tweet', async () => {
      await sandbox.control.addFault({
        platform: 'x',
        method: 'POST',
        path: '/2/tweets',
        mode: 'drop-after-accept',
        count: 1,
      });

      const error = await failure(
        x.postTweet(demo.accessToken, { text: 'Did this go out?', handle: demo.handle }),
      );

      expect(error.kind).toBe('unknown_outcome');
      expect((await sandbox.control.xTweets(demo.id)).map((t) => t.text)).toEqual([
        'Did this go out?',
      ]);
    });

    it('reports unknown_outcome when a sent tweet times out, transient for a read', async () => {
      await sandbox.control.addFault({ platform: 'x', path: '/2/', mode: 'timeout' });

      const post = await failure(
        x.postTweet(demo.accessToken, { text: 'Slow', handle: demo.handle }),
      );
      const read = await failure(x.getMetrics(demo.accessToken, ['1']));

      expect(post.kind).toBe('unknown_outcome');
      expect(read.kind).toBe('transient');
    });

    it('calls a dropped read transient', async () => {
      await sandbox.control.addFault({
        platform: 'x',
        method: 'GET',
        mode: 'drop-after-accept',
        count: 1,
      });

      expect((await failure(x.getAccount(demo.accessToken))).kind).toBe('transient');
    });

    it('calls a refused connection transient even for a tweet: nothing was sent', async () => {
      const unreachable = new XClient({
        apiBaseUrl: 'http://127.0.0.1:1',
        authorizeUrl: 'http://127.0.0.1:1/i/oauth2/authorize',
        clientId: 'rounds',
        clientSecret: 'secret',
      });

      const error = await failure(
        unreachable.postTweet(demo.accessToken, { text: 'Hello', handle: demo.handle }),
      );

      expect(error.kind).toBe('transient');
    });
  });
});
