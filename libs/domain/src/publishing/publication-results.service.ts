import type { JsonObject } from '../common/json';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { PublishedItem } from '@rounds/platforms';
import { PublicationJobData } from '@rounds/queue';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { InvalidTransitionError } from '../lifecycle/transition-error';
import { Lifecycle } from '../lifecycle/lifecycle.service';
import { PostScheduler } from '../posts/post-scheduler.service';
import { PostStatus, PublicationStatus } from '../lifecycle/statuses';
import { lockPost } from '../posts/post-store';
import { PostEntity } from '../posts/post.entity';
import { PublicationEntity } from '../posts/publication.entity';
import { MicroBatcher } from '../common/micro-batcher';
import { groupBy, rollUpPost, rollUpPosts } from './post-rollup';
import { whileDatabaseDown } from '../common/database-availability';
import { PublicationClaims } from './publication-claims';
import { loadPublishContexts, PublishContext } from './publish-context';

type Ref = Pick<PublicationEntity, 'id' | 'organizationId' | 'postId'>;
type Change = Partial<
  Pick<
    PublicationEntity,
    'externalId' | 'url' | 'publishedAt' | 'error' | 'attempts' | 'claimedBy' | 'heartbeatAt'
  >
>;

interface ClaimRequest {
  ref: PublicationJobData;
  from: PublicationStatus;
}

/** A claim's result, with the publication's context as read after it (absent: no such row). */
export interface Claim {
  claimed: boolean;
  context?: PublishContext;
}

/** One publication's outcome: its move, the columns that go with it, and its audit event. */
interface Settlement {
  ref: Ref;
  from: PublicationStatus;
  to: PublicationStatus;
  change: Change;
  action: AuditAction;
  data: JsonObject;
}

/**
 * Every status change the worker makes to a publication, with its post's roll-up and its audit
 * event in the same transaction. The jobs running at once in this worker share statements: claims
 * (and the contexts read after them) go in one UPDATE and one SELECT, and outcomes in one
 * transaction with one turn of each organization's audit chain. Each job still waits for its own
 * row to be committed before it is acknowledged.
 */
@Injectable()
export class PublicationResults {
  private readonly claimBatches = new MicroBatcher((requests: ClaimRequest[]) =>
    this.claimAll(requests),
  );
  private readonly settlements = new MicroBatcher((items: Settlement[]) => this.settleAll(items));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly posts: PostScheduler,
    private readonly claims: PublicationClaims,
    private readonly lifecycle: Lifecycle,
  ) {}

  /**
   * Claims the publication for this try (`scheduled -> publishing`, or `in_doubt -> publishing`
   * once the platform showed nothing) and reads its context, claimed or not: the publish and
   * in-doubt jobs of the moment share one UPDATE and one SELECT.
   */
  claim(ref: PublicationJobData, from: PublicationStatus): Promise<Claim> {
    return this.claimBatches.add({ ref, from });
  }

  /** The platform has the post: its id and URL are stored before the job is acknowledged. */
  published(ref: Ref, from: PublicationStatus, item: PublishedItem, data: JsonObject) {
    const { externalId, url } = item;
    return this.settle({
      ref,
      from,
      to: PostStatus.Published,
      change: { externalId, url, publishedAt: new Date(), error: null },
      action: AuditAction.PublicationPublished,
      data: { externalId, url, ...data },
    });
  }

  failed(ref: Ref, from: PublicationStatus, error: string, data: JsonObject) {
    const action = AuditAction.PublicationFailed;
    const to = PostStatus.Failed;
    return this.settle({ ref, from, to, change: { error }, action, data: { error, ...data } });
  }

  /**
   * Whether the platform has it is unknown; `attempts` counts the sends that may have reached it.
   * `outOfFlightAt`, from when nothing sent can still land on the platform, is kept in
   * `heartbeat_at`: a lookup finding nothing proves absence only from then on.
   */
  inDoubt(ref: Ref, error: string, data: JsonObject, outOfFlightAt: Date, attempts?: number) {
    return this.settle({
      ref,
      from: PostStatus.Publishing,
      to: PostStatus.InDoubt,
      change: { error, attempts, heartbeatAt: outOfFlightAt },
      action: AuditAction.PublicationInDoubt,
      data: { error, ...data },
    });
  }

  /** Back to `scheduled` for a later try; a single statement, the post is untouched. */
  release(ref: Ref, change: Change): Promise<void> {
    const from = PostStatus.Publishing;
    return this.move(this.dataSource.manager, ref, from, PostStatus.Scheduled, change);
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
        await rollUpPost(this.lifecycle, tx, post);
      }
    });
  }

  /**
   * Written before the job is acknowledged; while the database is unreachable (a restart) the
   * outcome is held and tried again, under a claim the heartbeat keeps, rather than left to the
   * in-doubt check.
   */
  private settle(settlement: Settlement): Promise<void> {
    return whileDatabaseDown(async () => {
      const failure = await this.settlements.add(settlement);
      if (failure) throw failure;
    }, this.claims.ttlMs);
  }

  private async claimAll(requests: ClaimRequest[]): Promise<Claim[]> {
    const won = new Set<string>();
    for (const [from, group] of groupBy(requests, (r) => r.from)) {
      const claimed = await this.lifecycle.moveAll(this.dataSource.manager, {
        kind: 'publication',
        rows: group.map(({ ref }) => ({
          organizationId: ref.organizationId,
          id: ref.publicationId,
        })),
        from: from as PublicationStatus,
        to: PostStatus.Publishing,
        set: this.claims.stamp(),
      });
      for (const id of claimed) won.add(id);
    }
    const contexts = await loadPublishContexts(
      this.dataSource.manager,
      requests.map((r) => r.ref),
    );
    // Two jobs of one publication in a batch (a replay): only the first holds the claim.
    return requests.map(({ ref }) => ({
      claimed: won.delete(ref.publicationId),
      context: contexts.get(ref.publicationId),
    }));
  }

  /**
   * One transaction for the batch; if it fails (a row moved underneath, a deadlock), each outcome
   * is written on its own so only the one at fault fails.
   */
  private async settleAll(items: Settlement[]): Promise<(Error | undefined)[]> {
    try {
      await this.dataSource.transaction((tx) => this.settleTogether(tx, items));
      return items.map(() => undefined);
    } catch (error) {
      if (items.length === 1) return [error as Error];
      const alone = (item: Settlement) =>
        this.dataSource
          .transaction((tx) => this.settleTogether(tx, [item]))
          .then(
            () => undefined,
            (failure: Error) => failure,
          );
      return Promise.all(items.map(alone));
    }
  }

  private async settleTogether(tx: EntityManager, items: Settlement[]) {
    const postIds = [...new Set(items.map((i) => i.ref.postId))].sort();
    const organizationIds = [...new Set(items.map((i) => i.ref.organizationId))];
    // Posts locked first, in id order, as the posts module locks them.
    const posts = await tx.find(PostEntity, {
      where: { organizationId: In(organizationIds), id: In(postIds) },
      select: { id: true, organizationId: true, status: true },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const [move, group] of groupBy(items, (i) => `${i.from}>${i.to}`)) {
      const [from, to] = move.split('>') as [PublicationStatus, PublicationStatus];
      const rows = group.map(({ ref }) => ({ organizationId: ref.organizationId, id: ref.id }));
      const moved = await this.lifecycle.moveAll(tx, { kind: 'publication', rows, from, to });
      if (moved.length !== rows.length) {
        throw new InvalidTransitionError(
          'publication',
          from,
          to,
          `a publication is no longer ${from}`,
        );
      }
    }
    await this.writeChanges(tx, items);
    const postStatus = await rollUpPosts(this.lifecycle, tx, posts);
    const failed = [...postStatus].filter(([, change]) => change.to === PostStatus.Failed);
    await this.posts.noticeFailures(
      tx,
      failed.map(([postId]) => postId),
    );
    await this.audit.recordAll(
      tx,
      items.map((i) => ({
        organizationId: i.ref.organizationId,
        actorId: null,
        action: i.action,
        subjectType: 'publication',
        subjectId: i.ref.id,
        data: {
          postId: i.ref.postId,
          from: i.from,
          to: i.to,
          ...i.data,
          postStatus: postStatus.get(i.ref.postId) ?? null,
        },
      })),
    );
  }

  /** The columns that go with each outcome, for the whole batch in one statement (not `status`). */
  private async writeChanges(tx: EntityManager, items: Settlement[]) {
    await tx.query(
      `UPDATE publications p
          SET external_id = COALESCE(v.external_id, p.external_id),
              url = COALESCE(v.url, p.url),
              published_at = COALESCE(v.published_at, p.published_at),
              error = v.error,
              attempts = COALESCE(v.attempts, p.attempts),
              heartbeat_at = COALESCE(v.heartbeat_at, p.heartbeat_at)
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::int[], $8::timestamptz[])
           AS v(id, organization_id, external_id, url, published_at, error, attempts, heartbeat_at)
        WHERE p.id = v.id AND p.organization_id = v.organization_id`,
      [
        items.map((i) => i.ref.id),
        items.map((i) => i.ref.organizationId),
        items.map((i) => i.change.externalId ?? null),
        items.map((i) => i.change.url ?? null),
        items.map((i) => i.change.publishedAt ?? null),
        items.map((i) => i.change.error ?? null),
        items.map((i) => i.change.attempts ?? null),
        items.map((i) => i.change.heartbeatAt ?? null),
      ],
    );
  }

  private move(
    tx: EntityManager,
    ref: Omit<Ref, 'postId'>,
    from: PublicationStatus,
    to: PublicationStatus,
    set: Change,
  ) {
    const row = { organizationId: ref.organizationId, id: ref.id, status: from };
    return this.lifecycle.move(tx, { kind: 'publication', row, to, set, event: null });
  }
}
