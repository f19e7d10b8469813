import { uploadFixture } from '../factories/media.factory';
import { as, createPost, hospital, Hospital, inHours } from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';

const tweet = (n: number) => ({ text: `Part ${n} of our guide to the new east tower.` });

/** Issue 14, part 4: a post for X may be a thread of up to 25 tweets, each checked and scanned. */
describe('X threads: composing, checking and scanning each tweet', () => {
  let api: TestApi;
  let h: Hospital;

  beforeAll(async () => {
    api = await startTestApi();
    h = await hospital(api.url);
  });
  afterAll(() => api.close());

  const thread = (replies: object[], first = tweet(1)) => ({
    channelIds: [h.channels.x],
    scheduledAt: inHours(24),
    x: { ...first, thread: replies },
  });
  const refused = async (body: object) =>
    (await as(api.url, h.marketer).post('/posts', body).expect(400)).body as {
      errors: { field: string; message: string }[];
    };

  it('keeps the tweets in order, each with its own images, under one content hash', async () => {
    const photo = await uploadFixture(api.url, h.marketer, 'pixel.png');
    const replies = [
      tweet(2),
      { ...tweet(3), images: [{ mediaId: photo.id, altText: 'The lobby.' }] },
    ];
    const post = await createPost(api.url, h.marketer, thread(replies));
    expect(post.revision.content.x).toEqual({
      ...tweet(1),
      images: [],
      thread: [
        { ...tweet(2), images: [] },
        { ...tweet(3), images: [{ mediaId: photo.id, altText: 'The lobby.' }] },
      ],
    });
    // Approval covers the whole thread: changing its last tweet is a new revision, a new hash.
    const edited = await as(api.url, h.marketer)
      .patch(`/posts/${post.id}`, { x: { thread: [tweet(2), tweet(4)] } })
      .expect(200);
    expect(edited.body.revision.content.x.thread).toEqual([
      { ...tweet(2), images: [] },
      { ...tweet(4), images: [] },
    ]);
    expect(edited.body.revision.contentHash).not.toBe(post.revision.contentHash);
  });

  it('stores a single tweet without a thread, as before threads existed', async () => {
    const post = await createPost(api.url, h.marketer, thread([]));
    expect(post.revision.content.x).toEqual({ ...tweet(1), images: [] });
  });

  it('refuses a 26th tweet, an empty tweet and a tweet over 280, naming the tweet', async () => {
    const tooLong = await refused(thread(Array.from({ length: 25 }, (_, i) => tweet(i + 2))));
    expect(tooLong.errors.map((e) => e.field)).toEqual(['x.thread']);
    const empty = await refused(thread([tweet(2), { text: '  ' }]));
    expect(empty.errors.map((e) => e.field)).toEqual(['x.thread[1].text']);
    const over = await refused(thread([tweet(2), tweet(3), { text: 'a'.repeat(281) }]));
    expect(over.errors[0]).toMatchObject({ field: 'x.thread[2].text' });
    expect(over.errors[0].message).toMatch(/281 weighted characters/);
    const notImage = await refused(
      thread([{ ...tweet(2), images: [{ mediaId: h.id, altText: '' }] }]),
    );
    expect(notImage.errors.map((e) => e.field)).toEqual(['x.thread[0].images[0].mediaId']);
  });

  it('scans every tweet and its alt texts, each finding naming its tweet', async () => {
    const photo = await uploadFixture(api.url, h.marketer, 'pixel.png');
    const post = await createPost(
      api.url,
      h.marketer,
      thread([
        tweet(2),
        { text: 'Send cards to our patient Tom Reed in room 512.' },
        { ...tweet(4), images: [{ mediaId: photo.id, altText: '' }] },
      ]),
    );
    const submitted = await as(api.url, h.marketer).post(`/posts/${post.id}/submit`).expect(200);
    const findings = submitted.body.findings as { field: string; kind: string; severity: string }[];
    const blocking = findings.filter((f) => f.severity === 'block');
    expect(new Set(blocking.map((f) => f.field))).toEqual(new Set(['x.thread[1].text']));
    expect(blocking.map((f) => f.kind)).toEqual(expect.arrayContaining(['patient_name']));
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'x.thread[2].images[0].altText',
          kind: 'missing_alt_text',
        }),
      ]),
    );
  });
});
