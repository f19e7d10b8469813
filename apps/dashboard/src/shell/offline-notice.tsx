import { Alert } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { IconWifiOff } from '@tabler/icons-react';

/** Says so when the device is offline: the service worker still opens the app, without data. */
export function OfflineNotice() {
  const { online } = useNetwork();
  if (online) return null;
  return (
    <Alert
      role="status"
      color="gray"
      variant="filled"
      radius={0}
      icon={<IconWifiOff />}
      title="You are offline"
      pos="sticky"
      top={0}
      style={{ zIndex: 300 }}
    >
      Rounds shows posts, approvals and the inbox again when the connection is back. Nothing is kept
      on this device.
    </Alert>
  );
}
