import { Column, Entity, Index, UpdateDateColumn } from 'typeorm';
import type { ChannelPlatform } from '../channels/channel.entity';
import { TenantEntity } from '../common/tenant-entity';
import type { ReplyStatus } from '../lifecycle/statuses';
import type { ReplyFinding } from './reply-finding';

/**
 * A reply to one inbox message: drafted, scanned, approved by compliance (or taken from a
 * pre-approved template), then sent once by the worker.
 */
@Entity('conversation_replies')
@Index(['organizationId', 'status'])
@Index(['messageId'])
export class ConversationReplyEntity extends TenantEntity {
  @Column('uuid')
  messageId: string;

  @Column('uuid')
  channelId: string;

  @Column('text')
  platform: ChannelPlatform;

  @Column('text')
  text: string;

  /** Set when the reply is a pre-approved template, sent without a review. */
  @Column({ type: 'uuid', nullable: true })
  templateId: string | null;

  @Column('uuid')
  authorId: string;

  /** Written only by Lifecycle.move (lifecycle/lifecycle.service.ts). */
  @Column('text')
  status: ReplyStatus;

  @Column('jsonb', { default: () => "'[]'" })
  findings: ReplyFinding[];

  /** Distinct approvers the organization's policy asks for (at drafting time). */
  @Column('int')
  requiredApprovals: number;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
