import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { publicApi, unwrap } from '../api/client';
import { sessionStore } from '../api/session-store';

/** The second step of a sign-in: the authenticator app's code, or one of the recovery codes. */
export function MfaStep({ mfaToken, onBack }: { mfaToken: string; onBack: () => void }) {
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: () =>
      unwrap(
        publicApi.POST('/api/v1/auth/login/mfa', {
          body: { mfaToken, code: code.trim(), session: 'cookie' },
        }),
      ),
    onSuccess: (tokens) => sessionStore.store(tokens.accessToken),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };
  const error = verify.error instanceof ApiError ? verify.error : null;
  return (
    <Stack gap="md" component="form" onSubmit={submit}>
      <div>
        <Title order={1} fz={24}>
          Two-step verification
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          Enter the 6-digit code from your authenticator app, or one of your recovery codes.
        </Text>
      </div>
      {error && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {error.status === 401 && error.fieldMessage('code')
            ? 'That code is not right, or it was already used.'
            : error.message}
        </Alert>
      )}
      <TextInput
        label="Authentication code"
        autoComplete="one-time-code"
        required
        autoFocus
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
      />
      <Button type="submit" size="md" loading={verify.isPending} fullWidth>
        Verify
      </Button>
      <Anchor component="button" type="button" size="sm" onClick={onBack}>
        Use another account
      </Anchor>
    </Stack>
  );
}
