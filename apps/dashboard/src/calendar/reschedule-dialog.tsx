import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { rescheduleEffect } from '../posts/post-model';
import type { CalendarEntry } from '../posts/post-model';
import { useOrgTime } from '../time/org-time';

export interface PendingMove {
  post: CalendarEntry;
  start: Date;
  revert: () => void;
}

/** Confirms a drag on the calendar, saying what the new time does to the post's approval. */
export function RescheduleDialog({
  move,
  onDone,
}: {
  move: PendingMove | null;
  onDone: (saved: boolean) => void;
}) {
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (m: PendingMove) =>
      unwrap(
        api.PATCH('/api/v1/posts/{id}', {
          params: { path: { id: m.post.id } },
          body: { scheduledAt: m.start.toISOString() },
        }),
      ),
    onSuccess: (post) => {
      notifications.show({
        color: 'teal',
        message: `Rescheduled to ${time.format(post.scheduledAt)}`,
      });
      void queryClient.invalidateQueries({ queryKey: ['posts'] });
      onDone(true);
    },
    onError: (error) => {
      notifications.show({ color: 'red', title: 'Not rescheduled', message: errorMessage(error) });
      onDone(false);
    },
  });
  const effect = move ? rescheduleEffect(move.post) : null;
  return (
    <Modal opened={move !== null} onClose={() => onDone(false)} title="Reschedule this post?">
      {move && effect && (
        <Stack gap="md">
          <Text fw={600}>{move.post.excerpt || 'Untitled post'}</Text>
          <Text size="sm">
            From <b>{time.format(move.post.scheduledAt)}</b>
            <br />
            to <b>{time.format(move.start)}</b>
          </Text>
          <Alert
            color={effect.reapproval ? 'orange' : 'teal'}
            icon={effect.reapproval ? <IconAlertTriangle /> : <IconCircleCheck />}
            title={effect.title}
          >
            {effect.message}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onDone(false)}>
              Keep the old time
            </Button>
            <Button loading={save.isPending} onClick={() => save.mutate(move)}>
              Reschedule
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
