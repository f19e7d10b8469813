import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCheckbox, IconPencil, IconPlayerPlay, IconSend, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { useOrgTime } from '../time/org-time';
import type { PostDetail } from './post-model';

type Action = 'submit' | 'cancel' | 'release';

const DONE: Record<Action, string> = {
  submit: 'Sent for review',
  cancel: 'Post cancelled',
  release: 'Released: it will publish at its time',
};

/** What the signed-in role may do with the post in its current status. */
export function PostActions({ post }: { post: PostDetail }) {
  const { can } = useSession();
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<Action | null>(null);
  const [comment, setComment] = useState('');
  const [newTime, setNewTime] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: (action: Action) => {
      const params = { path: { id: post.id } };
      switch (action) {
        case 'submit':
          return unwrap(api.POST('/api/v1/posts/{id}/submit', { params }));
        case 'cancel':
          return unwrap(api.POST('/api/v1/posts/{id}/cancel', { params, body: { comment } }));
        case 'release':
          return unwrap(
            api.POST('/api/v1/posts/{id}/release', {
              params,
              body: { comment, ...(newTime ? { scheduledAt: newTime.replace(' ', 'T') } : {}) },
            }),
          );
      }
    },
    onSuccess: (saved, action) => {
      notifications.show({ color: 'teal', message: DONE[action] });
      queryClient.setQueryData(['post', post.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['posts'] });
      setConfirm(null);
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not done', message: errorMessage(error) }),
  });
  const writer = can('content:write');
  const editable = writer && post.editable;
  return (
    <Group gap="sm">
      {editable && (
        <Button
          component={Link}
          to={`/posts/${post.id}/edit`}
          variant="default"
          leftSection={<IconPencil size={16} />}
        >
          Edit
        </Button>
      )}
      {writer && (post.status === 'draft' || post.status === 'changes_requested') && (
        <Button
          leftSection={<IconSend size={16} />}
          onClick={() => act.mutate('submit')}
          loading={act.isPending}
        >
          Submit for review
        </Button>
      )}
      {can('content:review') && post.status === 'in_review' && (
        <Button
          component={Link}
          to={`/approvals/${post.id}`}
          leftSection={<IconCheckbox size={16} />}
        >
          Review
        </Button>
      )}
      {writer && post.status === 'held' && (
        <Button
          color="teal"
          leftSection={<IconPlayerPlay size={16} />}
          onClick={() => setConfirm('release')}
        >
          Release
        </Button>
      )}
      {editable && (
        <Button
          color="red"
          variant="subtle"
          leftSection={<IconX size={16} />}
          onClick={() => setConfirm('cancel')}
        >
          Cancel post
        </Button>
      )}
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm === 'release' ? 'Release this held post' : 'Cancel this post'}
      >
        <Stack gap="md">
          <Text size="sm">
            {confirm === 'release'
              ? `It publishes at ${time.format(post.scheduledAt)}, or at a new time if that has passed.`
              : 'It will not be published on any channel. This cannot be undone.'}
          </Text>
          {confirm === 'release' && (
            <DateTimePicker
              label="New time (optional)"
              description={`${time.zone.replace(/_/g, ' ')} time`}
              clearable
              value={newTime}
              onChange={setNewTime}
              valueFormat="MMM D, YYYY h:mm A"
            />
          )}
          <Textarea
            label="Comment"
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              Back
            </Button>
            <Button
              color={confirm === 'cancel' ? 'red' : 'teal'}
              loading={act.isPending}
              onClick={() => confirm && act.mutate(confirm)}
            >
              {confirm === 'release' ? 'Release' : 'Cancel post'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
