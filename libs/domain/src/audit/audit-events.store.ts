import { EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import type { ChainEvent } from './chain-verifier';

const PAGE = 2000;

export interface ChainRange {
  from?: Date;
  to?: Date;
}

/** The stored event in the form its hash covers (jsonb `data` as read back, the time in ISO). */
export function chainEventOf(event: AuditEventEntity): ChainEvent {
  return {
    id: event.id,
    organizationId: event.organizationId,
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    data: event.data,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

/** The organization's events in seq order, a page at a time: memory stays flat for any length. */
export async function* chainEvents(
  manager: EntityManager,
  organizationId: string,
  range: ChainRange = {},
): AsyncGenerator<ChainEvent> {
  let after = 0;
  for (;;) {
    const query = manager
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .where('e.organizationId = :organizationId', { organizationId })
      .andWhere('e.seq > :after', { after })
      .orderBy('e.seq', 'ASC')
      .take(PAGE);
    if (range.from) query.andWhere('e.occurredAt >= :from', { from: range.from });
    if (range.to) query.andWhere('e.occurredAt < :to', { to: range.to });
    const page = await query.getMany();
    for (const event of page) yield chainEventOf(event);
    if (page.length < PAGE) return;
    after = page[page.length - 1].seq;
  }
}

/** Each organization's newest event: what a checkpoint signs. */
export function chainHeads(
  manager: EntityManager,
): Promise<{ organizationId: string; seq: number; hash: string }[]> {
  return manager
    .query(
      // One index probe per organization rather than a scan of every event.
      `SELECT o.id AS organization_id, h.seq, h.hash FROM organizations o
         CROSS JOIN LATERAL (SELECT seq, hash FROM audit_events
                              WHERE organization_id = o.id ORDER BY seq DESC LIMIT 1) h`,
    )
    .then((rows: { organization_id: string; seq: string; hash: string }[]) =>
      rows.map((r) => ({
        organizationId: r.organization_id,
        seq: Number(r.seq),
        hash: r.hash,
      })),
    );
}
