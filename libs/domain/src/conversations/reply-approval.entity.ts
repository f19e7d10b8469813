import { Column, Entity, Index } from 'typeorm';
import type { FindingOverride } from '../approvals/approval.entity';
import { TenantEntity } from '../common/tenant-entity';

/** One compliance officer's decision on a reply draft. */
@Entity('reply_approvals')
@Index(['replyId', 'approverId'], { unique: true, where: `decision = 'approve'` })
@Index(['replyId'])
export class ReplyApprovalEntity extends TenantEntity {
  @Column('uuid')
  replyId: string;

  @Column('uuid')
  approverId: string;

  @Column('text')
  decision: 'approve' | 'reject';

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column('jsonb', { default: () => "'[]'" })
  overrides: FindingOverride[];
}
