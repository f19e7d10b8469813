import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PublicationJobData } from '@rounds/queue';
import { PostStatus } from '../lifecycle/statuses';

/** A publication as the queue sees it. */
export interface QueuedPublication extends PublicationJobData {
  status: string;
  platform: string;
  scheduledAt: Date;
}

interface QueuedRow {
  id: string;
  organization_id: string;
  status: string;
  platform: string;
  scheduled_at: Date;
}

const QUEUED = `SELECT pub.id, pub.organization_id, pub.status, pub.platform, p.scheduled_at
  FROM publications pub
  JOIN posts p ON p.id = pub.post_id AND p.organization_id = pub.organization_id`;

/**
 * The publications' reads for keeping Redis in step (raw SQL: joins over posts, organizations and
 * YouTube uploads in one round trip). The reconciler's reads cross organizations on purpose: it is
 * the system repairing every tenant's queue, and each row carries its organization.
 */
@Injectable()
export class PublicationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One post's publications with its time. */
  async queuedOfPost(organizationId: string, postId: string): Promise<QueuedPublication[]> {
    const rows: QueuedRow[] = await this.dataSource.query(
      `${QUEUED} WHERE pub.organization_id = $1 AND pub.post_id = $2`,
      [organizationId, postId],
    );
    return rows.map(queued);
  }

  /** Scheduled publications due by `horizon`, and every in-doubt one, soonest first. */
  async dueForQueue(horizon: Date, limit: number): Promise<QueuedPublication[]> {
    const rows: QueuedRow[] = await this.dataSource.query(
      `${QUEUED}
        WHERE (pub.status = $1 AND p.scheduled_at <= $2) OR pub.status = $3
        ORDER BY p.scheduled_at LIMIT $4`,
      [PostStatus.Scheduled, horizon, PostStatus.InDoubt, limit],
    );
    return rows.map(queued);
  }

  /**
   * Keeps the id of an X thread's tweet `index` that went out; false when the thread's progress
   * is not at `index` (someone else kept it), so no tweet is ever kept twice or out of order.
   */
  async keepThreadTweet(
    organizationId: string,
    publicationId: string,
    index: number,
    tweetId: string,
  ): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH kept AS (
         UPDATE publications SET thread_tweet_ids = thread_tweet_ids || jsonb_build_array($3::text)
          WHERE organization_id = $1 AND id = $2 AND jsonb_array_length(thread_tweet_ids) = $4
         RETURNING id
       )
       SELECT id FROM kept`,
      [organizationId, publicationId, tweetId, index],
    );
    return rows.length === 1;
  }

  /**
   * YouTube publications whose video is out of step with PostgreSQL: scheduled on YouTube while
   * their organization is paused or the publication no longer scheduled, uploaded and cancelled,
   * or scheduled and public (due after `after`) without an uploaded, scheduled video.
   */
  async youtubeOutOfStep(after: Date, limit: number): Promise<PublicationJobData[]> {
    const rows: { id: string; organization_id: string }[] = await this.dataSource.query(
      `SELECT pub.id, pub.organization_id
         FROM publications pub
         JOIN organizations o ON o.id = pub.organization_id
         JOIN posts p ON p.id = pub.post_id AND p.organization_id = pub.organization_id
         JOIN post_revisions r ON r.id = pub.approved_revision_id AND r.organization_id = pub.organization_id
         LEFT JOIN youtube_uploads u ON u.publication_id = pub.id
        WHERE pub.platform = 'youtube' AND (
              (u.publish_at IS NOT NULL AND (o.paused_at IS NOT NULL OR pub.status <> 'scheduled'))
           OR (u.video_id IS NOT NULL AND pub.status = 'cancelled')
           OR (pub.status = 'scheduled' AND o.paused_at IS NULL AND p.scheduled_at > $1
               AND (u.video_id IS NULL OR (u.publish_at IS NULL AND r.content->'youtube'->>'privacyStatus' = 'public'))
               AND (u.leased_until IS NULL OR u.leased_until < now())))
        LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, publicationId: r.id }));
  }
}

const queued = (r: QueuedRow): QueuedPublication => ({
  organizationId: r.organization_id,
  publicationId: r.id,
  status: r.status,
  platform: r.platform,
  scheduledAt: r.scheduled_at,
});
