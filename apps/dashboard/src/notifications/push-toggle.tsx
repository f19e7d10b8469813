import { Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';
import { errorMessage } from '../api/api-error';

const supported = 'serviceWorker' in navigator && 'PushManager' in window;

/** Turns Web Push on or off for this browser; hidden where the server or the browser has none. */
export function PushToggle() {
  const key = useQuery({
    queryKey: ['push', 'key'],
    queryFn: () => unwrap(api.GET('/api/v1/push/key')),
    enabled: supported,
    staleTime: Infinity,
  });
  const [subscription, setSubscription] = useState<PushSubscription | null>(null);
  useEffect(() => {
    if (!supported) return;
    void navigator.serviceWorker.ready
      .then((registration) => registration.pushManager.getSubscription())
      .then(setSubscription);
  }, []);
  const toggle = useMutation({
    mutationFn: async (on: boolean) => {
      const registration = await navigator.serviceWorker.ready;
      if (!on) {
        const endpoint = subscription!.endpoint;
        await unwrap(api.DELETE('/api/v1/push/subscriptions', { params: { query: { endpoint } } }));
        await subscription!.unsubscribe();
        return null;
      }
      const created = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: key.data!.publicKey!,
      });
      const { endpoint, keys } = created.toJSON() as {
        endpoint: string;
        keys: { p256dh: string; auth: string };
      };
      await unwrap(api.POST('/api/v1/push/subscriptions', { body: { endpoint, keys } }));
      return created;
    },
    onSuccess: setSubscription,
  });
  if (!supported || !key.data?.enabled) return null;
  return (
    <Stack
      gap={4}
      px="md"
      py="sm"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Switch
        label="Push notifications on this device"
        description="Titles only, never a post's words"
        checked={subscription !== null}
        disabled={toggle.isPending}
        onChange={(event) => toggle.mutate(event.currentTarget.checked)}
      />
      {toggle.isError && (
        <Text size="xs" c="red.9" role="alert">
          {errorMessage(toggle.error)}
        </Text>
      )}
    </Stack>
  );
}
