import { Check, Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { TenantEntity } from '../common';
import type { FeedbackCategory } from './feedback-category';
import { FeedbackGroupEntity } from './feedback-group.entity';

/**
 * Who owns one category of an organization's patient feedback (a user or a group, or nobody) and
 * how many hours it has to answer; a category without a row has neither.
 */
@Entity('feedback_routes')
@Index(['organizationId', 'category'], { unique: true })
@Check('"owner_user_id" IS NULL OR "owner_group_id" IS NULL')
@Check('"response_target_hours" IS NULL OR "response_target_hours" > 0')
export class FeedbackRouteEntity extends TenantEntity {
  @Column('text')
  category: FeedbackCategory;

  @Column('uuid', { nullable: true })
  ownerUserId: string | null;

  /** A group in use cannot be deleted. */
  @Index()
  @Column('uuid', { nullable: true })
  ownerGroupId: string | null;

  @ManyToOne(() => FeedbackGroupEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_group_id' })
  ownerGroup?: FeedbackGroupEntity;

  @Column('int', { nullable: true })
  responseTargetHours: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
