import { EntityManager, IsNull } from 'typeorm';
import { ApprovalEntity } from './approval.entity';

/** Approvals that still count: given for this revision, not voided by an edit. */
export function liveApprovals(
  manager: EntityManager,
  organizationId: string,
  revisionId: string,
): Promise<ApprovalEntity[]> {
  return manager.find(ApprovalEntity, {
    where: { organizationId, revisionId, decision: 'approve', voidedAt: IsNull() },
    order: { createdAt: 'ASC' },
  });
}

/** An edit makes every earlier approval of the post count no more; the rows stay as history. */
export async function voidApprovals(
  manager: EntityManager,
  organizationId: string,
  postId: string,
  reason: string,
): Promise<number> {
  const result = await manager.update(
    ApprovalEntity,
    { organizationId, postId, decision: 'approve', voidedAt: IsNull() },
    { voidedAt: new Date(), voidReason: reason },
  );
  return result.affected ?? 0;
}
