import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from './counter-columns';

const Reported = () => Column('bigint', { nullable: true, transformer: bigintNumber });

/**
 * One reading of a publication's counters as the platform reported them (null: the platform has
 * no such counter). The time series behind the rollups; reports never read it.
 */
@Entity('metric_snapshots')
export class MetricSnapshotEntity {
  /** With collectedAt the primary key, which is the (publication_id, collected_at) index. */
  @PrimaryColumn('uuid')
  publicationId: string;

  @PrimaryColumn('timestamptz')
  collectedAt: Date;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  channelId: string;

  @Reported() impressions: number | null;
  @Reported() views: number | null;
  @Reported() likes: number | null;
  @Reported() reposts: number | null;
  @Reported() replies: number | null;
  @Reported() quotes: number | null;
  @Reported() bookmarks: number | null;
  @Reported() comments: number | null;
}
