import {
  Alert,
  Button,
  Drawer,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTemplate } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { LoadError } from '../common/page';

/** Shared with the reply form, which offers the same templates. */
export const REPLY_TEMPLATES = ['reply-templates'] as const;

export function useReplyTemplates() {
  return useQuery({
    queryKey: REPLY_TEMPLATES,
    queryFn: () => unwrap(api.GET('/api/v1/reply-templates')),
  });
}

/** The pre-approved replies: everyone reads them; compliance and admins write them. */
export function ReplyTemplatesDrawer() {
  const [opened, { open, close }] = useDisclosure();
  const { can } = useSession();
  const templates = useReplyTemplates();
  return (
    <>
      <Button variant="default" leftSection={<IconTemplate size={16} />} onClick={open}>
        Reply templates
      </Button>
      <Drawer
        opened={opened}
        onClose={close}
        position="right"
        size="md"
        title={
          <Title order={2} fz={20}>
            Reply templates
          </Title>
        }
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Pre-approved replies are sent at once, without review, so each is scanned when it is
            written and refused if it could reveal that someone is a patient.
          </Text>
          {can('reply-templates:manage') && <NewTemplateForm />}
          {templates.isError && (
            <LoadError error={templates.error} onRetry={() => void templates.refetch()} />
          )}
          {templates.data?.length === 0 && (
            <Text size="sm" c="dimmed" ta="center">
              No reply templates yet.
            </Text>
          )}
          <Stack gap="xs" aria-label="Reply template list">
            {templates.data?.map((template) => (
              <Paper key={template.id} p="sm" withBorder data-testid="reply-template">
                <Text size="sm" fw={600}>
                  {template.name}
                </Text>
                <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                  {template.text}
                </Text>
                {template.findings.map((f) => (
                  <Text key={f.id} size="xs" c="orange.8" mt={2}>
                    “{f.text}”: {f.reason}
                  </Text>
                ))}
              </Paper>
            ))}
          </Stack>
        </Stack>
      </Drawer>
    </>
  );
}

function NewTemplateForm() {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', text: '' });
  const create = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/reply-templates', { body: { name: form.name, text: form.text } })),
    onSuccess: () => {
      setForm({ name: '', text: '' });
      return queryClient.invalidateQueries({ queryKey: REPLY_TEMPLATES });
    },
  });
  const error = create.error instanceof ApiError ? create.error : null;
  const onField = !!error && (!!error.fieldMessage('name') || !!error.fieldMessage('text'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Paper p="sm" bg="gray.0" component="form" onSubmit={submit} aria-label="New reply template">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          New template
        </Text>
        {error && !onField && <Alert color="red">{error.message}</Alert>}
        <TextInput
          label="Name"
          required
          maxLength={100}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          error={error?.fieldMessage('name')}
        />
        <Textarea
          label="Text"
          required
          autosize
          minRows={3}
          value={form.text}
          onChange={(e) => setForm({ ...form, text: e.currentTarget.value })}
          error={error?.fieldMessage('text')}
        />
        <Button
          type="submit"
          size="xs"
          w="fit-content"
          loading={create.isPending}
          disabled={!form.name.trim() || !form.text.trim()}
        >
          Save template
        </Button>
      </Stack>
    </Paper>
  );
}
