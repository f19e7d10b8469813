import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, MoreThan } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditAction, GENESIS_HASH } from './audit-action';
import { AuditEventEntity } from './audit-event.entity';
import { auditHash } from './audit-hash';

export interface AuditRecord {
  organizationId: string;
  actorId: string | null;
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  data?: Record<string, unknown>;
}

export interface AuditQuery {
  from?: Date;
  to?: Date;
  subjectType?: string;
  subjectId?: string;
  limit?: number;
}

export interface ChainVerification {
  valid: boolean;
  eventsChecked: number;
  /** The first event whose stored hash or link does not match; absent when the chain is whole. */
  firstBroken?: { id: string; seq: number; reason: string };
}

const VERIFY_BATCH = 5000;

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
      const event = manager.create(AuditEventEntity, {
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
      event.hash = auditHash(event);
      chains.set(record.organizationId, { seq: event.seq, hash: event.hash });
      return event;
    });
    // insert, not save: one statement, and the generated ids are set on `events` all the same.
    await manager.insert(AuditEventEntity, events as QueryDeepPartialEntity<AuditEventEntity>[]);
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

  /** Recomputes every hash and link of the organization's chain, in order. */
  async verify(organizationId: string): Promise<ChainVerification> {
    const repo = this.dataSource.getRepository(AuditEventEntity);
    let expectedPrev = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const batch = await repo.find({
        where: { organizationId, seq: MoreThan(expectedSeq - 1) },
        order: { seq: 'ASC' },
        take: VERIFY_BATCH,
      });
      for (const event of batch) {
        const reason =
          event.seq !== expectedSeq
            ? `event ${expectedSeq} is missing`
            : event.prevHash !== expectedPrev
              ? 'its previous-hash link does not match the event before it'
              : event.hash !== auditHash(event)
                ? 'its contents do not match its hash'
                : undefined;
        if (reason) {
          return {
            valid: false,
            eventsChecked: expectedSeq - 1,
            firstBroken: { id: event.id, seq: event.seq, reason },
          };
        }
        expectedPrev = event.hash;
        expectedSeq += 1;
      }
      if (batch.length < VERIFY_BATCH) return { valid: true, eventsChecked: expectedSeq - 1 };
    }
  }
}
