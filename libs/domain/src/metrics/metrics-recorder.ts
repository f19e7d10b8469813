import { EntityManager } from 'typeorm';
import { nextCollectionAt } from './collection-schedule';
import { COUNTER_KEYS, ENGAGEMENTS_SQL, REACH_SQL } from './metric-counters';
import type { PublicationReadings } from './thread-readings';

/** A publication a batch job read, as it stood before the platform call. */
export interface DuePublication {
  publicationId: string;
  externalId: string;
  publishedAt: Date;
}

export interface RecordedBatch {
  collected: number;
  /** Publications the platform no longer returns; their collection stops. */
  gone: number;
}

const list = (render: (k: string) => string, separator = ', ') =>
  COUNTER_KEYS.map(render).join(separator);
const anyNonZero = (prefix: string) => `(${list((k) => `${prefix}${k} <> 0`, ' OR ')})`;
const addExcluded = list((k) => `${k} = t.${k} + excluded.${k}`);

/**
 * In one statement (one round trip, atomic): locks the batch's publications that are still due,
 * stores a snapshot of each reading, adds each delta against the previous reading to the
 * publication's and the channel's day (organization time zone) with INSERT … ON CONFLICT DO
 * UPDATE, and moves the baseline and the next reading time on. A publication another job
 * recorded meanwhile is no longer due, and is left alone.
 */
const RECORD_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS u(publication_id uuid, read boolean,
    next_at timestamptz, tweets jsonb, ${list((k) => `${k} bigint`)})
), locked AS (
  SELECT m.* FROM publication_metrics m JOIN input u ON u.publication_id = m.publication_id
  WHERE m.organization_id = $2 AND m.next_metrics_at <= $3
  ORDER BY m.publication_id
  FOR UPDATE OF m
), deltas AS (
  SELECT l.publication_id, l.organization_id, l.channel_id,
         ($3::timestamptz AT TIME ZONE o.time_zone)::date AS day,
         ${list((k) => `coalesce(u.${k}, 0) - l.${k} AS ${k}`)}
  FROM locked l JOIN input u USING (publication_id) JOIN organizations o ON o.id = l.organization_id
  WHERE u.read
), snapshots AS (
  INSERT INTO metric_snapshots (publication_id, collected_at, organization_id, channel_id, ${list((k) => k)})
  SELECT l.publication_id, $3, l.organization_id, l.channel_id, ${list((k) => `u.${k}`)}
  FROM locked l JOIN input u USING (publication_id) WHERE u.read
), publication_days AS (
  INSERT INTO publication_daily_metrics AS t (publication_id, day, organization_id, channel_id, ${list((k) => k)})
  SELECT publication_id, day, organization_id, channel_id, ${list((k) => k)} FROM deltas
  WHERE ${anyNonZero('')}
  ON CONFLICT (publication_id, day) DO UPDATE SET ${addExcluded}
), channel_days AS (
  INSERT INTO channel_daily_metrics AS t (channel_id, day, organization_id, ${list((k) => k)})
  SELECT channel_id, day, organization_id, ${list((k) => `sum(${k})`)} FROM deltas
  WHERE ${anyNonZero('')}
  GROUP BY channel_id, day, organization_id
  ON CONFLICT (channel_id, day) DO UPDATE SET ${addExcluded}
), baselines AS (
  SELECT u.publication_id, u.read, u.next_at, u.tweets, ${list((k) => `CASE WHEN u.read THEN coalesce(u.${k}, 0) ELSE l.${k} END AS ${k}`)}
  FROM locked l JOIN input u USING (publication_id)
)
UPDATE publication_metrics m SET ${list((k) => `${k} = b.${k}`)},
  engagements = ${ENGAGEMENTS_SQL('b')}, reach = ${REACH_SQL('b')},
  tweet_metrics = CASE WHEN b.read THEN b.tweets ELSE m.tweet_metrics END,
  next_metrics_at = CASE WHEN b.read THEN b.next_at END,
  gone_at = CASE WHEN b.read THEN NULL ELSE $3::timestamptz END,
  lease_until = NULL, last_collected_at = $3
FROM baselines b
WHERE m.publication_id = b.publication_id
RETURNING b.read`;

/** Records the readings a batch job took at `collectedAt` for its due publications. */
export async function recordReadings(
  manager: EntityManager,
  input: {
    organizationId: string;
    due: DuePublication[];
    readings: PublicationReadings;
    collectedAt: Date;
  },
): Promise<RecordedBatch> {
  const rows = input.due.map((p) => {
    const reading = input.readings.counters.get(p.externalId);
    return {
      publication_id: p.publicationId,
      read: reading !== undefined,
      tweets: input.readings.tweets.get(p.publicationId) ?? null,
      next_at: nextCollectionAt(p.publishedAt, input.collectedAt),
      ...Object.fromEntries(COUNTER_KEYS.map((k) => [k, reading?.[k] ?? null])),
    };
  });
  const [updated]: [{ read: boolean }[], number] = await manager.query(RECORD_SQL, [
    JSON.stringify(rows),
    input.organizationId,
    input.collectedAt,
  ]);
  const collected = updated.filter((r) => r.read).length;
  return { collected, gone: updated.length - collected };
}
