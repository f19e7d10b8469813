import type { Request } from 'express';
import { followerCount, tweetMetrics } from './x-metrics';
import { queryList } from './x-query';
import type { XAccount, XStore, XTweet } from './x-store';

const PRIVATE_METRICS_DAYS = 30;
const PRIVATE_METRICS = ['non_public_metrics', 'organic_metrics'] as const;

/** What the caller asked to see (`tweet.fields`, `user.fields`, `expansions`) and who asks. */
export interface RenderOptions {
  tweetFields: Set<string>;
  userFields: Set<string>;
  expansions: Set<string>;
  viewerId: string;
  now: Date;
}

export function renderOptions(req: Request, viewerId: string, now: Date): RenderOptions {
  return {
    tweetFields: queryList(req, 'tweet.fields'),
    userFields: queryList(req, 'user.fields'),
    expansions: queryList(req, 'expansions'),
    viewerId,
    now,
  };
}

export function renderUser(store: XStore, account: XAccount, fields: Set<string>, now: Date) {
  const user: Record<string, unknown> = {
    id: account.id,
    name: account.name,
    username: account.handle,
  };
  if (fields.has('created_at')) user.created_at = account.createdAt.toISOString();
  if (fields.has('description')) user.description = `${account.name} on X`;
  if (fields.has('protected')) user.protected = false;
  if (fields.has('verified')) user.verified = account.kind === 'managed';
  if (fields.has('profile_image_url')) {
    user.profile_image_url = `https://pbs.twimg.com/profile_images/${account.id}/avatar_normal.jpg`;
  }
  if (fields.has('public_metrics')) {
    const followers = followerCount(account, now);
    user.public_metrics = {
      followers_count: followers,
      following_count: 120,
      tweet_count: liveTweetsOf(store, account.id).length,
      listed_count: Math.floor(followers / 150),
      like_count: 0,
    };
  }
  return user;
}

export function liveTweetsOf(store: XStore, accountId: string): XTweet[] {
  return (store.tweetsByAuthor.get(accountId) ?? []).filter((t) => !t.deletedAt);
}

/** `{data, includes, errors}` as X answers a tweet lookup or timeline; absent parts are left out. */
export function renderTweets(store: XStore, tweets: XTweet[], o: RenderOptions) {
  const errors: Record<string, unknown>[] = [];
  const data = tweets.map((tweet) => {
    const { rendered, refused } = renderTweet(tweet, o);
    for (const field of refused) errors.push(fieldAuthorizationError(tweet.id, field));
    return rendered;
  });
  const includes = renderIncludes(store, tweets, o);
  return {
    ...(data.length ? { data } : {}),
    ...(Object.keys(includes).length ? { includes } : {}),
    ...(errors.length ? { errors } : {}),
  };
}

function renderTweet(tweet: XTweet, o: RenderOptions) {
  const f = o.tweetFields;
  const out: Record<string, unknown> = {
    id: tweet.id,
    text: tweet.text,
    edit_history_tweet_ids: [tweet.id],
  };
  if (f.has('author_id')) out.author_id = tweet.authorId;
  if (f.has('created_at')) out.created_at = tweet.createdAt.toISOString();
  if (f.has('conversation_id')) out.conversation_id = tweet.conversationId;
  if (f.has('lang')) out.lang = 'en';
  if (f.has('possibly_sensitive')) out.possibly_sensitive = false;
  if (f.has('reply_settings')) out.reply_settings = 'everyone';
  if (f.has('in_reply_to_user_id') && tweet.inReplyToUserId) {
    out.in_reply_to_user_id = tweet.inReplyToUserId;
  }
  if (f.has('referenced_tweets') && tweet.inReplyToTweetId) {
    out.referenced_tweets = [{ type: 'replied_to', id: tweet.inReplyToTweetId }];
  }
  if (f.has('attachments') && tweet.mediaKeys.length) {
    out.attachments = { media_keys: tweet.mediaKeys };
  }
  const refused = addMetrics(out, tweet, o);
  return { rendered: out, refused };
}

/** Adds the requested metrics; returns the private ones the viewer may not see. */
function addMetrics(out: Record<string, unknown>, tweet: XTweet, o: RenderOptions): string[] {
  const wanted = PRIVATE_METRICS.filter((field) => o.tweetFields.has(field));
  if (!o.tweetFields.has('public_metrics') && wanted.length === 0) return [];
  const m = tweetMetrics(tweet, o.now);
  if (o.tweetFields.has('public_metrics')) {
    out.public_metrics = {
      retweet_count: m.retweet_count,
      reply_count: m.reply_count,
      like_count: m.like_count,
      quote_count: m.quote_count,
      bookmark_count: m.bookmark_count,
      impression_count: m.impression_count,
    };
  }
  const ageDays = (o.now.getTime() - tweet.createdAt.getTime()) / 86_400_000;
  if (tweet.authorId !== o.viewerId || ageDays > PRIVATE_METRICS_DAYS) return [...wanted];
  const clicks = { url_link_clicks: m.url_link_clicks, user_profile_clicks: m.user_profile_clicks };
  if (wanted.includes('non_public_metrics')) {
    out.non_public_metrics = { impression_count: m.impression_count, ...clicks };
  }
  if (wanted.includes('organic_metrics')) {
    out.organic_metrics = {
      impression_count: m.impression_count,
      like_count: m.like_count,
      reply_count: m.reply_count,
      retweet_count: m.retweet_count,
      ...clicks,
    };
  }
  return [];
}

function fieldAuthorizationError(tweetId: string, field: string) {
  return {
    value: tweetId,
    detail: `Sorry, you are not authorized to access '${field}' on the Tweet with ids: ${tweetId}.`,
    title: 'Field Authorization Error',
    resource_type: 'tweet',
    parameter: field,
    resource_id: tweetId,
    section: 'data',
    field,
    type: 'https://api.twitter.com/2/problems/not-authorized-for-field',
  };
}

function renderIncludes(store: XStore, tweets: XTweet[], o: RenderOptions) {
  const includes: Record<string, unknown[]> = {};
  const userIds = new Set<string>();
  if (o.expansions.has('author_id')) tweets.forEach((t) => userIds.add(t.authorId));
  if (o.expansions.has('in_reply_to_user_id')) {
    tweets.forEach((t) => t.inReplyToUserId && userIds.add(t.inReplyToUserId));
  }
  const users = [...userIds].flatMap((id) => {
    const account = store.accounts.get(id);
    return account ? [renderUser(store, account, o.userFields, o.now)] : [];
  });
  if (users.length) includes.users = users;
  if (o.expansions.has('attachments.media_keys')) {
    const media = tweets
      .flatMap((t) => t.mediaIds)
      .flatMap((id) => {
        const item = store.media.get(id);
        return item ? [{ media_key: item.mediaKey, type: mediaKind(item.category) }] : [];
      });
    if (media.length) includes.media = media;
  }
  if (o.expansions.has('referenced_tweets.id')) {
    const referenced = tweets.flatMap((t) => {
      const parent = t.inReplyToTweetId ? store.liveTweet(t.inReplyToTweetId) : undefined;
      return parent ? [renderTweet(parent, o).rendered] : [];
    });
    if (referenced.length) includes.tweets = referenced;
  }
  return includes;
}

export function mediaKind(category: string): 'photo' | 'video' | 'animated_gif' {
  if (category.endsWith('gif')) return 'animated_gif';
  return category.endsWith('video') ? 'video' : 'photo';
}
