import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconRefresh, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { TIME, useOrgTime } from '../time/org-time';

/** The API returns the domain's ChainVerification interface, which its document cannot describe. */
interface ChainVerification {
  valid: boolean;
  eventsChecked: number;
  checkpointsChecked: number;
  firstBroken?: { id?: string; seq: number; kind: string; reason: string };
}

async function verifyChain(): Promise<ChainVerification> {
  return (await unwrap(api.GET('/api/v1/audit/verify'))) as ChainVerification;
}

/** Recomputes every hash of the organization's chain on the server and says where it breaks. */
export function ChainVerificationPanel() {
  const time = useOrgTime();
  const check = useQuery({ queryKey: ['audit', 'verify'], queryFn: verifyChain, staleTime: 0 });
  const again = (
    <Button
      variant="white"
      size="xs"
      color={check.data?.valid === false ? 'red' : 'teal'}
      leftSection={<IconRefresh size={14} />}
      onClick={() => void check.refetch()}
      loading={check.isFetching}
    >
      Verify again
    </Button>
  );
  if (check.isPending) {
    return (
      <Alert color="gray" icon={<Loader size={18} />} title="Verifying the audit trail…">
        Recomputing the hash of every event.
      </Alert>
    );
  }
  if (check.isError) {
    return (
      <Alert color="red" icon={<IconShieldX />} title="The audit trail could not be verified">
        <Group justify="space-between">
          <Text size="sm">{check.error.message}</Text>
          {again}
        </Group>
      </Alert>
    );
  }
  const result = check.data;
  const checkedAt = time.format(new Date(check.dataUpdatedAt), TIME);
  if (result.valid) {
    return (
      <Alert
        color="teal"
        icon={<IconShieldCheck />}
        title="Audit trail intact"
        data-testid="chain-verification"
      >
        <Group justify="space-between">
          <Text size="sm">
            All {result.eventsChecked} events checked at {checkedAt}: each one's hash matches its
            content and links to the event before it, and {result.checkpointsChecked} signed
            checkpoints kept outside the database agree.
          </Text>
          {again}
        </Group>
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="filled"
      icon={<IconShieldX />}
      title="Audit trail broken"
      data-testid="chain-verification"
    >
      <Group justify="space-between">
        <Text size="sm">
          Event #{result.firstBroken?.seq} does not match: {result.firstBroken?.reason}.{' '}
          {result.eventsChecked} events checked at {checkedAt}. Report this to your security
          officer.
        </Text>
        {again}
      </Group>
    </Alert>
  );
}
