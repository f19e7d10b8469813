import type { JsonObject } from '../common/json';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { ConflictError } from '../common/domain-error';
import { ComplianceService } from '../compliance/compliance.service';
import { Actor } from '../identity/actor';
import { fixDestinations } from '../links';
import { OrganizationPausedError } from '../organizations/organization-errors';
import { loadOrganization } from '../organizations/organization-store';
import { recordPostAudit } from '../posts/post-audit';
import { contentLinks } from '../posts/post-content';
import { PostDetail, PostQueriesService } from '../posts/post-queries.service';
import { PostRevisionEntity } from '../posts/post-revision.entity';
import { PostStatus } from '../lifecycle/statuses';
import { PostScheduler } from '../posts/post-scheduler.service';
import { findPost, loadRevision, lockPost, updatePost } from '../posts/post-store';
import { PostEntity } from '../posts/post.entity';
import { PolicyRequirement } from './approval-policy';
import { ApprovalPolicyService } from './approval-policy.service';
import { assertAwaitingApproval, assertMediaTextRead, authorsOf } from './approval-rules';
import { ApprovalEntity, FindingOverride } from './approval.entity';
import { liveApprovals } from './approvals-store';
import { ReviewRules } from './review-rules.service';

export interface ApproveRequest {
  comment?: string;
  overrides?: FindingOverride[];
  /** The revision the officer reviewed; refused if the post changed since. */
  revisionId: string;
}

/** A compliance officer's approval; once the policy is met the post's publications are scheduled. */
@Injectable()
export class ApprovalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly compliance: ComplianceService,
    private readonly policy: ApprovalPolicyService,
    private readonly scheduler: PostScheduler,
    private readonly audit: AuditService,
    private readonly queries: PostQueriesService,
    private readonly rules: ReviewRules,
  ) {}

  async approve(actor: Actor, postId: string, decision: ApproveRequest): Promise<PostDetail> {
    // The scan runs again first and commits, so a finding it adds has an id to override even
    // when this approval is then refused for it.
    const { unread } = await this.dataSource.transaction(async (tx) => {
      const post = await findPost(tx, actor.organizationId, postId);
      return this.compliance.refreshFindings(tx, await loadRevision(tx, post));
    });
    assertMediaTextRead(unread);
    await this.dataSource.transaction(async (tx) => {
      // Shared row lock: a pause being switched on finishes first, and is then seen here.
      const organization = await loadOrganization(tx, actor.organizationId, 'pessimistic_read');
      if (organization.pausedAt)
        throw new OrganizationPausedError(organization.pauseReason, 'approvals');
      const post = await lockPost(tx, actor.organizationId, postId);
      assertAwaitingApproval(post);
      if (decision.revisionId !== post.currentRevisionId) {
        throw new ConflictError(
          'the post was edited after you opened it; review the new revision',
          'revisionId',
        );
      }
      const revision = await loadRevision(tx, post);
      const requirement = await this.policy.requirement(tx, revision);
      const outcome = await this.rules.approval(
        tx,
        actor,
        {
          authors: authorsOf(post, revision),
          findings: await this.compliance.openFindings(tx, post.organizationId, [revision.id]),
          policy: {
            required: requirement.required,
            approvals: await liveApprovals(tx, post.organizationId, revision.id),
          },
        },
        decision.overrides ?? [],
        'revision',
      );
      await this.scheduler.assertConsent(tx, post, revision, post.scheduledAt);
      await this.record(tx, actor, post, revision, decision.comment, outcome.overrides);
      if (outcome.policyMet) await this.policyMet(tx, actor, post, revision, requirement);
    });
    return this.queries.detail(actor.organizationId, postId);
  }

  private async record(
    tx: EntityManager,
    actor: Actor,
    post: PostEntity,
    revision: PostRevisionEntity,
    comment: string | undefined,
    overrides: FindingOverride[],
  ): Promise<void> {
    await tx.insert(ApprovalEntity, {
      organizationId: post.organizationId,
      postId: post.id,
      revisionId: revision.id,
      approverId: actor.userId,
      decision: 'approve',
      comment: comment?.trim() || null,
      overrides,
      contentHash: revision.contentHash,
      voidedAt: null,
    });
    const audit = (action: AuditAction, data: JsonObject) =>
      recordPostAudit(this.audit, tx, {
        actorId: actor.userId,
        action,
        post,
        revisionHashBefore: revision.contentHash,
        revisionHashAfter: revision.contentHash,
        data: { revision: revision.number, ...data },
      });
    for (const override of overrides) {
      await audit(AuditAction.PhiFindingOverridden, { ...override });
    }
    await audit(AuditAction.PostApproved, {
      comment: comment?.trim() || null,
      overrides: overrides.map((o) => o.findingId),
    });
  }

  /**
   * Enough distinct approvers: this is the approved revision. In time, the post and its
   * publications are scheduled; past its time (or already expired) it waits for a new time.
   */
  private async policyMet(
    tx: EntityManager,
    actor: Actor,
    post: PostEntity,
    revision: PostRevisionEntity,
    requirement: PolicyRequirement,
  ): Promise<void> {
    // The approved revision's links redirect from now on, each to the destination it carries.
    await fixDestinations(tx, post.organizationId, post.id, contentLinks(revision.content));
    const change = {
      actorId: actor.userId,
      set: { approvedRevisionId: revision.id },
      data: { revision: revision.number, approved: true, policy: requirement.reasons },
    };
    if (post.status === PostStatus.Expired) {
      await updatePost(tx, post, change.set);
    } else if (post.scheduledAt.getTime() > Date.now()) {
      await this.scheduler.schedule(tx, post, revision, {
        ...change,
        action: AuditAction.PostScheduled,
        notice: 'post_approved',
      });
    } else {
      await this.scheduler.move(tx, post, revision, PostStatus.Expired, {
        ...change,
        action: AuditAction.PostExpired,
        notice: 'post_expired',
      });
    }
  }
}
