import { createHash } from 'node:crypto';
import type { XAccount, XTweet } from './x-store';

const MINUTE = 60_000;
// Tweets stop gaining engagement after 30 days, like real ones mostly do.
const MAX_AGE_MINUTES = 30 * 24 * 60;

/** A stable number in [0, 1) per id, so every tweet has its own but repeatable audience. */
function spread(id: string, salt: string): number {
  return createHash('sha256').update(`${salt}:${id}`).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * Counters that depend only on the tweet id and its age: a later read is never lower than an
 * earlier one, and two reads at the same moment agree.
 */
export function tweetMetrics(tweet: XTweet, now: Date) {
  const ageMinutes = Math.min(
    Math.max(0, (now.getTime() - tweet.createdAt.getTime()) / MINUTE),
    MAX_AGE_MINUTES,
  );
  const reach = 20 + 180 * spread(tweet.id, 'reach');
  const impressions = Math.floor(reach * Math.sqrt(ageMinutes));
  const likes = Math.floor(impressions * (0.01 + 0.04 * spread(tweet.id, 'likes')));
  const share = (ratio: number) => Math.floor(likes * ratio);
  return {
    impression_count: impressions,
    like_count: likes,
    retweet_count: share(0.2),
    reply_count: share(0.1),
    quote_count: share(0.03),
    bookmark_count: share(0.15),
    url_link_clicks: Math.floor(impressions * 0.004),
    user_profile_clicks: Math.floor(impressions * 0.002),
  };
}

/** Followers grow by one every ten minutes from the account's creation. */
export function followerCount(account: XAccount, now: Date): number {
  const minutes = Math.max(0, (now.getTime() - account.createdAt.getTime()) / MINUTE);
  return account.baseFollowers + Math.floor(minutes / 10);
}
