import { Alert, Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { channelLabel } from '../channels/channels-queries';
import type { Channel } from '../channels/channels-queries';
import { dayjs } from '../time/org-time';
import { platformsOf } from './composer-state';
import type { ComposerState } from './composer-state';

type CostRequest = Schemas['CostPreviewRequestDto'];
type Budget = Schemas['BudgetDto'];

const COST_DELAY_MS = 400;

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, noun: string) => `${count(n)} ${noun}${n === 1 ? '' : 's'}`;

/** What the cost preview needs from the composer; null until there is a channel and a time. */
function costRequest(
  state: ComposerState,
  channels: Channel[],
  postId: string | undefined,
): CostRequest | null {
  if (!state.channelIds.length || !state.scheduledAt) return null;
  const platforms = platformsOf(state, channels);
  return {
    channelIds: state.channelIds,
    scheduledAt: state.scheduledAt.replace(' ', 'T'),
    images: platforms.x ? state.images.length : 0,
    thumbnail: platforms.youtube && !!state.thumbnailMediaId,
    captions: platforms.youtube && !!state.captionMediaId,
    campaign: state.campaign.trim() || null,
    ...(postId ? { postId } : {}),
  };
}

/**
 * "Cost & quota": what the post costs each channel, what is left of the X budget and the YouTube
 * day's quota after it, and its campaign's total; asked again (debounced) as the composer changes.
 */
export function CostPanel(props: { state: ComposerState; channels: Channel[]; postId?: string }) {
  const request = costRequest(props.state, props.channels, props.postId);
  // Debounced as text: a new object every render would restart the timer forever.
  const [body] = useDebouncedValue(request && JSON.stringify(request), COST_DELAY_MS);
  const preview = useQuery({
    queryKey: ['cost-preview', body],
    queryFn: () =>
      unwrap(api.POST('/api/v1/posts/cost-preview', { body: JSON.parse(body!) as CostRequest })),
    enabled: !!request && !!body,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
  if (!request) {
    return (
      <Text size="sm" c="dimmed">
        Choose a channel and a time to see what this post costs.
      </Text>
    );
  }
  if (preview.error) {
    return (
      <Text size="sm" c="red.8" role="alert">
        No estimate: {preview.error.message}
      </Text>
    );
  }
  const data = preview.data;
  if (!data) {
    return (
      <Text size="sm" c="dimmed">
        Estimating…
      </Text>
    );
  }
  const byId = new Map(props.channels.map((c) => [c.id, c]));
  return (
    <Stack gap="md" data-testid="cost-panel" aria-busy={preview.isFetching}>
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {data.channels.map((cost) => (
          <ChannelCostRow key={cost.channelId} cost={cost} channel={byId.get(cost.channelId)} />
        ))}
      </Stack>
      {data.x && (
        <BudgetRow label={`X posts, ${monthName(data.x.period)}`} noun="post" b={data.x} />
      )}
      {data.youtube && (
        <BudgetRow
          label={`YouTube quota, ${dayjs(data.youtube.period).format('MMM D')} (Pacific day)`}
          noun="unit"
          b={data.youtube}
        />
      )}
      {data.warnings.map((w) => (
        <Alert key={w.platform} color="red" icon={<IconAlertTriangle size={18} />} p="xs">
          <Text size="sm">{w.message}</Text>
        </Alert>
      ))}
      {data.campaign && (
        <Text size="sm" data-testid="campaign-total">
          <Text span fw={600}>
            Campaign “{data.campaign.name}”:
          </Text>{' '}
          {plural(data.campaign.posts, 'post')} · {plural(data.campaign.xPosts, 'X post')} ·{' '}
          {count(data.campaign.youtubeUnits)} YouTube units ·{' '}
          {plural(data.campaign.requests, 'request')}
        </Text>
      )}
    </Stack>
  );
}

/** `tweets.create · image upload (4)` or `videos.insert 1,600 · videos.update 50`. */
function describeCalls({ platform, calls }: Schemas['ChannelCostDto']): string {
  const isUpload = (c: { operation: string }) => c.operation.startsWith('media.');
  const uploads = calls.filter(isUpload).reduce((sum, c) => sum + c.requests, 0);
  const named = calls
    .filter((c) => !isUpload(c))
    .map((c) => (platform === 'youtube' ? `${c.operation} ${count(c.units)}` : c.operation));
  return [...named, ...(uploads ? [`image upload (${uploads})`] : [])].join(' · ');
}

function ChannelCostRow({ cost, channel }: { cost: Schemas['ChannelCostDto']; channel?: Channel }) {
  const counted =
    cost.platform === 'x' ? plural(cost.units, 'post') : `${count(cost.units)} quota units`;
  return (
    <li>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          {channel ? channelLabel(channel) : cost.platform}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {counted}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {plural(cost.requests, 'request')}: {describeCalls(cost)}
      </Text>
    </li>
  );
}

function BudgetRow({ label, noun, b }: { label: string; noun: string; b: Budget }) {
  const spent = b.used + b.scheduled + b.thisPost;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Badge
          color={b.exceeds ? 'red' : 'teal'}
          variant="light"
          style={{ flexShrink: 0 }}
          leftSection={b.exceeds ? <IconAlertTriangle size={12} /> : <IconCircleCheck size={12} />}
        >
          {b.exceeds ? 'Would exceed' : 'Within limit'}
        </Badge>
      </Group>
      <Progress
        value={Math.min(100, (spent / b.limit) * 100)}
        color={b.exceeds ? 'red' : spent / b.limit > 0.8 ? 'orange' : 'teal'}
        size="sm"
        aria-label={`${label}: ${count(spent)} of ${count(b.limit)} with this post`}
      />
      <Text size="xs" c={b.exceeds ? 'red.8' : 'dimmed'}>
        {b.exceeds
          ? `${plural(-b.remaining, noun)} over the ${count(b.limit)} after this post`
          : `${plural(b.remaining, noun)} of ${count(b.limit)} left after this post`}{' '}
        ({count(b.used)} used, {count(b.scheduled)} scheduled, {count(b.thisPost)} this post)
      </Text>
    </Stack>
  );
}

function monthName(period: string): string {
  return dayjs(`${period}-01`).format('MMMM YYYY');
}
