import { EntityManager } from 'typeorm';
import { COUNTER_KEYS, Counters } from './metric-counters';

/** One row of sums to add to a rollup: its key columns (in the table's key order) and deltas. */
export interface RollupDelta {
  keys: string[];
  counters: Counters;
}

export interface RollupTable {
  name: 'publication_daily_metrics' | 'channel_daily_metrics';
  /** The conflict target, first; then the other identifying columns. */
  keys: { column: string; type: 'uuid' | 'date' }[];
  conflict: string[];
}

export const PUBLICATION_DAILY: RollupTable = {
  name: 'publication_daily_metrics',
  keys: [
    { column: 'publication_id', type: 'uuid' },
    { column: 'day', type: 'date' },
    { column: 'organization_id', type: 'uuid' },
    { column: 'channel_id', type: 'uuid' },
  ],
  conflict: ['publication_id', 'day'],
};

export const CHANNEL_DAILY: RollupTable = {
  name: 'channel_daily_metrics',
  keys: [
    { column: 'channel_id', type: 'uuid' },
    { column: 'day', type: 'date' },
    { column: 'organization_id', type: 'uuid' },
  ],
  conflict: ['channel_id', 'day'],
};

/**
 * Adds each row's deltas to its day's sums (`INSERT … ON CONFLICT DO UPDATE SET x = x + delta`),
 * in one statement whatever the number of rows: rollups are never recomputed from snapshots.
 */
export async function addToRollup(
  manager: EntityManager,
  table: RollupTable,
  rows: RollupDelta[],
): Promise<void> {
  if (rows.length === 0) return;
  const keyColumns = table.keys.map((k) => k.column);
  const columns = [...keyColumns, ...COUNTER_KEYS];
  const types = [...table.keys.map((k) => `${k.type}[]`), ...COUNTER_KEYS.map(() => 'bigint[]')];
  const params = [
    ...table.keys.map((_, i) => rows.map((r) => r.keys[i])),
    ...COUNTER_KEYS.map((k) => rows.map((r) => r.counters[k])),
  ];
  const unnest = types.map((t, i) => `$${i + 1}::${t}`).join(', ');
  const sums = COUNTER_KEYS.map((k) => `${k} = t.${k} + excluded.${k}`).join(', ');
  await manager.query(
    `INSERT INTO ${table.name} AS t (${columns.join(', ')})
     SELECT * FROM unnest(${unnest})
     ON CONFLICT (${table.conflict.join(', ')}) DO UPDATE SET ${sums}`,
    params,
  );
}

/** Sums rows that share their key (one channel-day gets one row per statement). */
export function mergeByKey(rows: RollupDelta[]): RollupDelta[] {
  const merged = new Map<string, RollupDelta>();
  for (const row of rows) {
    const key = row.keys.join('|');
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { keys: row.keys, counters: { ...row.counters } });
      continue;
    }
    for (const k of COUNTER_KEYS) existing.counters[k] += row.counters[k];
  }
  return [...merged.values()];
}
