import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { ConsentService } from '../media/consent.service';
import { MediaEntity } from '../media/media.entity';
import { loadOrganization } from '../organizations/organization-store';
import { PostScheduler } from './post-scheduler.service';
import { PostStatus } from '../lifecycle/statuses';
import { loadRevision, lockPost } from './post-store';
import { PostEntity } from './post.entity';
import { PublicationEntity } from './publication.entity';

const BATCH = 500;

export interface HoldReason {
  /** Null when the system holds (the reconciler). */
  actorId: string | null;
  reason: string;
}

/**
 * What the worker's reconciler runs every minute: expire posts still in review at their time, and
 * hold what is due while paused or uses media whose consent lapsed. Each post in its own
 * transaction, re-checked under its row lock, so a concurrent edit or approval simply wins.
 */
@Injectable()
export class PostMaintenanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: PostScheduler,
    private readonly consent: ConsentService,
  ) {}

  /** Posts still in review when their time came become `expired`; returns their ids. */
  async expireOverdue(now = new Date()): Promise<string[]> {
    const due = await this.dataSource.getRepository(PostEntity).find({
      where: { status: PostStatus.InReview, scheduledAt: LessThanOrEqual(now) },
      select: { id: true, organizationId: true },
      take: BATCH,
    });
    const expired: string[] = [];
    for (const { id, organizationId } of due) {
      await this.dataSource.transaction(async (tx) => {
        const post = await lockPost(tx, organizationId, id);
        if (post.status !== PostStatus.InReview || post.scheduledAt > now) return;
        await this.scheduler.move(tx, post, await loadRevision(tx, post), PostStatus.Expired, {
          actorId: null,
          action: AuditAction.PostExpired,
          notice: 'post_expired',
          data: { reason: 'still in review at its scheduled time' },
        });
        expired.push(id);
      });
    }
    return expired;
  }

  /** While an organization is paused, its due scheduled publications become `held`; returns their ids. */
  async holdDuePublications(now = new Date()): Promise<string[]> {
    const due: { id: string; organizationId: string }[] = await this.dataSource
      .createQueryBuilder(PostEntity, 'p')
      .select('p.id', 'id')
      .addSelect('p.organization_id', 'organizationId')
      .distinct(true)
      .innerJoin(PublicationEntity, 'pub', 'pub.post_id = p.id')
      .innerJoin('organizations', 'o', 'o.id = p.organization_id')
      .where('pub.status = :scheduled', { scheduled: PostStatus.Scheduled })
      .andWhere('p.scheduled_at <= :now', { now })
      .andWhere('o.paused_at IS NOT NULL')
      .limit(BATCH)
      .getRawMany();
    const held: string[] = [];
    for (const { id, organizationId } of due) {
      await this.dataSource.transaction(async (tx) => {
        const organization = await loadOrganization(tx, organizationId, 'pessimistic_read');
        const post = await lockPost(tx, organizationId, id);
        const holdable = [PostStatus.Scheduled, PostStatus.Publishing].includes(post.status);
        if (!organization.pausedAt || !holdable || post.scheduledAt > now) return;
        const reason = `publishing is paused: ${organization.pauseReason ?? 'no reason given'}`;
        held.push(...(await this.hold(tx, post, { actorId: null, reason })));
      });
    }
    return held;
  }

  /**
   * Holds the organization's scheduled posts whose approved content uses any of the media, in the
   * caller's transaction (a consent revocation); returns the held posts' ids.
   */
  async holdPostsUsingMedia(
    manager: EntityManager,
    organizationId: string,
    mediaIds: string[],
    reason: HoldReason,
  ): Promise<string[]> {
    if (mediaIds.length === 0) return [];
    const posts: { id: string }[] = await manager
      .createQueryBuilder(PostEntity, 'p')
      .select('p.id', 'id')
      .innerJoin('post_revisions', 'r', 'r.id = p.approved_revision_id')
      .where('p.organization_id = :organizationId', { organizationId })
      .andWhere('p.status = :scheduled', { scheduled: PostStatus.Scheduled })
      .andWhere('r.media_ids && CAST(:mediaIds AS uuid[])', { mediaIds })
      .getRawMany();
    const held: string[] = [];
    for (const { id } of posts) {
      const post = await lockPost(manager, organizationId, id);
      if (post.status !== PostStatus.Scheduled) continue;
      await this.hold(manager, post, reason);
      held.push(id);
    }
    return held;
  }

  /** Holds every scheduled post that uses patient media whose consent has lapsed by `now`. */
  async holdPostsWithLapsedConsent(now = new Date()): Promise<string[]> {
    const lapsed = await this.consent.mediaWithLapsedConsent(undefined, now);
    if (lapsed.length === 0) return [];
    const media = await this.dataSource.getRepository(MediaEntity).find({
      where: { id: In(lapsed) },
      select: { id: true, organizationId: true },
    });
    const byOrganization = new Map<string, string[]>();
    for (const m of media) {
      byOrganization.set(m.organizationId, [...(byOrganization.get(m.organizationId) ?? []), m.id]);
    }
    const held: string[] = [];
    for (const [organizationId, mediaIds] of byOrganization) {
      const reason = { actorId: null, reason: 'a consent record for its media lapsed' };
      held.push(
        ...(await this.dataSource.transaction((tx) =>
          this.holdPostsUsingMedia(tx, organizationId, mediaIds, reason),
        )),
      );
    }
    return held;
  }

  private hold(tx: EntityManager, post: PostEntity, { actorId, reason }: HoldReason) {
    return this.scheduler.hold(tx, post, {
      actorId,
      action: AuditAction.PostHeld,
      notice: 'post_held',
      data: { reason },
    });
  }
}
