import { toBatches } from './metrics-batches';
import type { ClaimedPublication } from './metrics-sweep.store';

const claimed = (channelId: string, platform: 'x' | 'youtube', n: number): ClaimedPublication[] =>
  Array.from({ length: n }, (_, i) => ({
    publicationId: `${channelId}-${String(i).padStart(4, '0')}`,
    organizationId: 'org',
    channelId,
    platform,
  }));

describe('toBatches', () => {
  it('puts up to 100 X posts and 50 YouTube videos in one request, never mixing channels', () => {
    const batches = toBatches([
      ...claimed('x1', 'x', 250),
      ...claimed('yt', 'youtube', 120),
      ...claimed('x2', 'x', 3),
    ]);
    expect(batches.map((b) => [b.channelId, b.publicationIds.length])).toEqual([
      ['x1', 100],
      ['x1', 100],
      ['x1', 50],
      ['yt', 50],
      ['yt', 50],
      ['yt', 20],
      ['x2', 3],
    ]);
    expect(new Set(batches.flatMap((b) => b.publicationIds)).size).toBe(373);
  });
});
