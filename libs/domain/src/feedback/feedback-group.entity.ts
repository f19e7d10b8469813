import { Column, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TenantEntity } from '../common';

/** A named team that can own a feedback category, e.g. "Patient experience", "Risk management". */
@Entity('feedback_groups')
@Index(['organizationId', 'name'], { unique: true })
export class FeedbackGroupEntity extends TenantEntity {
  @Column('text')
  name: string;

  /** Users of the organization in the group (each may handle feedback). */
  @Column('uuid', { array: true, default: () => "'{}'" })
  memberIds: string[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
