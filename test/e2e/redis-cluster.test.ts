import {
  BURST_POSTS,
  burstThrough,
  expectPublishedOnce,
  publishingStack,
  Team,
} from '../factories/publishing.factory';
import { expectAuditChainsIntact } from '../support/audit-chains';
import { startPrivateRedisCluster, PrivateRedisCluster } from '../support/private-services';
import type { Stack } from '../support/processes';

describe('on a Redis Cluster (three masters, three replicas)', () => {
  let cluster: PrivateRedisCluster;
  let stack: Stack;
  let t: Team;

  beforeAll(async () => {
    cluster = await startPrivateRedisCluster();
    ({ stack, t } = await publishingStack({ redisUrl: cluster.url }));
  }, 300_000);
  afterAll(() => expectAuditChainsIntact(stack));
  afterAll(async () => {
    await stack?.stop();
    await cluster?.stop();
  }, 60_000);

  it('publishes every post exactly once when the master holding the queues is killed mid-burst', async () => {
    let failover = { killed: 0, promoted: 0 };
    const { posts, beforeCrash } = await burstThrough(stack, t, 'cluster', async () => {
      // Every key of the queues carries the `{QUEUE_PREFIX}` hash tag: one slot, one master.
      failover = await cluster.killMasterOf(`{${stack.env.QUEUE_PREFIX}}`);
    });
    expect(failover.promoted).not.toBe(failover.killed);
    expect(beforeCrash).toBeLessThan(BURST_POSTS);
    await expectPublishedOnce(stack, t, posts);
  }, 300_000);
});
