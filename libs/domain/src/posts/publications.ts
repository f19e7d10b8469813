import { EntityManager, In } from 'typeorm';
import type { Lifecycle } from '../lifecycle/lifecycle.service';
import { INITIAL_STATUS } from '../lifecycle/transitions';
import { PostRevisionEntity } from './post-revision.entity';
import { PostStatus, PublicationStatus } from '../lifecycle/statuses';
import { PostEntity } from './post.entity';
import { PublicationEntity } from './publication.entity';
import { findChannels } from './post-store';

/**
 * Moves the post's publications that are in one of `from` to `to`; returns those moved. The
 * post's own event, in the same transaction, lists them.
 */
export async function movePublications(
  lifecycle: Lifecycle,
  manager: EntityManager,
  post: PostEntity,
  from: readonly PublicationStatus[],
  to: PublicationStatus,
  set?: Partial<Pick<PublicationEntity, 'approvedRevisionId' | 'approvedContentHash'>>,
): Promise<PublicationEntity[]> {
  const publications = await manager.findBy(PublicationEntity, {
    organizationId: post.organizationId,
    postId: post.id,
    status: In([...from]),
  });
  for (const publication of publications) {
    await lifecycle.move(manager, { kind: 'publication', row: publication, to, set, event: null });
  }
  return publications;
}

/**
 * Once a post is (again) scheduled: its held or expired publications are scheduled again, and a
 * channel that has none yet gets one, bound to the approved revision and its hash.
 */
export async function schedulePublications(
  lifecycle: Lifecycle,
  manager: EntityManager,
  post: PostEntity,
  revision: PostRevisionEntity,
): Promise<void> {
  const approved = { approvedRevisionId: revision.id, approvedContentHash: revision.contentHash };
  const waiting = [PostStatus.Held, PostStatus.Expired] as const;
  await movePublications(lifecycle, manager, post, waiting, PostStatus.Scheduled, approved);
  const existing = await manager.findBy(PublicationEntity, {
    organizationId: post.organizationId,
    postId: post.id,
  });
  const covered = new Set(
    existing.filter((p) => p.status !== PostStatus.Cancelled).map((p) => p.channelId),
  );
  const channels = await findChannels(manager, post.organizationId, revision.content.channelIds);
  const missing = channels.filter((c) => !covered.has(c.id));
  if (missing.length === 0) return;
  await manager.insert(
    PublicationEntity,
    missing.map((channel) => ({
      organizationId: post.organizationId,
      postId: post.id,
      channelId: channel.id,
      platform: channel.platform,
      status: INITIAL_STATUS.publication,
      ...approved,
    })),
  );
}
