import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { voidApprovals } from '../approvals/approvals-store';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../identity/actor';
import { clearDestinations } from '../links';
import { loadOrganization } from '../organizations/organization-store';
import { ContentComposer, hasTrackedLinks } from './content-composer.service';
import { contentHash, PostContent } from './post-content';
import { ContentInput } from './post-composer';
import { InvalidTransitionError } from '../lifecycle/transition-error';
import { recordPostAudit } from './post-audit';
import { Lifecycle } from '../lifecycle/lifecycle.service';
import { INITIAL_STATUS } from '../lifecycle/transitions';
import { PostDetail, PostQueriesService } from './post-queries.service';
import { PostRevisionEntity } from './post-revision.entity';
import { LIVE_PUBLICATION_STATUSES, PostStatus } from '../lifecycle/statuses';
import { insertRevision, loadRevision, lockPost, updatePost } from './post-store';
import { PostEntity } from './post.entity';
import { PostScheduler } from './post-scheduler.service';
import { parseScheduledAt } from './schedule-time';

export interface NewPost extends ContentInput {
  scheduledAt: string;
  campaign?: string | null;
}

/** An edit: any content field makes a new revision; scheduledAt alone is a reschedule. */
export type PostChange = Partial<NewPost>;

const CONTENT_FIELDS = ['channelIds', 'categories', 'text', 'x', 'youtube', 'mediaIds'] as const;

/** A campaign as stored: trimmed, and null when blank. */
const campaignOf = (value: string | null | undefined) => value?.trim() || null;

/** Statuses in which the content may still change (an edit returns the post to draft). */
export const EDITABLE: readonly PostStatus[] = [
  PostStatus.Draft,
  PostStatus.InReview,
  PostStatus.ChangesRequested,
  PostStatus.Scheduled,
  PostStatus.Held,
  PostStatus.Expired,
];

/** The composer: creates posts and turns every edit into an immutable revision. */
@Injectable()
export class PostsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly composer: ContentComposer,
    private readonly scheduler: PostScheduler,
    private readonly audit: AuditService,
    private readonly queries: PostQueriesService,
    private readonly lifecycle: Lifecycle,
  ) {}

  async create(actor: Actor, input: NewPost): Promise<PostDetail> {
    const postId = await this.dataSource.transaction(async (tx) => {
      const { timeZone } = await loadOrganization(tx, actor.organizationId);
      const scheduledAt = parseScheduledAt(input.scheduledAt, timeZone, new Date());
      const owner = { postId: randomUUID(), campaign: campaignOf(input.campaign) };
      const content = await this.composer.compose(tx, actor.organizationId, input, owner);
      const post = tx.create(PostEntity, {
        id: owner.postId,
        organizationId: actor.organizationId,
        status: INITIAL_STATUS.post,
        scheduledAt,
        currentRevisionId: randomUUID(),
        approvedRevisionId: null,
        authorId: actor.userId,
        lastEditedById: actor.userId,
        campaign: owner.campaign,
        submittedAt: null,
      });
      await tx.insert(PostEntity, post);
      const revision = await insertRevision(tx, {
        id: post.currentRevisionId,
        organizationId: post.organizationId,
        postId: post.id,
        number: 1,
        content,
        editedById: actor.userId,
      });
      await recordPostAudit(this.audit, tx, {
        actorId: actor.userId,
        action: AuditAction.PostCreated,
        post,
        revisionHashBefore: null,
        revisionHashAfter: revision.contentHash,
        data: {
          revision: 1,
          scheduledAt: scheduledAt.toISOString(),
          channelIds: content.channelIds,
        },
      });
      return post.id;
    });
    return this.queries.detail(actor.organizationId, postId);
  }

  async edit(actor: Actor, postId: string, change: PostChange): Promise<PostDetail> {
    await this.dataSource.transaction(async (tx) => {
      const post = await lockPost(tx, actor.organizationId, postId);
      const current = await loadRevision(tx, post);
      const campaign = change.campaign !== undefined ? campaignOf(change.campaign) : post.campaign;
      // Tracked links name the campaign in their destinations: a new one changes the content.
      const relinked = campaign !== post.campaign && hasTrackedLinks(current.content);
      if (relinked || CONTENT_FIELDS.some((field) => change[field] !== undefined)) {
        const owner = { postId: post.id, campaign };
        const content = await this.composer.compose(
          tx,
          actor.organizationId,
          change,
          owner,
          current.content,
        );
        if (contentHash(content) !== current.contentHash) {
          await this.revise(tx, actor, post, current, content);
        }
      }
      if (change.scheduledAt !== undefined)
        await this.reschedule(tx, actor, post, change.scheduledAt);
      if (campaign !== post.campaign) await updatePost(tx, post, { campaign });
      this.scheduler.syncQueue(tx, post);
    });
    return this.queries.detail(actor.organizationId, postId);
  }

  /** A new revision; after submission it voids approvals, withdraws publications, back to draft. */
  private async revise(
    tx: EntityManager,
    actor: Actor,
    post: PostEntity,
    current: PostRevisionEntity,
    content: PostContent,
  ): Promise<void> {
    if (!EDITABLE.includes(post.status)) {
      throw new InvalidTransitionError(
        'post',
        post.status,
        PostStatus.Draft,
        `a ${post.status} post cannot be edited`,
      );
    }
    const revision = await insertRevision(tx, {
      organizationId: post.organizationId,
      postId: post.id,
      number: current.number + 1,
      content,
      editedById: actor.userId,
    });
    const from = post.status;
    const approvalsVoided = await voidApprovals(
      tx,
      post.organizationId,
      post.id,
      `edited: revision ${revision.number}`,
    );
    // The voided approval had fixed the links' destinations: they wait for the next one.
    await clearDestinations(tx, post.organizationId, post.id);
    const withdrawn = await this.scheduler.movePublications(
      tx,
      post,
      LIVE_PUBLICATION_STATUSES,
      PostStatus.Cancelled,
    );
    const changes = {
      currentRevisionId: revision.id,
      lastEditedById: actor.userId,
      approvedRevisionId: null,
    };
    const hashes = {
      revisionHashBefore: current.contentHash,
      revisionHashAfter: revision.contentHash,
    };
    const data = {
      revision: revision.number,
      approvalsVoided,
      publicationsCancelled: withdrawn.map((p) => p.id),
    };
    const action = AuditAction.PostRevised;
    if (from === PostStatus.Draft) {
      await updatePost(tx, post, changes);
      const unmoved = { from, to: from, ...data };
      await recordPostAudit(this.audit, tx, {
        actorId: actor.userId,
        action,
        post,
        ...hashes,
        data: unmoved,
      });
    } else {
      await this.lifecycle.move(tx, {
        kind: 'post',
        row: post,
        to: PostStatus.Draft,
        set: { ...changes, submittedAt: null },
        event: { actorId: actor.userId, action, data: { ...hashes, ...data } },
      });
    }
  }

  /** A new time keeps the approval; an expired post goes back to review, or out if approved. */
  private async reschedule(tx: EntityManager, actor: Actor, post: PostEntity, value: string) {
    if (!EDITABLE.includes(post.status)) {
      throw new InvalidTransitionError(
        'post',
        post.status,
        post.status,
        `a ${post.status} post cannot be rescheduled`,
      );
    }
    const { timeZone } = await loadOrganization(tx, post.organizationId);
    const scheduledAt = parseScheduledAt(value, timeZone, new Date());
    const revision = await loadRevision(tx, post);
    const approved = post.approvedRevisionId === post.currentRevisionId;
    if (approved) await this.scheduler.assertConsent(tx, post, revision, scheduledAt);
    const change = {
      actorId: actor.userId,
      action: AuditAction.PostRescheduled,
      set: { scheduledAt },
      data: {
        scheduledAtBefore: post.scheduledAt.toISOString(),
        scheduledAt: scheduledAt.toISOString(),
      },
    };
    if (post.status !== PostStatus.Expired) {
      const { status } = post;
      await updatePost(tx, post, change.set);
      await this.scheduler.record(tx, post, revision, {
        ...change,
        data: { ...change.data, from: status, to: status },
      });
    } else if (approved) {
      await this.scheduler.schedule(tx, post, revision, change);
    } else {
      await this.scheduler.move(tx, post, revision, PostStatus.InReview, change);
    }
  }
}
