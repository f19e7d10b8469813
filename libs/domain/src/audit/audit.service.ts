import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager } from 'typeorm';
import type { JsonObject } from '../common/json';
import { AuditAction, GENESIS_HASH } from './audit-action';
import { AuditEventEntity } from './audit-event.entity';
import { auditHash } from './audit-hash';
import { chainEventOf } from './audit-events.store';

export interface AuditRecord {
  organizationId: string;
  actorId: string | null;
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  /** JSON values only (times as ISO strings): the hash is recomputed from what jsonb gives back. */
  data?: JsonObject;
}

export interface AuditQuery {
  from?: Date;
  to?: Date;
  subjectType?: string;
  subjectId?: string;
  limit?: number;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends to the organization's chain inside the caller's transaction (or a new one). */
  async record(manager: EntityManager, record: AuditRecord): Promise<AuditEventEntity> {
    const [event] = await this.recordAll(manager, [record]);
    return event;
  }

  /**
   * Appends events (of one or more organizations, each chain in order) with one statement taking
   * the chains' locks, one reading their heads and one insert: a worker's batch of results.
   */
  async recordAll(manager: EntityManager, records: AuditRecord[]): Promise<AuditEventEntity[]> {
    if (records.length === 0) return [];
    if (!manager.queryRunner?.isTransactionActive) {
      return manager.transaction((tx) => this.recordAll(tx, records));
    }
    const organizationIds = [...new Set(records.map((r) => r.organizationId))].sort();
    // One writer per chain at a time, released when the caller's transaction ends; taken in a
    // fixed order so two batches never wait on each other in a circle.
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(o.id, 0))
         FROM unnest($1::text[]) WITH ORDINALITY AS o(id, n) ORDER BY o.n`,
      [organizationIds],
    );
    const heads: { id: string; seq: string | number | null; hash: string | null }[] =
      await manager.query(
        `SELECT o.id, h.seq, h.hash FROM unnest($1::uuid[]) AS o(id)
           LEFT JOIN LATERAL (SELECT seq, hash FROM audit_events
                               WHERE organization_id = o.id ORDER BY seq DESC LIMIT 1) h ON true`,
        [organizationIds],
      );
    const chains = new Map(
      heads.map((h) => [h.id, { seq: Number(h.seq ?? 0), hash: h.hash ?? GENESIS_HASH }]),
    );
    const events = records.map((record) => {
      const head = chains.get(record.organizationId)!;
      const event = Object.assign(new AuditEventEntity(), {
        organizationId: record.organizationId,
        seq: head.seq + 1,
        occurredAt: new Date(),
        actorId: record.actorId,
        action: record.action,
        subjectType: record.subjectType,
        subjectId: record.subjectId ?? null,
        data: record.data ?? {},
        prevHash: head.hash,
      });
      event.hash = auditHash(chainEventOf(event));
      chains.set(record.organizationId, { seq: event.seq, hash: event.hash });
      return event;
    });
    // insert, not save: one statement, and the generated ids are set on `events` all the same.
    // (Typed as plain rows: TypeORM's deep partial of a recursive JSON type does not terminate.)
    await manager.insert(AuditEventEntity, events as unknown as Record<string, unknown>[]);
    return events;
  }

  list(organizationId: string, query: AuditQuery): Promise<AuditEventEntity[]> {
    return this.dataSource.getRepository(AuditEventEntity).find({
      where: {
        organizationId,
        occurredAt: Between(query.from ?? new Date(0), query.to ?? new Date('9999-12-31')),
        ...(query.subjectType ? { subjectType: query.subjectType } : {}),
        ...(query.subjectId ? { subjectId: query.subjectId } : {}),
      },
      order: { seq: 'DESC' },
      take: Math.min(query.limit ?? 200, 1000),
    });
  }
}
