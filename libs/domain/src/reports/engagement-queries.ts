import { ENGAGEMENTS_SQL, REACH_SQL } from '../metrics/metric-counters';
import type { TweetReading } from '../metrics/thread-readings';
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
  /** An X thread: each tweet's counters as last read. */
  tweetMetrics: TweetReading[] | null;
}

/** Visits through tracked links over a stretch of days (current period or the one before). */
export interface ClickRow {
  current: boolean;
  clicks: number;
}

/** A post with tracked links: its clicks and its impressions or views over the period. */
export interface LinkPostRow {
  postId: string;
  campaign: string | null;
  preview: string;
  clicks: number;
  reach: number;
}

export interface LinkCampaignRow {
  campaign: string;
  clicks: number;
  reach: number;
}

/** What the report statement returns: one JSON array per part. */
export interface ReportRows {
  channels: { id: string; platform: 'x' | 'youtube'; handle: string; displayName: string }[];
  channelSums: ChannelRow[];
  series: (Sums & { bucket: string })[];
  baseline: { channelId: string; followers: number }[];
  audience: { channelId: string; day: string; followers: number }[];
  topPosts: TopPostRow[];
  linkTotals: ClickRow[];
  linkChannels: (ClickRow & { channelId: string })[];
  linkPosts: LinkPostRow[];
  linkCampaigns: LinkCampaignRow[];
}

const TOP_POSTS = 10;
const LINK_POSTS = 100;

// $1 organization, $2 channel or null, $3 previous.from, $4 current.from, $5 current.to,
// $6 granularity, $7 current start, $8 current end (instants).
const CHANNEL = '($2::uuid IS NULL OR c.channel_id = $2::uuid)';
const SUMS = `sum(c.posts_published)::bigint AS "postsPublished",
  sum(${REACH_SQL('c')})::bigint AS reach, sum(${ENGAGEMENTS_SQL('c')})::bigint AS engagements`;

// A tracked link's clicks count for the channels its post went out on, on the link's platform.
const LINK_ON_CHANNEL = `($2::uuid IS NULL OR EXISTS (SELECT 1 FROM publications p
  WHERE p.post_id = l.post_id AND p.platform = l.platform AND p.channel_id = $2::uuid
    AND p.published_at IS NOT NULL))`;
const CLICKS_OF = (filter: string) => `coalesce((SELECT sum(d.clicks) FROM link_daily_clicks d
  JOIN tracked_links l ON l.id = d.link_id JOIN posts po ON po.id = l.post_id
  WHERE d.organization_id = $1 AND d.day BETWEEN $4::date AND $5::date AND ${LINK_ON_CHANNEL}
    AND ${filter}), 0)::bigint`;
const REACH_OF = (filter: string) => `coalesce((SELECT sum(${REACH_SQL('m')}) FROM posts po
  JOIN publications p ON p.post_id = po.id JOIN publication_daily_metrics m ON m.publication_id = p.id
  WHERE po.organization_id = $1 AND m.day BETWEEN $4::date AND $5::date
    AND ($2::uuid IS NULL OR p.channel_id = $2::uuid) AND ${filter}), 0)::bigint`;
// Posts whose tracked links are approved (their destinations fixed), each once.
const LINKED_POSTS = `SELECT DISTINCT l.post_id FROM tracked_links l
  WHERE l.organization_id = $1 AND l.destination IS NOT NULL`;

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
      c.reach, c.engagements, c.tweet_metrics AS "tweetMetrics"
    FROM publication_metrics c
    WHERE c.organization_id = $1 AND c.published_at >= $7::timestamptz
      AND c.published_at < $8::timestamptz AND ${CHANNEL}
    ORDER BY c.engagements DESC, c.published_at DESC
    LIMIT ${TOP_POSTS}`,
  linkTotals: `SELECT d.day >= $4::date AS current, sum(d.clicks)::bigint AS clicks
    FROM link_daily_clicks d JOIN tracked_links l ON l.id = d.link_id
    WHERE d.organization_id = $1 AND d.day BETWEEN $3::date AND $5::date AND ${LINK_ON_CHANNEL}
    GROUP BY 1`,
  linkChannels: `SELECT p.channel_id AS "channelId", d.day >= $4::date AS current,
      sum(d.clicks)::bigint AS clicks
    FROM link_daily_clicks d JOIN tracked_links l ON l.id = d.link_id
    JOIN publications p ON p.post_id = l.post_id AND p.platform = l.platform
      AND p.published_at IS NOT NULL
    WHERE d.organization_id = $1 AND d.day BETWEEN $3::date AND $5::date
      AND ($2::uuid IS NULL OR p.channel_id = $2::uuid)
    GROUP BY 1, 2`,
  linkPosts: `SELECT * FROM (
      SELECT lp.post_id AS "postId", pst.campaign,
        left(coalesce(r.content #>> '{x,text}', r.content #>> '{youtube,title}', ''), 80) AS preview,
        ${CLICKS_OF('l.post_id = lp.post_id')} AS clicks,
        ${REACH_OF('po.id = lp.post_id')} AS reach
      FROM (${LINKED_POSTS}) lp JOIN posts pst ON pst.id = lp.post_id
      LEFT JOIN post_revisions r ON r.id = pst.approved_revision_id) x
    WHERE x.clicks > 0 OR x.reach > 0
    ORDER BY x.clicks DESC, x.reach DESC, x."postId"
    LIMIT ${LINK_POSTS}`,
  linkCampaigns: `SELECT * FROM (
      SELECT c.campaign, ${CLICKS_OF('po.campaign = c.campaign')} AS clicks,
        ${REACH_OF('po.campaign = c.campaign')} AS reach
      FROM (SELECT DISTINCT po.campaign FROM (${LINKED_POSTS}) lp JOIN posts po ON po.id = lp.post_id
        WHERE po.campaign IS NOT NULL) c) x
    WHERE x.clicks > 0 OR x.reach > 0
    ORDER BY x.clicks DESC, x.campaign`,
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
