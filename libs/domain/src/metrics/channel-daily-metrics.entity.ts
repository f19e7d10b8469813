import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CounterColumns } from './counter-columns';

/** A channel's day (organization time zone): what its posts gained and how many went out. */
@Entity('channel_daily_metrics')
@Index(['organizationId', 'day'])
export class ChannelDailyMetricsEntity extends CounterColumns {
  @PrimaryColumn('uuid')
  channelId: string;

  @PrimaryColumn('date')
  day: string;

  @Column('uuid')
  organizationId: string;

  @Column('int', { default: 0 })
  postsPublished: number;
}
