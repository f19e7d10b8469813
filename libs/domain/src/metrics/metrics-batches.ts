import type { MetricsBatch } from './metrics-collector.service';
import { METRICS_BATCH_SIZE } from './metrics-platforms';
import type { ClaimedPublication } from './metrics-sweep.store';

/** Claimed publications per channel, in batches of the platform's request size. */
export function toBatches(claimed: ClaimedPublication[]): MetricsBatch[] {
  const byChannel = new Map<string, ClaimedPublication[]>();
  for (const row of claimed)
    byChannel.set(row.channelId, [...(byChannel.get(row.channelId) ?? []), row]);
  const batches: MetricsBatch[] = [];
  for (const [channelId, rows] of byChannel) {
    const size = METRICS_BATCH_SIZE[rows[0].platform];
    const ids = rows.map((r) => r.publicationId).sort();
    for (let i = 0; i < ids.length; i += size) {
      batches.push({
        organizationId: rows[0].organizationId,
        channelId,
        publicationIds: ids.slice(i, i + size),
      });
    }
  }
  return batches;
}
