import { Alert, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { channelLabel, useChannels } from '../channels/channels-queries';
import { LoadError, Page } from '../common/page';
import { approvals } from '../common/wording';
import { useOrgTime } from '../time/org-time';
import { ContentView } from './content-view';
import { postTitle } from './post-model';
import { PostActions } from './post-actions';
import { PostTimeline } from './post-timeline';
import { PublicationsTable } from './publications-table';
import { StatusBadge } from './status-badge';

export function usePost(id: string) {
  return useQuery({
    queryKey: ['post', id],
    queryFn: () => unwrap(api.GET('/api/v1/posts/{id}', { params: { path: { id } } })),
  });
}

export function PostDetailPage() {
  const { id } = useParams();
  const post = usePost(id!);
  const channels = useChannels();
  const time = useOrgTime();
  if (post.isError) return <LoadError error={post.error} onRetry={() => void post.refetch()} />;
  if (!post.data) return null;
  const detail = post.data;
  const content = detail.revision.content;
  const blocking = detail.findings.filter((f) => f.severity === 'block');
  return (
    <Page
      title={postTitle(detail.revision)}
      description={
        <Group gap="xs" component="span">
          <StatusBadge status={detail.status} />
          <Text span c="dimmed">
            {time.format(detail.scheduledAt)} · revision {detail.revision.number}
            {detail.campaign ? ` · ${detail.campaign}` : ''}
          </Text>
        </Group>
      }
      actions={<PostActions post={detail} />}
    >
      {blocking.length > 0 && detail.status !== 'published' && (
        <Alert
          color="red"
          icon={<IconAlertTriangle />}
          title={`${blocking.length} finding(s) block approval`}
        >
          A compliance officer must override each with a justification, or the text must change.
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Card title="Content">
              <Group gap={6} mb="md">
                {content.channelIds.map((channelId) => {
                  const channel = channels.data?.find((c) => c.id === channelId);
                  return (
                    <Badge
                      key={channelId}
                      color="gray"
                      variant="outline"
                      style={{ borderColor: channel?.color }}
                    >
                      {channel ? channelLabel(channel) : 'Channel'}
                    </Badge>
                  );
                })}
              </Group>
              <ContentView
                revision={detail.revision}
                findings={detail.findings}
                mediaTexts={detail.mediaTexts}
              />
            </Card>
            <Card title="Publications">
              <PublicationsTable post={detail} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Card title="Approval">
              <Text size="sm">
                {detail.approval.approverIds.length} of {approvals(detail.approval.required)}
              </Text>
              {detail.approval.reasons.map((reason) => (
                <Text key={reason} size="xs" c="dimmed">
                  {reason}
                </Text>
              ))}
            </Card>
            <Card title="Timeline">
              <PostTimeline post={detail} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}

export function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper p="lg">
      <Title order={2} fz={17} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
