import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A channel's followers (X) or subscribers (YouTube) as read once on a day (organization time zone). */
@Entity('channel_audiences')
@Index(['organizationId', 'day'])
export class ChannelAudienceEntity {
  @PrimaryColumn('uuid')
  channelId: string;

  @PrimaryColumn('date')
  day: string;

  @Column('uuid')
  organizationId: string;

  @Column('int')
  followers: number;

  @Column('timestamptz')
  collectedAt: Date;
}
