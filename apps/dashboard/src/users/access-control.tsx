import { Badge, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { ReasonDialog } from '../common/reason-dialog';
import { USERS_QUERY } from './users-queries';

/** Offboarding: deactivation ends the person's sessions on their next request; audited. */
export function AccessControl({ user, isSelf }: { user: Schemas['UserDto']; isSelf: boolean }) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const action = user.disabledAt ? 'reactivate' : 'deactivate';
  const change = useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.POST(`/api/v1/users/{id}/${action}`, {
          params: { path: { id: user.id } },
          body: { reason },
        }),
      ),
    onSuccess: (changed) => {
      setOpen(false);
      notifications.show({
        color: 'teal',
        message: `${changed.name} is ${changed.disabledAt ? 'deactivated' : 'active again'}`,
      });
      return queryClient.invalidateQueries({ queryKey: USERS_QUERY });
    },
  });
  return (
    <Group gap="xs" wrap="nowrap">
      {user.disabledAt && <Badge color="gray">Deactivated</Badge>}
      {!isSelf && (
        <Button size="xs" variant="default" onClick={() => setOpen(true)}>
          {user.disabledAt ? 'Reactivate' : 'Deactivate'}
        </Button>
      )}
      {open && (
        <ReasonDialog
          title={`${user.disabledAt ? 'Reactivate' : 'Deactivate'} ${user.name}`}
          reasonDescription="Recorded on the audit trail"
          confirmLabel={user.disabledAt ? 'Reactivate' : 'Deactivate'}
          confirmColor={user.disabledAt ? 'teal' : 'red'}
          pending={change.isPending}
          error={change.error}
          onConfirm={(reason) => change.mutate(reason)}
          onClose={() => setOpen(false)}
        >
          {user.disabledAt
            ? 'They can sign in again with their password; old sessions stay ended.'
            : 'Every session of theirs ends now: their next request signs them out.'}
        </ReasonDialog>
      )}
    </Group>
  );
}
