import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { Permission } from '../auth/permissions';
import { useSession } from '../auth/session';

/** The administrator's crisis switch: pause stops every publication; resume needs a reason too. */
export function PauseControl({ compact = false }: { compact?: boolean }) {
  const { organization, can } = useSession();
  const [opened, { open, close }] = useDisclosure();
  const [reason, setReason] = useState('');
  const queryClient = useQueryClient();
  const paused = organization.pausedAt !== null;
  const toggle = useMutation({
    mutationFn: () =>
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
      setReason('');
      close();
      return queryClient.invalidateQueries();
    },
  });
  if (!can(Permission.EmergencyPause)) return null;
  const error = toggle.error instanceof ApiError ? toggle.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    toggle.mutate();
  };
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
      <Modal
        opened={opened}
        onClose={close}
        title={paused ? 'Resume publishing' : 'Pause all publishing'}
      >
        <Stack component="form" gap="md" onSubmit={submit}>
          <Text size="sm">
            {paused
              ? 'Scheduled posts will publish again. Posts held during the pause stay held until someone releases each one.'
              : 'Nothing will be published to any channel until an administrator resumes. Posts that come due meanwhile are held.'}
          </Text>
          {error && !error.fieldErrors.length && <Alert color="red">{error.message}</Alert>}
          <Textarea
            label="Reason"
            description="Recorded on the audit trail and shown to everyone in the banner."
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error?.fieldMessage('reason')}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color={paused ? 'teal' : 'red'} loading={toggle.isPending}>
              {paused ? 'Resume publishing' : 'Pause publishing'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
