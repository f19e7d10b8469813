import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json';

export interface HashedFields {
  organizationId: string;
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
  prevHash: string;
}

/** sha256 over the event's fields and the previous event's hash. */
export function auditHash(event: HashedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        organizationId: event.organizationId,
        seq: event.seq,
        occurredAt: event.occurredAt.toISOString(),
        actorId: event.actorId,
        action: event.action,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        data: event.data,
        prevHash: event.prevHash,
      }),
    )
    .digest('hex');
}
