import { ENGAGEMENTS_SQL, REACH_SQL } from '../metrics/metric-counters';
import type { Granularity, ReportPeriod } from './report-period';

/** Sums of one channel (or bucket) over a stretch of days, read from the daily rollups. */
export interface Sums {
  postsPublished: number;
  reach: number;
  engagements: number;
}

export interface ReportScope {
  organizationId: string;
  channelId?: string;
}

export interface ChannelRow extends Sums {
  channelId: string;
  current: boolean;
}

export interface TopPostRow {
  publicationId: string;
  postId: string;
  channelId: string;
  platform: 'x' | 'youtube';
  preview: string;
  url: string | null;
  publishedAt: string;
  reach: number;
  engagements: number;
}

/** What the report statement returns: one JSON array per part. */
export interface ReportRows {
  channels: { id: string; platform: 'x' | 'youtube'; handle: string; displayName: string }[];
  channelSums: ChannelRow[];
  series: (Sums & { bucket: string })[];
  baseline: { channelId: string; followers: number }[];
  audience: { channelId: string; day: string; followers: number }[];
  topPosts: TopPostRow[];
}

const TOP_POSTS = 10;

// $1 organization, $2 channel or null, $3 previous.from, $4 current.from, $5 current.to,
// $6 granularity, $7 current start, $8 current end (instants).
const CHANNEL = '($2::uuid IS NULL OR c.channel_id = $2::uuid)';
const SUMS = `sum(c.posts_published)::bigint AS "postsPublished",
  sum(${REACH_SQL('c')})::bigint AS reach, sum(${ENGAGEMENTS_SQL('c')})::bigint AS engagements`;

/** The parts of the report, each from a rollup or daily table, none from the raw snapshots. */
const PARTS: Record<keyof ReportRows, string> = {
  channels: `SELECT c.id, c.platform, c.handle, c.display_name AS "displayName" FROM channels c
    WHERE c.organization_id = $1 AND ($2::uuid IS NULL OR c.id = $2::uuid) ORDER BY c.created_at`,
  channelSums: `SELECT c.channel_id AS "channelId", c.day >= $4::date AS current, ${SUMS}
    FROM channel_daily_metrics c
    WHERE c.organization_id = $1 AND c.day BETWEEN $3::date AND $5::date AND ${CHANNEL}
    GROUP BY 1, 2`,
  series: `SELECT to_char(date_trunc($6::text, c.day::timestamp), 'YYYY-MM-DD') AS bucket, ${SUMS}
    FROM channel_daily_metrics c
    WHERE c.organization_id = $1 AND c.day BETWEEN $4::date AND $5::date AND ${CHANNEL}
    GROUP BY 1`,
  baseline: `SELECT DISTINCT ON (c.channel_id) c.channel_id AS "channelId", c.followers
    FROM channel_audiences c
    WHERE c.organization_id = $1 AND c.day < $3::date AND ${CHANNEL}
    ORDER BY c.channel_id, c.day DESC`,
  audience: `SELECT c.channel_id AS "channelId", to_char(c.day, 'YYYY-MM-DD') AS day, c.followers
    FROM channel_audiences c
    WHERE c.organization_id = $1 AND c.day BETWEEN $3::date AND $5::date AND ${CHANNEL}
    ORDER BY c.day`,
  topPosts: `SELECT c.publication_id AS "publicationId", c.post_id AS "postId",
      c.channel_id AS "channelId", c.platform, c.preview, c.url, c.published_at AS "publishedAt",
      c.reach, c.engagements
    FROM publication_metrics c
    WHERE c.organization_id = $1 AND c.published_at >= $7::timestamptz
      AND c.published_at < $8::timestamptz AND ${CHANNEL}
    ORDER BY c.engagements DESC, c.published_at DESC
    LIMIT ${TOP_POSTS}`,
};

/**
 * The whole engagement report as one statement (one round trip) over the daily rollups: each part
 * comes back as a JSON array. Tests EXPLAIN it to prove no part reads metric_snapshots.
 */
export function engagementQuery(
  scope: ReportScope,
  current: ReportPeriod,
  previous: ReportPeriod,
  granularity: Granularity,
): { sql: string; params: unknown[] } {
  const columns = Object.entries(PARTS).map(
    ([name, sql]) => `(SELECT coalesce(json_agg(r), '[]') FROM (${sql}) r) AS "${name}"`,
  );
  return {
    sql: `SELECT ${columns.join(',\n')}`,
    params: [
      scope.organizationId,
      scope.channelId ?? null,
      previous.from,
      current.from,
      current.to,
      granularity,
      current.start,
      current.end,
    ],
  };
}
