import { DateTime } from 'luxon';
import { EntityManager, In, LessThanOrEqual } from 'typeorm';
import type { MetricCounters } from '@rounds/platforms';
import { nextCollectionAt } from './collection-schedule';
import {
  COUNTER_KEYS,
  Counters,
  delta,
  engagementsOf,
  fromPlatform,
  isZero,
  reachOf,
} from './metric-counters';
import { PublicationMetricsEntity } from './publication-metrics.entity';
import { addToRollup, CHANNEL_DAILY, mergeByKey, PUBLICATION_DAILY } from './rollup-writer';

export interface RecordedBatch {
  collected: number;
  /** Publications the platform no longer returns; their collection stops. */
  gone: number;
}

const countersOf = (row: PublicationMetricsEntity): Counters =>
  Object.fromEntries(COUNTER_KEYS.map((k) => [k, row[k]])) as Counters;

/**
 * Stores one batch of readings taken at `collectedAt`: a snapshot each, its delta against the
 * previous reading added to the publication's and the channel's day, the new baseline and the
 * next reading time. Rows no longer due (another job got there first) are left alone.
 */
export async function recordReadings(
  tx: EntityManager,
  input: {
    organizationId: string;
    publicationIds: string[];
    readings: Map<string, MetricCounters>;
    collectedAt: Date;
    timeZone: string;
  },
): Promise<RecordedBatch> {
  const { organizationId, readings, collectedAt } = input;
  const rows = await tx.find(PublicationMetricsEntity, {
    where: {
      organizationId,
      publicationId: In(input.publicationIds),
      nextMetricsAt: LessThanOrEqual(collectedAt),
    },
    order: { publicationId: 'ASC' },
    lock: { mode: 'pessimistic_write' },
  });
  const day = DateTime.fromJSDate(collectedAt, { zone: input.timeZone }).toISODate()!;
  const read = rows.filter((r) => readings.has(r.externalId));
  const gone = rows.filter((r) => !readings.has(r.externalId));
  const current = new Map(
    read.map((r) => [r.publicationId, fromPlatform(readings.get(r.externalId)!)]),
  );
  const deltas = read
    .map((r) => ({ row: r, counters: delta(current.get(r.publicationId)!, countersOf(r)) }))
    .filter((d) => !isZero(d.counters));

  await insertSnapshots(
    tx,
    collectedAt,
    read.map((r) => ({ row: r, reading: readings.get(r.externalId)! })),
  );
  await addToRollup(
    tx,
    PUBLICATION_DAILY,
    deltas.map((d) => ({
      keys: [d.row.publicationId, day, organizationId, d.row.channelId],
      counters: d.counters,
    })),
  );
  await addToRollup(
    tx,
    CHANNEL_DAILY,
    mergeByKey(
      deltas.map((d) => ({ keys: [d.row.channelId, day, organizationId], counters: d.counters })),
    ),
  );
  await updateBaselines(tx, collectedAt, [
    ...read.map((r) => ({ row: r, counters: current.get(r.publicationId)!, gone: false })),
    ...gone.map((r) => ({ row: r, counters: countersOf(r), gone: true })),
  ]);
  return { collected: read.length, gone: gone.length };
}

async function insertSnapshots(
  tx: EntityManager,
  collectedAt: Date,
  items: { row: PublicationMetricsEntity; reading: MetricCounters }[],
): Promise<void> {
  if (items.length === 0) return;
  const counters = COUNTER_KEYS.map((k) => items.map((i) => i.reading[k] ?? null));
  await tx.query(
    `INSERT INTO metric_snapshots (collected_at, publication_id, organization_id, channel_id,
       ${COUNTER_KEYS.join(', ')})
     SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[],
       ${COUNTER_KEYS.map((_, i) => `$${i + 5}::bigint[]`).join(', ')})`,
    [
      collectedAt,
      items.map((i) => i.row.publicationId),
      items.map((i) => i.row.organizationId),
      items.map((i) => i.row.channelId),
      ...counters,
    ],
  );
}

async function updateBaselines(
  tx: EntityManager,
  collectedAt: Date,
  items: { row: PublicationMetricsEntity; counters: Counters; gone: boolean }[],
): Promise<void> {
  if (items.length === 0) return;
  const n = COUNTER_KEYS.length;
  await tx.query(
    `UPDATE publication_metrics m SET
       ${COUNTER_KEYS.map((k) => `${k} = u.${k}`).join(', ')},
       engagements = u.engagements, reach = u.reach,
       next_metrics_at = u.next_metrics_at, gone_at = u.gone_at,
       lease_until = NULL, last_collected_at = $1
     FROM unnest($2::uuid[], ${COUNTER_KEYS.map((_, i) => `$${i + 3}::bigint[]`).join(', ')},
                 $${n + 3}::bigint[], $${n + 4}::bigint[], $${n + 5}::timestamptz[], $${n + 6}::timestamptz[])
       AS u(publication_id, ${COUNTER_KEYS.join(', ')}, engagements, reach, next_metrics_at, gone_at)
     WHERE m.publication_id = u.publication_id`,
    [
      collectedAt,
      items.map((i) => i.row.publicationId),
      ...COUNTER_KEYS.map((k) => items.map((i) => i.counters[k])),
      items.map((i) => engagementsOf(i.counters)),
      items.map((i) => reachOf(i.counters)),
      items.map((i) => (i.gone ? null : nextCollectionAt(i.row.publishedAt, collectedAt))),
      items.map((i) => (i.gone ? collectedAt : null)),
    ],
  );
}
