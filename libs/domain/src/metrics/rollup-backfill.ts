import { EntityManager } from 'typeorm';
import { COUNTER_KEYS, ENGAGEMENTS_SQL, REACH_SQL } from './metric-counters';

const counters = COUNTER_KEYS.join(', ');
const sums = COUNTER_KEYS.map((k) => `sum(${k})`).join(', ');

/**
 * Rebuilds an organization's rollups and running totals from its raw snapshots, in the
 * organization's time zone. A one-off repair and benchmark path: collection maintains them
 * incrementally, and this must produce exactly what it did.
 */
export async function rebuildRollups(
  manager: EntityManager,
  organizationId: string,
): Promise<void> {
  const [{ time_zone: timeZone }]: { time_zone: string }[] = await manager.query(
    'SELECT time_zone FROM organizations WHERE id = $1',
    [organizationId],
  );
  await manager.query('DELETE FROM publication_daily_metrics WHERE organization_id = $1', [
    organizationId,
  ]);
  await manager.query('DELETE FROM channel_daily_metrics WHERE organization_id = $1', [
    organizationId,
  ]);
  const deltas = COUNTER_KEYS.map(
    (k) => `coalesce(${k}, 0) - coalesce(lag(${k}) OVER w, 0) AS ${k}`,
  ).join(', ');
  const nonZero = COUNTER_KEYS.map((k) => `sum(${k}) <> 0`).join(' OR ');
  await manager.query(
    `INSERT INTO publication_daily_metrics (publication_id, day, organization_id, channel_id, ${counters})
     SELECT publication_id, day, organization_id, channel_id, ${sums}
     FROM (SELECT publication_id, organization_id, channel_id,
                  (collected_at AT TIME ZONE $2)::date AS day, ${deltas}
           FROM metric_snapshots WHERE organization_id = $1
           WINDOW w AS (PARTITION BY publication_id ORDER BY collected_at)) d
     GROUP BY publication_id, day, organization_id, channel_id
     HAVING ${nonZero}`,
    [organizationId, timeZone],
  );
  await manager.query(
    `UPDATE publication_metrics m SET ${COUNTER_KEYS.map((k) => `${k} = coalesce(s.${k}, 0)`).join(', ')},
       engagements = ${ENGAGEMENTS_SQL('c')}, reach = ${REACH_SQL('c')}, last_collected_at = s.collected_at
     FROM (SELECT DISTINCT ON (publication_id) * FROM metric_snapshots WHERE organization_id = $1
           ORDER BY publication_id, collected_at DESC) s
     CROSS JOIN LATERAL (SELECT ${COUNTER_KEYS.map((k) => `coalesce(s.${k}, 0) AS ${k}`).join(', ')}) c
     WHERE m.publication_id = s.publication_id`,
    [organizationId],
  );
  await manager.query(
    `INSERT INTO channel_daily_metrics (channel_id, day, organization_id, posts_published, ${counters})
     SELECT channel_id, day, $1, sum(posts)::int, ${sums}
     FROM (SELECT channel_id, day, 0 AS posts, ${counters}
           FROM publication_daily_metrics WHERE organization_id = $1
           UNION ALL
           SELECT channel_id, (published_at AT TIME ZONE $2)::date, 1, ${COUNTER_KEYS.map(() => '0').join(', ')}
           FROM publication_metrics WHERE organization_id = $1) u
     GROUP BY channel_id, day`,
    [organizationId, timeZone],
  );
}
