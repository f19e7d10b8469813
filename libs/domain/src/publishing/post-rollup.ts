import { EntityManager } from 'typeorm';
import { applyTransition, canTransition } from '../posts/post-lifecycle';
import { PostStatus } from '../posts/post-status';
import { idOf } from '../posts/post-store';
import { PostEntity } from '../posts/post.entity';
import { PublicationEntity } from '../posts/publication.entity';

/** The publishing part of the lifecycle, the only statuses a roll-up walks through. */
const PUBLISHING_PART: readonly PostStatus[] = [
  PostStatus.Scheduled,
  PostStatus.Publishing,
  PostStatus.Published,
  PostStatus.Failed,
  PostStatus.InDoubt,
  PostStatus.Held,
];

/**
 * What a post's status says about its publications (cancelled ones aside): work still going on,
 * then anything to verify, held or failed, and published only when every one went out.
 * Undefined when the post should stay as it is.
 */
export function postStatusOf(
  current: PostStatus,
  publications: readonly PostStatus[],
): PostStatus | undefined {
  const live: PostStatus[] = publications.filter((s) => s !== PostStatus.Cancelled);
  const any = (status: PostStatus) => live.includes(status);
  if (live.length === 0 || !PUBLISHING_PART.includes(current)) return undefined;
  if (any(PostStatus.Publishing)) return PostStatus.Publishing;
  if (any(PostStatus.Scheduled)) {
    return live.every((s) => s === PostStatus.Scheduled) ? undefined : PostStatus.Publishing;
  }
  if (any(PostStatus.InDoubt)) return PostStatus.InDoubt;
  if (any(PostStatus.Held)) return PostStatus.Held;
  if (any(PostStatus.Failed)) return PostStatus.Failed;
  return live.every((s) => s === PostStatus.Published) ? PostStatus.Published : undefined;
}

/** The shortest walk from one status to another through the lifecycle table (breadth first). */
export function transitionPath(from: PostStatus, to: PostStatus): PostStatus[] | undefined {
  const previous = new Map<PostStatus, PostStatus>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === to) break;
    for (const next of PUBLISHING_PART) {
      if (!previous.has(next) && canTransition('post', at, next)) {
        previous.set(next, at);
        queue.push(next);
      }
    }
  }
  if (!previous.has(to)) return undefined;
  const path: PostStatus[] = [];
  for (let at = to; at !== from; at = previous.get(at)!) path.unshift(at);
  return path;
}

/**
 * Brings the (locked) post's status in line with its publications after the worker changed one;
 * returns the change, which the publication's audit event carries.
 */
export async function rollUpPost(
  tx: EntityManager,
  post: PostEntity,
): Promise<{ from: PostStatus; to: PostStatus } | undefined> {
  const publications = await tx.find(PublicationEntity, {
    where: { organizationId: post.organizationId, postId: post.id },
    select: { id: true, status: true },
  });
  const from = post.status;
  const to = postStatusOf(
    from,
    publications.map((p) => p.status),
  );
  const path = to && to !== from ? transitionPath(from, to) : undefined;
  if (!to || !path) return undefined;
  let at = from;
  for (const next of path) {
    await applyTransition(tx, { kind: 'post', ...idOf(post), from: at, to: next });
    at = next;
  }
  post.status = to;
  return { from, to };
}
