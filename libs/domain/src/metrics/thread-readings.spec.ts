import { idsToRead, readingsOf } from './thread-readings';

const single = { publicationId: 'p1', externalId: '10', threadTweetIds: [] };
const thread = { publicationId: 'p2', externalId: '20', threadTweetIds: ['20', '21', '22'] };

describe('thread readings', () => {
  it('asks the platform about every tweet of a thread', () => {
    expect(idsToRead([single, thread])).toEqual(['10', '20', '21', '22']);
  });

  it('counts a thread as the sum of its tweets, and keeps each tweet', () => {
    const read = new Map([
      ['10', { impressions: 5, likes: 1 }],
      ['20', { impressions: 100, likes: 7, reposts: 2 }],
      ['21', { impressions: 40, likes: 3 }],
      // 22: deleted on X, counts 0
    ]);
    const { counters, tweets } = readingsOf([single, thread], read);
    expect(counters.get('10')).toEqual({ impressions: 5, likes: 1 });
    expect(counters.get('20')).toMatchObject({
      impressions: 140,
      likes: 10,
      reposts: 2,
      replies: 0,
    });
    expect(tweets.get('p2')).toEqual([
      { tweetId: '20', impressions: 100, likes: 7, reposts: 2 },
      { tweetId: '21', impressions: 40, likes: 3 },
      { tweetId: '22', likes: 0 },
    ]);
    expect(tweets.has('p1')).toBe(false);
  });

  it('treats a thread whose first tweet is gone as gone', () => {
    const { counters } = readingsOf([thread], new Map([['21', { likes: 3 }]]));
    expect(counters.has('20')).toBe(false);
  });
});
