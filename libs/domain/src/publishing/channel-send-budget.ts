import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '@rounds/config';
import { REDIS, type RedisClient } from '@rounds/queue';
import type { ChannelEntity } from '../channels/channel.entity';

const WINDOW_MS = 15 * 60_000;

// A sliding log per channel: drop sends older than the window, then take a place if one is free;
// otherwise answer when the oldest send leaves the window. Atomic across every worker replica.
const TAKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 0
end
return tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2]) + tonumber(ARGV[2])`;
const TAKE_SHA = createHash('sha1').update(TAKE).digest('hex');

export type SendSlot = { granted: true } | { granted: false; until: Date };

/**
 * Keeps each X account under its per-user posting limit, so one busy account waits for its own
 * window while the others go at full speed (a 429 then only comes from a limit we did not know).
 * YouTube channels are bounded by the Google project's daily quota instead.
 */
@Injectable()
export class ChannelSendBudget {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly config: AppConfig,
  ) {}

  /** One send for `publicationId` on the channel now, or when the channel may send again. */
  async take(
    channel: Pick<ChannelEntity, 'id' | 'platform'>,
    publicationId: string,
    now = Date.now(),
  ): Promise<SendSlot> {
    if (channel.platform !== 'x') return { granted: true };
    const key = `${this.config.QUEUE_PREFIX}:channel-sends:${channel.id}`;
    const member = `${publicationId}:${now}`;
    const limit = this.config.X_POSTS_PER_15_MIN;
    const args = [key, now, WINDOW_MS, limit, member] as const;
    // By its hash, as Redis keeps it; sent whole only when Redis lost it (a restart, a flush).
    const freeAt = Number(
      await this.redis.evalsha(TAKE_SHA, 1, ...args).catch((error: Error) => {
        if (!error.message.startsWith('NOSCRIPT')) throw error;
        return this.redis.eval(TAKE, 1, ...args);
      }),
    );
    return freeAt === 0 ? { granted: true } : { granted: false, until: new Date(freeAt) };
  }
}
