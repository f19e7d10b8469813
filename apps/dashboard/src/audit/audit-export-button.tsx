import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../api/api-error';
import { api, unwrap } from '../api/client';
import { download } from '../common/download';

/**
 * The period's events with the signed checkpoints and public keys, as NDJSON an auditor checks
 * offline with `npm run audit:verify -- FILE`.
 */
export function AuditExportButton({ query }: { query: { from?: string; to?: string } }) {
  const exported = useMutation({
    mutationFn: () =>
      unwrap(
        api.GET('/api/v1/audit/export', { params: { query }, parseAs: 'blob' }),
      ) as Promise<Blob>,
    onSuccess: (blob) => download(blob, `audit-${new Date().toISOString().slice(0, 10)}.ndjson`),
    onError: (error) =>
      notifications.show({ color: 'red', title: 'No export', message: errorMessage(error) }),
  });
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} />}
      onClick={() => exported.mutate()}
      loading={exported.isPending}
    >
      Download for auditor
    </Button>
  );
}
