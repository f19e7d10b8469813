import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { publicApi, unwrap } from '../api/client';

/** The invitation link's page: the token is in the fragment, which no server or referrer sees. */
export function AcceptInvitationPage() {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [password, setPassword] = useState('');
  const accept = useMutation({
    mutationFn: async () => {
      const session = await unwrap(
        publicApi.POST('/api/v1/auth/invitations/accept', { body: { token, password } }),
      );
      // The dashboard signs in with its cookie session; the token session of the answer ends.
      await publicApi.POST('/api/v1/auth/logout', { body: { refreshToken: session.refreshToken } });
      return session.user;
    },
  });
  const error = accept.error instanceof ApiError ? accept.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate();
  };
  return (
    <Paper maw={420} mx="auto" mt={80} p="xl">
      <Title order={2}>Set your password</Title>
      {accept.isSuccess ? (
        <Stack mt="md">
          <Alert color="teal">Your password is set, {accept.data.name}.</Alert>
          <Button component={Link} to="/login">
            Sign in
          </Button>
        </Stack>
      ) : (
        <Stack component="form" onSubmit={submit} mt="md">
          <Text size="sm" c="dimmed">
            The link works once. Choose at least 12 characters.
          </Text>
          {error && !error.fieldMessage('password') && <Alert color="red">{error.message}</Alert>}
          <PasswordInput
            label="New password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error?.fieldMessage('password')}
          />
          <Button type="submit" loading={accept.isPending} disabled={!token}>
            Set password
          </Button>
        </Stack>
      )}
    </Paper>
  );
}
