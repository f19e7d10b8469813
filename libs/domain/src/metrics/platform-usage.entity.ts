import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from './counter-columns';

/**
 * Platform calls made for metrics and conversations per quota day: YouTube quota units (the
 * Pacific day Google counts in) and X read requests (UTC day).
 */
@Entity('platform_usage')
export class PlatformUsageEntity {
  @PrimaryColumn('date')
  day: string;

  @PrimaryColumn('text')
  platform: string;

  /** e.g. `videos.list`, `tweets.lookup`. */
  @PrimaryColumn('text')
  operation: string;

  @Column('bigint', { default: 0, transformer: bigintNumber })
  requests: number;

  /** YouTube quota units; for X equal to requests. */
  @Column('bigint', { default: 0, transformer: bigintNumber })
  units: number;
}
