import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { PhiTextField } from '../compose/phi-text-field';
import { useReplyTemplates } from './reply-templates-drawer';

type Message = Schemas['MessageDto'];
type Template = Schemas['TemplateDto'];

/** Complaints and safety concerns are answered in private: those templates come first. */
const TAKE_IT_PRIVATE_FIRST: Message['category'][] = ['safety', 'complaint'];

function templateOptions(templates: Template[], category: Message['category']) {
  const option = (t: Template) => ({
    value: t.id,
    label: t.approvedAt ? t.name : `${t.name} (awaiting approval)`,
    disabled: !t.approvedAt,
  });
  const group = (label: string, purpose: Template['purpose']) => ({
    group: label,
    items: templates.filter((t) => t.purpose === purpose).map(option),
  });
  const groups = [group('Take it private', 'take_private'), group('Other templates', 'general')];
  const ordered = TAKE_IT_PRIVATE_FIRST.includes(category) ? groups : groups.reverse();
  return ordered.filter((g) => g.items.length > 0);
}

export function ReplyForm({ message, onSent }: { message: Message; onSent: () => void }) {
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
  const takePrivate = TAKE_IT_PRIVATE_FIRST.includes(message.category);
  return (
    <Stack gap="sm" mt="md" pl={32}>
      {takePrivate && (
        <Text size="sm" c="gray.7">
          Take it private: acknowledge, never confirm care or that they are a patient, and move the
          conversation to a direct message.
        </Text>
      )}
      <Select
        label="Pre-approved template"
        description="Sent at once, without review."
        placeholder="Write your own reply instead"
        clearable
        data={templateOptions(templates.data ?? [], message.category)}
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
