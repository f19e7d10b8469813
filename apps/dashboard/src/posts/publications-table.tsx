import { Anchor, Table, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { channelLabel, useChannels } from '../channels/channels-queries';
import { useOrgTime } from '../time/org-time';
import type { PostDetail } from './post-model';
import { StatusBadge } from './status-badge';

/** One row per channel the post goes to: its own status, the live link, or the platform's error. */
export function PublicationsTable({ post }: { post: PostDetail }) {
  const channels = useChannels();
  const time = useOrgTime();
  if (!post.publications.length) {
    return (
      <Text size="sm" c="dimmed">
        Publications are scheduled once the post is approved.
      </Text>
    );
  }
  return (
    <Table verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Channel</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Result</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {post.publications.map((publication) => {
          const channel = channels.data?.find((c) => c.id === publication.channelId);
          return (
            <Table.Tr key={publication.id} data-testid="publication">
              <Table.Td>{channel ? channelLabel(channel) : publication.platform}</Table.Td>
              <Table.Td>
                <StatusBadge status={publication.status} size="sm" />
              </Table.Td>
              <Table.Td>
                {publication.url && (
                  <Anchor href={publication.url} target="_blank" rel="noreferrer" size="sm">
                    View on {publication.platform === 'x' ? 'X' : 'YouTube'}{' '}
                    <IconExternalLink size={12} />
                  </Anchor>
                )}
                {publication.publishedAt && (
                  <Text size="xs" c="dimmed">
                    {time.format(publication.publishedAt)}
                  </Text>
                )}
                {publication.error && (
                  <Text size="sm" c="red.8">
                    {publication.error}
                    {publication.attempts > 1 ? ` (after ${publication.attempts} attempts)` : ''}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
