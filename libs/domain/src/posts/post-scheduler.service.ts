import type { JsonObject } from '../common/json';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { ConsentService } from '../media/consent.service';
import { NotificationsService } from '../notifications/notifications.service';
import { loadOrganization } from '../organizations/organization-store';
import { PublicationScheduler } from '../publishing/publication-scheduler.service';
import { recordPostAudit, revisionHashes } from './post-audit';
import { Lifecycle, MoveSet } from '../lifecycle/lifecycle.service';
import { PostNoticeKind, postNotice } from './post-notices';
import { PostRevisionEntity } from './post-revision.entity';
import { PostStatus, PublicationStatus } from '../lifecycle/statuses';
import { PublicationEntity } from './publication.entity';
import { loadRevision } from './post-store';
import { PostEntity } from './post.entity';
import { movePublications, schedulePublications } from './publications';

export interface StatusChange {
  /** Null when the system acts (the worker). */
  actorId: string | null;
  action: AuditAction;
  /** Who hears about it, if anyone. */
  notice?: PostNoticeKind;
  /** Other post columns written with the status. */
  set?: MoveSet<'post'>;
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
    private readonly lifecycle: Lifecycle,
  ) {}

  /** The post's publications in one of `from` move to `to` (the post's own event lists them). */
  movePublications(
    tx: EntityManager,
    post: PostEntity,
    from: readonly PublicationStatus[],
    to: PublicationStatus,
  ): Promise<PublicationEntity[]> {
    return movePublications(this.lifecycle, tx, post, from, to);
  }

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
    await schedulePublications(this.lifecycle, tx, post, revision);
  }

  /** Due while paused, or its consent lapsed: nothing of it goes out until it is released. */
  async hold(tx: EntityManager, post: PostEntity, change: StatusChange): Promise<string[]> {
    const held = await movePublications(
      this.lifecycle,
      tx,
      post,
      [PostStatus.Scheduled],
      PostStatus.Held,
    );
    const revision = await loadRevision(tx, post);
    await this.move(tx, post, revision, PostStatus.Held, {
      ...change,
      data: { ...change.data, publicationIds: held.map((p) => p.id) },
    });
    return held.map((p) => p.id);
  }

  /**
   * Any other status change of the post, with its audit event and notice; the publish queue
   * follows once the transaction commits (a no-op for a post without publications, as in review).
   */
  async move(
    tx: EntityManager,
    post: PostEntity,
    revision: PostRevisionEntity,
    to: PostStatus,
    change: StatusChange,
  ): Promise<void> {
    await this.lifecycle.move(tx, {
      kind: 'post',
      row: post,
      to,
      set: change.set,
      event: {
        actorId: change.actorId,
        action: change.action,
        data: { ...revisionHashes(revision), ...change.data },
      },
    });
    this.syncQueue(tx, post);
    await this.notify(tx, post, change.notice);
  }

  /** Tells the authors of posts whose publishing failed (the worker's roll-up made them so). */
  async noticeFailures(tx: EntityManager, postIds: string[]): Promise<void> {
    if (postIds.length === 0) return;
    for (const post of await tx.findBy(PostEntity, { id: In(postIds) })) {
      const { timeZone } = await loadOrganization(tx, post.organizationId);
      await this.notifications.notify(tx, postNotice('post_failed', post, timeZone));
    }
  }

  /** The audit event (and notice) of a change to the post that keeps its status. */
  async record(
    tx: EntityManager,
    post: PostEntity,
    revision: PostRevisionEntity,
    change: StatusChange,
  ): Promise<void> {
    await this.notify(tx, post, change.notice);
    await recordPostAudit(this.audit, tx, {
      actorId: change.actorId,
      action: change.action,
      post,
      revisionHashBefore: revision.contentHash,
      revisionHashAfter: revision.contentHash,
      data: change.data,
    });
  }

  private async notify(tx: EntityManager, post: PostEntity, notice?: PostNoticeKind) {
    if (!notice) return;
    const { timeZone } = await loadOrganization(tx, post.organizationId);
    await this.notifications.notify(tx, postNotice(notice, post, timeZone));
  }
}
