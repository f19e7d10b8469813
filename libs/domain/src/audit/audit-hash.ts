import { createHash } from 'node:crypto';

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

/** JSON with object keys sorted at every depth, so jsonb's key reordering keeps the hash. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** sha256 over the event's fields and the previous event's hash. */
export function auditHash(event: HashedFields): string {
  return createHash('sha256')
    .update(
      canonical({
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
