import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import type { RoleName } from '../auth/permissions';
import { ROLE_DESCRIPTIONS, ROLE_OPTIONS } from './roles';
import { USERS_QUERY } from './users-queries';

type NewUser = Schemas['CreateUserDto'];

const EMPTY: NewUser = { name: '', email: '', role: 'marketer' };

/** An invitation: the person sets their own password through a single-use link. */
export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [form, setForm] = useState<NewUser>(EMPTY);
  const [invitation, setInvitation] = useState<Schemas['InvitationDto'] | null>(null);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/users', { body: form })),
    onSuccess: (result) => {
      const how = result.invitation.mailed ? 'by e-mail' : 'with the link below';
      notifications.show({ color: 'teal', message: `${result.user.name} is invited ${how}` });
      setForm(EMPTY);
      // Shown this once: the server keeps only a hash of it.
      setInvitation(result.invitation);
      return queryClient.invalidateQueries({ queryKey: USERS_QUERY });
    },
  });
  const close = () => {
    setInvitation(null);
    onClose();
  };
  if (invitation) {
    return (
      <Modal opened={opened} onClose={close} title="Invitation link" size="lg">
        <Stack gap="md">
          <Alert color="yellow">
            Give this link to the person through a secure channel. It is shown only now, works once,
            and expires {new Date(invitation.expiresAt).toLocaleString()}.
          </Alert>
          <Code block data-testid="invitation-url">
            {invitation.url}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={invitation.url}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? 'Copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }
  const error = create.error instanceof ApiError ? create.error : null;
  const set = (field: keyof NewUser) => (value: string) => setForm({ ...form, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Modal opened={opened} onClose={close} title="Invite a user" size="md">
      <Stack component="form" onSubmit={submit} gap="md">
        {error && !error.fieldErrors.length && <Alert color="red">{error.message}</Alert>}
        <TextInput
          label="Full name"
          required
          value={form.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={error?.fieldMessage('name')}
          data-autofocus
        />
        <TextInput
          label="Work e-mail"
          type="email"
          required
          value={form.email}
          onChange={(e) => set('email')(e.currentTarget.value)}
          error={error?.fieldMessage('email')}
        />
        <Select
          label="Role"
          data={ROLE_OPTIONS}
          value={form.role}
          allowDeselect={false}
          onChange={(role) => role && set('role')(role)}
          description={ROLE_DESCRIPTIONS[form.role as RoleName]}
          error={error?.fieldMessage('role')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
