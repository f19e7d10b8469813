/** Every status of a post's lifecycle; the moves between them are in `transitions.ts`. */
export enum PostStatus {
  Draft = 'draft',
  InReview = 'in_review',
  ChangesRequested = 'changes_requested',
  Scheduled = 'scheduled',
  Publishing = 'publishing',
  Published = 'published',
  Failed = 'failed',
  InDoubt = 'in_doubt',
  Cancelled = 'cancelled',
  Held = 'held',
  Expired = 'expired',
}

/** A publication (one channel of a post) lives only in the publishing part of the lifecycle. */
export const PUBLICATION_STATUSES = [
  PostStatus.Scheduled,
  PostStatus.Publishing,
  PostStatus.Published,
  PostStatus.Failed,
  PostStatus.InDoubt,
  PostStatus.Held,
  PostStatus.Cancelled,
  PostStatus.Expired,
] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

/** Publications that may still go out, and so follow the post when it is edited, held or cancelled. */
export const LIVE_PUBLICATION_STATUSES: readonly PublicationStatus[] = [
  PostStatus.Scheduled,
  PostStatus.Held,
  PostStatus.Expired,
  PostStatus.Failed,
];

/** A reply to an inbox message, from review (or a template) to sent. */
export const REPLY_STATUSES = [
  'in_review',
  'approved',
  'rejected',
  'sending',
  'sent',
  'failed',
] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];
