import {
  BURST_POSTS,
  burstThrough,
  expectPublishedOnce,
  publishingStack,
  Team,
} from '../factories/publishing.factory';
import { expectAuditChainsIntact } from '../support/audit-chains';
import {
  PrivateFailoverRedis,
  startPrivateRedisCluster,
  startPrivateRedisSentinel,
} from '../support/private-services';
import type { Stack } from '../support/processes';

describe.each([
  ['a Redis Cluster (three masters, three replicas)', startPrivateRedisCluster],
  ['Redis Sentinel (a master, its replica, a Sentinel)', startPrivateRedisSentinel],
])('on %s', (_, startRedis) => {
  let redis: PrivateFailoverRedis;
  let stack: Stack;
  let t: Team;

  beforeAll(async () => {
    redis = await startRedis();
    ({ stack, t } = await publishingStack({ redisUrl: redis.url }));
  }, 300_000);
  afterAll(() => expectAuditChainsIntact(stack));
  afterAll(async () => {
    await stack?.stop();
    await redis?.stop();
  }, 60_000);

  it('publishes every post exactly once when the master holding the queues is killed mid-burst', async () => {
    let failover = { killed: 0, promoted: 0 };
    const { posts, beforeCrash } = await burstThrough(stack, t, 'failover', async () => {
      // Every key of the queues carries the `{QUEUE_PREFIX}` hash tag: one slot, one master.
      failover = await redis.killMaster(`{${stack.env.QUEUE_PREFIX}}`);
    });
    expect(failover.promoted).not.toBe(failover.killed);
    expect(beforeCrash).toBeLessThan(BURST_POSTS);
    await expectPublishedOnce(stack, t, posts);
  }, 300_000);
});
