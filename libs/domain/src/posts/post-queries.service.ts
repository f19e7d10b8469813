import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { PolicyRequirement } from '../approvals/approval-policy';
import { ApprovalPolicyService } from '../approvals/approval-policy.service';
import { ApprovalEntity } from '../approvals/approval.entity';
import { ComplianceFindingEntity } from '../compliance/compliance-finding.entity';
import { ComplianceService } from '../compliance/compliance.service';
import type { FieldMediaText } from '../media/text/media-text.service';
import { MediaTextService } from '../media/text/media-text.service';
import { loadOrganization } from '../organizations/organization-store';
import { CalendarEntry, calendarEntries, CalendarQuery } from './calendar-entries';
import { PostRevisionEntity } from './post-revision.entity';
import { findPost } from './post-store';
import { PostEntity } from './post.entity';
import { PublicationEntity } from './publication.entity';

/** A post with what a calendar shows: its current revision and its publications. */
export interface PostView {
  post: PostEntity;
  timeZone: string;
  revision: PostRevisionEntity;
  publications: PublicationEntity[];
}

/** Everything about one post: history, findings, decisions and what approval still needs. */
export interface PostDetail extends PostView {
  revisions: PostRevisionEntity[];
  /** Open findings of the current revision; approve's overrides name them by id. */
  findings: ComplianceFindingEntity[];
  /** The captions and the text read in the images of the current revision, for the reviewer. */
  mediaTexts: FieldMediaText[];
  /** Every decision on every revision, voided ones included. */
  approvals: ApprovalEntity[];
  requirement: PolicyRequirement;
  /** Distinct approvers whose approval of the current revision still counts. */
  approverIds: string[];
}

@Injectable()
export class PostQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: ApprovalPolicyService,
    private readonly compliance: ComplianceService,
    private readonly mediaText: MediaTextService,
  ) {}

  /** Posts scheduled within [from, to], earliest first: what the calendar draws. */
  calendar(organizationId: string, query: CalendarQuery): Promise<CalendarEntry[]> {
    return calendarEntries(this.dataSource.manager, organizationId, query);
  }

  async detail(organizationId: string, postId: string): Promise<PostDetail> {
    const manager = this.dataSource.manager;
    const post = await findPost(manager, organizationId, postId);
    const [[view], revisions, approvals] = await Promise.all([
      this.views(manager, organizationId, [post]),
      manager.find(PostRevisionEntity, {
        where: { organizationId, postId },
        order: { number: 'DESC' },
      }),
      manager.find(ApprovalEntity, {
        where: { organizationId, postId },
        order: { createdAt: 'ASC' },
      }),
    ]);
    const [findings, requirement, mediaTexts] = await Promise.all([
      this.compliance.openFindings(manager, organizationId, [view.revision.id]),
      this.policy.requirement(manager, view.revision),
      this.mediaText.read(manager, organizationId, view.revision.content),
    ]);
    const approverIds = approvals
      .filter((a) => a.revisionId === post.currentRevisionId && a.decision === 'approve')
      .filter((a) => !a.voidedAt)
      .map((a) => a.approverId);
    return { ...view, revisions, approvals, findings, mediaTexts, requirement, approverIds };
  }

  private async views(
    manager: EntityManager,
    organizationId: string,
    posts: PostEntity[],
  ): Promise<PostView[]> {
    if (posts.length === 0) return [];
    const postIds = posts.map((p) => p.id);
    const [organization, revisions, publications] = await Promise.all([
      loadOrganization(manager, organizationId),
      manager.findBy(PostRevisionEntity, {
        organizationId,
        id: In(posts.map((p) => p.currentRevisionId)),
      }),
      manager.find(PublicationEntity, {
        where: { organizationId, postId: In(postIds) },
        order: { createdAt: 'ASC' },
      }),
    ]);
    const revisionById = new Map(revisions.map((r) => [r.id, r]));
    return posts.map((post) => ({
      post,
      timeZone: organization.timeZone,
      revision: revisionById.get(post.currentRevisionId)!,
      publications: publications.filter((p) => p.postId === post.id),
    }));
  }
}
