import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';

export type Channel = Schemas['ChannelDto'];

export const CHANNELS_QUERY = ['channels'] as const;

export function useChannels() {
  return useQuery({
    queryKey: CHANNELS_QUERY,
    queryFn: () => unwrap(api.GET('/api/v1/channels')),
  });
}

export const PLATFORM_LABELS: Record<Channel['platform'], string> = { x: 'X', youtube: 'YouTube' };

export function channelLabel(channel: Channel): string {
  return `${PLATFORM_LABELS[channel.platform]} · ${channel.displayName || channel.handle}`;
}
