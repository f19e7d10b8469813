import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from '../common/json';

/**
 * An append-only, hash-chained record (per organization). A database trigger refuses UPDATE and
 * DELETE, so the application cannot rewrite history even through a bug.
 */
@Entity('audit_events')
@Index(['organizationId', 'seq'], { unique: true })
@Index(['organizationId', 'occurredAt'])
@Index(['organizationId', 'subjectType', 'subjectId'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  /** 1, 2, 3… within the organization's chain. */
  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  seq: number;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  /** The user who acted; null for the system (worker, reconciler). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column('text')
  action: string;

  @Column('text')
  subjectType: string;

  @Column({ type: 'text', nullable: true })
  subjectId: string | null;

  @Column('jsonb', { default: {} })
  data: JsonObject;

  @Column('char', { length: 64 })
  prevHash: string;

  @Column('char', { length: 64 })
  hash: string;
}
