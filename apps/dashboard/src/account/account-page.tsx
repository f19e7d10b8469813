import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { ROLE_LABELS } from '../auth/permissions';
import { useSession } from '../auth/session';
import { Page } from '../common/page';
import { DATE, dayjs } from '../time/org-time';
import { MfaEnrolment } from './mfa-enrolment';
import { PasswordChange } from './password-change';

/** The signed-in user's own account: who they are, their second factor and their password. */
export function AccountPage() {
  const { user, mfa } = useSession();
  return (
    <Page
      title="Your account"
      description={`${user.name} · ${user.email} · ${ROLE_LABELS[user.role]}`}
    >
      <Paper p="lg" withBorder>
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={2} fz={18}>
              Two-step verification
            </Title>
            <Badge color={mfa.enrolled ? 'teal' : 'gray'} data-testid="mfa-status">
              {mfa.enrolled ? 'On' : 'Off'}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            After your password, Rounds asks for a code from an app on your phone.
          </Text>
          {mfa.required && !mfa.enrolled && (
            <Alert color={mfa.overdue ? 'red' : 'yellow'} icon={<IconShieldLock />}>
              {mfa.overdue
                ? 'Your organization requires two-step verification: set it up to continue.'
                : `Your organization requires two-step verification. Set it up by ${dayjs(mfa.enrolBy).format(DATE)}.`}
            </Alert>
          )}
          <MfaEnrolment enrolled={mfa.enrolled} />
        </Stack>
      </Paper>
      <Paper p="lg" withBorder mt="lg">
        <Stack gap="md">
          <Title order={2} fz={18}>
            Password
          </Title>
          <PasswordChange />
        </Stack>
      </Paper>
    </Page>
  );
}
