import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CounterColumns } from './counter-columns';

/** What one publication gained on one day (organization time zone), from its snapshots' deltas. */
@Entity('publication_daily_metrics')
export class PublicationDailyMetricsEntity extends CounterColumns {
  @PrimaryColumn('uuid')
  publicationId: string;

  @PrimaryColumn('date')
  day: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  channelId: string;
}
