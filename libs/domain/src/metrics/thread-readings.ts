import type { MetricCounters } from '@rounds/platforms';
import { COUNTER_KEYS } from './metric-counters';

/** One tweet of a thread as last read. */
export type TweetReading = { tweetId: string } & MetricCounters;

/** What a batch read for each publication: its counters, and for a thread each tweet's. */
export interface PublicationReadings {
  /** By the publication's external id (a thread's first tweet). */
  counters: Map<string, MetricCounters>;
  /** By publication id, threads only. */
  tweets: Map<string, TweetReading[]>;
}

/** A publication as the metrics collector reads it: one tweet or video, or a thread's tweets. */
export interface ReadTarget {
  publicationId: string;
  externalId: string;
  threadTweetIds: string[];
}

/** Every id the platform is asked about, a thread's tweets each. */
export const idsToRead = (targets: readonly ReadTarget[]): string[] =>
  targets.flatMap((t) => (t.threadTweetIds.length > 0 ? t.threadTweetIds : [t.externalId]));

/**
 * The platform's answer per publication. A thread counts what all its tweets counted (a tweet the
 * platform no longer returns, 0), each tweet kept apart too; it is gone when its first tweet is.
 */
export function readingsOf(
  targets: readonly ReadTarget[],
  read: Map<string, MetricCounters>,
): PublicationReadings {
  const counters = new Map<string, MetricCounters>();
  const tweets = new Map<string, TweetReading[]>();
  for (const { publicationId, externalId, threadTweetIds } of targets) {
    const own = read.get(externalId);
    if (!own) continue;
    if (threadTweetIds.length === 0) {
      counters.set(externalId, own);
      continue;
    }
    const each = threadTweetIds.map((tweetId) => ({ tweetId, likes: 0, ...read.get(tweetId) }));
    counters.set(externalId, sum(each));
    tweets.set(publicationId, each);
  }
  return { counters, tweets };
}

function sum(readings: readonly MetricCounters[]): MetricCounters {
  const total = Object.fromEntries(
    COUNTER_KEYS.map((k) => [k, readings.reduce((n, r) => n + (r[k] ?? 0), 0)]),
  );
  return total as unknown as MetricCounters;
}
