import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { Actor } from '../identity/actor';
import { OrganizationPausedError } from '../organizations/organization-errors';
import { loadOrganization } from '../organizations/organization-store';
import { InvalidTransitionError } from '../lifecycle/transition-error';
import { PostDetail, PostQueriesService } from './post-queries.service';
import { PostScheduler } from './post-scheduler.service';
import { LIVE_PUBLICATION_STATUSES, PostStatus } from '../lifecycle/statuses';
import { loadRevision, lockPost } from './post-store';
import { parseScheduledAt } from './schedule-time';

export interface ReleaseRequest {
  /** Needed when the post's time passed while it was held. */
  scheduledAt?: string;
  comment?: string;
}

/** Cancelling a post and releasing a held one. */
@Injectable()
export class PostActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: PostScheduler,
    private readonly queries: PostQueriesService,
  ) {}

  async cancel(actor: Actor, postId: string, comment?: string): Promise<PostDetail> {
    await this.dataSource.transaction(async (tx) => {
      const post = await lockPost(tx, actor.organizationId, postId);
      const revision = await loadRevision(tx, post);
      const withdrawn = await this.scheduler.movePublications(
        tx,
        post,
        LIVE_PUBLICATION_STATUSES,
        PostStatus.Cancelled,
      );
      await this.scheduler.move(tx, post, revision, PostStatus.Cancelled, {
        actorId: actor.userId,
        action: AuditAction.PostCancelled,
        data: {
          comment: comment?.trim() || null,
          publicationsCancelled: withdrawn.map((p) => p.id),
        },
      });
    });
    return this.queries.detail(actor.organizationId, postId);
  }

  /** A held post goes back on the schedule once publishing is no longer paused. */
  async release(actor: Actor, postId: string, request: ReleaseRequest): Promise<PostDetail> {
    await this.dataSource.transaction(async (tx) => {
      const organization = await loadOrganization(tx, actor.organizationId, 'pessimistic_read');
      if (organization.pausedAt)
        throw new OrganizationPausedError(organization.pauseReason, 'releases');
      const post = await lockPost(tx, actor.organizationId, postId);
      if (post.status !== PostStatus.Held) {
        throw new InvalidTransitionError(
          'post',
          post.status,
          PostStatus.Scheduled,
          'only a held post can be released',
        );
      }
      const now = new Date();
      const scheduledAt = request.scheduledAt
        ? parseScheduledAt(request.scheduledAt, organization.timeZone, now)
        : post.scheduledAt;
      if (scheduledAt <= now) {
        throw new DomainError(
          DomainErrorCode.PreconditionFailed,
          'the post’s time passed while it was held; release it with a new scheduledAt',
          'scheduledAt',
        );
      }
      const revision = await loadRevision(tx, post);
      await this.scheduler.assertConsent(tx, post, revision, scheduledAt);
      await this.scheduler.schedule(tx, post, revision, {
        actorId: actor.userId,
        action: AuditAction.PostReleased,
        set: { scheduledAt },
        data: {
          scheduledAtBefore: post.scheduledAt.toISOString(),
          scheduledAt: scheduledAt.toISOString(),
          comment: request.comment?.trim() || null,
        },
      });
    });
    return this.queries.detail(actor.organizationId, postId);
  }
}
