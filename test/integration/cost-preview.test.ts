import { uploadFixture } from '../factories/media.factory';
import {
  approvedPost,
  as,
  createChannel,
  createPost,
  hospital,
  Hospital,
} from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';

// July 1st 2031, 10:00 in Chicago: 15:00 UTC, 08:00 in Pacific time (the quota's day is July 1st).
const AT = '2031-07-01T10:00';
const CAMPAIGN = 'Family lounge opening';

describe("the composer's cost and quota preview", () => {
  let api: TestApi;
  let h: Hospital;
  let video: string;
  let captions: string;
  let scheduledX: string;

  const preview = (body: object, session = h.marketer) =>
    as(api.url, session).post('/posts/cost-preview', body);
  const usage = (day: string, platform: string, operation: string, units: number) =>
    api.dataSource.query(
      `INSERT INTO platform_usage (day, platform, operation, requests, units) VALUES ($1, $2, $3, $4, $4)`,
      [day, platform, operation, units],
    );
  const youtube = (fields: object = {}) => ({
    videoMediaId: video,
    title: 'A tour of the family lounge',
    madeForKids: false,
    ...fields,
  });

  beforeAll(async () => {
    api = await startTestApi({
      X_MONTHLY_POST_BUDGET: '3',
      YOUTUBE_DAILY_QUOTA: '5000',
      YOUTUBE_QUOTA_COSTS: 'captions.insert=300',
    });
    h = await hospital(api.url);
    video = (await uploadFixture(api.url, h.marketer, 'clip.mp4')).id;
    captions = (await uploadFixture(api.url, h.marketer, 'captions.vtt')).id;
    // What the app already spent: an X reply in July (reads are no posts, June is another month)
    // and YouTube units on the Pacific day.
    await usage('2031-07-01', 'x', 'tweets.create', 1);
    await usage('2031-07-01', 'x', 'tweets.lookup', 40);
    await usage('2031-06-30', 'x', 'tweets.create', 1);
    await usage('2031-07-01', 'youtube', 'videos.list', 1000);
    // Already scheduled: an X post later in July and a video with captions the same day.
    const text = 'Our family lounge opens this month.';
    scheduledX = (
      await approvedPost(api.url, h, {
        channelIds: [h.channels.x],
        scheduledAt: '2031-07-20T09:00',
        text,
        campaign: CAMPAIGN,
      })
    ).id;
    await approvedPost(api.url, h, {
      channelIds: [h.channels.youtube],
      scheduledAt: '2031-07-01T16:00',
      youtube: youtube({ captionMediaId: captions }),
    });
    // In the campaign: a draft video (counted) and a cancelled post (not counted).
    await createPost(api.url, h.marketer, {
      channelIds: [h.channels.youtube],
      scheduledAt: '2031-07-02T09:00',
      youtube: youtube(),
      campaign: CAMPAIGN,
    });
    const cancelled = await createPost(api.url, h.marketer, {
      channelIds: [h.channels.x],
      scheduledAt: '2031-07-03T09:00',
      text,
      campaign: CAMPAIGN,
    });
    await as(api.url, h.marketer).post(`/posts/${cancelled.id}/cancel`).expect(200);
    // Another organization's schedule is not ours to count.
    const other = await hospital(api.url);
    await approvedPost(api.url, other, {
      channelIds: [other.channels.x],
      scheduledAt: '2031-07-04T09:00',
      text,
    });
  });
  afterAll(() => api.close());

  it('shows each channel its calls, what is left of the X budget and the YouTube day, and the campaign', async () => {
    const response = await preview({
      channelIds: [h.channels.x, h.channels.youtube],
      scheduledAt: AT,
      images: 2,
      captions: true,
      campaign: CAMPAIGN,
    }).expect(200);
    expect(response.body).toEqual({
      scheduledAt: '2031-07-01T15:00:00.000Z',
      channels: [
        {
          channelId: h.channels.x,
          platform: 'x',
          calls: [
            { operation: 'media.upload.initialize', requests: 2, units: 0 },
            { operation: 'media.upload.append', requests: 2, units: 0 },
            { operation: 'media.upload.finalize', requests: 2, units: 0 },
            { operation: 'media.metadata.create', requests: 2, units: 0 },
            { operation: 'tweets.create', requests: 1, units: 1 },
          ],
          requests: 9,
          units: 1,
        },
        {
          channelId: h.channels.youtube,
          platform: 'youtube',
          calls: [
            { operation: 'videos.insert', requests: 1, units: 1600 },
            // The configured cost (YOUTUBE_QUOTA_COSTS), not the default 400.
            { operation: 'captions.insert', requests: 1, units: 300 },
            { operation: 'videos.update', requests: 1, units: 50 },
          ],
          requests: 3,
          units: 1950,
        },
      ],
      // 3 posts a month: the July reply, the scheduled X post and this one.
      x: {
        period: '2031-07',
        resetsAt: '2031-08-01T00:00:00.000Z',
        limit: 3,
        used: 1,
        scheduled: 1,
        thisPost: 1,
        remaining: 0,
        exceeds: false,
      },
      // 5000 units: 1000 spent, 1950 for the video already due that day, 1950 for this one.
      youtube: {
        period: '2031-07-01',
        resetsAt: '2031-07-02T07:00:00.000Z',
        limit: 5000,
        used: 1000,
        scheduled: 1950,
        thisPost: 1950,
        remaining: 100,
        exceeds: false,
      },
      // The scheduled X post, the draft video (1600 + 50) and this post; not the cancelled one.
      campaign: {
        name: CAMPAIGN,
        posts: 3,
        xPosts: 2,
        requests: 1 + 2 + 12,
        youtubeUnits: 1650 + 1950,
      },
      warnings: [],
    });
  });

  it("warns when the post would exceed the YouTube day's quota or the X budget", async () => {
    const secondX = await createChannel(h.id, 'x');
    const response = await preview({
      channelIds: [h.channels.x, secondX, h.channels.youtube],
      scheduledAt: AT,
      thumbnail: true,
      captions: true,
    }).expect(200);
    expect(response.body.x).toMatchObject({ thisPost: 2, remaining: -1, exceeds: true });
    expect(response.body.youtube).toMatchObject({ thisPost: 2000, remaining: 50, exceeds: false });
    expect(response.body.campaign).toBeNull();

    await usage('2031-07-01', 'youtube', 'videos.update', 150);
    const over = await preview({
      channelIds: [h.channels.youtube],
      scheduledAt: AT,
      thumbnail: true,
      captions: true,
    }).expect(200);
    expect(over.body.x).toBeNull();
    expect(over.body.youtube).toMatchObject({ used: 1150, remaining: -100, exceeds: true });
    expect(over.body.warnings).toEqual([
      {
        platform: 'youtube',
        message:
          "Would exceed the YouTube day's quota: 2031-07-01 (Pacific) would need 100 units more than the 5,000 available; calls past it wait for the next day.",
      },
    ]);
    expect(response.body.warnings).toEqual([
      {
        platform: 'x',
        message: 'Over the X budget: July 2031 would have 1 post more than the 3 allowed.',
      },
    ]);
  });

  it('counts a post being edited once: its saved schedule gives way to the preview', async () => {
    const response = await preview({
      channelIds: [h.channels.x],
      scheduledAt: '2031-07-20T09:00',
      campaign: CAMPAIGN,
      postId: scheduledX,
    }).expect(200);
    expect(response.body.x).toMatchObject({ used: 1, scheduled: 0, thisPost: 1, remaining: 1 });
    expect(response.body.campaign).toMatchObject({ posts: 2, xPosts: 1 });
  });

  it('answers 400 naming the field and the rule, and only for channels of the organization', async () => {
    const bad = await preview({ channelIds: [h.channels.x], scheduledAt: AT, images: 5 }).expect(
      400,
    );
    expect(bad.body.errors).toEqual([
      { field: 'images', rule: 'max', message: 'images must be at most 4' },
    ]);
    const past = await preview({ channelIds: [h.channels.x], scheduledAt: '2020-01-01T09:00' });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ field: 'scheduledAt' })]);
    const other = await hospital(api.url);
    const theirs = await preview({ channelIds: [other.channels.x], scheduledAt: AT }).expect(400);
    expect(theirs.body.errors).toEqual([expect.objectContaining({ field: 'channelIds' })]);
    await preview({ channelIds: [h.channels.x], scheduledAt: AT }, h.executive).expect(403);
  });
});
