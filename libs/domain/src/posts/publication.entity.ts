import { Column, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { ChannelEntity, ChannelPlatform } from '../channels/channel.entity';
import { TenantEntity } from '../common/tenant-entity';
import { PostEntity } from './post.entity';
import { PUBLICATION_STATUSES, PublicationStatus } from '../lifecycle/statuses';

/** A post on one channel, created when its approval policy is met; the worker publishes it. */
@Entity('publications')
@Index(['postId', 'channelId'], { unique: true, where: `status <> 'cancelled'` })
@Index(['status', 'postId'])
@Index(['postId'])
@Index(['heartbeatAt'], { where: `status = 'publishing'` })
export class PublicationEntity extends TenantEntity {
  @Column('uuid')
  postId: string;

  @ManyToOne(() => PostEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity;

  @Column('uuid')
  channelId: string;

  @ManyToOne(() => ChannelEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'channel_id' })
  channel?: ChannelEntity;

  @Column('text')
  platform: ChannelPlatform;

  /** Written only by Lifecycle.move (lifecycle/lifecycle.service.ts). */
  @Column({ type: 'enum', enum: PUBLICATION_STATUSES, enumName: 'publication_status' })
  status: PublicationStatus;

  /** The approved revision and its hash; the worker re-checks both before calling the platform. */
  @Column('uuid')
  approvedRevisionId: string;

  @Column('char', { length: 64 })
  approvedContentHash: string;

  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column('int', { default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** The worker holding the `publishing` claim, and when it last said it was alive (heartbeat). */
  @Column({ type: 'text', nullable: true })
  claimedBy: string | null;

  /**
   * `publishing`: the holder's last heartbeat. `in_doubt`: when nothing sent under the last claim
   * can still land on the platform, so that a lookup finding nothing proves absence.
   */
  @Column({ type: 'timestamptz', nullable: true })
  heartbeatAt: Date | null;

  /**
   * When the claim's holder announced its create call (written, fenced by the claim, before the
   * call is made); null while no call was made under the current claim.
   */
  @Column({ type: 'timestamptz', nullable: true })
  sendingAt: Date | null;

  /**
   * An X thread's tweets that went out, in order: each id is kept before the next tweet is sent,
   * so a thread cut short resumes after its last kept tweet. Empty for a single tweet.
   */
  @Column('jsonb', { default: () => "'[]'" })
  threadTweetIds: string[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
