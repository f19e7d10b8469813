import { ConflictError, InvalidInputError } from '../common/domain-error';
import type { ComplianceFindingEntity } from '../compliance/compliance-finding.entity';
import { Actor } from '../identity/actor';
import { InvalidTransitionError } from '../lifecycle/transition-error';
import type { PostRevisionEntity } from '../posts/post-revision.entity';
import { PostStatus } from '../lifecycle/statuses';
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

/** A finding as review sees it, on a post's revision or on a reply. */
export interface ReviewFinding {
  id: string;
  kind: string;
  field: string;
  severity: ComplianceFindingEntity['severity'];
}

/** What review needs to know of a post's revision or a reply, whichever it is. */
export interface UnderReview {
  /** Whoever wrote it: none of them may approve it (separation of duties). */
  authors: readonly string[];
  /** Its open findings: every block finding needs a justified override. */
  findings: readonly ReviewFinding[];
  /** Distinct approvers the policy asks for, and the approvals of it that still count. */
  policy: {
    required: number;
    approvals: readonly { approverId: string; overrides: FindingOverride[] }[];
  };
}

/** The overrides as they are kept (justifications trimmed), and whether the policy is now met. */
export interface ApprovalOutcome {
  overrides: FindingOverride[];
  approvals: number;
  policyMet: boolean;
}

export const isOwnWork = (actor: Actor, subject: Pick<UnderReview, 'authors'>) =>
  subject.authors.includes(actor.userId);

/**
 * The rules every approval keeps, of a post or a reply alike: not one's own work, once per
 * approver, every block finding overridden now or by an approval that still counts.
 */
export function assessApproval(
  actor: Actor,
  subject: UnderReview,
  overrides: FindingOverride[],
  what: string,
): ApprovalOutcome {
  if (isOwnWork(actor, subject)) throw new ApprovalBySelfError();
  const { approvals, required } = subject.policy;
  if (approvals.some((a) => a.approverId === actor.userId)) {
    throw new ConflictError(`you have already approved this ${what}`);
  }
  assertFindingsResolved(
    subject.findings,
    overrides,
    approvals.flatMap((a) => a.overrides),
  );
  return {
    overrides: overrides.map((o) => ({
      findingId: o.findingId,
      justification: o.justification.trim(),
    })),
    approvals: approvals.length + 1,
    policyMet: approvals.length + 1 >= required,
  };
}

/**
 * Checks the overrides against the revision's open findings: each must name one, and every
 * block finding must be overridden now or by an approval of the same revision that still counts.
 */
function assertFindingsResolved(
  findings: UnderReview['findings'],
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
