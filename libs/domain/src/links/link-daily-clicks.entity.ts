import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What one tracked link received on one day (organization time zone): flushed from Redis. */
@Entity('link_daily_clicks')
@Index(['organizationId', 'day'])
export class LinkDailyClicksEntity {
  @PrimaryColumn('uuid')
  linkId: string;

  @PrimaryColumn('date')
  day: string;

  @Column('uuid')
  organizationId: string;

  /** Visits by people. */
  @Column('int', { default: 0 })
  clicks: number;

  /** Visits by link-preview fetchers, crawlers and scripts: kept apart, never counted as clicks. */
  @Column('int', { default: 0 })
  previews: number;
}
