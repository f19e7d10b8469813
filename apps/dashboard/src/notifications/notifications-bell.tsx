import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { useOrgTime } from '../time/org-time';
import classes from './notifications-bell.module.css';
import { PushToggle } from './push-toggle';

const POLL_MS = 30_000;
const NOTIFICATIONS = ['notifications'] as const;

type Notification = Schemas['NotificationDto'];

export function NotificationsBell() {
  const [opened, setOpened] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const time = useOrgTime();
  const unread = useQuery({
    queryKey: [...NOTIFICATIONS, 'unread'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications/unread-count')),
    refetchInterval: POLL_MS,
  });
  const list = useQuery({
    queryKey: [...NOTIFICATIONS, 'list'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 20 } } })),
    enabled: opened,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS });
  const markRead = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSuccess: refresh,
  });
  const count = unread.data?.count ?? 0;
  const open = (notification: Notification) => {
    if (!notification.readAt) markRead.mutate(notification.id);
    setOpened(false);
    void navigate(notification.path);
  };

  return (
    // The popover's target is the button itself: aria-expanded belongs on it, not on the badge's div.
    <Indicator label={count} size={18} disabled={count === 0} color="red" offset={4}>
      <Popover
        opened={opened}
        onChange={setOpened}
        width="min(380px, calc(100vw - 16px))"
        position="bottom-end"
        shadow="md"
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={count ? `Notifications, ${count} unread` : 'Notifications'}
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={22} stroke={1.7} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0}>
          <Group justify="space-between" px="md" py="sm">
            <Text fw={600}>Notifications</Text>
            <Button
              size="compact-xs"
              variant="subtle"
              disabled={count === 0}
              onClick={() => markAll.mutate()}
            >
              Mark all read
            </Button>
          </Group>
          <Divider />
          <PushToggle />
          <ScrollArea.Autosize mah={420}>
            {list.data?.length === 0 && (
              <Text c="dimmed" size="sm" p="md">
                Nothing yet. You will hear here when a post needs you.
              </Text>
            )}
            <Stack gap={0}>
              {list.data?.map((notification) => (
                <UnstyledButton
                  key={notification.id}
                  className={classes.item}
                  data-unread={!notification.readAt || undefined}
                  onClick={() => open(notification)}
                >
                  <Text size="sm" fw={notification.readAt ? 500 : 700}>
                    {notification.title}
                  </Text>
                  <Text size="sm" c="gray.7" lineClamp={2}>
                    {notification.body}
                  </Text>
                  <Text size="xs" c="dimmed" mt={2}>
                    {time.format(notification.createdAt)}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
