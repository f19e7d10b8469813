import { uploadFixture } from '../factories/media.factory';
import {
  as,
  createChannel,
  createPost,
  hospital,
  Hospital,
  inHours,
  xPost,
} from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';

const errorFields = (body: { errors?: { field: string }[] }) => body.errors?.map((e) => e.field);

describe('the composer: posts and revisions', () => {
  let api: TestApi;
  let h: Hospital;
  let image: string;
  let video: string;
  let captions: string;
  const youtube = () => ({
    videoMediaId: video,
    title: 'A day in our NICU family lounge',
    description: 'A tour of the new family lounge.',
    tags: ['Mercy', 'family lounge'],
    privacyStatus: 'public',
    madeForKids: false,
    captionMediaId: captions,
  });

  beforeAll(async () => {
    api = await startTestApi();
    h = await hospital(api.url);
    image = (await uploadFixture(api.url, h.marketer, 'pixel.png')).id;
    video = (await uploadFixture(api.url, h.marketer, 'clip.mp4')).id;
    captions = (await uploadFixture(api.url, h.marketer, 'captions.vtt')).id;
  });
  afterAll(() => api.close());

  it('creates a draft for several channels with per-channel fields, hashed and in revision 1', async () => {
    const post = await createPost(api.url, h.marketer, {
      channelIds: [h.channels.x, h.channels.youtube],
      scheduledAt: inHours(48),
      x: {
        text: 'Tour our new family lounge 🏥',
        images: [{ mediaId: image, altText: 'The lounge' }],
      },
      youtube: youtube(),
      campaign: 'Family lounge opening',
    });
    expect(post).toMatchObject({
      status: 'draft',
      campaign: 'Family lounge opening',
      revision: {
        number: 1,
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        content: {
          channelIds: [h.channels.x, h.channels.youtube].sort(),
          x: {
            text: 'Tour our new family lounge 🏥',
            images: [{ mediaId: image, altText: 'The lounge' }],
          },
          youtube: { ...youtube(), categoryId: '22', thumbnailMediaId: null },
        },
      },
      publications: [],
    });
    const read = await as(api.url, h.executive).get(`/posts/${post.id}`).expect(200);
    expect(read.body.revisions).toEqual([expect.objectContaining({ number: 1 })]);
  });

  it('accepts the flat shape: text, mediaIds and a youtube block', async () => {
    const post = await createPost(api.url, h.marketer, {
      channelIds: [h.channels.x, h.channels.youtube],
      scheduledAt: inHours(30),
      text: 'Our lounge is open.',
      mediaIds: [image, video],
      youtube: { title: 'Lounge', description: '', tags: [], madeForKids: false },
    });
    expect(post.revision.content).toMatchObject({
      x: { text: 'Our lounge is open.', images: [{ mediaId: image, altText: '' }] },
      youtube: { videoMediaId: video, title: 'Lounge' },
    });
    // An image without alt text and a video without captions are accessibility warnings.
    const findings = (await as(api.url, h.marketer).post(`/posts/${post.id}/submit`).expect(200))
      .body.findings;
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'missing_alt_text',
          severity: 'warn',
          field: 'x.images[0].altText',
        }),
        expect.objectContaining({ kind: 'missing_captions', severity: 'warn' }),
      ]),
    );
  });

  it('reads a time without an offset in the organization time zone and stores UTC', async () => {
    const post = await createPost(
      api.url,
      h.marketer,
      xPost(h, { scheduledAt: '2031-07-01T09:00' }),
    );
    expect(post).toMatchObject({
      scheduledAt: '2031-07-01T14:00:00.000Z',
      scheduledAtLocal: '2031-07-01T09:00:00-05:00',
      timeZone: 'America/Chicago',
    });
    const explicit = await createPost(
      api.url,
      h.marketer,
      xPost(h, { scheduledAt: '2031-01-15T09:00:00+01:00' }),
    );
    expect(explicit).toMatchObject({
      scheduledAt: '2031-01-15T08:00:00.000Z',
      scheduledAtLocal: '2031-01-15T02:00:00-06:00',
    });
  });

  describe('refuses bad input with a 400 naming the field, and writes nothing', () => {
    const cases: [string, () => object, string][] = [
      [
        'an unknown channel',
        () => xPost(h, { channelIds: ['00000000-0000-4000-8000-000000000001'] }),
        'channelIds',
      ],
      ['a time in the past', () => xPost(h, { scheduledAt: inHours(-1) }), 'scheduledAt'],
      ['a time that is not a time', () => xPost(h, { scheduledAt: 'next tuesday' }), 'scheduledAt'],
      // 23 URLs count 23 each whatever their length, emoji 2: 12 * 24 = 288 > 280.
      [
        'X text over 280 weighted characters',
        () => xPost(h, { text: 'https://example.org/a 🎉 '.repeat(12) }),
        'x.text',
      ],
      ['a video on an X-only post', () => xPost(h, { mediaIds: [video] }), 'mediaIds'],
      [
        'a video as an X image',
        () =>
          xPost(h, {
            x: { text: 'hi', images: [{ mediaId: video, altText: 'v' }] },
            text: undefined,
          }),
        'x.images[0].mediaId',
      ],
      [
        'five images',
        () =>
          xPost(h, {
            text: undefined,
            x: { text: 'hi', images: Array(5).fill({ mediaId: image, altText: 'a' }) },
          }),
        'x.images',
      ],
      [
        'a youtube block without a YouTube channel',
        () => xPost(h, { youtube: youtube() }),
        'youtube',
      ],
      [
        'a YouTube title over 100 characters',
        () => ({
          channelIds: [h.channels.youtube],
          scheduledAt: inHours(5),
          youtube: { ...youtube(), title: 'T'.repeat(101) },
        }),
        'youtube.title',
      ],
      // 1,667 three-byte characters: 5,001 bytes but only 1,667 characters.
      [
        'a YouTube description over 5,000 bytes',
        () => ({
          channelIds: [h.channels.youtube],
          scheduledAt: inHours(5),
          youtube: { ...youtube(), description: '€'.repeat(1667) },
        }),
        'youtube.description',
      ],
      [
        'YouTube tags over 500 characters in all',
        () => ({
          channelIds: [h.channels.youtube],
          scheduledAt: inHours(5),
          youtube: { ...youtube(), tags: Array(50).fill('cardiology') },
        }),
        'youtube.tags',
      ],
      [
        'no made-for-kids declaration',
        () => ({
          channelIds: [h.channels.youtube],
          scheduledAt: inHours(5),
          youtube: { ...youtube(), madeForKids: undefined },
        }),
        'youtube.madeForKids',
      ],
      [
        'an image as the YouTube video',
        () => ({
          channelIds: [h.channels.youtube],
          scheduledAt: inHours(5),
          youtube: { ...youtube(), videoMediaId: image },
        }),
        'youtube.videoMediaId',
      ],
      ['an unknown category', () => xPost(h, { categories: ['gossip'] }), 'categories'],
    ];

    it.each(cases)('%s', async (_, body, field) => {
      const before = (await as(api.url, h.admin).get('/posts').expect(200)).body.length;
      const response = await as(api.url, h.marketer).post('/posts', body()).expect(400);
      expect(errorFields(response.body)).toContain(field);
      expect(response.body.message).toMatch(field.split('[')[0].split('.').pop()!);
      expect((await as(api.url, h.admin).get('/posts').expect(200)).body.length).toBe(before);
    });
  });

  it('refuses another organization’s media and channels as unknown', async () => {
    const other = await hospital(api.url);
    const theirImage = (await uploadFixture(api.url, other.marketer, 'pixel.png')).id;
    const media = await as(api.url, h.marketer)
      .post('/posts', xPost(h, { mediaIds: [theirImage] }))
      .expect(400);
    expect(errorFields(media.body)).toEqual(['mediaIds[0]']);
    const channel = await as(api.url, h.marketer)
      .post('/posts', xPost(h, { channelIds: [other.channels.x] }))
      .expect(400);
    expect(errorFields(channel.body)).toEqual(['channelIds']);
  });

  it('refuses a disconnected channel', async () => {
    const gone = await createChannel(h.id, 'x', 'disconnected');
    const response = await as(api.url, h.marketer)
      .post('/posts', xPost(h, { channelIds: [gone] }))
      .expect(400);
    expect(response.body.message).toMatch(/disconnected/);
  });

  it('makes every content edit a new immutable revision, and a no-op edit nothing', async () => {
    const post = await createPost(api.url, h.marketer, xPost(h));
    const edited = await as(api.url, h.marketer)
      .patch(`/posts/${post.id}`, { text: 'Flu shots Sunday too!' })
      .expect(200);
    expect(edited.body.revision).toMatchObject({
      number: 2,
      content: { x: { text: 'Flu shots Sunday too!' } },
    });
    expect(edited.body.revision.contentHash).not.toBe(post.revision.contentHash);
    expect(edited.body.revisions.map((r: { number: number }) => r.number)).toEqual([2, 1]);
    expect(edited.body.revisions[1].contentHash).toBe(post.revision.contentHash);

    const same = await as(api.url, h.marketer)
      .patch(`/posts/${post.id}`, { text: 'Flu shots Sunday too!' })
      .expect(200);
    expect(same.body.revisions).toHaveLength(2);

    const rescheduled = await as(api.url, h.marketer)
      .patch(`/posts/${post.id}`, { scheduledAt: '2032-03-03T10:00' })
      .expect(200);
    expect(rescheduled.body).toMatchObject({
      scheduledAt: '2032-03-03T16:00:00.000Z',
      revisions: [{ number: 2 }, { number: 1 }],
    });
  });

  it('keeps the old revision when an edit is refused', async () => {
    const post = await createPost(api.url, h.marketer, xPost(h));
    await as(api.url, h.marketer)
      .patch(`/posts/${post.id}`, { text: 'x'.repeat(281) })
      .expect(400);
    const read = await as(api.url, h.marketer).get(`/posts/${post.id}`).expect(200);
    expect(read.body.revisions).toHaveLength(1);
  });

  it('drops a platform’s fields when an edit drops its channels', async () => {
    const post = await createPost(api.url, h.marketer, {
      channelIds: [h.channels.x, h.channels.youtube],
      scheduledAt: inHours(20),
      text: 'Both',
      youtube: youtube(),
    });
    const edited = await as(api.url, h.marketer)
      .patch(`/posts/${post.id}`, { channelIds: [h.channels.x] })
      .expect(200);
    expect(edited.body.revision.content).toMatchObject({
      channelIds: [h.channels.x],
      x: { text: 'Both' },
      youtube: null,
    });
  });

  it('patches one per-channel field and keeps the others', async () => {
    const post = await createPost(api.url, h.marketer, {
      channelIds: [h.channels.youtube],
      scheduledAt: inHours(20),
      youtube: youtube(),
    });
    const edited = await as(api.url, h.marketer)
      .patch(`/posts/${post.id}`, { youtube: { title: 'A new title' } })
      .expect(200);
    expect(edited.body.revision.content.youtube).toEqual({
      ...(post.revision.content.youtube as object),
      title: 'A new title',
    });
  });

  it('lists the calendar by time range and status', async () => {
    const calendar = await hospital(api.url);
    const early = await createPost(
      api.url,
      calendar.marketer,
      xPost(calendar, { scheduledAt: '2033-05-01T09:00' }),
    );
    const late = await createPost(
      api.url,
      calendar.marketer,
      xPost(calendar, { scheduledAt: '2033-05-20T09:00' }),
    );
    await as(api.url, calendar.marketer).post(`/posts/${late.id}/submit`).expect(200);
    const may = await as(api.url, calendar.executive)
      .get('/posts?from=2033-05-01T00:00:00Z&to=2033-05-31T23:59:59Z')
      .expect(200);
    expect(may.body.map((p: { id: string }) => p.id)).toEqual([early.id, late.id]);
    const inReview = await as(api.url, calendar.executive)
      .get('/posts?status=in_review')
      .expect(200);
    expect(inReview.body.map((p: { id: string }) => p.id)).toEqual([late.id]);
    await as(api.url, calendar.executive).get('/posts?status=nonsense').expect(400);
  });

  it('lets executives read but not write', async () => {
    await as(api.url, h.executive).post('/posts', xPost(h)).expect(403);
    const post = await createPost(api.url, h.marketer, xPost(h));
    await as(api.url, h.executive).patch(`/posts/${post.id}`, { text: 'mine now' }).expect(403);
    await as(api.url, h.executive).post(`/posts/${post.id}/submit`).expect(403);
  });
});
