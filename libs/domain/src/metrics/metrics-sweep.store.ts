import { EntityManager } from 'typeorm';
import type { ChannelPlatform } from '../channels/channel.entity';

/** Publications a sweep claimed for reading, each now leased to the batch job it goes into. */
export interface ClaimedPublication {
  publicationId: string;
  organizationId: string;
  channelId: string;
  platform: ChannelPlatform;
}

export interface DueAudience {
  organizationId: string;
  channelId: string;
  day: string;
}

const PREVIEW_CHARS = 140;

/**
 * Starts collection for publications that went out since the last sweep: a row in
 * publication_metrics due at once, and one more post published on its channel's day.
 * Returns how many were enrolled.
 */
export async function enrollPublished(manager: EntityManager, now: Date): Promise<number> {
  const rows: { enrolled: string }[] = await manager.query(
    `WITH enrolled AS (
       INSERT INTO publication_metrics AS m (publication_id, organization_id, post_id, channel_id,
         platform, external_id, thread_tweet_ids, url, preview, published_at, next_metrics_at)
       SELECT p.id, p.organization_id, p.post_id, p.channel_id, p.platform, p.external_id,
              p.thread_tweet_ids, p.url,
              left(coalesce(CASE WHEN p.platform = 'x' THEN r.content #>> '{x,text}'
                                 ELSE r.content #>> '{youtube,title}' END, ''), ${PREVIEW_CHARS}),
              p.published_at, $1
       FROM publications p
       JOIN post_revisions r ON r.id = p.approved_revision_id
       WHERE p.status = 'published' AND p.external_id IS NOT NULL AND p.published_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM publication_metrics e WHERE e.publication_id = p.id)
       ON CONFLICT DO NOTHING
       RETURNING m.organization_id, m.channel_id, m.published_at
     ), counted AS (
       INSERT INTO channel_daily_metrics AS t (channel_id, day, organization_id, posts_published)
       SELECT e.channel_id, (e.published_at AT TIME ZONE o.time_zone)::date, e.organization_id,
              count(*)
       FROM enrolled e JOIN organizations o ON o.id = e.organization_id
       GROUP BY 1, 2, 3
       ON CONFLICT (channel_id, day)
       DO UPDATE SET posts_published = t.posts_published + excluded.posts_published
     )
     SELECT count(*)::int AS enrolled FROM enrolled`,
    [now],
  );
  return Number(rows[0]?.enrolled ?? 0);
}

/**
 * Leases up to `limit` due publications of connected channels until `leaseUntil` and returns
 * them; a second sweep (or replica) skips them, and they come back if the lease runs out.
 */
export async function claimDue(
  manager: EntityManager,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedPublication[]> {
  const [rows]: [ClaimedPublication[], number] = await manager.query(
    `UPDATE publication_metrics m SET lease_until = $2
     WHERE m.publication_id IN (
       SELECT d.publication_id FROM publication_metrics d
       JOIN channels c ON c.id = d.channel_id AND c.status = 'connected'
       WHERE d.next_metrics_at <= $1 AND (d.lease_until IS NULL OR d.lease_until <= $1)
       ORDER BY d.next_metrics_at, d.channel_id
       LIMIT $3
       FOR UPDATE OF d SKIP LOCKED)
     RETURNING m.publication_id AS "publicationId", m.organization_id AS "organizationId",
               m.channel_id AS "channelId", m.platform`,
    [now, leaseUntil, limit],
  );
  return rows;
}

/** Connected channels whose follower count for today (their organization's day) is missing. */
export function dueAudiences(manager: EntityManager, now: Date): Promise<DueAudience[]> {
  return manager.query(
    `SELECT c.organization_id AS "organizationId", c.id AS "channelId", to_char(today.day, 'YYYY-MM-DD') AS day
     FROM channels c
     JOIN organizations o ON o.id = c.organization_id
     CROSS JOIN LATERAL (SELECT ($1::timestamptz AT TIME ZONE o.time_zone)::date AS day) today
     WHERE c.status = 'connected'
       AND NOT EXISTS (SELECT 1 FROM channel_audiences a WHERE a.channel_id = c.id AND a.day = today.day)`,
    [now],
  );
}
