import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { ChannelEntity } from '../channels/channel.entity';
import { NotFoundError } from '../common/domain-error';
import { detectCategories } from '../compliance/content-category';
import { contentHash, contentMediaIds, contentTextFields, PostContent } from './post-content';
import { PostRevisionEntity } from './post-revision.entity';
import { PostEntity } from './post.entity';

/** The organization's post; another organization's is a 404 like a missing one. */
export async function findPost(
  manager: EntityManager,
  organizationId: string,
  postId: string,
  lock = false,
): Promise<PostEntity> {
  const post = await manager.findOne(PostEntity, {
    where: { organizationId, id: postId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!post) throw new NotFoundError('post');
  return post;
}

/** Row-locks the post for the rest of the transaction: edits and decisions on it take turns. */
export const lockPost = (manager: EntityManager, organizationId: string, postId: string) =>
  findPost(manager, organizationId, postId, true);

export async function loadRevision(
  manager: EntityManager,
  post: PostEntity,
  revisionId = post.currentRevisionId,
): Promise<PostRevisionEntity> {
  const revision = await manager.findOneBy(PostRevisionEntity, {
    organizationId: post.organizationId,
    postId: post.id,
    id: revisionId,
  });
  if (!revision) throw new NotFoundError('revision');
  return revision;
}

export interface NewRevision {
  organizationId: string;
  postId: string;
  number: number;
  content: PostContent;
  editedById: string;
  id?: string;
}

export async function insertRevision(
  manager: EntityManager,
  revision: NewRevision,
): Promise<PostRevisionEntity> {
  const entity = manager.create(PostRevisionEntity, {
    ...revision,
    id: revision.id ?? randomUUID(),
    contentHash: contentHash(revision.content),
    mediaIds: contentMediaIds(revision.content),
    detectedCategories: detectCategories(contentTextFields(revision.content).map((f) => f.text)),
  });
  await manager.insert(PostRevisionEntity, entity);
  return entity;
}

export type ChannelRef = Pick<ChannelEntity, 'id' | 'organizationId' | 'platform' | 'status'>;

/** The organization's channels among `ids` (never their tokens); others' are simply absent. */
export function findChannels(
  manager: EntityManager,
  organizationId: string,
  ids: string[],
): Promise<ChannelRef[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return manager.find(ChannelEntity, {
    where: { organizationId, id: In(ids) },
    select: { id: true, organizationId: true, platform: true, status: true },
  });
}

/** Columns other than status; a status change is a Lifecycle move. */
export async function updatePost(
  manager: EntityManager,
  post: PostEntity,
  changes: Partial<Omit<PostEntity, 'id' | 'organizationId' | 'status' | 'createdAt'>>,
): Promise<void> {
  await manager.update(PostEntity, { id: post.id, organizationId: post.organizationId }, changes);
  Object.assign(post, changes);
}
