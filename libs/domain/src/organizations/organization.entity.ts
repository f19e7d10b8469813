import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FindingSeverity } from '../compliance/phi/phi-finding';
import type { AllowList, ApprovalPolicy } from './organization-settings';

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** IANA zone in which staff enter and read times, e.g. America/Chicago. */
  @Column('text')
  timeZone: string;

  /** Set while an emergency pause is on; nothing is published then. */
  @Column({ type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  pauseReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  pausedById: string | null;

  /** Null until an admin edits it; read through completePolicy so defaults fill the gaps. */
  @Column({ type: 'jsonb', nullable: true })
  approvalPolicy: Partial<ApprovalPolicy> | null;

  @Column({ type: 'jsonb', nullable: true })
  allowList: Partial<AllowList> | null;

  /** Whether a missing alt text or caption track blocks approval or only warns. */
  @Column('text', { default: 'warn' })
  accessibilitySeverity: FindingSeverity;

  /** Set while a legal hold is on: the retention job deletes nothing of this organization. */
  @Column({ type: 'timestamptz', nullable: true })
  legalHoldSince: Date | null;

  @Column({ type: 'text', nullable: true })
  legalHoldReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  legalHoldById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
