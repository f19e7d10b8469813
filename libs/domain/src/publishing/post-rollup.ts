import { EntityManager } from 'typeorm';
import type { Lifecycle } from '../lifecycle/lifecycle.service';
import { canTransition } from '../lifecycle/transitions';
import { PostStatus } from '../lifecycle/statuses';
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

export type PostStatusChange = { from: PostStatus; to: PostStatus };

/**
 * Brings the (locked) posts' statuses in line with their publications after the worker changed
 * some; returns each change, which the publications' audit events carry. One query reads the
 * publications and one statement makes each step for all posts taking it.
 */
export async function rollUpPosts(
  lifecycle: Lifecycle,
  tx: EntityManager,
  posts: PostEntity[],
): Promise<Map<string, PostStatusChange>> {
  const changes = new Map<string, PostStatusChange>();
  if (posts.length === 0) return changes;
  const publications = await tx.find(PublicationEntity, {
    where: posts.map((p) => ({ organizationId: p.organizationId, postId: p.id })),
    select: { postId: true, status: true },
  });
  const walks = posts.flatMap((post) => {
    const statuses = publications.filter((p) => p.postId === post.id).map((p) => p.status);
    const to = postStatusOf(post.status, statuses);
    const path = to && to !== post.status ? transitionPath(post.status, to) : undefined;
    return path ? [{ post, path, from: post.status }] : [];
  });
  for (let step = 0; walks.some((w) => w.path.length > step); step++) {
    const moving = walks.filter((w) => w.path.length > step);
    for (const [move, group] of groupBy(moving, (w) => `${w.post.status}>${w.path[step]}`)) {
      const [from, to] = move.split('>') as [PostStatus, PostStatus];
      const rows = group.map(({ post }) => ({ organizationId: post.organizationId, id: post.id }));
      await lifecycle.moveAll(tx, { kind: 'post', rows, from, to });
      for (const { post } of group) post.status = to;
    }
  }
  for (const walk of walks) changes.set(walk.post.id, { from: walk.from, to: walk.post.status });
  return changes;
}

export async function rollUpPost(lifecycle: Lifecycle, tx: EntityManager, post: PostEntity) {
  return (await rollUpPosts(lifecycle, tx, [post])).get(post.id);
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
