import type { JsonObject } from '../common/json';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { InvalidTransitionError } from './transition-error';
import {
  canTransition,
  ColumnsOf,
  LifecycleKind,
  StatusOf,
  SUBJECT_TYPES,
  TABLE_NAMES,
} from './transitions';

/** The audit event written with a move. */
export interface LifecycleEvent {
  /** Null when the system acts (the worker). */
  actorId: string | null;
  action: AuditAction;
  data?: JsonObject;
}

/** Columns written in the same statement as the status (e.g. approvedRevisionId, externalId). */
export type MoveSet<K extends LifecycleKind> = Partial<ColumnsOf<K>>;

export interface Move<K extends LifecycleKind> {
  kind: K;
  /** The row as it was read: it moves only if it is still in `status`. Updated in place on success. */
  row: { organizationId: string; id: string; status: StatusOf<K> };
  to: StatusOf<K>;
  set?: MoveSet<K>;
  /**
   * Its audit event, recorded in the same transaction. Null only where the caller's own event in
   * that transaction names this row (a post's event lists the publications that moved with it), or
   * for the worker's own bookkeeping (claiming a publication, or giving its claim back for a retry).
   */
  event: LifecycleEvent | null;
}

/** Many rows of one kind making the same move; each row names its organization. */
export interface BulkMove<K extends LifecycleKind> {
  kind: K;
  rows: { organizationId: string; id: string }[];
  from: StatusOf<K>;
  to: StatusOf<K>;
  /** Columns written with the status (e.g. the worker's claim). */
  set?: MoveSet<K>;
}

/**
 * The one writer of `status` for posts, publications and replies: a conditional UPDATE on the
 * transition table that only matches a row still in its from-status, so of two racing callers
 * exactly one wins and the other gets InvalidTransitionError; the audit event goes with it.
 */
@Injectable()
export class Lifecycle {
  constructor(private readonly audit: AuditService) {}

  async move<K extends LifecycleKind>(tx: EntityManager, move: Move<K>): Promise<void> {
    const { kind, row, to, event } = move;
    const from = row.status;
    if (!canTransition(kind, from, to)) throw new InvalidTransitionError(kind, from, to);
    const result = await tx
      .createQueryBuilder()
      .update(TABLE_NAMES[kind])
      .set({ ...(move.set ?? {}), status: to } as never)
      .where('id = :id AND organization_id = :organizationId AND status = :from', {
        id: row.id,
        organizationId: row.organizationId,
        from,
      })
      .execute();
    if (result.affected !== 1) {
      throw new InvalidTransitionError(kind, from, to, `the ${kind} is no longer ${from}`);
    }
    Object.assign(row, move.set, { status: to });
    if (!event) return;
    await this.audit.record(tx, {
      organizationId: row.organizationId,
      actorId: event.actorId,
      action: event.action,
      subjectType: SUBJECT_TYPES[kind],
      subjectId: row.id,
      data: { from, to, ...event.data },
    });
  }

  /**
   * `move` for many rows in one statement (the worker's batches, whose caller records one event
   * per outcome in the same transaction): the rows still in `from` move; returns their ids, so a
   * caller sees which ones another writer changed first.
   */
  async moveAll<K extends LifecycleKind>(
    tx: EntityManager,
    { kind, rows, from, to, set }: BulkMove<K>,
  ): Promise<string[]> {
    if (!canTransition(kind, from, to)) throw new InvalidTransitionError(kind, from, to);
    if (rows.length === 0) return [];
    const result = await tx
      .createQueryBuilder()
      .update(TABLE_NAMES[kind])
      .set({ ...(set ?? {}), status: to } as never)
      .where(
        '(id, organization_id) IN (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:organizationIds AS uuid[])))',
        { ids: rows.map((r) => r.id), organizationIds: rows.map((r) => r.organizationId) },
      )
      .andWhere('status = :from', { from })
      .returning('id')
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }
}
