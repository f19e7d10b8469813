import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  it('answers an entry until it expires', () => {
    const cache = new ExpiringCache<string>(10);
    cache.set('a', 'first', 1000, 0);
    expect(cache.get('a', 999)).toBe('first');
    expect(cache.get('a', 1000)).toBeUndefined();
  });

  it('drops the oldest entry written once full, keeping the ones written since', () => {
    const cache = new ExpiringCache<number>(2);
    cache.set('a', 1, 1000, 0);
    cache.set('b', 2, 1000, 0);
    cache.set('a', 3, 1000, 0); // written again: now the newest
    cache.set('c', 4, 1000, 0);
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)]).toEqual([3, undefined, 4]);
  });
});
