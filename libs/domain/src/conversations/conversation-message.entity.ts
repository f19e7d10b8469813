import { Column, Entity, Index } from 'typeorm';
import type { ChannelPlatform } from '../channels/channel.entity';
import { TenantEntity } from '../common/tenant-entity';
import type { FeedbackCategory } from '../feedback/feedback-category';

/** `new` waits for a response; a reply sent, a dismissal or a close is one. */
export const MESSAGE_STATUSES = ['new', 'replied', 'closed', 'dismissed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** A mention or reply on X, or a comment on a YouTube video, in the organization's inbox. */
@Entity('conversation_messages')
@Index(['channelId', 'externalId'], { unique: true })
@Index(['organizationId', 'status', 'receivedAt'])
@Index(['organizationId', 'receivedAt'])
@Index(['organizationId', 'category', 'receivedAt'])
@Index(['organizationId', 'assigneeId'])
@Index(['status', 'receivedAt'], { where: `"escalated_at" IS NULL AND "status" = 'new'` })
export class ConversationMessageEntity extends TenantEntity {
  @Column('uuid')
  channelId: string;

  @Column('text')
  platform: ChannelPlatform;

  /** The tweet or comment id. */
  @Column('text')
  externalId: string;

  /** The tweet or video it answers. */
  @Column('text')
  inReplyToExternalId: string;

  /** Our publication it answers, when it answers one. */
  @Column({ type: 'uuid', nullable: true })
  inReplyToPublicationId: string | null;

  @Column('text')
  authorHandle: string;

  @Column('text')
  authorName: string;

  @Column('text')
  text: string;

  /** When the platform says it was written. */
  @Column('timestamptz')
  receivedAt: Date;

  @Column('text', { default: 'new' })
  status: MessageStatus;

  /** What the message is about, set when it is pulled; null for messages pulled before issue 14. */
  @Column('text', { nullable: true })
  category: FeedbackCategory | null;

  /** The words in the text that decided `category`. */
  @Column('text', { array: true, default: () => "'{}'" })
  categoryReasons: string[];

  /** Who is handling it: assigned by an owner or an admin, or taken by its owner. */
  @Column('uuid', { nullable: true })
  assigneeId: string | null;

  /** The first response: a reply sent, or the message closed or dismissed (set once). */
  @Column({ type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  /** When it was escalated to the admins for waiting past its category's response target. */
  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;
}
