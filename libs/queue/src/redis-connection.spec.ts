import { redisTarget } from './redis-connection';

describe('redisTarget', () => {
  it.each([
    [
      'redis://127.0.0.1:6379',
      {
        mode: 'standalone',
        options: expect.objectContaining({ host: '127.0.0.1', port: 6379, db: 0 }),
      },
    ],
    [
      'rediss://app:s%40cret@cache.internal:6380/2',
      {
        mode: 'standalone',
        options: expect.objectContaining({
          host: 'cache.internal',
          port: 6380,
          db: 2,
          username: 'app',
          password: 's@cret',
          tls: {},
        }),
      },
    ],
    [
      'redis+cluster://:pw@10.0.0.1:7000,10.0.0.2:7001',
      {
        mode: 'cluster',
        nodes: [
          { host: '10.0.0.1', port: 7000 },
          { host: '10.0.0.2', port: 7001 },
        ],
        options: expect.objectContaining({ password: 'pw', maxRetriesPerRequest: null }),
      },
    ],
    [
      'redis+sentinel://s1:26379,s2:26380/mymaster/3',
      {
        mode: 'sentinel',
        options: expect.objectContaining({
          name: 'mymaster',
          db: 3,
          sentinels: [
            { host: 's1', port: 26379 },
            { host: 's2', port: 26380 },
          ],
        }),
      },
    ],
  ])('reads %s', (url, expected) => {
    expect(redisTarget({ REDIS_URL: url })).toEqual(expected);
  });

  it('takes the nodes of REDIS_CLUSTER_NODES and the credentials of the URL', () => {
    const target = redisTarget({
      REDIS_URL: 'rediss://:pw@ignored:6379',
      REDIS_CLUSTER_NODES: 'a:7000,b:7001',
    });
    expect(target).toEqual({
      mode: 'cluster',
      nodes: [
        { host: 'a', port: 7000 },
        { host: 'b', port: 7001 },
      ],
      options: expect.objectContaining({ password: 'pw', tls: {} }),
    });
  });

  it('takes the sentinels of REDIS_SENTINELS and the master of REDIS_SENTINEL_NAME', () => {
    const target = redisTarget({
      REDIS_URL: 'redis://:pw@ignored:6379/1',
      REDIS_SENTINELS: 's1:26379',
      REDIS_SENTINEL_NAME: 'rounds',
    });
    expect(target).toEqual({
      mode: 'sentinel',
      options: expect.objectContaining({
        sentinels: [{ host: 's1', port: 26379 }],
        name: 'rounds',
        password: 'pw',
        db: 1,
      }),
    });
  });

  it('refuses a Sentinel URL without the master name', () => {
    expect(() => redisTarget({ REDIS_URL: 'redis+sentinel://s1:26379' })).toThrow(
      /REDIS_SENTINEL_NAME/,
    );
  });
});
