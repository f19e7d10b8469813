import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconLinkOff } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import twitterText from 'twitter-text';
import { errorMessage } from '../api/api-error';
import { api, unwrap } from '../api/client';
import type { LinkDraft } from './composer-state';

interface LinkTrackerProps {
  /** Names the list for screen readers: "Links to track on X". */
  platform: 'X' | 'YouTube';
  text: string;
  onText: (text: string) => void;
  links: LinkDraft[];
  onTracked: (link: LinkDraft) => void;
}

/**
 * The addresses in a text, each offered for tracking: "Track" swaps it for a first-party short
 * link (utm_source, utm_medium, utm_campaign and utm_content are added when the post is approved,
 * no third-party tracker involved); "Stop tracking" puts the address back.
 */
export function LinkTracker({ platform, text, onText, links, onTracked }: LinkTrackerProps) {
  const tracked = links.filter((link) => text.includes(link.shortUrl));
  const shortUrls = new Set(links.map((link) => link.shortUrl));
  const untracked = [...new Set(twitterText.extractUrls(text))].filter(
    (url) => !shortUrls.has(url),
  );
  const track = useMutation({
    mutationFn: (url: string) =>
      unwrap(
        api.POST('/api/v1/links', {
          body: { url: /^https?:\/\//i.test(url) ? url : `https://${url}` },
        }),
      ),
    onSuccess: (link, url) => {
      onTracked(link);
      onText(text.replace(url, link.shortUrl));
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not tracked', message: errorMessage(error) }),
  });
  if (tracked.length === 0 && untracked.length === 0) return null;
  return (
    <Stack gap={6} aria-label={`Links to track on ${platform}`} role="group">
      <Text size="sm" fw={500}>
        Links
      </Text>
      {untracked.map((url) => (
        <Group key={url} gap="xs" wrap="nowrap" justify="space-between">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {url}
          </Text>
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconLink size={14} />}
            loading={track.isPending && track.variables === url}
            onClick={() => track.mutate(url)}
            style={{ flexShrink: 0 }}
            aria-label={`Track ${url}`}
          >
            Track
          </Button>
        </Group>
      ))}
      {tracked.map((link) => (
        <Group
          key={link.code}
          gap="xs"
          wrap="nowrap"
          justify="space-between"
          data-testid="tracked-link"
        >
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Anchor href={link.url} target="_blank" rel="noreferrer" size="sm">
              {link.url}
            </Anchor>{' '}
            <Text span size="sm" c="gray.7">
              tracked as {link.shortUrl}
            </Text>
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<IconLinkOff size={14} />}
            onClick={() => onText(text.replace(link.shortUrl, link.url))}
            style={{ flexShrink: 0 }}
            aria-label={`Stop tracking ${link.url}`}
          >
            Stop tracking
          </Button>
        </Group>
      ))}
      <Text size="xs" c="gray.7">
        A tracked link is a short link of ours that counts clicks (never who clicked) and adds UTM
        parameters for this post and campaign; its destination is fixed when the post is approved.
      </Text>
    </Stack>
  );
}
