import { EntityManager } from 'typeorm';
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

/** A named, parameterised query of the engagement report; tests EXPLAIN every one. */
export interface ReportQuery {
  name: string;
  sql: string;
  params: unknown[];
}

const SUMS = `sum(c.posts_published)::bigint AS "postsPublished",
              sum(${REACH_SQL('c')})::bigint AS reach,
              sum(${ENGAGEMENTS_SQL('c')})::bigint AS engagements`;

const channelFilter = (scope: ReportScope, index: number) =>
  scope.channelId ? `AND c.channel_id = $${index}` : `AND $${index}::uuid IS NULL`;

const TOP_POSTS = 10;

/** Every query the engagement report runs. Each reads a rollup table, none the raw snapshots. */
export function engagementQueries(
  scope: ReportScope,
  current: ReportPeriod,
  previous: ReportPeriod,
  granularity: Granularity,
): Record<'channels' | 'series' | 'baseline' | 'audience' | 'topPosts', ReportQuery> {
  const channelId = scope.channelId ?? null;
  return {
    channels: {
      name: 'per channel, this period and the one before',
      sql: `SELECT c.channel_id AS "channelId", c.day >= $3 AS current, ${SUMS}
            FROM channel_daily_metrics c
            WHERE c.organization_id = $1 AND c.day BETWEEN $2 AND $4 ${channelFilter(scope, 5)}
            GROUP BY 1, 2`,
      params: [scope.organizationId, previous.from, current.from, current.to, channelId],
    },
    series: {
      name: 'series',
      sql: `SELECT to_char(date_trunc($5, c.day::timestamp), 'YYYY-MM-DD') AS bucket, ${SUMS}
            FROM channel_daily_metrics c
            WHERE c.organization_id = $1 AND c.day BETWEEN $2 AND $3 ${channelFilter(scope, 4)}
            GROUP BY 1`,
      params: [scope.organizationId, current.from, current.to, channelId, granularity],
    },
    baseline: {
      name: 'followers before the previous period',
      sql: `SELECT DISTINCT ON (c.channel_id) c.channel_id AS "channelId", c.followers
            FROM channel_audiences c
            WHERE c.organization_id = $1 AND c.day < $2 ${channelFilter(scope, 3)}
            ORDER BY c.channel_id, c.day DESC`,
      params: [scope.organizationId, previous.from, channelId],
    },
    audience: {
      name: 'followers during both periods',
      sql: `SELECT c.channel_id AS "channelId", to_char(c.day, 'YYYY-MM-DD') AS day, c.followers
            FROM channel_audiences c
            WHERE c.organization_id = $1 AND c.day BETWEEN $2 AND $3 ${channelFilter(scope, 4)}
            ORDER BY c.day`,
      params: [scope.organizationId, previous.from, current.to, channelId],
    },
    topPosts: {
      name: 'top posts published in the period',
      sql: `SELECT c.publication_id AS "publicationId", c.post_id AS "postId",
                   c.channel_id AS "channelId", c.platform, c.preview, c.url,
                   c.published_at AS "publishedAt", c.reach, c.engagements
            FROM publication_metrics c
            WHERE c.organization_id = $1 AND c.published_at >= $2 AND c.published_at < $3
              ${channelFilter(scope, 4)}
            ORDER BY c.engagements DESC, c.published_at DESC
            LIMIT ${TOP_POSTS}`,
      params: [scope.organizationId, current.start, current.end, channelId],
    },
  };
}

/** Runs a report query; bigint sums come back as numbers. */
export async function runReportQuery<T>(manager: EntityManager, query: ReportQuery): Promise<T[]> {
  const rows: Record<string, unknown>[] = await manager.query(query.sql, query.params);
  return rows.map((row) => {
    for (const key of ['postsPublished', 'reach', 'engagements', 'followers']) {
      if (typeof row[key] === 'string') row[key] = Number(row[key]);
    }
    return row as T;
  });
}
