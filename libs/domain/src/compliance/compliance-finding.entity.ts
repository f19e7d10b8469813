import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity';
import type { FindingSeverity } from './phi/phi-finding';
import { PostRevisionEntity } from '../posts/post-revision.entity';

/** PHI scanner, accessibility check, or a routing rule the content does not meet (consent). */
export type FindingSource = 'phi' | 'accessibility' | 'policy';

/** One finding of the scanners on one text field of one revision; overrides name it by id. */
@Entity('compliance_findings')
@Index(['revisionId', 'field', 'kind', 'start', 'end'], { unique: true })
export class ComplianceFindingEntity extends TenantEntity {
  @Column('uuid')
  postId: string;

  @Column('uuid')
  revisionId: string;

  @ManyToOne(() => PostRevisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revision_id' })
  revision?: PostRevisionEntity;

  @Column('text')
  source: FindingSource;

  /** The request field the text came from, e.g. `x.text` or `youtube.description`. */
  @Column('text')
  field: string;

  @Column('text')
  kind: string;

  @Column('text')
  severity: FindingSeverity;

  @Column('int', { name: 'span_start' })
  start: number;

  @Column('int', { name: 'span_end' })
  end: number;

  @Column('text')
  text: string;

  @Column('text')
  reason: string;

  /** Set when a later scan of the same revision no longer finds it (e.g. the allow list grew). */
  @Column({ type: 'timestamptz', nullable: true })
  clearedAt: Date | null;
}
