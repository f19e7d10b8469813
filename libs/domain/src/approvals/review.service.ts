import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { InvalidInputError } from '../common/domain-error';
import { ComplianceService } from '../compliance/compliance.service';
import { Actor } from '../identity/actor';
import { InvalidTransitionError } from '../lifecycle/transition-error';
import { PostDetail, PostQueriesService } from '../posts/post-queries.service';
import { PostStatus } from '../lifecycle/statuses';
import { PostScheduler } from '../posts/post-scheduler.service';
import { loadRevision, lockPost } from '../posts/post-store';
import { ApprovalEntity } from './approval.entity';

/** Submitting a post for review and sending it back with a comment. */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly compliance: ComplianceService,
    private readonly scheduler: PostScheduler,
    private readonly queries: PostQueriesService,
  ) {}

  /** Scans the current revision, stores its findings and asks compliance to review it. */
  async submit(actor: Actor, postId: string): Promise<PostDetail> {
    await this.dataSource.transaction(async (tx) => {
      const post = await lockPost(tx, actor.organizationId, postId);
      if (post.status !== PostStatus.Draft) {
        throw new InvalidTransitionError(
          'post',
          post.status,
          PostStatus.InReview,
          'only a draft can be submitted',
        );
      }
      if (post.scheduledAt.getTime() <= Date.now()) {
        throw new InvalidInputError(
          'scheduledAt',
          'scheduledAt has passed; choose a new time before submitting',
        );
      }
      const revision = await loadRevision(tx, post);
      const { open: findings } = await this.compliance.refreshFindings(tx, revision);
      await this.scheduler.move(tx, post, revision, PostStatus.InReview, {
        actorId: actor.userId,
        action: AuditAction.PostSubmitted,
        notice: 'post_submitted',
        set: { submittedAt: new Date() },
        data: {
          revision: revision.number,
          findings: {
            block: findings.filter((f) => f.severity === 'block').length,
            warn: findings.filter((f) => f.severity === 'warn').length,
          },
        },
      });
    });
    return this.queries.detail(actor.organizationId, postId);
  }

  /** Sends the post back to its author; the comment says what to change. */
  async reject(actor: Actor, postId: string, comment: string): Promise<PostDetail> {
    if (comment.trim() === '') {
      throw new InvalidInputError('comment', 'comment is required: tell the author what to change');
    }
    await this.dataSource.transaction(async (tx) => {
      const post = await lockPost(tx, actor.organizationId, postId);
      const revision = await loadRevision(tx, post);
      await this.scheduler.move(tx, post, revision, PostStatus.ChangesRequested, {
        actorId: actor.userId,
        action: AuditAction.PostRejected,
        notice: 'post_rejected',
        data: { revision: revision.number, comment: comment.trim() },
      });
      await tx.insert(ApprovalEntity, {
        organizationId: post.organizationId,
        postId: post.id,
        revisionId: revision.id,
        approverId: actor.userId,
        decision: 'reject',
        comment: comment.trim(),
        overrides: [],
        contentHash: revision.contentHash,
        voidedAt: null,
      });
    });
    return this.queries.detail(actor.organizationId, postId);
  }
}
