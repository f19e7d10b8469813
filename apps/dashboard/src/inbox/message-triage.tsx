import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage } from '../api/api-error';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { useSession } from '../auth/session';
import { useOrgTime } from '../time/org-time';
import { type FeedbackSettings, ownerName, personName } from './feedback-owners';

type Message = Schemas['MessageDto'];

/** Who owns the message, who handles it, and when its first response is due. */
export function OwnerLine({ message, settings }: { message: Message; settings: FeedbackSettings }) {
  const time = useOrgTime();
  const owner = message.category ? ownerName(settings, message.category) : null;
  const parts = [
    owner && `Owner: ${owner}`,
    message.assigneeId && `Assigned to ${personName(settings, message.assigneeId)}`,
    message.dueAt && message.status === 'new' && `Respond by ${time.format(message.dueAt)}`,
  ].filter(Boolean);
  if (parts.length === 0 && !message.overdue) return null;
  return (
    <Group gap="xs" mt={4}>
      {message.overdue && (
        <Badge color="red" variant="light" size="sm">
          Overdue{message.escalatedAt ? ' · escalated' : ''}
        </Badge>
      )}
      <Text size="xs" c="gray.7">
        {parts.join(' · ')}
      </Text>
    </Group>
  );
}

type Step = 'take' | 'close' | { assigneeId: string };

/** Take, assign and close, for those who handle feedback; the API says who owns what. */
export function TriageActions({
  message,
  settings,
  onChange,
}: {
  message: Message;
  settings: FeedbackSettings;
  onChange: () => void;
}) {
  const { user } = useSession();
  const act = useMutation({
    mutationFn: (step: Step) => {
      const params = { path: { id: message.id } };
      if (step === 'take') return unwrap(api.POST('/api/v1/conversations/{id}/take', { params }));
      if (step === 'close') return unwrap(api.POST('/api/v1/conversations/{id}/close', { params }));
      return unwrap(api.POST('/api/v1/conversations/{id}/assign', { params, body: step }));
    },
    onSuccess: onChange,
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const open = message.status === 'new' || message.status === 'replied';
  return (
    <Group gap="xs" wrap="wrap" align="flex-end">
      {message.assigneeId !== user.id && (
        <Button size="xs" variant="light" onClick={() => act.mutate('take')}>
          Take it
        </Button>
      )}
      <Select
        size="xs"
        w={200}
        aria-label="Assign to"
        placeholder="Assign to…"
        data={settings.people.map((p) => ({ value: p.id, label: p.name }))}
        value={message.assigneeId}
        onChange={(assigneeId) => assigneeId && act.mutate({ assigneeId })}
      />
      {open && (
        <Button size="xs" variant="default" onClick={() => act.mutate('close')}>
          Close
        </Button>
      )}
    </Group>
  );
}

/** Internal notes: kept with the message for the team, never sent to X or YouTube. */
export function Notes({
  message,
  settings,
  canWrite,
  onChange,
}: {
  message: Message;
  settings: FeedbackSettings;
  canWrite: boolean;
  onChange: () => void;
}) {
  const time = useOrgTime();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/conversations/{id}/notes', {
          params: { path: { id: message.id } },
          body: { text },
        }),
      ),
    onSuccess: () => {
      setText('');
      onChange();
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  if (message.notes.length === 0 && !canWrite) return null;
  return (
    <Stack gap={6} mt="sm" pl={32}>
      {message.notes.map((note) => (
        <Paper key={note.id} p="xs" bg="yellow.0" withBorder={false}>
          <Text size="xs" c="gray.7">
            Internal note · {personName(settings, note.authorId)} · {time.format(note.createdAt)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {note.text}
          </Text>
        </Paper>
      ))}
      {canWrite && (
        <Group
          component="form"
          onSubmit={submit}
          gap="xs"
          align="flex-end"
          wrap="nowrap"
          aria-label="Add an internal note"
        >
          <Textarea
            label="Internal note"
            description="Seen by your team only; never published."
            autosize
            minRows={1}
            maxLength={5000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            type="submit"
            size="sm"
            variant="default"
            loading={add.isPending}
            disabled={!text.trim()}
          >
            Add note
          </Button>
        </Group>
      )}
    </Stack>
  );
}
