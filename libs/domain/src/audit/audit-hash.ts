import { createHash } from 'node:crypto';
import { canonicalJson, JsonObject } from '../common/json';

/** The fields an event's hash covers, as they are stored and exported (times as ISO strings). */
export interface HashedFields {
  organizationId: string;
  seq: number;
  occurredAt: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: JsonObject;
  prevHash: string;
}

/** sha256 over the RFC 8785 form of the event's fields and the previous event's hash. */
export function auditHash(event: HashedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        organizationId: event.organizationId,
        seq: event.seq,
        occurredAt: event.occurredAt,
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
