import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
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

const EMPTY: NewUser = { name: '', email: '', role: 'marketer', password: '' };

export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [form, setForm] = useState<NewUser>(EMPTY);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/users', { body: form })),
    onSuccess: (user) => {
      notifications.show({ color: 'teal', message: `${user.name} can now sign in` });
      setForm(EMPTY);
      onClose();
      return queryClient.invalidateQueries({ queryKey: USERS_QUERY });
    },
  });
  const error = create.error instanceof ApiError ? create.error : null;
  const set = (field: keyof NewUser) => (value: string) => setForm({ ...form, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add a user" size="md">
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
        <PasswordInput
          label="Initial password"
          description="At least 12 characters. Share it with the person through a secure channel."
          required
          value={form.password}
          onChange={(e) => set('password')(e.currentTarget.value)}
          error={error?.fieldMessage('password')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add user
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
