import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { LoadError } from '../common/page';

export interface Range {
  from: string;
  to: string;
}

export function Figure({
  label,
  value,
  detail,
}: {
  label: string;
  value: string;
  detail?: string;
}) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={22} fw={700}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="gray.7">
          {detail}
        </Text>
      )}
    </Stack>
  );
}

const top = (rows: { count: number; reason?: string; kind?: string }[]) =>
  rows
    .slice(0, 3)
    .map((r) => `${r.reason ?? r.kind}: ${r.count}`)
    .join(' · ');

/** How review and the PHI guard worked over the same period. */
export function CompliancePanel({ range }: { range: Range }) {
  const report = useQuery({
    queryKey: ['reports', 'compliance', range],
    queryFn: () => unwrap(api.GET('/api/v1/reports/compliance', { params: { query: range } })),
  });
  if (report.isError) return <LoadError error={report.error} />;
  const r = report.data;
  return (
    <Paper p="lg" data-testid="compliance-panel">
      <Title order={2} fz={17} mb="md">
        Compliance
      </Title>
      {r && (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
          <Figure
            label="Approval cycle"
            value={
              r.approvalCycleTime.medianHours === null
                ? '—'
                : `${r.approvalCycleTime.medianHours.toFixed(1)} h`
            }
            detail={`median of ${r.approvalCycleTime.approvals} approvals${r.approvalCycleTime.p90Hours === null ? '' : `; 90% within ${r.approvalCycleTime.p90Hours.toFixed(1)} h`}`}
          />
          <Figure
            label="Sent back"
            value={String(r.rejections.total)}
            detail={top(r.rejections.byReason)}
          />
          <Figure
            label="PHI caught"
            value={String(r.phiFindings.total)}
            detail={top(r.phiFindings.byKind)}
          />
          <Figure
            label="Overrides"
            value={String(r.overrides.total)}
            detail={top(r.overrides.byKind)}
          />
          <Figure
            label="Pauses"
            value={String(r.pauses.total)}
            detail={`${r.pauses.pausedHours.toFixed(1)} h paused`}
          />
        </SimpleGrid>
      )}
    </Paper>
  );
}
