import type { MetricCounters } from '@rounds/platforms';

/** The counters Rounds stores per snapshot and sums in rollups; absent ones count as 0. */
export const COUNTER_KEYS = [
  'impressions',
  'views',
  'likes',
  'reposts',
  'replies',
  'quotes',
  'bookmarks',
  'comments',
] as const;
export type CounterKey = (typeof COUNTER_KEYS)[number];
export type Counters = Record<CounterKey, number>;

export const ZERO_COUNTERS: Readonly<Counters> = Object.freeze(
  Object.fromEntries(COUNTER_KEYS.map((k) => [k, 0])) as Counters,
);

/** A platform's reading with the counters it does not report set to 0. */
export function fromPlatform(reading: MetricCounters): Counters {
  return Object.fromEntries(COUNTER_KEYS.map((k) => [k, reading[k] ?? 0])) as Counters;
}

/** What changed since the previous reading (negative when, e.g., a like was taken back). */
export function delta(current: Counters, previous: Counters): Counters {
  return Object.fromEntries(COUNTER_KEYS.map((k) => [k, current[k] - previous[k]])) as Counters;
}

export function isZero(counters: Counters): boolean {
  return COUNTER_KEYS.every((k) => counters[k] === 0);
}

export function addCounters(a: Counters, b: Counters): Counters {
  return Object.fromEntries(COUNTER_KEYS.map((k) => [k, a[k] + b[k]])) as Counters;
}

/**
 * The formulas every report figure carries. Counters a platform does not have are 0, so one SQL
 * expression serves both platforms.
 */
export const FORMULAS = {
  engagements:
    'engagements = likes + reposts + replies + quotes + bookmarks (X); likes + comments (YouTube)',
  reach: 'impressionsOrViews = impressions (X) + views (YouTube)',
  engagementRate:
    'engagementRate = engagements / impressions (X) or views (YouTube), over the period',
  postsPublished:
    'postsPublished = publications that went out in the period (one per post and channel)',
  followerGrowth:
    'followerGrowth = followers or subscribers at the end of the period - at the end of the day before it, summed over channels',
} as const;

/** SQL for engagements and reach over a row (or table alias) holding the counters. */
export const ENGAGEMENTS_SQL = (t: string) =>
  `(${t}.likes + ${t}.reposts + ${t}.replies + ${t}.quotes + ${t}.bookmarks + ${t}.comments)`;
export const REACH_SQL = (t: string) => `(${t}.impressions + ${t}.views)`;

export function engagementsOf(c: Counters): number {
  return c.likes + c.reposts + c.replies + c.quotes + c.bookmarks + c.comments;
}

export function reachOf(c: Counters): number {
  return c.impressions + c.views;
}
