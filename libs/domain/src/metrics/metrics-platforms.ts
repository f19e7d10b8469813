import type { MetricCounters } from '@rounds/platforms';
import type { ChannelPlatform } from '../channels/channel.entity';
import type { PlatformClients } from '../channels/platform-clients';
import type { PlatformCall } from './platform-usage';

/** How metrics reads one platform: batch size, the reads, and what each costs. */
export interface MetricsPlatform {
  read(accessToken: string, externalIds: string[]): Promise<Map<string, MetricCounters>>;
  readCost(ids: number): PlatformCall;
  followers(accessToken: string): Promise<number>;
  followersCost: PlatformCall;
}

/** Ids one metrics request may carry: each platform's lookup limit. */
export const METRICS_BATCH_SIZE: Record<ChannelPlatform, number> = { x: 100, youtube: 50 };

const requestsFor = (ids: number, batch: number) => Math.ceil(ids / batch);

export function metricsPlatforms(
  clients: PlatformClients,
): Record<ChannelPlatform, MetricsPlatform> {
  const { x, youtube } = clients;
  const listUnits = youtube.quotaCost('videos.list');
  return {
    x: {
      read: (token, ids) => x.getMetrics(token, ids),
      readCost: (ids) => {
        const requests = requestsFor(ids, METRICS_BATCH_SIZE.x);
        return { platform: 'x', operation: 'tweets.lookup', requests, units: requests };
      },
      followers: async (token) => (await x.getAccount(token)).followers,
      followersCost: { platform: 'x', operation: 'users.me', requests: 1, units: 1 },
    },
    youtube: {
      read: (token, ids) => youtube.getMetrics(token, ids),
      readCost: (ids) => {
        const requests = requestsFor(ids, METRICS_BATCH_SIZE.youtube);
        return {
          platform: 'youtube',
          operation: 'videos.list',
          requests,
          units: requests * listUnits,
        };
      },
      followers: async (token) => (await youtube.getChannel(token)).subscribers,
      followersCost: {
        platform: 'youtube',
        operation: 'channels.list',
        requests: 1,
        units: youtube.quotaCost('channels.list'),
      },
    },
  };
}
