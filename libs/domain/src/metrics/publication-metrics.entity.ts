import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ChannelPlatform } from '../channels/channel.entity';
import { CounterColumns, SumColumn } from './counter-columns';
import type { TweetReading } from './thread-readings';

/**
 * A published publication as metrics sees it: when it is next read (the decaying schedule), a
 * lease while a batch job holds it, and its counters to date, which are also the baseline the
 * next snapshot's delta is taken against. Filled from publications by the metrics sweep.
 */
@Entity('publication_metrics')
// Claims walk it in order; channel second keeps a channel's posts together in one batch.
@Index(['nextMetricsAt', 'channelId'], { where: 'next_metrics_at IS NOT NULL' })
@Index(['organizationId', 'publishedAt'])
@Index(['organizationId', 'engagements'])
@Index(['channelId', 'externalId'])
export class PublicationMetricsEntity extends CounterColumns {
  @PrimaryColumn('uuid')
  publicationId: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  postId: string;

  @Column('uuid')
  channelId: string;

  @Column('text')
  platform: ChannelPlatform;

  /** The tweet or video id. */
  @Column('text')
  externalId: string;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  /** An X thread's tweets in order (the first is `externalId`); empty for one tweet or a video. */
  @Column('jsonb', { default: () => "'[]'" })
  threadTweetIds: string[];

  /** An X thread: each tweet's counters as last read (the counters below are their sum). */
  @Column('jsonb', { nullable: true })
  tweetMetrics: TweetReading[] | null;

  /** The start of the text (X) or the title (YouTube), for top-post lists. */
  @Column('text')
  preview: string;

  @Column('timestamptz')
  publishedAt: Date;

  /** Null once collection is over (day 90) or the post is gone from the platform. */
  @Column({ type: 'timestamptz', nullable: true })
  nextMetricsAt: Date | null;

  /** Until when a batch job holds it; the sweep skips it until then. */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastCollectedAt: Date | null;

  /** Set when the platform no longer returns it (deleted or made private). */
  @Column({ type: 'timestamptz', nullable: true })
  goneAt: Date | null;

  /** Kept with the counters so top posts sort on an index. */
  @SumColumn() engagements: number;
  @SumColumn() reach: number;
}
