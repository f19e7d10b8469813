import type { JsonObject } from '../common/json';
import { EntityManager } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { PostEntity } from './post.entity';

export interface PostAuditEntry {
  /** Null when the system acted (the worker's reconciler). */
  actorId: string | null;
  action: AuditAction;
  post: Pick<PostEntity, 'id' | 'organizationId'>;
  /** Content hash of the post's current revision before and after the action. */
  revisionHashBefore: string | null;
  revisionHashAfter: string | null;
  data?: JsonObject;
}

/** Every post action lands on the trail with its actor and the revision hashes around it. */
export function recordPostAudit(
  audit: AuditService,
  manager: EntityManager,
  entry: PostAuditEntry,
): Promise<unknown> {
  return audit.record(manager, {
    organizationId: entry.post.organizationId,
    actorId: entry.actorId,
    action: entry.action,
    subjectType: 'post',
    subjectId: entry.post.id,
    data: {
      revisionHashBefore: entry.revisionHashBefore,
      revisionHashAfter: entry.revisionHashAfter,
      ...entry.data,
    },
  });
}

/** A change that keeps the content: the current revision's hash before and after. */
export const revisionHashes = (revision: { contentHash: string }) => ({
  revisionHashBefore: revision.contentHash,
  revisionHashAfter: revision.contentHash,
});
