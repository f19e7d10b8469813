import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/api-error';

interface LinkPasswordPageProps<T> {
  title: string;
  /** Sets the password with the link's token. */
  setPassword(token: string, password: string): Promise<T>;
  /** What the person reads once it is set. */
  done(result: T): ReactNode;
}

/**
 * The page an e-mailed link opens (invitation, password reset): the person chooses a password.
 * The token is in the fragment, which no server, log or referrer sees.
 */
export function LinkPasswordPage<T>({ title, setPassword, done }: LinkPasswordPageProps<T>) {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [password, setValue] = useState('');
  const submit = useMutation({ mutationFn: () => setPassword(token, password) });
  const error = submit.error instanceof ApiError ? submit.error : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  return (
    <Paper maw={420} mx="auto" mt={80} p="xl">
      <Title order={2}>{title}</Title>
      {submit.isSuccess ? (
        <Stack mt="md">
          <Alert color="teal">{done(submit.data)}</Alert>
          <Button component={Link} to="/login">
            Sign in
          </Button>
        </Stack>
      ) : (
        <Stack component="form" onSubmit={onSubmit} mt="md">
          <Text size="sm" c="dimmed">
            The link works once. Choose at least 12 characters.
          </Text>
          {error && !error.fieldMessage('password') && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={error?.fieldMessage('password')}
          />
          <Button type="submit" loading={submit.isPending} disabled={!token}>
            Set password
          </Button>
        </Stack>
      )}
    </Paper>
  );
}
