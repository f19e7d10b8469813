import type { JsonObject } from '../common/json';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { ConsentService } from '../media/consent.service';
import { NotificationsService } from '../notifications/notifications.service';
import { loadOrganization } from '../organizations/organization-store';
import { PublicationScheduler } from '../publishing/publication-scheduler.service';
import { recordPostAudit } from './post-audit';
import { applyTransition } from './post-lifecycle';
import { PostNoticeKind, postNotice } from './post-notices';
import { PostRevisionEntity } from './post-revision.entity';
import { PostStatus } from './post-status';
import { idOf, loadRevision } from './post-store';
import { PostEntity } from './post.entity';
import { movePublications, schedulePublications } from './publications';

export interface StatusChange {
  /** Null when the system acts (the worker). */
  actorId: string | null;
  action: AuditAction;
  /** Who hears about it, if anyone. */
  notice?: PostNoticeKind;
  /** Other post columns written with the status. */
  set?: Partial<Pick<PostEntity, 'approvedRevisionId' | 'scheduledAt'>>;
  data?: JsonObject;
}

/** Moves a post (and its publications) in or out of the schedule, audited and notified. */
@Injectable()
export class PostScheduler {
  constructor(
    private readonly consent: ConsentService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly publications: PublicationScheduler,
  ) {}

  /** Redis follows the post's publications once the transaction commits (one job per publication). */
  syncQueue(tx: EntityManager, post: PostEntity): void {
    this.publications.syncPost(tx, post);
  }

  /** Media showing a patient needs consent in force now and when the post goes out. */
  async assertConsent(tx: EntityManager, post: PostEntity, revision: PostRevisionEntity, at: Date) {
    const now = new Date();
    for (const moment of at > now ? [now, at] : [now]) {
      await this.consent.assertConsented(tx, post.organizationId, revision.mediaIds, moment);
    }
  }

  /** The approved revision goes out at the post's time: post and publications are scheduled. */
  async schedule(
    tx: EntityManager,
    post: PostEntity,
    revision: PostRevisionEntity,
    change: StatusChange,
  ): Promise<void> {
    await this.move(tx, post, revision, PostStatus.Scheduled, change);
    await schedulePublications(tx, post, revision);
  }

  /** Due while paused, or its consent lapsed: nothing of it goes out until it is released. */
  async hold(tx: EntityManager, post: PostEntity, change: StatusChange): Promise<string[]> {
    const held = await movePublications(tx, post, [PostStatus.Scheduled], PostStatus.Held);
    const revision = await loadRevision(tx, post);
    await this.move(tx, post, revision, PostStatus.Held, {
      ...change,
      data: { ...change.data, publicationIds: held.map((p) => p.id) },
    });
    return held.map((p) => p.id);
  }

  /** Any other status change of the post, with its audit event and notice. */
  async move(
    tx: EntityManager,
    post: PostEntity,
    revision: PostRevisionEntity,
    to: PostStatus,
    change: StatusChange,
  ): Promise<void> {
    const from = post.status;
    await applyTransition(tx, { kind: 'post', ...idOf(post), from, to, set: change.set });
    Object.assign(post, change.set, { status: to });
    this.syncQueue(tx, post);
    await this.record(tx, post, revision, { ...change, data: { from, to, ...change.data } });
  }

  /** Tells the authors of posts whose publishing failed (the worker's roll-up made them so). */
  async noticeFailures(tx: EntityManager, postIds: string[]): Promise<void> {
    if (postIds.length === 0) return;
    for (const post of await tx.findBy(PostEntity, { id: In(postIds) })) {
      const { timeZone } = await loadOrganization(tx, post.organizationId);
      await this.notifications.notify(tx, postNotice('post_failed', post, timeZone));
    }
  }

  /** The audit event (and notice) of a change to the post. */
  async record(
    tx: EntityManager,
    post: PostEntity,
    revision: PostRevisionEntity,
    change: StatusChange,
  ): Promise<void> {
    if (change.notice) {
      const { timeZone } = await loadOrganization(tx, post.organizationId);
      await this.notifications.notify(tx, postNotice(change.notice, post, timeZone));
    }
    await recordPostAudit(this.audit, tx, {
      actorId: change.actorId,
      action: change.action,
      post,
      revisionHashBefore: revision.contentHash,
      revisionHashAfter: revision.contentHash,
      data: change.data,
    });
  }
}
