import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError } from '../common/domain-error';
import { ComplianceService } from '../compliance/compliance.service';
import { Actor } from '../identity/actor';
import { NotificationsService } from '../notifications/notifications.service';
import { loadOrganization } from '../organizations/organization-store';
import { recordPostAudit } from '../posts/post-audit';
import { InvalidTransitionError } from '../posts/post-errors';
import { applyTransition } from '../posts/post-lifecycle';
import { postNotice } from '../posts/post-notices';
import { PostDetail, PostQueriesService } from '../posts/post-queries.service';
import { PostStatus } from '../posts/post-status';
import { idOf, loadRevision, lockPost } from '../posts/post-store';
import { ApprovalEntity } from './approval.entity';

/** Submitting a post for review and sending it back with a comment. */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly compliance: ComplianceService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
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
      const set = { submittedAt: new Date() };
      const to = PostStatus.InReview;
      await applyTransition(tx, { kind: 'post', ...idOf(post), from: post.status, to, set });
      const revision = await loadRevision(tx, post);
      const { open: findings } = await this.compliance.refreshFindings(tx, revision);
      const { timeZone } = await loadOrganization(tx, post.organizationId);
      await this.notifications.notify(tx, postNotice('post_submitted', post, timeZone));
      await recordPostAudit(this.audit, tx, {
        actorId: actor.userId,
        action: AuditAction.PostSubmitted,
        post,
        revisionHashBefore: revision.contentHash,
        revisionHashAfter: revision.contentHash,
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
      await applyTransition(tx, {
        kind: 'post',
        ...idOf(post),
        from: post.status,
        to: PostStatus.ChangesRequested,
      });
      const revision = await loadRevision(tx, post);
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
      const { timeZone } = await loadOrganization(tx, post.organizationId);
      await this.notifications.notify(tx, postNotice('post_rejected', post, timeZone));
      await recordPostAudit(this.audit, tx, {
        actorId: actor.userId,
        action: AuditAction.PostRejected,
        post,
        revisionHashBefore: revision.contentHash,
        revisionHashAfter: revision.contentHash,
        data: { revision: revision.number, comment: comment.trim() },
      });
    });
    return this.queries.detail(actor.organizationId, postId);
  }
}
