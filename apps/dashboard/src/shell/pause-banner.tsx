import { Alert, Group, Text } from '@mantine/core';
import { IconPlayerPause } from '@tabler/icons-react';
import { useSession } from '../auth/session';
import { PauseControl } from '../organization/pause-control';
import { useOrgTime } from '../time/org-time';

/** Shown to everyone, on every screen, while the organization's publishing is paused. */
export function PauseBanner() {
  const { organization } = useSession();
  const time = useOrgTime();
  if (!organization.pausedAt) return null;
  return (
    <Alert
      color="red"
      variant="filled"
      icon={<IconPlayerPause />}
      title="Publishing is paused for the whole organization"
      role="alert"
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm">
          Paused since {time.format(organization.pausedAt)}
          {organization.pauseReason ? ` — “${organization.pauseReason}”` : ''}. Nothing is
          published; posts that come due are held until an administrator resumes and releases them.
        </Text>
        <PauseControl compact />
      </Group>
    </Alert>
  );
}
