import { uploadFixture } from '../factories/media.factory';
import { as, createPost, hospital, Hospital, inHours } from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';

describe('concurrent edits of one post', () => {
  let api: TestApi;
  let h: Hospital;
  beforeAll(async () => {
    api = await startTestApi();
    h = await hospital(api.url);
  });
  afterAll(() => api.close());

  it('finishes 25 parallel edits of a post with an image in under 10 s, each one a revision', async () => {
    const image = (await uploadFixture(api.url, h.marketer, 'pixel.png')).id;
    const post = await createPost(api.url, h.marketer, {
      channelIds: [h.channels.x],
      scheduledAt: inHours(48),
      x: { text: 'Flu clinic opens Monday', images: [{ mediaId: image, altText: 'The clinic' }] },
    });
    const started = Date.now();
    // More edits than the pool has connections (20), all waiting on the one post's row lock.
    const edits = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        as(api.url, h.marketer).patch(`/posts/${post.id}`, {
          x: {
            text: `Flu clinic opens Monday, edit ${i}`,
            images: [{ mediaId: image, altText: 'The clinic' }],
          },
        }),
      ),
    );
    const elapsed = Date.now() - started;
    expect(edits.map((e) => e.status)).toEqual(Array(25).fill(200));
    expect(elapsed).toBeLessThan(10_000);
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM post_revisions WHERE post_id = $1`,
      [post.id],
    );
    expect(count).toBe(26);
    console.log(`25 concurrent edits of one post: ${elapsed} ms`);
  });
});
