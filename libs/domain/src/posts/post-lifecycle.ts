import { EntityManager } from 'typeorm';
import { InvalidTransitionError } from './post-errors';
import { PostEntity } from './post.entity';
import { PublicationEntity } from './publication.entity';
import { PostStatus, PublicationStatus } from './post-status';

/**
 * The whole lifecycle of DESIGN.md in one table. A post moves through every status; a publication
 * (one channel of a post) only through the publishing part of it.
 */
export const POST_TRANSITIONS: Readonly<Record<PostStatus, readonly PostStatus[]>> = {
  [PostStatus.Draft]: [PostStatus.InReview, PostStatus.Cancelled],
  [PostStatus.InReview]: [
    PostStatus.Scheduled,
    PostStatus.ChangesRequested,
    PostStatus.Draft,
    PostStatus.Expired,
    PostStatus.Cancelled,
  ],
  [PostStatus.ChangesRequested]: [PostStatus.Draft, PostStatus.Cancelled],
  [PostStatus.Scheduled]: [
    PostStatus.Publishing,
    PostStatus.Held,
    PostStatus.Draft,
    PostStatus.Expired,
    PostStatus.Cancelled,
  ],
  [PostStatus.Publishing]: [
    PostStatus.Published,
    PostStatus.Failed,
    PostStatus.InDoubt,
    PostStatus.Scheduled,
    PostStatus.Held,
  ],
  [PostStatus.Published]: [],
  [PostStatus.Failed]: [PostStatus.Scheduled, PostStatus.Cancelled],
  [PostStatus.InDoubt]: [PostStatus.Publishing, PostStatus.Published, PostStatus.Failed],
  [PostStatus.Cancelled]: [],
  [PostStatus.Held]: [
    PostStatus.Scheduled,
    PostStatus.Draft,
    PostStatus.Expired,
    PostStatus.Cancelled,
  ],
  [PostStatus.Expired]: [
    PostStatus.InReview,
    PostStatus.Scheduled,
    PostStatus.Draft,
    PostStatus.Cancelled,
  ],
};

export const PUBLICATION_TRANSITIONS: Readonly<
  Record<PublicationStatus, readonly PublicationStatus[]>
> = {
  [PostStatus.Scheduled]: [
    PostStatus.Publishing,
    PostStatus.Held,
    PostStatus.Expired,
    PostStatus.Cancelled,
  ],
  [PostStatus.Publishing]: [
    PostStatus.Published,
    PostStatus.Failed,
    PostStatus.InDoubt,
    PostStatus.Scheduled,
    PostStatus.Held,
  ],
  [PostStatus.Published]: [],
  [PostStatus.Failed]: [PostStatus.Scheduled, PostStatus.Cancelled],
  [PostStatus.InDoubt]: [PostStatus.Publishing, PostStatus.Published, PostStatus.Failed],
  [PostStatus.Held]: [PostStatus.Scheduled, PostStatus.Expired, PostStatus.Cancelled],
  [PostStatus.Cancelled]: [],
  [PostStatus.Expired]: [PostStatus.Scheduled, PostStatus.Cancelled],
};

/** The status a new row is inserted with: the only status write outside applyTransition. */
export const INITIAL_STATUS = {
  post: PostStatus.Draft,
  publication: PostStatus.Scheduled,
} as const;

interface Lifecycles {
  post: { status: PostStatus; entity: PostEntity };
  publication: { status: PublicationStatus; entity: PublicationEntity };
}
export type LifecycleKind = keyof Lifecycles;
export type StatusOf<K extends LifecycleKind> = Lifecycles[K]['status'];

const TABLES: { [K in LifecycleKind]: Readonly<Record<StatusOf<K>, readonly StatusOf<K>[]>> } = {
  post: POST_TRANSITIONS,
  publication: PUBLICATION_TRANSITIONS,
};
const ENTITIES = { post: PostEntity, publication: PublicationEntity } as const;

export function canTransition<K extends LifecycleKind>(
  kind: K,
  from: StatusOf<K>,
  to: StatusOf<K>,
): boolean {
  const table = TABLES[kind] as Readonly<Record<string, readonly string[]>>;
  return table[from]?.includes(to) ?? false;
}

export interface Transition<K extends LifecycleKind> {
  kind: K;
  organizationId: string;
  id: string;
  from: StatusOf<K>;
  to: StatusOf<K>;
  /** Other columns written in the same statement (e.g. approvedRevisionId, externalId). */
  set?: Partial<Omit<Lifecycles[K]['entity'], 'id' | 'organizationId' | 'status' | 'createdAt'>>;
}

/**
 * The one writer of `status`: a conditional UPDATE that only matches a row still in `from`, so
 * of two racing callers exactly one wins and the other gets InvalidTransitionError.
 */
export async function applyTransition<K extends LifecycleKind>(
  manager: EntityManager,
  transition: Transition<K>,
): Promise<void> {
  const { kind, organizationId, id, from, to } = transition;
  if (!canTransition(kind, from, to)) throw new InvalidTransitionError(kind, from, to);
  const result = await manager
    .createQueryBuilder()
    .update(ENTITIES[kind])
    .set({ ...(transition.set ?? {}), status: to } as never)
    .where('id = :id AND organization_id = :organizationId AND status = :from', {
      id,
      organizationId,
      from,
    })
    .execute();
  if (result.affected !== 1) {
    throw new InvalidTransitionError(kind, from, to, `the ${kind} is no longer ${from}`);
  }
}

/** Many rows of one kind making the same move; each row names its organization. */
export interface BulkTransition<K extends LifecycleKind> {
  kind: K;
  rows: { organizationId: string; id: string }[];
  from: StatusOf<K>;
  to: StatusOf<K>;
  /** Columns written with the status (e.g. the worker's claim). */
  set?: Transition<K>['set'];
}

/**
 * applyTransition for many rows in one statement (the worker's batches): the rows still in `from`
 * move; returns their ids, so a caller sees which ones another writer changed first.
 */
export async function applyTransitions<K extends LifecycleKind>(
  manager: EntityManager,
  { kind, rows, from, to, set }: BulkTransition<K>,
): Promise<string[]> {
  if (!canTransition(kind, from, to)) throw new InvalidTransitionError(kind, from, to);
  if (rows.length === 0) return [];
  const result = await manager
    .createQueryBuilder()
    .update(ENTITIES[kind])
    .set({ ...(set ?? {}), status: to } as never)
    .where(
      '(id, organization_id) IN (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:organizationIds AS uuid[])))',
      { ids: rows.map((r) => r.id), organizationIds: rows.map((r) => r.organizationId) },
    )
    .andWhere('status = :from', { from })
    .returning('id')
    .execute();
  return (result.raw as { id: string }[]).map((r) => r.id);
}
