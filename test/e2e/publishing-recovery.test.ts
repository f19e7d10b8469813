import {
  BURST_POSTS,
  burstThrough,
  expectPublishedOnce,
  publishingStack,
  Team,
} from '../factories/publishing.factory';
import { expectAuditChainsIntact } from '../support/audit-chains';
import type { Stack } from '../support/processes';

describe('publishing survives crashes and a lost Redis', () => {
  let stack: Stack;
  let t: Team;

  beforeAll(async () => ({ stack, t } = await publishingStack()), 300_000);
  afterAll(() => expectAuditChainsIntact(stack));
  afterAll(() => stack?.stop(), 60_000);

  it('publishes every post exactly once when the worker is killed mid-burst and restarted', async () => {
    const { posts, ids, beforeCrash } = await burstThrough(stack, t, 'kill', async () => {
      await stack.stopWorker('SIGKILL');
      await stack.startWorker();
    });
    expect(beforeCrash).toBeLessThan(BURST_POSTS);
    await expectPublishedOnce(stack, t, posts);
    const { rows } = await stack.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'publication.in_doubt' AND data->>'postId' = ANY($1)`,
      [ids],
    );
    // The calls cut off by the crash were verified on X, not sent again.
    expect(rows[0].n).toBeGreaterThan(0);
  }, 300_000);

  it('publishes every scheduled post exactly once after Redis is emptied, even mid-burst', async () => {
    let emptiedBefore = 0;
    const { posts } = await burstThrough(
      stack,
      t,
      'flush',
      () => stack.emptyQueues(),
      300,
      async () => (emptiedBefore = await stack.emptyQueues()),
    );
    expect(emptiedBefore).toBeGreaterThan(0);
    await expectPublishedOnce(stack, t, posts);
  }, 300_000);
});
