import { EntityManager } from 'typeorm';
import { PostStatus } from '../lifecycle/statuses';
import type { LimitPeriod, PostPlan } from './post-costs';

/** Publications that may still call the platform (held ones wait for a person to release them). */
const PENDING = [PostStatus.Scheduled, PostStatus.Publishing, PostStatus.InDoubt];

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * X posts the app created in the month: replies counted in `platform_usage` (the app's counter,
 * shared by every organization) and the organization's published publications.
 */
export async function xPostsMade(
  manager: EntityManager,
  organizationId: string,
  month: LimitPeriod,
  excludePostId: string | null,
): Promise<{ used: number; scheduled: number }> {
  const [[recorded], [publications]] = await Promise.all([
    manager.query(
      `SELECT COALESCE(SUM(requests), 0)::int AS posts FROM platform_usage
       WHERE platform = 'x' AND operation = 'tweets.create' AND day >= $1 AND day < $2`,
      [isoDay(month.from), isoDay(month.to)],
    ),
    manager.query(
      `SELECT
         COUNT(*) FILTER (WHERE pub.status = 'published' AND pub.published_at >= $2 AND pub.published_at < $3)::int AS published,
         COUNT(*) FILTER (WHERE pub.status = ANY($4) AND p.scheduled_at >= $2 AND p.scheduled_at < $3)::int AS scheduled
       FROM publications pub
       JOIN posts p ON p.id = pub.post_id AND p.organization_id = pub.organization_id
       WHERE pub.organization_id = $1 AND pub.platform = 'x' AND ($5::uuid IS NULL OR pub.post_id <> $5)`,
      [organizationId, month.from, month.to, PENDING, excludePostId],
    ),
  ]);
  return {
    used: Number(recorded.posts) + Number(publications.published),
    scheduled: Number(publications.scheduled),
  };
}

/** What the organization's YouTube videos due on the day still need from the quota, per call. */
export interface PendingVideos {
  videos: number;
  uploads: number;
  thumbnails: number;
  captions: number;
}

/**
 * Videos already uploaded ahead (on an earlier day, or counted in today's usage) need only what is
 * not done yet; each still needs the update that makes it public.
 */
export async function youtubeVideosDue(
  manager: EntityManager,
  organizationId: string,
  day: LimitPeriod,
  excludePostId: string | null,
): Promise<PendingVideos> {
  const [row] = await manager.query(
    `SELECT COUNT(*)::int AS videos,
       COUNT(*) FILTER (WHERE u.video_id IS NULL)::int AS uploads,
       COUNT(*) FILTER (WHERE r.content->'youtube'->>'thumbnailMediaId' IS NOT NULL
                          AND NOT COALESCE(u.thumbnail_set, false))::int AS thumbnails,
       COUNT(*) FILTER (WHERE r.content->'youtube'->>'captionMediaId' IS NOT NULL
                          AND NOT COALESCE(u.captions_set, false))::int AS captions
     FROM publications pub
     JOIN posts p ON p.id = pub.post_id AND p.organization_id = pub.organization_id
     JOIN post_revisions r ON r.id = pub.approved_revision_id AND r.organization_id = pub.organization_id
     LEFT JOIN youtube_uploads u ON u.publication_id = pub.id AND u.organization_id = pub.organization_id
     WHERE pub.organization_id = $1 AND pub.platform = 'youtube' AND pub.status = ANY($2)
       AND p.scheduled_at >= $3 AND p.scheduled_at < $4 AND ($5::uuid IS NULL OR pub.post_id <> $5)`,
    [organizationId, PENDING, day.from, day.to, excludePostId],
  );
  return {
    videos: Number(row.videos),
    uploads: Number(row.uploads),
    thumbnails: Number(row.thumbnails),
    captions: Number(row.captions),
  };
}

export interface PlannedPost {
  channelIds: string[];
  plan: PostPlan;
}

/** The campaign's posts that are not cancelled, as their current revisions plan them. */
export async function campaignPosts(
  manager: EntityManager,
  organizationId: string,
  campaign: string,
  excludePostId: string | null,
): Promise<PlannedPost[]> {
  const rows: {
    channel_ids: string[];
    images: number | null;
    thumbnail: boolean;
    captions: boolean;
  }[] = await manager.query(
    `SELECT r.content->'channelIds' AS channel_ids,
       jsonb_array_length(r.content->'x'->'images') AS images,
       r.content->'youtube'->>'thumbnailMediaId' IS NOT NULL AS thumbnail,
       r.content->'youtube'->>'captionMediaId' IS NOT NULL AS captions
     FROM posts p
     JOIN post_revisions r ON r.id = p.current_revision_id AND r.organization_id = p.organization_id
     WHERE p.organization_id = $1 AND p.campaign = $2 AND p.status <> $3
       AND ($4::uuid IS NULL OR p.id <> $4)`,
    [organizationId, campaign, PostStatus.Cancelled, excludePostId],
  );
  return rows.map((r) => ({
    channelIds: r.channel_ids,
    plan: { images: r.images ?? 0, thumbnail: r.thumbnail, captions: r.captions },
  }));
}
