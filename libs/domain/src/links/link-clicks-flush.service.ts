import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LinkClickCounter, VisitCount } from './link-click-counter';
import { LinkClickFlushEntity } from './link-click-flush.entity';

/** A batch id is kept this long: far longer than a batch can wait in Redis between flushes. */
const FLUSH_MEMORY = '2 days';

/** Moves the visits counted in Redis into `link_daily_clicks`, each batch exactly once. */
@Injectable()
export class LinkClicksFlush {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly counter: LinkClickCounter,
  ) {}

  /** Adds what Redis counted since the last flush; returns the visits added (0 if none). */
  async flush(): Promise<number> {
    const batch = await this.counter.take(randomUUID());
    if (!batch) return 0;
    const added = await this.dataSource.transaction(async (tx) => {
      const fresh = await tx
        .createQueryBuilder()
        .insert()
        .into(LinkClickFlushEntity)
        .values({ id: batch.batchId })
        .orIgnore()
        .execute();
      if ((fresh.raw as unknown[]).length === 0) return 0; // added by an earlier try
      await addCounts(tx.query.bind(tx), batch.counts);
      await tx.query(
        `DELETE FROM link_click_flushes WHERE applied_at < now() - interval '${FLUSH_MEMORY}'`,
      );
      return batch.counts.reduce((sum, c) => sum + c.count, 0);
    });
    await this.counter.release(batch.batchId);
    return added;
  }
}

/** One statement: every link-day of the batch added to its row (links since deleted are dropped). */
function addCounts(
  query: (sql: string, params: unknown[]) => Promise<unknown>,
  counts: VisitCount[],
) {
  const of = (visit: VisitCount['visit']) => counts.map((c) => (c.visit === visit ? c.count : 0));
  return query(
    `INSERT INTO link_daily_clicks (link_id, day, organization_id, clicks, previews)
     SELECT v.link_id, v.day, l.organization_id, sum(v.clicks), sum(v.previews)
       FROM unnest($1::uuid[], $2::date[], $3::int[], $4::int[]) AS v(link_id, day, clicks, previews)
       JOIN tracked_links l ON l.id = v.link_id
      GROUP BY v.link_id, v.day, l.organization_id
     ON CONFLICT (link_id, day) DO UPDATE
       SET clicks = link_daily_clicks.clicks + EXCLUDED.clicks,
           previews = link_daily_clicks.previews + EXCLUDED.previews`,
    [counts.map((c) => c.linkId), counts.map((c) => c.day), of('click'), of('preview')],
  );
}
