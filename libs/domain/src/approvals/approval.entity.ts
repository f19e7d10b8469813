import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity';
import { PostRevisionEntity } from '../posts/post-revision.entity';

export type ApprovalDecision = 'approve' | 'reject';

/** A compliance officer's justified decision not to block on one finding. */
export interface FindingOverride {
  findingId: string;
  justification: string;
}

/** One reviewer's decision on exactly one revision (bound by its content hash). */
@Entity('approvals')
@Index(['postId', 'createdAt'])
// One live approval per person and revision: two racing clicks cannot count twice.
@Index(['revisionId', 'approverId'], {
  unique: true,
  where: `voided_at IS NULL AND decision = 'approve'`,
})
export class ApprovalEntity extends TenantEntity {
  @Column('uuid')
  postId: string;

  @Column('uuid')
  revisionId: string;

  @ManyToOne(() => PostRevisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revision_id' })
  revision?: PostRevisionEntity;

  @Column('uuid')
  approverId: string;

  @Column('text')
  decision: ApprovalDecision;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column('jsonb', { default: () => "'[]'" })
  overrides: FindingOverride[];

  @Column('char', { length: 64 })
  contentHash: string;

  /** Set when an edit makes the approval count no more; the row itself is kept. */
  @Column({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  voidReason: string | null;
}
