import {
  Alert,
  Button,
  Grid,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconBrandX, IconBrandYoutube, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { useChannels } from '../channels/channels-queries';
import type { Channel } from '../channels/channels-queries';
import { LoadError, Page } from '../common/page';
import type { PostDetail } from '../posts/post-model';
import { useOrgTime } from '../time/org-time';
import { ChannelPicker } from './channel-picker';
import { CostPanel } from './cost-panel';
import {
  CATEGORY_OPTIONS,
  EMPTY_COMPOSER,
  fromPost,
  platformsOf,
  toRequest,
} from './composer-state';
import type { ComposerState } from './composer-state';
import { PostPreview } from './post-preview';
import { XSection } from './x-section';
import { YoutubeSection } from './youtube-section';

/** /compose for a new post, /posts/:id/edit for an existing one. */
export function ComposerPage() {
  const { id } = useParams();
  const channels = useChannels();
  const post = useQuery({
    queryKey: ['post', id],
    queryFn: () => unwrap(api.GET('/api/v1/posts/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
  const error = channels.error ?? post.error;
  if (error) return <LoadError error={error} />;
  if (!channels.data || (id && !post.data)) return null;
  return <Composer key={id ?? 'new'} channels={channels.data} post={post.data} />;
}

/** What the API would refuse anyway, said before the round trip. */
function missing(state: ComposerState, channels: Channel[]): string[] {
  const platforms = platformsOf(state, channels);
  return [
    !state.channelIds.length && 'a channel',
    !state.scheduledAt && 'a publishing time',
    platforms.x && !state.xText.trim() && !state.images.length && 'the post text',
    platforms.x &&
      state.thread.some((t) => !t.text.trim() && !t.images.length) &&
      'the text of every tweet in the thread',
    [...state.images, ...state.thread.flatMap((t) => t.images)].some((i) => !i.altText.trim()) &&
      'alt text for every image',
    platforms.youtube && !state.videoMediaId && 'a video',
    platforms.youtube && !state.title.trim() && 'a video title',
    platforms.youtube && state.madeForKids === null && 'the made-for-kids answer',
  ].filter((m): m is string => !!m);
}

function Composer({ channels, post }: { channels: Channel[]; post?: PostDetail }) {
  const time = useOrgTime();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [state, setState] = useState<ComposerState>(() =>
    post
      ? fromPost(post)
      : {
          ...EMPTY_COMPOSER,
          scheduledAt: params.get('date') ? `${params.get('date')} 09:00:00` : null,
        },
  );
  const update = (change: Partial<ComposerState>) => setState((s) => ({ ...s, ...change }));
  const platforms = platformsOf(state, channels);
  const save = useMutation({
    mutationFn: async (submit: boolean) => {
      const body = toRequest(state, channels);
      const saved = post
        ? await unwrap(api.PATCH('/api/v1/posts/{id}', { params: { path: { id: post.id } }, body }))
        : await unwrap(api.POST('/api/v1/posts', { body }));
      if (!submit) return saved;
      return unwrap(api.POST('/api/v1/posts/{id}/submit', { params: { path: { id: saved.id } } }));
    },
    onSuccess: (saved, submitted) => {
      notifications.show({
        color: 'teal',
        title: submitted ? 'Sent for review' : 'Draft saved',
        message: submitted
          ? 'Compliance will review it; you will be notified of the decision.'
          : 'Nothing goes out until it is submitted and approved.',
      });
      void queryClient.invalidateQueries({ queryKey: ['posts'] });
      queryClient.setQueryData(['post', saved.id], saved);
      void navigate(`/posts/${saved.id}`);
    },
  });
  const apiError = save.error instanceof ApiError ? save.error : null;
  const fieldError = (field: string) => apiError?.fieldMessage(field);
  const gaps = missing(state, channels);
  const connected = channels.filter(
    (c) => c.status === 'connected' || state.channelIds.includes(c.id),
  );

  return (
    <Page
      title={post ? 'Edit post' : 'New post'}
      description={
        post
          ? 'Saving a change makes a new revision; an approved post then needs approval again.'
          : 'Write once for each channel. Protected health information is flagged as you type.'
      }
    >
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Section title="Where and when">
              <ChannelPicker
                channels={connected}
                value={state.channelIds}
                onChange={(channelIds) => update({ channelIds })}
                error={fieldError('channelIds')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DateTimePicker
                  label="Publish at"
                  description={`${time.zone.replace(/_/g, ' ')} time`}
                  required
                  value={state.scheduledAt}
                  onChange={(scheduledAt) => update({ scheduledAt })}
                  valueFormat="MMM D, YYYY h:mm A"
                  timePickerProps={{ format: '12h', withDropdown: true }}
                  error={fieldError('scheduledAt')}
                />
                <TextInput
                  label="Campaign"
                  placeholder="Optional, e.g. Heart Month"
                  value={state.campaign}
                  onChange={(e) => update({ campaign: e.currentTarget.value })}
                  error={fieldError('campaign')}
                />
              </SimpleGrid>
              <MultiSelect
                label="Content categories"
                description="Some need more approvers or a consent record."
                data={CATEGORY_OPTIONS}
                value={state.categories}
                onChange={(categories) => update({ categories })}
                error={fieldError('categories')}
              />
            </Section>
            {platforms.x && (
              <Section title="X" icon={<IconBrandX size={20} />}>
                <XSection state={state} update={update} fieldError={fieldError} />
              </Section>
            )}
            {platforms.youtube && (
              <Section title="YouTube" icon={<IconBrandYoutube size={20} color="#ff0000" />}>
                <YoutubeSection state={state} update={update} fieldError={fieldError} />
              </Section>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg" pos="sticky" top={80}>
            <Section title="Preview">
              <PostPreview state={state} channels={channels} />
            </Section>
            <Section title="Cost & quota">
              <CostPanel state={state} channels={channels} postId={post?.id} />
            </Section>
            <Paper p="md">
              <Stack gap="sm">
                {apiError && (
                  <Alert color="red" title="Not saved">
                    {apiError.message}
                  </Alert>
                )}
                {gaps.length > 0 && (
                  <Text size="sm" c="dimmed">
                    Before submitting, add {gaps.join(', ')}.
                  </Text>
                )}
                <Stack gap="xs">
                  <Button
                    variant="default"
                    onClick={() => save.mutate(false)}
                    loading={save.isPending && !save.variables}
                    disabled={!state.channelIds.length || !state.scheduledAt}
                  >
                    Save draft
                  </Button>
                  <Button
                    leftSection={<IconSend size={16} />}
                    onClick={() => save.mutate(true)}
                    loading={save.isPending && save.variables}
                    disabled={gaps.length > 0}
                  >
                    Submit for review
                  </Button>
                </Stack>
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}

function Section({
  title,
  icon,
  children,
}: {
  title: string;
  icon?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper p="lg">
      <Group gap="xs" mb="md">
        {icon}
        <Title order={2} fz={18}>
          {title}
        </Title>
      </Group>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}
