import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { SessionChecks, TokenService } from '@rounds/domain';
import { uploadFixture } from '../factories/media.factory';
import {
  approvedPost,
  as,
  createPost,
  hospital,
  Hospital,
  submittedPost,
  xPost,
} from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';

const LONG =
  'Our new cardiac rehab gym opens Monday with treadmills, bikes and a team of exercise physiologists ready to help.';

describe('read paths: slim lists and conditional requests', () => {
  let api: TestApi;
  let h: Hospital;
  const statements: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    h = await hospital(api.url, 'America/New_York');
    const query = PostgresQueryRunner.prototype.query;
    jest.spyOn(PostgresQueryRunner.prototype, 'query').mockImplementation(function (
      this: PostgresQueryRunner,
      ...args: Parameters<typeof query>
    ) {
      statements.push(args[0]);
      return query.apply(this, args);
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await api.close();
  });

  /** The statements one request issued, less those of authentication (the same for any route). */
  async function statementsOf<T>(request: () => PromiseLike<T>): Promise<[T, string[]]> {
    statements.length = 0;
    const result = await request();
    return [result, statements.filter((s) => !/\busers\b|refresh_tokens|sessions/.test(s))];
  }

  describe('the calendar', () => {
    const month = '/posts?from=2031-03-01T00:00:00Z&to=2031-03-31T23:59:59Z';

    it('answers what it draws of each post, and nothing else', async () => {
      const image = await uploadFixture(api.url, h.marketer, 'pixel.png');
      const withImage = await createPost(
        api.url,
        h.marketer,
        xPost(h, {
          scheduledAt: '2031-03-10T09:30',
          x: { text: LONG, images: [{ mediaId: image.id, altText: 'The new rehab gym' }] },
        }),
      );
      const plain = await approvedPost(
        api.url,
        h,
        xPost(h, { scheduledAt: '2031-03-12T14:00', text: 'Flu shots Saturday' }),
      );
      const { body } = await as(api.url, h.executive).get(month).expect(200);
      expect(body).toEqual([
        {
          id: withImage.id,
          status: 'draft',
          scheduledAt: '2031-03-10T13:30:00.000Z',
          scheduledAtLocal: '2031-03-10T09:30:00-04:00',
          channelIds: [h.channels.x],
          excerpt: `${LONG.slice(0, 79)}…`,
          hasMedia: true,
          approved: false,
          editable: true, // a draft is its authors' to edit
        },
        {
          id: plain.id,
          status: 'scheduled',
          scheduledAt: '2031-03-12T18:00:00.000Z',
          scheduledAtLocal: '2031-03-12T14:00:00-04:00',
          channelIds: [h.channels.x],
          excerpt: 'Flu shots Saturday',
          hasMedia: false,
          approved: true,
          editable: true, // a scheduled post may still be edited (the edit voids its approval)
        },
      ]);
    });

    it('takes the same statements for 3 posts as for 30', async () => {
      const range = '/posts?from=2032-01-01T00:00:00Z&to=2032-01-31T23:59:59Z';
      const create = (day: number) =>
        createPost(api.url, h.marketer, xPost(h, { scheduledAt: `2032-01-${day}T10:00` }));
      for (let day = 10; day < 13; day++) await create(day);
      const [few, small] = await statementsOf(() => as(api.url, h.marketer).get(range));
      for (let day = 13; day < 28; day++) await Promise.all([create(day), create(day)]);
      const [many, large] = await statementsOf(() => as(api.url, h.marketer).get(range));
      expect([few.body.length, many.body.length]).toEqual([3, 33]);
      expect(large.length).toBe(small.length);
      expect(large.length).toBeLessThanOrEqual(2); // its version, then its rows
      // Two ids, two times, a status, flags and 80 characters of text: ~330 bytes, not ~900.
      expect(JSON.stringify(many.body).length / 33).toBeLessThan(350);

      // A browser accepts gzip: the same answer in a fraction of the bytes, the same ETag.
      const plain = await as(api.url, h.marketer).get(range).set('Accept-Encoding', 'identity');
      const zipped = await as(api.url, h.marketer).get(range).set('Accept-Encoding', 'gzip, br');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
      expect(zipped.body).toEqual(plain.body);
      expect(zipped.headers.etag).toBe(plain.headers.etag);
      const bytes = (r: { headers: Record<string, string> }) => Number(r.headers['content-length']);
      expect(bytes(zipped)).toBeLessThan(bytes(plain) / 3);
    });

    it('answers 304 to the ETag it gave, without reading a revision, until something changes', async () => {
      const first = await as(api.url, h.marketer).get(month).expect(200);
      const tag = first.headers.etag as string;
      expect(tag).toMatch(/^W\/"calendar-/); // weak: one answer, gzipped or not
      const [again, read] = await statementsOf(() =>
        as(api.url, h.marketer).get(month).set('If-None-Match', tag),
      );
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      expect(read.some((s) => s.includes('post_revisions'))).toBe(false);

      // An edit, a reschedule inside the month, and the organization's time zone each change it.
      const post = (first.body as { id: string; status: string }[]).find(
        (p) => p.status === 'draft',
      )!;
      const changes = [
        () => as(api.url, h.marketer).patch(`/posts/${post.id}`, { text: 'Rehab gym: now open' }),
        () =>
          as(api.url, h.marketer).patch(`/posts/${post.id}`, { scheduledAt: '2031-03-11T09:30' }),
        () => as(api.url, h.admin).patch('/organization/settings', { timeZone: 'America/Chicago' }),
      ];
      let previous = tag;
      for (const change of changes) {
        expect((await change()).status).toBe(200);
        const after = await as(api.url, h.marketer).get(month).set('If-None-Match', previous);
        expect(after.status).toBe(200);
        expect(after.headers.etag).not.toBe(previous);
        previous = after.headers.etag as string;
      }
    });
  });

  it('answers the inbox and the reports with an ETag, and 304 to it', async () => {
    for (const path of ['/conversations?limit=50', '/reports/engagement']) {
      const first = await as(api.url, h.admin).get(path).expect(200);
      expect(first.headers.etag).toBeDefined();
      await as(api.url, h.admin)
        .get(path)
        .set('If-None-Match', first.headers.etag as string)
        .expect(304);
    }
  });

  describe('the approval queue', () => {
    let q: Hospital;
    beforeAll(async () => {
      q = await hospital(api.url);
      await as(api.url, q.admin)
        .patch('/organization/settings', { approvalPolicy: { requiredApprovers: 2 } })
        .expect(200);
    });

    it('lists each post in review with its counts, in two statements whatever the length', async () => {
      const first = await submittedPost(
        api.url,
        q,
        xPost(q, { text: 'Get well soon Maria Lopez after her chemo! Room 412 misses you' }),
      );
      const [one, small] = await statementsOf(() =>
        as(api.url, q.compliance).get('/approvals/queue'),
      );
      expect(one.body).toEqual([
        {
          id: first.id,
          excerpt: 'Get well soon Maria Lopez after her chemo! Room 412 misses you',
          authorId: q.marketer.userId,
          lastEditedById: q.marketer.userId,
          revisionId: first.revision.id,
          submittedAt: expect.any(String),
          scheduledAt: first.scheduledAt,
          blockingFindings: first.findings.filter((f) => f.severity === 'block').length,
          warningFindings: first.findings.filter((f) => f.severity === 'warn').length,
          approverIds: [],
          required: 2,
          mayApprove: true,
        },
      ]);
      expect(one.body[0].blockingFindings).toBeGreaterThan(0);
      for (let i = 0; i < 6; i++) await submittedPost(api.url, q);
      const [seven, large] = await statementsOf(() =>
        as(api.url, q.compliance).get('/approvals/queue'),
      );
      expect(seven.body).toHaveLength(7);
      expect(large.length).toBe(small.length);
      expect(large.length).toBeLessThanOrEqual(3); // its version, the posts, the policy
    });

    it('pages with a cursor, oldest submission first', async () => {
      const all = (await as(api.url, q.compliance).get('/approvals/queue').expect(200)).body as {
        id: string;
      }[];
      const ids: string[] = [];
      let after: string | undefined;
      do {
        const page = await as(api.url, q.compliance)
          .get(`/approvals/queue?limit=3${after ? `&after=${after}` : ''}`)
          .expect(200);
        ids.push(...(page.body as { id: string }[]).map((e) => e.id));
        after = page.headers['x-next-cursor'] as string | undefined;
      } while (after);
      expect(ids).toEqual(all.map((e) => e.id));
      const bad = await as(api.url, q.compliance)
        .get('/approvals/queue?after=nonsense')
        .expect(400);
      expect(JSON.stringify(bad.body)).toContain('after');
    });

    it('answers 304 until an approval, and says what this officer may do', async () => {
      const first = await as(api.url, q.compliance).get('/approvals/queue').expect(200);
      const tag = first.headers.etag as string;
      await as(api.url, q.compliance).get('/approvals/queue').set('If-None-Match', tag).expect(304);
      const post = first.body[1] as { id: string; revisionId: string };
      await as(api.url, q.compliance)
        .post(`/posts/${post.id}/approve`, { revisionId: post.revisionId })
        .expect(200);
      const after = await as(api.url, q.compliance)
        .get('/approvals/queue')
        .set('If-None-Match', tag)
        .expect(200);
      const entry = (after.body as { id: string }[]).find((e) => e.id === post.id);
      expect(entry).toMatchObject({ approverIds: [q.compliance.userId], mayApprove: false });
      // Another officer holds another version: mayApprove differs for them.
      const other = await as(api.url, q.compliance2).get('/approvals/queue').expect(200);
      expect(other.headers.etag).not.toBe(after.headers.etag);
      expect((other.body as { id: string }[]).find((e) => e.id === post.id)).toMatchObject({
        mayApprove: true,
      });
    });
  });

  it('checks the sessions of concurrent requests together, each for its own holder', async () => {
    const other = await hospital(api.url);
    await as(api.url, other.executive).post('/auth/logout').expect(204);
    const holders = [other.marketer, other.compliance, other.executive];
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => as(api.url, holders[i % 3]).get('/me')),
    );
    expect(answers.map((a) => a.status)).toEqual(
      Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? 401 : 200)), // the one logged out
    );
    expect(answers[0].body.user.role).toBe('marketer');
    expect(answers[1].body.user.role).toBe('compliance');

    // Asked for in one turn of the event loop, thirty checks cost one statement.
    const [sessions, tokens] = [api.app.get(SessionChecks), api.app.get(TokenService)];
    statements.length = 0;
    const checked = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        sessions.holderOf(tokens.verifyAccessToken(holders[i % 3].accessToken)),
      ),
    );
    expect(checked.slice(0, 3).map((c) => [c.role, c.sessionActive])).toEqual([
      ['marketer', true],
      ['compliance', true],
      ['executive', false],
    ]);
    expect(statements.filter((s) => s.includes('refresh_tokens'))).toHaveLength(1);
  });
});
