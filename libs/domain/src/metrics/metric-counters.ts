/** The counters engagements add up (counters a platform does not have are 0). */
export const ENGAGEMENT_KEYS = [
  'likes',
  'reposts',
  'replies',
  'quotes',
  'bookmarks',
  'comments',
] as const;

/** The counters Rounds stores per snapshot and sums in rollups; absent ones count as 0. */
export const COUNTER_KEYS = ['impressions', 'views', ...ENGAGEMENT_KEYS] as const;

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
  `(${ENGAGEMENT_KEYS.map((k) => `${t}.${k}`).join(' + ')})`;
export const REACH_SQL = (t: string) => `(${t}.impressions + ${t}.views)`;
