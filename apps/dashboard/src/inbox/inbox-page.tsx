import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandX, IconBrandYoutube } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { useSession } from '../auth/session';
import { LoadError, Page } from '../common/page';
import { PhiTextField } from '../compose/phi-text-field';
import { useOrgTime } from '../time/org-time';
import {
  CategoryChip,
  CategoryFilter,
  type FeedbackCategory,
  safetyFirst,
} from './feedback-category';
import { ReplyTemplatesDrawer, useReplyTemplates } from './reply-templates-drawer';

type Message = Schemas['MessageDto'];
type Reply = Schemas['ReplyDto'];
type Status = NonNullable<Message['status']>;

const INBOX = ['conversations'] as const;

const REPLY_STATUS: Record<Reply['status'], { color: string; label: string }> = {
  in_review: { color: 'yellow', label: 'In review' },
  approved: { color: 'blue', label: 'Approved' },
  rejected: { color: 'orange', label: 'Sent back' },
  sending: { color: 'cyan', label: 'Sending' },
  sent: { color: 'teal', label: 'Sent' },
  failed: { color: 'red', label: 'Failed' },
};

export function InboxPage() {
  const [status, setStatus] = useState<Status>('new');
  const [category, setCategory] = useState<FeedbackCategory | null>(null);
  const messages = useQuery({
    queryKey: [...INBOX, status, category],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/conversations', {
          params: { query: { status, ...(category ? { category } : {}) } },
        }),
      ),
    select: safetyFirst,
  });
  return (
    <Page
      title="Inbox"
      description="Replies and mentions on X and comments on YouTube. A reply is scanned and reviewed like a post, and must never confirm that someone is a patient."
      actions={<ReplyTemplatesDrawer />}
    >
      <Group gap="sm">
        <SegmentedControl
          w="fit-content"
          value={status}
          onChange={(value) => setStatus(value as Status)}
          data={[
            { value: 'new', label: 'New' },
            { value: 'replied', label: 'Replied' },
            { value: 'dismissed', label: 'Dismissed' },
          ]}
        />
        <CategoryFilter value={category} onChange={setCategory} />
      </Group>
      {messages.isError && (
        <LoadError error={messages.error} onRetry={() => void messages.refetch()} />
      )}
      {messages.data?.length === 0 && (
        <Paper p="xl">
          <Text c="dimmed" ta="center">
            No {status} messages.
          </Text>
        </Paper>
      )}
      <Stack gap="sm">
        {messages.data?.map((message) => (
          <MessageCard key={message.id} message={message} />
        ))}
      </Stack>
    </Page>
  );
}

function MessageCard({ message }: { message: Message }) {
  const time = useOrgTime();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [replying, setReplying] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: INBOX });
  const dismiss = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/conversations/{id}/dismiss', { params: { path: { id: message.id } } }),
      ),
    onSuccess: refresh,
  });
  const writer = can('content:write');
  return (
    <Paper p="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          {message.platform === 'x' ? (
            <IconBrandX size={20} />
          ) : (
            <IconBrandYoutube size={20} color="#ff0000" />
          )}
          <div>
            <Group gap="xs">
              <Text fw={600} size="sm">
                {message.authorName}{' '}
                <Text span c="dimmed" size="sm">
                  {message.authorHandle}
                </Text>
              </Text>
              <CategoryChip message={message} />
            </Group>
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {message.text}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {time.format(message.receivedAt)}
            </Text>
          </div>
        </Group>
        {writer && message.status === 'new' && (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" onClick={() => setReplying((r) => !r)}>
              Reply
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              onClick={() => dismiss.mutate()}
              loading={dismiss.isPending}
            >
              Dismiss
            </Button>
          </Group>
        )}
      </Group>
      {message.replies.map((reply) => (
        <ReplyRow key={reply.id} reply={reply} onChange={refresh} />
      ))}
      {replying && (
        <ReplyForm message={message} onSent={() => (setReplying(false), void refresh())} />
      )}
    </Paper>
  );
}

function ReplyForm({ message, onSent }: { message: Message; onSent: () => void }) {
  const [text, setText] = useState('');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const templates = useReplyTemplates();
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/conversations/{id}/replies', {
          params: { path: { id: message.id } },
          body: templateId ? { templateId } : { text },
        }),
      ),
    onSuccess: (reply) => {
      notifications.show({
        color: 'teal',
        message:
          reply.status === 'in_review' ? 'Reply sent to compliance for review' : 'Reply on its way',
      });
      onSent();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not sent', message: errorMessage(error) }),
  });
  return (
    <Stack gap="sm" mt="md" pl={32}>
      <Select
        label="Pre-approved template"
        description="Sent at once, without review."
        placeholder="Write your own reply instead"
        clearable
        data={(templates.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
        value={templateId}
        onChange={setTemplateId}
      />
      {!templateId && (
        <PhiTextField label="Your reply" multiline minRows={3} value={text} onChange={setText} />
      )}
      <Group justify="flex-end">
        <Button
          size="sm"
          onClick={() => send.mutate()}
          loading={send.isPending}
          disabled={!templateId && !text.trim()}
        >
          {templateId ? 'Send template' : 'Submit reply for review'}
        </Button>
      </Group>
    </Stack>
  );
}

function ReplyRow({ reply, onChange }: { reply: Reply; onChange: () => void }) {
  const { can } = useSession();
  const [justification, setJustification] = useState('');
  const blocking = reply.findings.filter((f) => f.severity === 'block');
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => {
      const params = { path: { id: reply.id } };
      return decision === 'approve'
        ? unwrap(
            api.POST('/api/v1/conversations/replies/{id}/approve', {
              params,
              body: { overrides: blocking.map((f) => ({ findingId: f.id, justification })) },
            }),
          )
        : unwrap(
            api.POST('/api/v1/conversations/replies/{id}/reject', {
              params,
              body: { comment: justification },
            }),
          );
    },
    onSuccess: onChange,
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const status = REPLY_STATUS[reply.status];
  const reviewer = can('content:review') && reply.status === 'in_review';
  return (
    <Paper p="sm" mt="sm" ml={32} bg="gray.0" withBorder={false}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {reply.text}
        </Text>
        <Badge color={status.color}>{status.label}</Badge>
      </Group>
      {reply.findings.map((f) => (
        <Text key={f.id} size="xs" c={f.severity === 'block' ? 'red.8' : 'orange.8'}>
          “{f.text}”: {f.reason}
        </Text>
      ))}
      {reply.error && (
        <Text size="xs" c="red.8">
          {reply.error}
        </Text>
      )}
      {reviewer && (
        <Stack gap="xs" mt="xs">
          <TextInput
            label={
              blocking.length
                ? 'Justification for overriding the findings, or what to change'
                : 'Comment'
            }
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
          />
          <Group gap="xs">
            <Button
              size="xs"
              color="teal"
              disabled={blocking.length > 0 && !justification.trim()}
              onClick={() => decide.mutate('approve')}
            >
              Approve reply
            </Button>
            <Button
              size="xs"
              color="orange"
              variant="light"
              disabled={!justification.trim()}
              onClick={() => decide.mutate('reject')}
            >
              Send back
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
