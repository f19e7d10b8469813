import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { LoadError, Page } from '../common/page';
import { usePeople } from '../posts/use-people';
import { dayjs, useOrgTime } from '../time/org-time';
import classes from './approval-queue-page.module.css';

export const QUEUE_QUERY = ['approvals', 'queue'] as const;

export function useQueue() {
  return useQuery({
    queryKey: QUEUE_QUERY,
    queryFn: () => unwrap(api.GET('/api/v1/approvals/queue')),
  });
}

export function ApprovalQueuePage() {
  const queue = useQueue();
  const time = useOrgTime();
  const person = usePeople();
  return (
    <Page title="Approval queue" description="Posts waiting for review, the longest-waiting first.">
      {queue.isError && <LoadError error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data?.length === 0 && (
        <Paper p="xl">
          <Text c="dimmed" ta="center">
            Nothing is waiting for review.
          </Text>
        </Paper>
      )}
      <Stack gap="sm">
        {queue.data?.map((entry) => {
          const { blockingFindings: blocking, warningFindings: warnings } = entry;
          return (
            <UnstyledButton
              key={entry.id}
              component={Link}
              to={`/approvals/${entry.id}`}
              className={classes.entry}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Text fw={600} truncate>
                    {entry.excerpt || 'Untitled post'}
                  </Text>
                  <Text size="sm" c="dimmed">
                    By {person(entry.lastEditedById)} · waiting{' '}
                    {dayjs(entry.submittedAt ?? entry.scheduledAt).fromNow(true)} · publishes{' '}
                    {time.format(entry.scheduledAt)}
                  </Text>
                </Stack>
                <Group gap={6} wrap="nowrap">
                  {blocking > 0 && <Badge color="red">{blocking} blocking</Badge>}
                  {warnings > 0 && <Badge color="orange">{warnings} warning(s)</Badge>}
                  <Badge color="gray">
                    {entry.approverIds.length}/{entry.required} approvals
                  </Badge>
                  {!entry.mayApprove && (
                    <Badge color="gray" variant="outline">
                      Not yours to approve
                    </Badge>
                  )}
                </Group>
              </Group>
            </UnstyledButton>
          );
        })}
      </Stack>
    </Page>
  );
}
