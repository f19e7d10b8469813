import { Alert, Button, Code, Group, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { ME_QUERY } from '../auth/session';

/** Scan the QR code, confirm with the app's first code, keep the recovery codes (shown once). */
export function MfaEnrolment({ enrolled }: { enrolled: boolean }) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const begin = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/me/mfa/totp')) });
  const confirm = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/me/mfa/totp/confirm', { body: { code: code.trim() } })),
    onSuccess: (result) => {
      setRecoveryCodes(result.recoveryCodes);
      begin.reset();
      setCode('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  const error = confirm.error instanceof ApiError ? confirm.error : null;

  if (recoveryCodes) {
    return (
      <Stack gap="sm">
        <Alert color="teal" icon={<IconShieldCheck />} title="Two-step verification is on">
          Save these recovery codes somewhere safe. Each signs you in once if you lose your phone;
          they are shown only now.
        </Alert>
        <List data-testid="recovery-codes" spacing={2}>
          {recoveryCodes.map((c) => (
            <List.Item key={c}>
              <Code>{c}</Code>
            </List.Item>
          ))}
        </List>
        <Group>
          <Button
            onClick={() => {
              setRecoveryCodes(null);
              void queryClient.invalidateQueries({ queryKey: ME_QUERY });
            }}
          >
            I have saved them
          </Button>
        </Group>
      </Stack>
    );
  }
  if (!begin.data) {
    return (
      <Group>
        <Button onClick={() => begin.mutate()} loading={begin.isPending}>
          {enrolled ? 'Set up a new authenticator' : 'Set up an authenticator app'}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="sm" component="form" onSubmit={submit} maw={420}>
      <Text size="sm">
        Scan this code with your authenticator app (Google Authenticator, Microsoft Authenticator,
        1Password…), then enter the 6-digit code it shows.
      </Text>
      <Image src={begin.data.qrCode} alt="QR code for your authenticator app" w={200} h={200} />
      <Text size="xs" c="dimmed">
        Cannot scan? Enter this key: <Code data-testid="totp-secret">{begin.data.secret}</Code>
      </Text>
      {error && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {error.status === 401 ? 'That code is not right; try the next one.' : error.message}
        </Alert>
      )}
      <TextInput
        label="Code from the app"
        autoComplete="one-time-code"
        required
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
      />
      <Group>
        <Button type="submit" loading={confirm.isPending}>
          Turn on
        </Button>
      </Group>
    </Stack>
  );
}
