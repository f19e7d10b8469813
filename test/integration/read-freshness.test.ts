import { Client } from 'pg';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createConversationMessage } from '../factories/conversations.factory';
import { addUser, Session } from '../factories/identity.factory';
import {
  as,
  createPost,
  hospital,
  Hospital,
  submittedPost,
  xPost,
} from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';

const MONTH = '/posts?from=2033-04-01T00:00:00Z&to=2033-04-30T23:59:59Z';
const inMonth = (day: number) => `2033-04-${String(day).padStart(2, '0')}T10:00`;

interface Entry {
  id: string;
  status: string;
  excerpt: string;
}

/**
 * The read paths answer from a cache keyed on each organization's change counters: whatever
 * writes (a route, the worker, the puller), the very next read shows it, and nothing of one
 * organization is invalidated by, or shown to, another.
 */
describe('read paths: a write is visible on the very next read', () => {
  let api: TestApi;
  let h: Hospital;
  let other: Hospital;
  let db: Client;

  beforeAll(async () => {
    api = await startTestApi();
    [h, other] = [await hospital(api.url), await hospital(api.url)];
    db = new Client({ connectionString: api.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const calendar = (org: Hospital = h) => as(api.url, org.marketer).get(MONTH).expect(200);
  const ids = (body: Entry[]) => body.map((e) => e.id);

  it('shows a created, an edited and a cancelled post on the next read, each with a new ETag', async () => {
    const before = await calendar();
    const post = await createPost(api.url, h.marketer, xPost(h, { scheduledAt: inMonth(3) }));
    const created = await calendar();
    expect(ids(created.body)).toEqual([...ids(before.body), post.id]);

    await as(api.url, h.marketer)
      .patch(`/posts/${post.id}`, { text: 'Flu shots: now Sundays too' })
      .expect(200);
    const edited = await calendar();
    expect((edited.body as Entry[]).find((e) => e.id === post.id)?.excerpt).toBe(
      'Flu shots: now Sundays too',
    );

    await as(api.url, h.marketer).post(`/posts/${post.id}/cancel`).expect(200);
    const cancelled = await calendar();
    expect((cancelled.body as Entry[]).find((e) => e.id === post.id)?.status).toBe('cancelled');

    const tags = [before, created, edited, cancelled].map((r) => r.headers.etag as string);
    expect(new Set(tags).size).toBe(4);
  });

  it('shows a change written by another process (the worker) on the next read', async () => {
    const post = await createPost(api.url, h.marketer, xPost(h, { scheduledAt: inMonth(4) }));
    const held = await calendar();
    // As the worker's lifecycle move does it: one UPDATE in its own connection.
    await db.query(`UPDATE posts SET status = 'held' WHERE id = $1`, [post.id]);
    const after = await as(api.url, h.marketer)
      .get(MONTH)
      .set('If-None-Match', held.headers.etag as string)
      .expect(200);
    expect((after.body as Entry[]).find((e) => e.id === post.id)?.status).toBe('held');
  });

  it("neither invalidates nor shows one organization's answers for another's writes", async () => {
    await createPost(api.url, h.marketer, xPost(h, { scheduledAt: inMonth(5) }));
    const mine = await calendar();
    const theirs = await createPost(
      api.url,
      other.marketer,
      xPost(other, { scheduledAt: inMonth(5) }),
    );
    await as(api.url, h.marketer)
      .get(MONTH)
      .set('If-None-Match', mine.headers.etag as string)
      .expect(304);
    expect(ids((await calendar()).body)).not.toContain(theirs.id);
    expect(ids((await calendar(other)).body)).toEqual([theirs.id]);
  });

  it('loads a changed month once for many readers asking at the same time', async () => {
    await createPost(api.url, h.marketer, xPost(h, { scheduledAt: inMonth(6) }));
    const statements: string[] = [];
    const query = PostgresQueryRunner.prototype.query;
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
      this: PostgresQueryRunner,
      ...args: Parameters<typeof query>
    ) {
      statements.push(args[0]);
      return query.apply(this, args);
    });
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => calendar()));
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
      expect(statements.filter((s) => s.includes('post_revisions'))).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it("keeps each officer's review queue theirs, and a role change applies on the next request", async () => {
    await as(api.url, h.admin)
      .patch('/organization/settings', { approvalPolicy: { requiredApprovers: 2 } })
      .expect(200);
    const post = await submittedPost(api.url, h, xPost(h, { scheduledAt: inMonth(7) }));
    await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(200);
    const entry = async (officer: Hospital['compliance']) =>
      ((await as(api.url, officer).get('/approvals/queue').expect(200)).body as Entry[]).find(
        (e) => e.id === post.id,
      );
    expect(await entry(h.compliance)).toMatchObject({ mayApprove: false });
    expect(await entry(h.compliance2)).toMatchObject({ mayApprove: true });
    await as(api.url, h.marketer).get('/approvals/queue').expect(403);

    await as(api.url, h.admin)
      .patch(`/users/${h.compliance2.userId}`, { role: 'marketer' })
      .expect(200);
    await as(api.url, h.compliance2).get('/approvals/queue').expect(403);
  });

  it('ends a deactivated user and a signed-out session on their next cached read', async () => {
    const reader = h.executive;
    await as(api.url, reader).get(MONTH).expect(200);
    await as(api.url, h.admin)
      .post(`/users/${reader.userId}/deactivate`, { reason: 'left the hospital' })
      .expect(200);
    await as(api.url, reader).get(MONTH).expect(401);

    const writer = h.marketer;
    await as(api.url, writer).get('/conversations').expect(200);
    await as(api.url, writer).post('/auth/logout').expect(204);
    await as(api.url, writer).get('/conversations').expect(401);
  });

  it('shows a message pulled into the inbox and a report rollup on the next read', async () => {
    const admin = as(api.url, other.admin);
    const inbox = await admin.get('/conversations').expect(200);
    const message = await createConversationMessage(other.id);
    const pulled = await admin.get('/conversations').expect(200);
    expect((pulled.body as Entry[]).map((m) => m.id)).toEqual([
      message,
      ...(inbox.body as Entry[]).map((m) => m.id),
    ]);

    const report = async () =>
      (await admin.get('/reports/engagement').expect(200)).body as {
        kpis: { impressionsOrViews: { value: number } };
      };
    const quiet = await report();
    await db.query(
      `INSERT INTO channel_daily_metrics (channel_id, day, organization_id, impressions, likes)
       VALUES ($1, current_date - 1, $2, 1200, 30)`,
      [other.channels.x, other.id],
    );
    expect((await report()).kpis.impressionsOrViews.value).toBe(
      quiet.kpis.impressionsOrViews.value + 1200,
    );
  });

  it("shows a message's internal note and a link's clicks on the next read", async () => {
    const admin = as(api.url, other.admin);
    const message = await createConversationMessage(other.id);
    await admin.get('/conversations').expect(200);
    await admin
      .post(`/conversations/${message}/notes`, { text: 'Called back at 3 pm.' })
      .expect(201);
    const noted = (await admin.get('/conversations').expect(200)).body as {
      id: string;
      notes: { text: string }[];
    }[];
    expect(noted.find((m) => m.id === message)?.notes.map((n) => n.text)).toEqual([
      'Called back at 3 pm.',
    ]);

    const clicks = async () =>
      (
        (await admin.get('/reports/engagement').expect(200)).body as {
          kpis: { linkClicks: { value: number } };
        }
      ).kpis.linkClicks.value;
    const post = await createPost(
      api.url,
      other.marketer,
      xPost(other, { scheduledAt: inMonth(9) }),
    );
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO tracked_links (organization_id, code, url, post_id, platform, destination,
         created_by_id)
       VALUES ($1, 'FreshRead01', 'https://mercy.example/flu', $2, 'x', 'https://mercy.example/flu',
         $3)
       RETURNING id`,
      [other.id, post.id, other.marketer.userId],
    );
    const before = await clicks();
    await db.query(
      `INSERT INTO link_daily_clicks (link_id, day, organization_id, clicks, previews)
       VALUES ($1, current_date - 1, $2, 7, 2)`,
      [rows[0].id, other.id],
    );
    expect(await clicks()).toBe(before + 7);
  });

  it("keeps each reader's own inbox (owner=mine) theirs, even between two of one role", async () => {
    const message = await createConversationMessage(h.id);
    const secondAdmin = await addUser(api.url, h.admin, 'admin');
    const mine = async (who: Session) =>
      ((await as(api.url, who).get('/conversations?owner=mine').expect(200)).body as Entry[]).map(
        (m) => m.id,
      );
    expect(await mine(h.admin)).not.toContain(message);
    expect(await mine(secondAdmin)).not.toContain(message);
    await as(api.url, h.admin).post(`/conversations/${message}/take`).expect(200);
    expect(await mine(h.admin)).toContain(message);
    expect(await mine(secondAdmin)).not.toContain(message);
  });

  it('never makes two writers of one organization wait on each other for the counter', async () => {
    const [a, b] = await Promise.all([
      createPost(api.url, h.admin, xPost(h, { scheduledAt: inMonth(8) })),
      createPost(api.url, h.admin, xPost(h, { scheduledAt: inMonth(9) })),
    ]);
    const second = new Client({ connectionString: api.env.DATABASE_URL });
    await second.connect();
    try {
      await db.query('BEGIN');
      await db.query(`UPDATE posts SET campaign = 'spring' WHERE id = $1`, [a.id]);
      // The first transaction holds its counter slot until it commits; this one takes another.
      await second.query("SET lock_timeout = '1s'");
      await second.query(`UPDATE posts SET campaign = 'spring' WHERE id = $1`, [b.id]);
      await db.query('COMMIT');
    } finally {
      await second.end();
    }
    const campaigns = await db.query<{ campaign: string }>(
      'SELECT campaign FROM posts WHERE id = ANY($1)',
      [[a.id, b.id]],
    );
    expect(campaigns.rows.map((r) => r.campaign)).toEqual(['spring', 'spring']);
  });
});
