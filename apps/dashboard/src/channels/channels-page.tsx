import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconBrandX,
  IconBrandYoutube,
  IconPlugConnected,
  IconRefresh,
  IconUnlink,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { LoadError, Page } from '../common/page';
import { useOrgTime } from '../time/org-time';
import { CHANNELS_QUERY, PLATFORM_LABELS, useChannels } from './channels-queries';
import type { Channel } from './channels-queries';

const STATUS = {
  connected: { color: 'teal', label: 'Connected' },
  needs_reauth: { color: 'red', label: 'Needs sign-in again' },
  disconnected: { color: 'gray', label: 'Disconnected' },
} as const;

/** Starts the platform's OAuth flow: the API answers with the consent page to send the browser to. */
function useConnect() {
  return useMutation({
    mutationFn: (platform: Channel['platform']) =>
      unwrap(
        platform === 'x'
          ? api.POST('/api/v1/channels/x/connect')
          : api.POST('/api/v1/channels/youtube/connect'),
      ),
    onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: 'Could not connect',
        message: errorMessage(error),
      }),
  });
}

export function ChannelsPage() {
  const channels = useChannels();
  const { can } = useSession();
  const connect = useConnect();
  const [params] = useSearchParams();
  const manage = can('channels:manage');
  return (
    <Page
      title="Channels"
      description="The X accounts and YouTube channels Rounds publishes to."
      actions={
        manage && (
          <>
            <Button
              leftSection={<IconBrandX size={16} />}
              variant="default"
              onClick={() => connect.mutate('x')}
              loading={connect.isPending && connect.variables === 'x'}
            >
              Connect X
            </Button>
            <Button
              leftSection={<IconBrandYoutube size={16} color="#ff0000" />}
              variant="default"
              onClick={() => connect.mutate('youtube')}
              loading={connect.isPending && connect.variables === 'youtube'}
            >
              Connect YouTube
            </Button>
          </>
        )
      }
    >
      {params.get('connected') && (
        <Alert color="teal" icon={<IconPlugConnected />} title="Channel connected">
          Posts can now be scheduled to it.
        </Alert>
      )}
      {params.get('error') && (
        <Alert color="red" title="The channel was not connected">
          {params.get('error')}
        </Alert>
      )}
      {channels.isError && (
        <LoadError error={channels.error} onRetry={() => void channels.refetch()} />
      )}
      {channels.data?.length === 0 && (
        <Paper p="xl">
          <Text c="dimmed" ta="center">
            No channels yet.{manage ? ' Connect an X account or a YouTube channel to start.' : ''}
          </Text>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {channels.data?.map((channel) => (
          <ChannelCard
            key={channel.id}
            channel={channel}
            manage={manage}
            onReconnect={() => connect.mutate(channel.platform)}
          />
        ))}
      </SimpleGrid>
    </Page>
  );
}

function ChannelCard({
  channel,
  manage,
  onReconnect,
}: {
  channel: Channel;
  manage: boolean;
  onReconnect: () => void;
}) {
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const disconnect = useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/api/v1/channels/{id}', { params: { path: { id: channel.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CHANNELS_QUERY }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const [confirming, setConfirming] = useState(false);
  const status = STATUS[channel.status];
  return (
    <Paper p="lg" style={{ borderLeft: `5px solid ${channel.color}` }} data-testid="channel-card">
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          {channel.platform === 'x' ? (
            <IconBrandX size={28} />
          ) : (
            <IconBrandYoutube size={28} color="#ff0000" />
          )}
          <div>
            <Text fw={700}>{channel.displayName}</Text>
            <Text size="sm" c="dimmed">
              {PLATFORM_LABELS[channel.platform]} · {channel.handle}
            </Text>
          </div>
        </Group>
        <Badge color={status.color}>{status.label}</Badge>
      </Group>
      <Stack gap={4} mt="md">
        {channel.connectedAt && (
          <Text size="sm" c="gray.7">
            Connected {time.format(channel.connectedAt)}
          </Text>
        )}
        {channel.statusReason && (
          <Text size="sm" c="red.8">
            {channel.statusReason}
          </Text>
        )}
        {channel.rateLimitedUntil && (
          <Text size="sm" c="orange.8">
            Rate limited: its posts wait until {time.format(channel.rateLimitedUntil)}
          </Text>
        )}
      </Stack>
      {manage && (
        <Group mt="md" gap="sm">
          {channel.status !== 'connected' && (
            <Button size="xs" leftSection={<IconRefresh size={14} />} onClick={onReconnect}>
              Reconnect
            </Button>
          )}
          {channel.status !== 'disconnected' && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconUnlink size={14} />}
              onClick={() => (confirming ? disconnect.mutate() : setConfirming(true))}
              loading={disconnect.isPending}
            >
              {confirming ? 'Really disconnect? Its scheduled posts will wait' : 'Disconnect'}
            </Button>
          )}
        </Group>
      )}
    </Paper>
  );
}
