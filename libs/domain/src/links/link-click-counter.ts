import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { REDIS, type RedisClient } from '@rounds/queue';
import type { LinkVisit } from './link-visitors';

/** One link's visits of one kind on one day, as the flush reads them back. */
export interface VisitCount {
  linkId: string;
  day: string;
  visit: LinkVisit;
  count: number;
}

const BATCH_FIELD = '_batch';

// Takes the pending counts for a flush: the batch left by a flush that did not finish if there
// is one (so it is added, or found added, before anything newer), else the pending hash renamed
// under a new batch id. Both keys share a hash tag: one Redis Cluster slot.
const TAKE = `
if redis.call('EXISTS', KEYS[2]) == 0 then
  if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('HSET', KEYS[2], '${BATCH_FIELD}', ARGV[1])
end
return redis.call('HGETALL', KEYS[2])`;

// Deletes the batch once added, unless another flush already replaced it with a newer one.
const RELEASE = `
if redis.call('HGET', KEYS[1], '${BATCH_FIELD}') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const FIELD = { click: 'c', preview: 'p' } as const;

/**
 * Visits counted in Redis (one HINCRBY each, never a database write on the redirect's path) and
 * handed to the flush in batches. Redis keys carry QUEUE_PREFIX, like the queues.
 */
@Injectable()
export class LinkClickCounter {
  private readonly log = new Logger(LinkClickCounter.name);
  private readonly pending: string;
  private readonly flushing: string;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    config: AppConfig,
  ) {
    this.pending = `${config.QUEUE_PREFIX}:{link-clicks}:pending`;
    this.flushing = `${config.QUEUE_PREFIX}:{link-clicks}:flushing`;
  }

  /** Counts a visit without waiting for Redis: the visitor is already on the way. */
  count(linkId: string, day: string, visit: LinkVisit): void {
    this.redis
      .hincrby(this.pending, `${linkId}|${day}|${FIELD[visit]}`, 1)
      .catch((error: Error) =>
        this.log.warn({ err: error.message }, 'a link visit was not counted'),
      );
  }

  /** The batch to add (with its id), or null when nothing was counted since the last flush. */
  async take(batchId: string): Promise<{ batchId: string; counts: VisitCount[] } | null> {
    const flat = (await this.redis.eval(TAKE, 2, this.pending, this.flushing, batchId)) as string[];
    if (flat.length === 0) return null;
    const counts: VisitCount[] = [];
    let taken = batchId;
    for (let i = 0; i < flat.length; i += 2) {
      const [field, value] = [flat[i], flat[i + 1]];
      if (field === BATCH_FIELD) {
        taken = value;
        continue;
      }
      const [linkId, day, kind] = field.split('|');
      counts.push({
        linkId,
        day,
        visit: kind === FIELD.click ? 'click' : 'preview',
        count: +value,
      });
    }
    return { batchId: taken, counts };
  }

  /** Drops a batch the database now holds. */
  async release(batchId: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.flushing, batchId);
  }
}
