import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { ReasonDialog } from '../common/reason-dialog';

/** The administrator's crisis switch: pause stops every publication; resume needs a reason too. */
export function PauseControl({ compact = false }: { compact?: boolean }) {
  const { organization, can } = useSession();
  const [opened, { open, close }] = useDisclosure();
  const queryClient = useQueryClient();
  const paused = organization.pausedAt !== null;
  const toggle = useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        paused
          ? api.POST('/api/v1/organization/resume', { body: { reason } })
          : api.POST('/api/v1/organization/pause', { body: { reason } }),
      ),
    onSuccess: (state) => {
      notifications.show({
        color: state.paused ? 'red' : 'teal',
        title: state.paused ? 'Publishing paused' : 'Publishing resumed',
        message: state.paused
          ? 'Nothing will be published until an administrator resumes.'
          : `${state.heldPostIds.length} held post(s) need an explicit release before they go out.`,
      });
      close();
      return queryClient.invalidateQueries();
    },
  });
  if (!can('organization:pause')) return null;
  return (
    <>
      <Button
        color={paused ? 'teal' : 'red'}
        variant={paused ? 'white' : 'outline'}
        size={compact ? 'xs' : 'sm'}
        leftSection={paused ? <IconPlayerPlay size={16} /> : <IconPlayerPause size={16} />}
        onClick={open}
      >
        {paused ? 'Resume publishing' : 'Emergency pause'}
      </Button>
      {opened && (
        <ReasonDialog
          title={paused ? 'Resume publishing' : 'Pause all publishing'}
          reasonDescription="Recorded on the audit trail and shown to everyone in the banner."
          confirmLabel={paused ? 'Resume publishing' : 'Pause publishing'}
          confirmColor={paused ? 'teal' : 'red'}
          pending={toggle.isPending}
          error={toggle.error}
          onConfirm={(reason) => toggle.mutate(reason)}
          onClose={close}
        >
          {paused
            ? 'Scheduled posts will publish again. Posts held during the pause stay held until someone releases each one.'
            : 'Nothing will be published to any channel until an administrator resumes. Posts that come due meanwhile are held.'}
        </ReasonDialog>
      )}
    </>
  );
}
