import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { publicApi, unwrap } from '../api/client';
import { LinkPasswordPage } from './link-password-page';
import { WorkEmailInput } from './work-email-input';

/** "Forgot your password?": the API answers the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: () => unwrap(publicApi.POST('/api/v1/auth/password-reset', { body: { email } })),
  });
  const error = request.error instanceof ApiError ? request.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  return (
    <Paper maw={420} mx="auto" mt={80} p="xl">
      <Title order={2}>Reset your password</Title>
      {request.isSuccess ? (
        <Alert color="teal" mt="md">
          If {email} has an account, a link to choose a new password is on its way. It works once,
          for 30 minutes.
        </Alert>
      ) : (
        <Stack component="form" onSubmit={submit} mt="md">
          <Text size="sm" c="dimmed">
            We e-mail you a link to choose a new password.
          </Text>
          {error && !error.fieldMessage('email') && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <WorkEmailInput value={email} onChange={setEmail} error={error?.fieldMessage('email')} />
          <Button type="submit" loading={request.isPending}>
            Send the link
          </Button>
        </Stack>
      )}
      <Anchor component={Link} to="/login" size="sm" mt="md" display="block">
        Back to sign in
      </Anchor>
    </Paper>
  );
}

/** The e-mailed reset link's page (`/reset-password#token=…`). */
export function ResetPasswordPage() {
  return (
    <LinkPasswordPage
      title="Choose a new password"
      setPassword={(token, password) =>
        unwrap(publicApi.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } }))
      }
      done={() => 'Your password is changed, and every session of your account was signed out.'}
    />
  );
}
