import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Drawer,
  Group,
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
import { ApiError, errorMessage } from '../api/api-error';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
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
            written and refused if it could reveal that someone is a patient; a compliance officer
            who did not write it approves it before anyone may send it.
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
              <TemplateCard key={template.id} template={template} />
            ))}
          </Stack>
        </Stack>
      </Drawer>
    </>
  );
}

/** One template: its words, its warnings, whether it may be sent yet; compliance approves it here. */
function TemplateCard({ template }: { template: Schemas['TemplateDto'] }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const approve = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/reply-templates/{id}/approve', {
          params: { path: { id: template.id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: REPLY_TEMPLATES }),
  });
  return (
    <Paper p="sm" withBorder data-testid="reply-template">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {template.name}
        </Text>
        {template.purpose === 'take_private' && (
          <Badge size="sm" color="grape" variant="light">
            Take it private
          </Badge>
        )}
        {!template.approvedAt && (
          <Badge size="sm" color="yellow" variant="light">
            Awaiting approval
          </Badge>
        )}
      </Group>
      <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
        {template.text}
      </Text>
      {template.findings.map((f) => (
        <Text key={f.id} size="xs" c="orange.8" mt={2}>
          “{f.text}”: {f.reason}
        </Text>
      ))}
      {!template.approvedAt && can('content:review') && (
        <Button
          size="xs"
          mt="xs"
          color="teal"
          onClick={() => approve.mutate()}
          loading={approve.isPending}
          aria-label={`Approve ${template.name}`}
        >
          Approve
        </Button>
      )}
      {approve.error && (
        <Text size="xs" c="red.8" mt={4}>
          {errorMessage(approve.error)}
        </Text>
      )}
    </Paper>
  );
}

function NewTemplateForm() {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', text: '', takePrivate: false });
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/reply-templates', {
          body: {
            name: form.name,
            text: form.text,
            purpose: form.takePrivate ? 'take_private' : 'general',
          },
        }),
      ),
    onSuccess: () => {
      setForm({ name: '', text: '', takePrivate: false });
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
        <Checkbox
          label="Take it private: offered first for complaints and safety messages"
          checked={form.takePrivate}
          onChange={(e) => setForm({ ...form, takePrivate: e.currentTarget.checked })}
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
