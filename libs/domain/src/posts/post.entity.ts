import { Column, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity';
import { PostStatus } from '../lifecycle/statuses';

/** One piece of content for one or more channels; its words live in immutable revisions. */
@Entity('posts')
@Index(['organizationId', 'scheduledAt'])
@Index(['status', 'scheduledAt'])
export class PostEntity extends TenantEntity {
  /** Written only by Lifecycle.move (lifecycle/lifecycle.service.ts). */
  @Column({ type: 'enum', enum: PostStatus, enumName: 'post_status' })
  status: PostStatus;

  /** UTC; staff enter and read it in the organization's time zone. */
  @Column('timestamptz')
  scheduledAt: Date;

  @Column('uuid')
  currentRevisionId: string;

  /** The revision the approval policy was met for; null until then and after an edit. */
  @Column({ type: 'uuid', nullable: true })
  approvedRevisionId: string | null;

  @Column('uuid')
  authorId: string;

  @Column('uuid')
  lastEditedById: string;

  @Column({ type: 'text', nullable: true })
  campaign: string | null;

  /** When it last entered review; the queue is oldest first by it. */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
