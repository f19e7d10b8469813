import type { FindingOverride } from '../approvals/approval.entity';
import { assertFindingsResolved, assertNotOwnWork } from '../approvals/approval-rules';
import type { ComplianceFindingEntity } from '../compliance/compliance-finding.entity';
import type { Actor } from '../identity/actor';
import type { PostRevisionEntity } from '../posts/post-revision.entity';
import type { PostEntity } from '../posts/post.entity';
import type { ConversationReplyEntity } from './conversation-reply.entity';

/**
 * The approval rules of posts, applied to a reply (its author wrote its only version):
 * nobody approves their own reply, and every blocking finding needs a justified override.
 */
export function assertReplyApprovable(
  actor: Actor,
  reply: ConversationReplyEntity,
  overrides: FindingOverride[],
  earlier: FindingOverride[],
): void {
  const writer = reply.authorId;
  assertNotOwnWork(
    actor,
    { authorId: writer, lastEditedById: writer } as PostEntity,
    { editedById: writer } as PostRevisionEntity,
  );
  const findings = reply.findings.map(
    (f) =>
      ({
        id: f.id,
        kind: f.kind as string,
        field: f.field as string,
        severity: f.severity,
      }) as ComplianceFindingEntity,
  );
  assertFindingsResolved(findings, overrides, earlier);
}
