import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { loadConfig } from '@rounds/config';
import { ChannelSendBudget } from '@rounds/domain';
import { TEST_REDIS_URL, testEnvironment } from '../support/test-env';

const MINUTE = 60_000;

describe("each X account's posting limit, kept by the worker", () => {
  const redis = new IORedis(TEST_REDIS_URL);
  const config = loadConfig({ ...testEnvironment('unused'), X_POSTS_PER_15_MIN: '3' });
  const budget = new ChannelSendBudget(redis, config);
  const x = () => ({ id: randomUUID(), platform: 'x' as const });

  afterAll(async () => {
    const keys = await redis.keys(`${config.QUEUE_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('lets an account send its limit in 15 minutes, then says when it may send again', async () => {
    const busy = x();
    const start = Date.parse('2030-01-01T09:00:00Z');
    for (const [i, at] of [start, start + MINUTE, start + 2 * MINUTE].entries()) {
      await expect(budget.take(busy, `p${i}`, at)).resolves.toEqual({ granted: true });
    }
    await expect(budget.take(busy, 'p3', start + 3 * MINUTE)).resolves.toEqual({
      granted: false,
      until: new Date(start + 15 * MINUTE),
    });
    // Another account goes at full speed meanwhile; YouTube is bounded by the quota instead.
    await expect(budget.take(x(), 'p4', start + 3 * MINUTE)).resolves.toEqual({ granted: true });
    const youtube = { id: busy.id, platform: 'youtube' as const };
    await expect(budget.take(youtube, 'p5', start + 3 * MINUTE)).resolves.toEqual({
      granted: true,
    });
    // The first send leaves the window: one place, and only one, is free again.
    await expect(budget.take(busy, 'p3', start + 15 * MINUTE)).resolves.toEqual({ granted: true });
    await expect(budget.take(busy, 'p6', start + 15 * MINUTE + 1)).resolves.toEqual({
      granted: false,
      until: new Date(start + 16 * MINUTE),
    });
  });
});
