import { ConflictError, InvalidInputError } from '../common/domain-error';
import type { ComplianceFindingEntity } from '../compliance/compliance-finding.entity';
import { Actor } from '../identity/actor';
import { InvalidTransitionError } from '../posts/post-errors';
import type { PostRevisionEntity } from '../posts/post-revision.entity';
import { PostStatus } from '../posts/post-status';
import type { PostEntity } from '../posts/post.entity';
import { ApprovalBySelfError, UnresolvedFindingsError } from './approval-errors';
import type { FindingOverride } from './approval.entity';

/** In review, or expired before its approval was complete (a late approval still counts). */
export function assertAwaitingApproval(post: PostEntity): void {
  const lateApproval =
    post.status === PostStatus.Expired && post.approvedRevisionId !== post.currentRevisionId;
  if (post.status !== PostStatus.InReview && !lateApproval) {
    throw new InvalidTransitionError(
      'post',
      post.status,
      PostStatus.Scheduled,
      `a ${post.status} post is not waiting for approval`,
    );
  }
}

/**
 * Approval waits for the worker's OCR of the post's images (a few seconds after upload): text
 * nobody has read yet could hold PHI. A failed reading is a warning finding instead.
 */
export function assertMediaTextRead(unread: string[]): void {
  if (unread.length === 0) return;
  throw new ConflictError(
    `the text in ${unread.join(', ')} is still being read for PHI; approve again in a few seconds`,
    unread[0],
  );
}

type Authored = Pick<PostEntity, 'authorId' | 'lastEditedById'>;

/** Whoever wrote the post or its revision. */
export function authorsOf(post: Authored, revision: Pick<PostRevisionEntity, 'editedById'>) {
  return [post.authorId, post.lastEditedById, revision.editedById];
}

/** Separation of duties: the post's author and the revision's editor may not approve it. */
export function isOwnWork(
  actor: Actor,
  post: Authored,
  revision: Pick<PostRevisionEntity, 'editedById'>,
): boolean {
  return authorsOf(post, revision).includes(actor.userId);
}

export function assertNotOwnWork(actor: Actor, post: PostEntity, revision: PostRevisionEntity) {
  if (isOwnWork(actor, post, revision)) throw new ApprovalBySelfError();
}

/**
 * Checks the overrides against the revision's open findings: each must name one, and every
 * block finding must be overridden now or by an approval of the same revision that still counts.
 */
export function assertFindingsResolved(
  findings: ComplianceFindingEntity[],
  overrides: FindingOverride[],
  earlier: FindingOverride[],
): void {
  const open = new Set(findings.map((f) => f.id));
  overrides.forEach((override, i) => {
    if (!open.has(override.findingId)) {
      throw new InvalidInputError(
        `overrides[${i}].findingId`,
        `overrides[${i}].findingId names no open finding of this revision`,
      );
    }
    if (override.justification.trim() === '') {
      throw new InvalidInputError(
        `overrides[${i}].justification`,
        `overrides[${i}].justification must say why the finding is not PHI`,
      );
    }
  });
  const overridden = new Set([...overrides, ...earlier].map((o) => o.findingId));
  const unresolved = findings.filter((f) => f.severity === 'block' && !overridden.has(f.id));
  if (unresolved.length > 0) throw new UnresolvedFindingsError(unresolved);
}
