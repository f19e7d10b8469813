import { Avatar, Badge, Box, Group, Image, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBrandX, IconBrandYoutube, IconMovie } from '@tabler/icons-react';
import type { Channel } from '../channels/channels-queries';
import type { ComposerState, TweetDraft } from './composer-state';
import { useMedia, useMediaUrl } from './media-queries';

/** Roughly how the post will look on each chosen platform. */
export function PostPreview({ state, channels }: { state: ComposerState; channels: Channel[] }) {
  const chosen = channels.filter((c) => state.channelIds.includes(c.id));
  if (!chosen.length) {
    return (
      <Text size="sm" c="dimmed">
        Choose a channel to see a preview.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {chosen.map((channel) =>
        channel.platform === 'x' ? (
          <XPreview key={channel.id} channel={channel} state={state} />
        ) : (
          <YoutubePreview key={channel.id} channel={channel} state={state} />
        ),
      )}
    </Stack>
  );
}

/** The post as X shows it: its first tweet, and each tweet of its thread below the one it answers. */
function XPreview({ channel, state }: { channel: Channel; state: ComposerState }) {
  const tweets: TweetDraft[] = [{ text: state.xText, images: state.images }, ...state.thread];
  return (
    <Paper p="md" aria-label={`Preview on X as ${channel.handle}`}>
      <Stack gap="md">
        {tweets.map((tweet, index) => (
          <Group key={index} gap="sm" align="flex-start" wrap="nowrap">
            <Avatar color="dark" radius="xl">
              <IconBrandX size={18} />
            </Avatar>
            <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
              <Group gap={6}>
                <Text fw={700} size="sm">
                  {channel.displayName}
                </Text>
                <Text size="sm" c="dimmed">
                  @{channel.handle.replace(/^@/, '')}
                </Text>
                {tweets.length > 1 && (
                  <Text size="sm" c="dimmed">
                    · {index + 1}/{tweets.length}
                  </Text>
                )}
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {tweet.text || (index === 0 ? 'Your post text appears here.' : '')}
              </Text>
              {tweet.images.length > 0 && (
                <SimpleGrid cols={tweet.images.length > 1 ? 2 : 1} spacing={4}>
                  {tweet.images.map((image) => (
                    <PreviewImage key={image.mediaId} mediaId={image.mediaId} alt={image.altText} />
                  ))}
                </SimpleGrid>
              )}
            </Stack>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function PreviewImage({ mediaId, alt }: { mediaId: string; alt: string }) {
  const url = useMediaUrl(mediaId);
  return <Image src={url} alt={alt} radius="md" h={120} fit="cover" bg="gray.1" />;
}

function YoutubePreview({ channel, state }: { channel: Channel; state: ComposerState }) {
  const video = useMedia(state.videoMediaId);
  const thumbnail = useMediaUrl(state.thumbnailMediaId);
  return (
    <Paper p="md" aria-label={`Preview on YouTube as ${channel.displayName}`}>
      <Box pos="relative" mb="sm">
        {thumbnail ? (
          <Image src={thumbnail} alt="" radius="md" h={150} fit="cover" />
        ) : (
          <Stack h={150} bg="dark.7" align="center" justify="center" style={{ borderRadius: 8 }}>
            <IconMovie color="white" size={32} />
            <Text size="xs" c="gray.3">
              {video.data?.originalName ?? 'No video yet'}
            </Text>
          </Stack>
        )}
      </Box>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconBrandYoutube color="#ff0000" size={20} style={{ flexShrink: 0 }} />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={700} size="sm" lineClamp={2}>
            {state.title || 'Video title'}
          </Text>
          <Text size="xs" c="dimmed">
            {channel.displayName}
          </Text>
          <Text size="xs" c="gray.7" lineClamp={3}>
            {state.description}
          </Text>
          <Group gap={4} mt={4}>
            <Badge size="sm" color="gray">
              {state.privacyStatus}
            </Badge>
            {state.madeForKids && (
              <Badge size="sm" color="grape">
                Made for kids
              </Badge>
            )}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
