import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';

/** A new password, given the current one; the API signs out every other session of the account. */
export function PasswordChange() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/me/password', { body: { currentPassword, newPassword } })),
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
  });
  const error = change.error instanceof ApiError ? change.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <Stack gap="sm" component="form" onSubmit={submit} maw={420}>
      {change.isSuccess && (
        <Alert color="teal" icon={<IconCheck />} role="status">
          Your password is changed. Every other session of your account was signed out.
        </Alert>
      )}
      {error && error.fieldErrors.length === 0 && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {error.message}
        </Alert>
      )}
      <PasswordInput
        label="Current password"
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={(e) => setCurrent(e.currentTarget.value)}
        error={error?.fieldMessage('currentPassword')}
      />
      <PasswordInput
        label="New password"
        description="At least 12 characters"
        autoComplete="new-password"
        required
        value={newPassword}
        onChange={(e) => setNew(e.currentTarget.value)}
        error={error?.fieldMessage('newPassword')}
      />
      <Group>
        <Button type="submit" loading={change.isPending}>
          Change password
        </Button>
      </Group>
    </Stack>
  );
}
