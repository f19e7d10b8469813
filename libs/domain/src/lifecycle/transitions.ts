import { PostStatus, PublicationStatus, ReplyStatus } from './statuses';

/**
 * The lifecycles of the README ("Posts and review", "Conversations"), one table each. A post moves
 * through every status; a publication (one channel of a post) only through the publishing part;
 * a reply from review to sent.
 */
/** The publishing part, where a post moves as its publications do. */
const PUBLISHING_MOVES = {
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
} as const satisfies Partial<Record<PublicationStatus, readonly PublicationStatus[]>>;

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
  ...PUBLISHING_MOVES,
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
  ...PUBLISHING_MOVES,
  [PostStatus.Held]: [PostStatus.Scheduled, PostStatus.Expired, PostStatus.Cancelled],
  [PostStatus.Expired]: [PostStatus.Scheduled, PostStatus.Cancelled],
};

/**
 * A reply is reviewed (or comes approved from a template), claimed by the worker, and sent once;
 * a send that may be retried goes back to approved, one that could post twice ends as failed.
 */
export const REPLY_TRANSITIONS: Readonly<Record<ReplyStatus, readonly ReplyStatus[]>> = {
  in_review: ['approved', 'rejected'],
  approved: ['sending'],
  rejected: [],
  sending: ['sent', 'failed', 'approved'],
  sent: [],
  failed: [],
};

/** The status a new row is inserted with: the only status write outside the lifecycle's moves. */
export const INITIAL_STATUS = {
  post: PostStatus.Draft,
  publication: PostStatus.Scheduled,
} as const;

/** Per kind: its statuses, and the other columns a move may write in the same statement. */
interface Lifecycles {
  post: {
    status: PostStatus;
    columns: {
      approvedRevisionId: string | null;
      scheduledAt: Date;
      submittedAt: Date | null;
      currentRevisionId: string;
      lastEditedById: string;
    };
  };
  publication: {
    status: PublicationStatus;
    columns: {
      approvedRevisionId: string;
      approvedContentHash: string;
      externalId: string | null;
      url: string | null;
      publishedAt: Date | null;
      error: string | null;
      attempts: number;
      claimedBy: string | null;
      heartbeatAt: Date | null;
    };
  };
  reply: {
    status: ReplyStatus;
    columns: {
      approvedAt: Date | null;
      externalId: string | null;
      url: string | null;
      sentAt: Date | null;
      error: string | null;
    };
  };
}
export type LifecycleKind = keyof Lifecycles;
export type StatusOf<K extends LifecycleKind> = Lifecycles[K]['status'];
export type ColumnsOf<K extends LifecycleKind> = Lifecycles[K]['columns'];

const TABLES: { [K in LifecycleKind]: Readonly<Record<StatusOf<K>, readonly StatusOf<K>[]>> } = {
  post: POST_TRANSITIONS,
  publication: PUBLICATION_TRANSITIONS,
  reply: REPLY_TRANSITIONS,
};

/** Each kind's table (TypeORM resolves a table name to its entity). */
export const TABLE_NAMES: Readonly<Record<LifecycleKind, string>> = {
  post: 'posts',
  publication: 'publications',
  reply: 'conversation_replies',
};

/** The audit trail's name for each kind's rows. */
export const SUBJECT_TYPES: Readonly<Record<LifecycleKind, string>> = {
  post: 'post',
  publication: 'publication',
  reply: 'conversation_reply',
};

export function canTransition<K extends LifecycleKind>(
  kind: K,
  from: StatusOf<K>,
  to: StatusOf<K>,
): boolean {
  const table = TABLES[kind] as Readonly<Record<string, readonly string[]>>;
  return table[from]?.includes(to) ?? false;
}
