import { Button, Group, Paper, SimpleGrid, Table, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { LoadError } from '../common/page';
import { CATEGORIES } from '../inbox/feedback-category';
import { Figure, type Range } from './compliance-panel';
import { useCsvDownload } from './report-csv-download';

const categoryLabel = (category: string) =>
  category in CATEGORIES ? CATEGORIES[category as keyof typeof CATEGORIES].label : 'Uncategorized';

/** Patient feedback over the period: what came in, how fast it was answered, what is late. */
export function FeedbackPanel({ range }: { range: Range }) {
  const report = useQuery({
    queryKey: ['reports', 'feedback', range],
    queryFn: () => unwrap(api.GET('/api/v1/reports/feedback', { params: { query: range } })),
  });
  const csv = useCsvDownload(
    () =>
      unwrap(
        api.GET('/api/v1/reports/feedback', {
          params: { query: range },
          headers: { Accept: 'text/csv' },
          parseAs: 'blob',
        }),
      ) as Promise<Blob>,
    `feedback-${range.from}-to-${range.to}.csv`,
  );
  if (report.isError) return <LoadError error={report.error} />;
  const r = report.data;
  const safety = r?.messages.byCategory.find((c) => c.category === 'safety')?.count ?? 0;
  return (
    <Paper p="lg" data-testid="feedback-panel">
      <Group justify="space-between" mb="md">
        <Title order={2} fz={17}>
          Patient feedback
        </Title>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} />}
          onClick={() => csv.mutate()}
          loading={csv.isPending}
        >
          Download feedback CSV
        </Button>
      </Group>
      {r && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md">
            <Figure label="Messages" value={String(r.messages.total)} detail="received" />
            <Figure label="Safety" value={String(safety)} detail="told to their owners at once" />
            <Figure
              label="First response"
              value={
                r.firstResponse.medianHours === null
                  ? '—'
                  : `${r.firstResponse.medianHours.toFixed(1)} h`
              }
              detail={`median of ${r.firstResponse.responded} answered`}
            />
            <Figure
              label="Overdue"
              value={String(r.overdue.count)}
              detail="past their target now"
            />
          </SimpleGrid>
          <Table aria-label="Messages by category" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Category</Table.Th>
                <Table.Th ta="right">Messages</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.messages.byCategory.map((c) => (
                <Table.Tr key={c.category}>
                  <Table.Td>{categoryLabel(c.category)}</Table.Td>
                  <Table.Td ta="right">{c.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Paper>
  );
}
