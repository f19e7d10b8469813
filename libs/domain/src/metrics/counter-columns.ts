import { Column, ValueTransformer } from 'typeorm';

/** bigint comes back from pg as a string; counters stay far below 2^53. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A summed counter: never null, 0 until something is added. */
export const SumColumn = () => Column('bigint', { default: 0, transformer: bigintNumber });

/**
 * Counter columns shared by the rollups and the running totals; a class extending it gets all
 * eight, each summing the deltas of its snapshots.
 */
export abstract class CounterColumns {
  @SumColumn() impressions: number;
  @SumColumn() views: number;
  @SumColumn() likes: number;
  @SumColumn() reposts: number;
  @SumColumn() replies: number;
  @SumColumn() quotes: number;
  @SumColumn() bookmarks: number;
  @SumColumn() comments: number;
}
