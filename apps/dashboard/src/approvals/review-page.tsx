import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconLock, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { useChannels } from '../channels/channels-queries';
import { LoadError, Page } from '../common/page';
import { approvals, sentenceCase } from '../common/wording';
import { ContentView } from '../posts/content-view';
import { findingPlace } from '../posts/media-text-view';
import { Card, usePost } from '../posts/post-detail-page';
import { postTitle } from '../posts/post-model';
import type { Finding } from '../posts/post-model';
import { StatusBadge } from '../posts/status-badge';
import { useOrgTime } from '../time/org-time';
import { QUEUE_QUERY, useQueue } from './approval-queue-page';
import { RevisionDiff } from './revision-diff';

/** One post under review: what changed, what the scanner found, and the decision. */
export function ReviewPage() {
  const { id } = useParams();
  const post = usePost(id!);
  const queue = useQueue();
  const channels = useChannels();
  const time = useOrgTime();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => {
      const params = { path: { id: id! } };
      return decision === 'approve'
        ? unwrap(
            api.POST('/api/v1/posts/{id}/approve', {
              params,
              body: {
                comment: comment || undefined,
                revisionId: post.data!.revision.id,
                overrides: Object.entries(overrides).map(([findingId, justification]) => ({
                  findingId,
                  justification,
                })),
              },
            }),
          )
        : unwrap(api.POST('/api/v1/posts/{id}/reject', { params, body: { comment } }));
    },
    onSuccess: (saved, decision) => {
      notifications.show({
        color: decision === 'approve' ? 'teal' : 'orange',
        message:
          decision === 'approve'
            ? `Approved: ${postTitle(saved.revision)}`
            : 'Sent back to the author',
      });
      void queryClient.invalidateQueries({ queryKey: QUEUE_QUERY });
      queryClient.setQueryData(['post', saved.id], saved);
      void navigate('/approvals');
    },
  });
  if (post.isError) return <LoadError error={post.error} />;
  if (!post.data || !channels.data) return null;
  const detail = post.data;
  const entry = queue.data?.find((e) => e.id === detail.id);
  const blocking = detail.findings.filter((f) => f.severity === 'block');
  const unjustified = blocking.filter((f) => !overrides[f.id]?.trim());
  const error = decide.error instanceof ApiError ? decide.error : null;
  const toggle = (finding: Finding, on: boolean) =>
    setOverrides(({ [finding.id]: _, ...rest }) => (on ? { ...rest, [finding.id]: '' } : rest));

  return (
    <Page
      title={`Review: ${postTitle(detail.revision)}`}
      description={
        <Group gap="xs" component="span">
          <StatusBadge status={detail.status} />
          <Text span c="dimmed">
            Publishes {time.format(detail.scheduledAt)} · needs{' '}
            {approvals(detail.approval.required)}, {detail.approval.approverIds.length} so far
          </Text>
        </Group>
      }
    >
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Card title="What changed">
              <RevisionDiff post={detail} channels={channels.data} />
            </Card>
            <Card title="Content, with findings underlined">
              <ContentView
                revision={detail.revision}
                findings={detail.findings}
                mediaTexts={detail.mediaTexts}
              />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <Card title={`Findings (${detail.findings.length})`}>
              {detail.findings.length === 0 && (
                <Text size="sm" c="teal.8">
                  The scanner found nothing in this revision.
                </Text>
              )}
              <Stack gap="sm">
                {detail.findings.map((finding) => (
                  <Paper
                    key={finding.id}
                    p="sm"
                    bg={finding.severity === 'block' ? 'red.0' : 'orange.0'}
                  >
                    <Group justify="space-between" wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {finding.text ? `“${finding.text}”` : sentenceCase(finding.kind)}
                      </Text>
                      <Badge color={finding.severity === 'block' ? 'red' : 'orange'}>
                        {finding.severity === 'block' ? 'Blocks' : 'Warning'}
                      </Badge>
                    </Group>
                    <Text size="sm" mt={4}>
                      {finding.reason}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[finding.field, findingPlace(finding), finding.kind]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                    {finding.severity === 'block' && (
                      <Stack gap={6} mt="xs">
                        <Checkbox
                          label="Override this finding"
                          checked={finding.id in overrides}
                          onChange={(e) => toggle(finding, e.currentTarget.checked)}
                        />
                        {finding.id in overrides && (
                          <Textarea
                            label="Justification"
                            description="Why this is not PHI, or why it may be published. Kept on the audit trail."
                            required
                            autosize
                            value={overrides[finding.id]}
                            onChange={(e) => {
                              const justification = e.currentTarget.value;
                              setOverrides((o) => ({ ...o, [finding.id]: justification }));
                            }}
                          />
                        )}
                      </Stack>
                    )}
                  </Paper>
                ))}
              </Stack>
            </Card>
            <Card title="Decision">
              <Stack gap="sm">
                {entry && !entry.mayApprove && (
                  <Alert color="gray" icon={<IconLock />}>
                    You wrote or last edited this revision, or already approved it: another reviewer
                    must approve it.
                  </Alert>
                )}
                {error && <Alert color="red">{error.message}</Alert>}
                <Textarea
                  label="Comment"
                  description="Required to send it back: tell the author what to change."
                  autosize
                  minRows={3}
                  value={comment}
                  onChange={(e) => setComment(e.currentTarget.value)}
                  error={error?.fieldMessage('comment')}
                />
                {unjustified.length > 0 && (
                  <Text size="sm" c="red.8">
                    {unjustified.length} blocking finding(s) need an override with a justification
                    before approval.
                  </Text>
                )}
                <Stack gap="xs">
                  <Button
                    color="orange"
                    variant="light"
                    leftSection={<IconX size={16} />}
                    disabled={!comment.trim() || detail.status !== 'in_review'}
                    loading={decide.isPending && decide.variables === 'reject'}
                    onClick={() => decide.mutate('reject')}
                  >
                    Request changes
                  </Button>
                  <Button
                    color="teal"
                    leftSection={<IconCheck size={16} />}
                    disabled={
                      unjustified.length > 0 ||
                      detail.status !== 'in_review' ||
                      entry?.mayApprove === false
                    }
                    loading={decide.isPending && decide.variables === 'approve'}
                    onClick={() => decide.mutate('approve')}
                  >
                    Approve
                  </Button>
                </Stack>
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}
