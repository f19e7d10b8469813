import { Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBrandX, IconBrandYoutube } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { useSession } from '../auth/session';
import { useOrgTime } from '../time/org-time';
import { CategoryChip } from './feedback-category';
import type { FeedbackSettings } from './feedback-owners';
import { Notes, OwnerLine, TriageActions } from './message-triage';
import { ReplyForm } from './reply-form';

type Message = Schemas['MessageDto'];
type Reply = Schemas['ReplyDto'];

const REPLY_STATUS: Record<Reply['status'], { color: string; label: string }> = {
  in_review: { color: 'yellow', label: 'In review' },
  approved: { color: 'blue', label: 'Approved' },
  rejected: { color: 'orange', label: 'Sent back' },
  sending: { color: 'cyan', label: 'Sending' },
  sent: { color: 'teal', label: 'Sent' },
  failed: { color: 'red', label: 'Failed' },
};

/** One message: who wrote it, its category and owner, its replies and notes, and what staff may do. */
export function MessageCard({
  message,
  settings,
  onChange,
}: {
  message: Message;
  settings: FeedbackSettings | undefined;
  onChange: () => void;
}) {
  const time = useOrgTime();
  const { can } = useSession();
  const [replying, setReplying] = useState(false);
  const dismiss = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/conversations/{id}/dismiss', { params: { path: { id: message.id } } }),
      ),
    onSuccess: onChange,
  });
  const writer = can('content:write');
  const handler = can('feedback:handle');
  return (
    <Paper component="article" p="lg" aria-label={`Message from ${message.authorName}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 320px' }}>
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
            {settings && <OwnerLine message={message} settings={settings} />}
          </div>
        </Group>
        <Stack gap="xs" align="flex-end">
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
          {handler && settings && message.status !== 'dismissed' && (
            <TriageActions message={message} settings={settings} onChange={onChange} />
          )}
        </Stack>
      </Group>
      {message.replies.map((reply) => (
        <ReplyRow key={reply.id} reply={reply} onChange={onChange} />
      ))}
      {settings && (
        <Notes message={message} settings={settings} canWrite={handler} onChange={onChange} />
      )}
      {replying && <ReplyForm message={message} onSent={() => (setReplying(false), onChange())} />}
    </Paper>
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
