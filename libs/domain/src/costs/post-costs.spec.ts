import { YoutubeClient } from '@rounds/platforms';
import {
  addPost,
  budget,
  budgetWarnings,
  channelCost,
  xBudgetMonth,
  youtubeQuotaPeriod,
} from './post-costs';

const defaults = (operation: Parameters<typeof YoutubeClient.quotaCost>[0]) =>
  YoutubeClient.quotaCost(operation);

describe('channelCost: the platform calls one channel of a post takes', () => {
  it('X: the tweet counts against the budget; each image is four upload requests', () => {
    const cost = channelCost('x', { images: 2, thumbnail: false, captions: false }, defaults);
    expect(cost).toEqual({
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
    });
    expect(
      channelCost('x', { images: 0, thumbnail: true, captions: true }, defaults),
    ).toMatchObject({ requests: 1, units: 1 });
  });

  it('YouTube: upload, extras and going live, in units of the configured table', () => {
    const table = (operation: Parameters<typeof defaults>[0]) =>
      YoutubeClient.quotaCost(operation, { 'captions.insert': 300 });
    const cost = channelCost('youtube', { images: 3, thumbnail: true, captions: true }, table);
    expect(cost.calls.map((c) => [c.operation, c.units])).toEqual([
      ['videos.insert', 1600],
      ['thumbnails.set', 50],
      ['captions.insert', 300],
      ['videos.update', 50],
    ]);
    expect(cost).toMatchObject({ requests: 4, units: 2000 });
    expect(
      channelCost('youtube', { images: 0, thumbnail: false, captions: false }, defaults),
    ).toMatchObject({ units: 1650 });
  });
});

describe('the periods the limits count in', () => {
  it('X: the UTC month', () => {
    expect(xBudgetMonth(new Date('2030-05-31T23:30:00-05:00'))).toEqual({
      label: '2030-06',
      from: new Date('2030-06-01T00:00:00Z'),
      to: new Date('2030-07-01T00:00:00Z'),
    });
  });

  it('YouTube: the Pacific day, 23 hours long when the clocks go forward', () => {
    expect(youtubeQuotaPeriod(new Date('2030-03-10T20:00:00Z'))).toEqual({
      label: '2030-03-10',
      from: new Date('2030-03-10T08:00:00Z'),
      to: new Date('2030-03-11T07:00:00Z'),
    });
    expect(youtubeQuotaPeriod(new Date('2030-05-02T06:30:00Z')).label).toBe('2030-05-01');
  });
});

describe('budget and its warnings', () => {
  const day = youtubeQuotaPeriod(new Date('2030-05-01T18:00:00Z'));
  const month = xBudgetMonth(new Date('2030-05-01T18:00:00Z'));

  it('is what is left after this post, and exceeds below zero', () => {
    expect(budget(day, 10_000, { used: 3_000, scheduled: 4_950, thisPost: 2_050 })).toMatchObject({
      remaining: 0,
      exceeds: false,
    });
    expect(budget(day, 10_000, { used: 3_000, scheduled: 6_600, thisPost: 2_050 })).toMatchObject({
      remaining: -1_650,
      exceeds: true,
    });
  });

  it('says which limit would be exceeded, by how much', () => {
    const x = budget(month, 50_000, { used: 49_000, scheduled: 1_000, thisPost: 2 });
    const youtube = budget(day, 10_000, { used: 8_000, scheduled: 0, thisPost: 3_650 });
    expect(budgetWarnings(x, youtube)).toEqual([
      {
        platform: 'x',
        message: 'Over the X budget: May 2030 would have 2 posts more than the 50,000 allowed.',
      },
      {
        platform: 'youtube',
        message:
          "Would exceed the YouTube day's quota: 2030-05-01 (Pacific) would need 1,650 units more than the 10,000 available; calls past it wait for the next day.",
      },
    ]);
    expect(budgetWarnings(budget(month, 10, { used: 0, scheduled: 0, thisPost: 1 }), null)).toEqual(
      [],
    );
  });
});

describe('addPost: the campaign total', () => {
  it('adds posts, X posts, requests and YouTube units', () => {
    const plan = { images: 1, thumbnail: true, captions: false };
    const costs = [channelCost('x', plan, defaults), channelCost('youtube', plan, defaults)];
    const start = { name: 'Heart Month', posts: 0, xPosts: 0, requests: 0, youtubeUnits: 0 };
    expect(addPost(addPost(start, costs), costs)).toEqual({
      name: 'Heart Month',
      posts: 2,
      xPosts: 2,
      requests: 2 * (5 + 3),
      youtubeUnits: 2 * 1700,
    });
  });
});
