import {
  Alert,
  Anchor,
  Box,
  Button,
  Divider,
  Group,
  List,
  Paper,
  PasswordInput,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCheck, IconKey } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { publicApi, unwrap } from '../api/client';
import { sessionStore } from '../api/session-store';
import { Logo } from '../brand/logo';
import classes from './login-page.module.css';
import { MfaStep } from './mfa-step';
import { useSsoReturn, useSsoStart } from './sso-sign-in';
import { WorkEmailInput } from './work-email-input';

const PROMISES = [
  'Nothing is published without a recorded approval of exactly that content',
  'Protected health information is flagged before a reviewer sees the post',
  'Every action lands on a tamper-evident audit trail',
];

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const login = useMutation({
    mutationFn: () =>
      unwrap(
        publicApi.POST('/api/v1/auth/login', { body: { email, password, session: 'cookie' } }),
      ),
    onSuccess: (result) => {
      if (result.mfaToken) setMfaToken(result.mfaToken);
      else if (result.accessToken) sessionStore.store(result.accessToken);
    },
  });
  const sso = useSsoStart();
  const ssoReturn = useSsoReturn();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  const error = login.error instanceof ApiError ? login.error : null;
  const ssoError = sso.error instanceof ApiError ? sso.error : null;

  return (
    <div className={classes.page}>
      <Box className={classes.brand} visibleFrom="md">
        <Logo inverted />
        <Stack gap="lg" maw={460}>
          <Title order={2} c="white" fz={34} lh={1.2}>
            Social media your compliance team can sign off on.
          </Title>
          <List
            spacing="md"
            c="rounds.0"
            icon={
              <ThemeIcon size={22} radius="xl" color="white" variant="filled">
                <IconCheck size={14} color="var(--mantine-color-rounds-7)" />
              </ThemeIcon>
            }
          >
            {PROMISES.map((promise) => (
              <List.Item key={promise}>{promise}</List.Item>
            ))}
          </List>
        </Stack>
        <Text c="rounds.1" size="sm">
          Built for hospitals and health systems.
        </Text>
      </Box>
      <div className={classes.formSide}>
        <Paper p="xl" w="100%" maw={420} shadow="sm">
          {mfaToken ? (
            <MfaStep mfaToken={mfaToken} onBack={() => setMfaToken(null)} />
          ) : (
            <Stack gap="md" component="form" onSubmit={submit}>
              <Group hiddenFrom="md">
                <Logo />
              </Group>
              <div>
                <Title order={1} fz={24}>
                  Sign in
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  Use the work e-mail your administrator registered.
                </Text>
              </div>
              {error && !error.fieldErrors.length && (
                <Alert color="red" icon={<IconAlertCircle />} role="alert">
                  {error.status === 401 ? 'The e-mail or password is not right.' : error.message}
                </Alert>
              )}
              {(ssoReturn.error || ssoError) && (
                <Alert color="red" icon={<IconAlertCircle />} role="alert" title="Single sign-on">
                  {ssoError?.status === 404
                    ? 'No single sign-on is set up for this e-mail address.'
                    : (ssoReturn.error ?? ssoError?.message)}
                </Alert>
              )}
              <WorkEmailInput
                value={email}
                onChange={setEmail}
                error={error?.fieldMessage('email')}
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={error?.fieldMessage('password')}
              />
              <Anchor component={Link} to="/forgot-password" size="sm" ta="right" mt={-8}>
                Forgot your password?
              </Anchor>
              <Button type="submit" size="md" loading={login.isPending} fullWidth>
                Sign in
              </Button>
              <Divider label="or" labelPosition="center" />
              <Button
                variant="default"
                size="md"
                fullWidth
                leftSection={<IconKey size={18} />}
                loading={sso.isPending || ssoReturn.pending}
                onClick={() => sso.mutate(email)}
                disabled={!email.includes('@')}
              >
                Sign in with SSO
              </Button>
            </Stack>
          )}
        </Paper>
      </div>
    </div>
  );
}
