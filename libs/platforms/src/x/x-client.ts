import {
  type IClientSettings,
  type IParsedOAuth2TokenResult,
  type SendTweetV2Params,
  TwitterApi,
  type TweetV2,
  type TwitterV2IncludesHelper,
} from 'twitter-api-v2';
import type {
  AuthorizationRequest,
  IncomingMessage,
  MetricCounters,
  PlatformAccount,
  PublishedItem,
  TokenSet,
} from '../platform-client';
import type { CreateCall } from '../create-outcomes';
import { rebaseAuthorizeLink, xClientSettings } from './x-client-settings';
import { toPlatformError } from './x-errors';
import { sameTweetText } from './x-text';

export interface XClientOptions {
  /** `X_API_BASE_URL`: https://api.x.com, or the sandbox. */
  apiBaseUrl: string;
  /** `X_AUTHORIZE_URL`: https://x.com/i/oauth2/authorize, or the sandbox. */
  authorizeUrl: string;
  clientId: string;
  clientSecret: string;
  requestTimeoutMs?: number;
  /** For the create call, `POST /2/tweets` (default 10 s). */
  createTimeoutMs?: number;
  /** Open connections to X at once; more requests wait for a free one. */
  maxSockets?: number;
}

export interface TweetInput {
  text: string;
  mediaIds?: string[];
  inReplyTo?: string;
  /** The account's handle for the post's URL; looked up (one more call) when absent. */
  handle?: string;
}

export const X_SCOPES = [
  'tweet.read',
  'tweet.write',
  'users.read',
  'offline.access',
  'media.write',
];
const LOOKUP_BATCH = 100;
const MAX_PAGES = 5;

/** X through the real twitter-api-v2 client; every failure comes out as a PlatformError. */
export class XClient {
  private readonly settings: Partial<IClientSettings>;

  constructor(private readonly options: XClientOptions) {
    this.settings = xClientSettings({
      apiBaseUrl: options.apiBaseUrl,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      createTimeoutMs: options.createTimeoutMs ?? 10_000,
      maxSockets: options.maxSockets ?? 512,
    });
  }

  buildAuthorizeUrl(redirectUri: string, state: string): AuthorizationRequest {
    const link = this.app().generateOAuth2AuthLink(redirectUri, { scope: X_SCOPES, state });
    return {
      url: rebaseAuthorizeLink(link.url, this.options.authorizeUrl),
      codeVerifier: link.codeVerifier,
    };
  }

  async exchangeCode(
    code: string,
    codeVerifier: string,
    redirectUri: string,
  ): Promise<{ tokens: TokenSet; account: PlatformAccount & { followers: number } }> {
    const result = await this.call(() =>
      this.app().loginWithOAuth2({ code, codeVerifier, redirectUri }),
    );
    const tokens = toTokenSet(result);
    return { tokens, account: await this.getAccount(tokens.accessToken) };
  }

  async refresh(refreshToken: string): Promise<TokenSet> {
    return toTokenSet(await this.call(() => this.app().refreshOAuth2Token(refreshToken)));
  }

  async getAccount(accessToken: string): Promise<PlatformAccount & { followers: number }> {
    const { data } = await this.call(() =>
      this.user(accessToken).v2.me({ 'user.fields': ['public_metrics'] }),
    );
    return {
      externalId: data.id,
      handle: data.username,
      displayName: data.name,
      followers: data.public_metrics?.followers_count ?? 0,
    };
  }

  async uploadImage(
    accessToken: string,
    data: Buffer,
    mimeType: string,
    altText: string,
  ): Promise<string> {
    const v2 = this.user(accessToken).v2;
    const mediaId = await this.call(
      () =>
        v2.uploadMedia(data, {
          media_type: mimeType as Parameters<typeof v2.uploadMedia>[1]['media_type'],
          media_category: 'tweet_image',
        }),
      'x.media_finalize',
    );
    if (altText) {
      await this.call(() => v2.createMediaMetadata(mediaId, { alt_text: { text: altText } }));
    }
    return mediaId;
  }

  async postTweet(accessToken: string, input: TweetInput): Promise<PublishedItem> {
    // Resolved first: a failure after the tweet went out would invite a duplicate retry.
    const handle = input.handle ?? (await this.getAccount(accessToken)).handle;
    const payload: SendTweetV2Params = { text: input.text };
    if (input.mediaIds?.length) {
      payload.media = {
        media_ids: input.mediaIds as NonNullable<SendTweetV2Params['media']>['media_ids'],
      };
    }
    if (input.inReplyTo) payload.reply = { in_reply_to_tweet_id: input.inReplyTo };
    const { data } = await this.call(() => this.user(accessToken).v2.tweet(payload), 'x.tweet');
    return { externalId: data.id, url: tweetUrl(handle, data.id) };
  }

  async deleteTweet(accessToken: string, id: string): Promise<void> {
    await this.call(() => this.user(accessToken).v2.deleteTweet(id));
  }

  /**
   * For an in-doubt publish or reply: the account's tweet since `since` carrying exactly `text`,
   * if any; with `inReplyTo`, only a reply to that tweet counts.
   */
  async findRecentTweet(
    accessToken: string,
    accountId: string,
    text: string,
    since: Date,
    inReplyTo?: string,
  ): Promise<PublishedItem | null> {
    const timeline = await this.call(() =>
      this.user(accessToken).v2.userTimeline(accountId, {
        start_time: since.toISOString(),
        max_results: LOOKUP_BATCH,
        expansions: ['author_id'],
        'tweet.fields': ['author_id', 'referenced_tweets'],
        'user.fields': ['username'],
      }),
    );
    const matches = (t: TweetV2) =>
      sameTweetText(t.text, text) && (!inReplyTo || repliedTo(t) === inReplyTo);
    for (let page = 1; ; page++) {
      const match = timeline.tweets.find(matches);
      if (match)
        return {
          externalId: match.id,
          url: tweetUrl(handleOf(timeline.includes, match), match.id),
        };
      if (timeline.done || page >= MAX_PAGES) return null;
      await this.call(() => timeline.fetchNext());
    }
  }

  async getMetrics(accessToken: string, ids: string[]): Promise<Map<string, MetricCounters>> {
    const v2 = this.user(accessToken).v2;
    const metrics = new Map<string, MetricCounters>();
    for (let i = 0; i < ids.length; i += LOOKUP_BATCH) {
      const batch = ids.slice(i, i + LOOKUP_BATCH);
      // public_metrics carries every counter Rounds reports and works for tweets of any age.
      const { data } = await this.call(() =>
        v2.tweets(batch, { 'tweet.fields': ['public_metrics'] }),
      );
      for (const tweet of data ?? []) metrics.set(tweet.id, toCounters(tweet));
    }
    return metrics;
  }

  /** Replies and mentions newer than `sinceId` (the newest page when absent), oldest first. */
  async getMentions(
    accessToken: string,
    accountId: string,
    sinceId?: string,
  ): Promise<IncomingMessage[]> {
    const timeline = await this.call(() =>
      this.user(accessToken).v2.userMentionTimeline(accountId, {
        since_id: sinceId,
        max_results: LOOKUP_BATCH,
        expansions: ['author_id'],
        'tweet.fields': ['author_id', 'created_at', 'conversation_id', 'referenced_tweets'],
        'user.fields': ['username', 'name'],
      }),
    );
    for (let page = 1; sinceId && !timeline.done && page < MAX_PAGES; page++) {
      await this.call(() => timeline.fetchNext());
    }
    return timeline.tweets
      .map((tweet) => toMessage(tweet, timeline.includes))
      .sort((a, b) => (BigInt(a.externalId) < BigInt(b.externalId) ? -1 : 1));
  }

  private app(): TwitterApi {
    return new TwitterApi(
      { clientId: this.options.clientId, clientSecret: this.options.clientSecret },
      this.settings,
    );
  }

  private user(accessToken: string): TwitterApi {
    return new TwitterApi(accessToken, this.settings);
  }

  private async call<T>(request: () => Promise<T>, createCall?: CreateCall): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw toPlatformError(error, createCall);
    }
  }
}

function toTokenSet(result: IParsedOAuth2TokenResult): TokenSet {
  return {
    accessToken: result.accessToken,
    refreshToken: result.refreshToken,
    expiresAt: result.expiresIn ? new Date(Date.now() + result.expiresIn * 1000) : undefined,
    scopes: result.scope,
  };
}

export function tweetUrl(handle: string | undefined, id: string): string {
  return handle ? `https://x.com/${handle}/status/${id}` : `https://x.com/i/web/status/${id}`;
}

function handleOf(includes: TwitterV2IncludesHelper, tweet: TweetV2): string | undefined {
  return includes.author(tweet)?.username;
}

function toCounters(tweet: TweetV2): MetricCounters {
  const m = tweet.public_metrics;
  return {
    impressions: m?.impression_count,
    likes: m?.like_count ?? 0,
    reposts: m?.retweet_count,
    replies: m?.reply_count,
    quotes: m?.quote_count,
    bookmarks: m?.bookmark_count,
  };
}

function repliedTo(tweet: TweetV2): string | undefined {
  return tweet.referenced_tweets?.find((r) => r.type === 'replied_to')?.id;
}

function toMessage(tweet: TweetV2, includes: TwitterV2IncludesHelper): IncomingMessage {
  const author = includes.author(tweet);
  return {
    externalId: tweet.id,
    inReplyToExternalId: repliedTo(tweet) ?? tweet.conversation_id ?? tweet.id,
    authorHandle: author?.username ?? '',
    authorName: author?.name ?? '',
    text: tweet.text,
    createdAt: tweet.created_at ? new Date(tweet.created_at) : new Date(),
  };
}
