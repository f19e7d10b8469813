import { Client } from 'pg';
import {
  BURST_POSTS,
  expectPublishedOnce,
  publishedCount,
  scheduleBurst,
  secondsFromNow,
  publishingStack,
  Team,
  waitFor,
} from '../factories/publishing.factory';
import { as } from '../factories/posts.factory';
import { expectAuditChainsIntact } from '../support/audit-chains';
import { startPrivatePgbouncer, PrivatePgbouncer } from '../support/private-services';
import type { Stack } from '../support/processes';
import { loginOf } from '@rounds/database';
import { POSTGRES_ADMIN_URL, TEST_RUNTIME_LOGIN } from '../support/test-env';

/**
 * api and worker reach PostgreSQL only through PgBouncer 1.18 in transaction pooling: a server
 * connection is theirs for one transaction, so nothing may rely on session state (a session
 * advisory lock, a plain SET, LISTEN, a named prepared statement would break or leak).
 */
describe('through PgBouncer in transaction pooling', () => {
  let pgbouncer: PrivatePgbouncer;
  let stack: Stack;
  let t: Team;
  let posts: { id: string; text: string }[];

  beforeAll(async () => {
    pgbouncer = await startPrivatePgbouncer(POSTGRES_ADMIN_URL, [
      loginOf(POSTGRES_ADMIN_URL),
      TEST_RUNTIME_LOGIN,
    ]);
    ({ stack, t } = await publishingStack({ pooler: pgbouncer.through }));
  }, 300_000);
  afterAll(() => expectAuditChainsIntact(stack));
  afterAll(async () => {
    await stack?.stop();
    await pgbouncer?.stop();
  }, 60_000);

  it('gives the runtime login the pool timeouts on every pooled connection', async () => {
    const client = new Client({ connectionString: stack.env.DATABASE_URL });
    await client.connect();
    try {
      const show = async (name: string) => (await client.query(`SHOW ${name}`)).rows[0][name];
      // DB_STATEMENT_TIMEOUT_MS 30000, DB_LOCK_TIMEOUT_MS 10000, DB_IDLE_IN_TRANSACTION… 60000
      expect(await show('statement_timeout')).toBe('30s');
      expect(await show('lock_timeout')).toBe('10s');
      expect(await show('idle_in_transaction_session_timeout')).toBe('1min');
    } finally {
      await client.end();
    }
  });

  it('publishes a burst, every post exactly once', async () => {
    posts = await scheduleBurst(stack, t, 'pooled', secondsFromNow(40));
    const ids = posts.map((p) => p.id);
    await waitFor(
      'every post to be published',
      async () => (await publishedCount(stack, ids)) === BURST_POSTS,
      120_000,
    );
    await expectPublishedOnce(stack, t, posts);
  }, 240_000);

  it("collects the posts' metrics and reports what the snapshots add up to", async () => {
    const ids = posts.map((p) => p.id);
    const latest = async () => {
      const { rows } = await stack.db.query<{ impressions: string }>(
        `SELECT DISTINCT ON (s.publication_id) s.impressions
           FROM metric_snapshots s JOIN publications pub ON pub.id = s.publication_id
          WHERE pub.post_id = ANY($1)
          ORDER BY s.publication_id, s.collected_at DESC`,
        [ids],
      );
      return rows;
    };
    // The worker's sweep runs every minute; the one after the burst enrols and reads them.
    await waitFor(
      'a reading of every post',
      async () => (await latest()).length === BURST_POSTS,
      150_000,
    );
    const report = await as(stack.apiUrl, t.executive).get('/reports/engagement').expect(200);
    const impressions = (await latest()).reduce((sum, row) => sum + Number(row.impressions), 0);
    expect(report.body.kpis.postsPublished.value).toBe(BURST_POSTS);
    expect(report.body.kpis.impressionsOrViews.value).toBe(impressions);
  }, 240_000);
});
