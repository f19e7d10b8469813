import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PublishedItem } from '@rounds/platforms';
import { PublicationJobData } from '@rounds/queue';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { InvalidTransitionError } from '../posts/post-errors';
import { applyTransition } from '../posts/post-lifecycle';
import { PostScheduler } from '../posts/post-scheduler.service';
import { PostStatus, PublicationStatus } from '../posts/post-status';
import { lockPost } from '../posts/post-store';
import { PostEntity } from '../posts/post.entity';
import { PublicationEntity } from '../posts/publication.entity';
import { rollUpPost } from './post-rollup';

type Ref = Pick<PublicationEntity, 'id' | 'organizationId' | 'postId'>;
type Change = Partial<
  Pick<PublicationEntity, 'externalId' | 'url' | 'publishedAt' | 'error' | 'attempts'>
>;

/**
 * Every status change the worker makes to a publication, each in one transaction with its post's
 * roll-up and its audit event. The post row is locked first, as posts' own changes do.
 */
@Injectable()
export class PublicationResults {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly posts: PostScheduler,
  ) {}

  /** Taken for this try (`scheduled` or `in_doubt` -> `publishing`); false when another won. */
  async claim(ref: PublicationJobData, from: PublicationStatus): Promise<boolean> {
    const claimed = { id: ref.publicationId, organizationId: ref.organizationId };
    try {
      await this.move(this.dataSource.manager, claimed, from, PostStatus.Publishing, {});
      return true;
    } catch (error) {
      if (error instanceof InvalidTransitionError) return false;
      throw error;
    }
  }

  /** The platform has the post: its id and URL are stored before the job is acknowledged. */
  published(ref: Ref, from: PublicationStatus, item: PublishedItem, data: Record<string, unknown>) {
    const change = {
      externalId: item.externalId,
      url: item.url,
      publishedAt: new Date(),
      error: null,
    };
    return this.settle(ref, from, PostStatus.Published, change, AuditAction.PublicationPublished, {
      externalId: item.externalId,
      url: item.url,
      ...data,
    });
  }

  failed(ref: Ref, from: PublicationStatus, error: string, data: Record<string, unknown>) {
    return this.settle(ref, from, PostStatus.Failed, { error }, AuditAction.PublicationFailed, {
      error,
      ...data,
    });
  }

  inDoubt(ref: Ref, error: string, data: Record<string, unknown>) {
    const action = AuditAction.PublicationInDoubt;
    return this.settle(ref, PostStatus.Publishing, PostStatus.InDoubt, { error }, action, {
      error,
      ...data,
    });
  }

  /** Back to `scheduled` for a later try; a single statement, the post is untouched. */
  release(ref: Ref, change: Change): Promise<void> {
    return this.move(
      this.dataSource.manager,
      ref,
      PostStatus.Publishing,
      PostStatus.Scheduled,
      change,
    );
  }

  /** Out of the schedule with its whole post (pause, lapsed consent, channel out of service). */
  async hold(ref: Ref, from: PublicationStatus, reason: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const post = await lockPost(tx, ref.organizationId, ref.postId);
      await this.move(tx, ref, from, PostStatus.Held, { error: reason });
      if ([PostStatus.Scheduled, PostStatus.Publishing].includes(post.status)) {
        await this.posts.hold(tx, post, {
          actorId: null,
          action: AuditAction.PostHeld,
          notice: 'post_held',
          data: { reason, publicationId: ref.id },
        });
      } else {
        await rollUpPost(tx, post);
      }
    });
  }

  private settle(
    ref: Ref,
    from: PublicationStatus,
    to: PublicationStatus,
    change: Change,
    action: AuditAction,
    data: Record<string, unknown>,
  ): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      const post = await lockPost(tx, ref.organizationId, ref.postId);
      await this.move(tx, ref, from, to, change);
      const postStatus = await rollUpPost(tx, post);
      await this.record(tx, post, ref, action, {
        from,
        to,
        ...data,
        postStatus: postStatus ?? null,
      });
    });
  }

  private move(
    tx: EntityManager,
    ref: Omit<Ref, 'postId'>,
    from: PublicationStatus,
    to: PublicationStatus,
    set: Change,
  ) {
    return applyTransition(tx, {
      kind: 'publication',
      organizationId: ref.organizationId,
      id: ref.id,
      from,
      to,
      set,
    });
  }

  private record(
    tx: EntityManager,
    post: PostEntity,
    ref: Ref,
    action: AuditAction,
    data: Record<string, unknown>,
  ) {
    return this.audit.record(tx, {
      organizationId: post.organizationId,
      actorId: null,
      action,
      subjectType: 'publication',
      subjectId: ref.id,
      data: { postId: post.id, ...data },
    });
  }
}
