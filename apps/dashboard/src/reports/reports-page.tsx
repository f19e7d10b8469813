import { Anchor, Badge, Button, Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { DatesRangeValue } from '@mantine/dates';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { channelLabel, useChannels } from '../channels/channels-queries';
import { LoadError, Page } from '../common/page';
import { DATE, useOrgTime } from '../time/org-time';
import { CompliancePanel } from './compliance-panel';
import { FeedbackPanel } from './feedback-panel';
import { formatFigure, KpiTiles } from './kpi-tiles';
import { ReportCharts } from './report-charts';
import { useCsvDownload } from './report-csv-download';
import { TrackedLinksPanel } from './tracked-links-panel';

const DAY = 'YYYY-MM-DD';

export function ReportsPage() {
  const time = useOrgTime();
  const channels = useChannels();
  const today = time.at().format(DAY);
  const [range, setRange] = useState<DatesRangeValue<string>>([
    time.at().subtract(29, 'day').format(DAY),
    today,
  ]);
  const [channelId, setChannelId] = useState<string | null>(null);
  const period = { from: range[0] ?? today, to: range[1] ?? range[0] ?? today };
  const query = { ...period, ...(channelId ? { channelId } : {}) };
  const report = useQuery({
    queryKey: ['reports', 'engagement', query],
    queryFn: () => unwrap(api.GET('/api/v1/reports/engagement', { params: { query } })),
  });
  const csv = useCsvDownload(
    () =>
      unwrap(
        api.GET('/api/v1/reports/engagement', {
          params: { query },
          headers: { Accept: 'text/csv' },
          parseAs: 'blob',
        }),
      ) as Promise<Blob>,
    `engagement-${period.from}-to-${period.to}.csv`,
  );

  return (
    <Page
      title="Reports"
      description="Engagement across channels against the previous period of the same length. Hover a figure for its formula."
      actions={
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          onClick={() => csv.mutate()}
          loading={csv.isPending}
        >
          Download CSV
        </Button>
      }
    >
      <Group gap="md" align="flex-end">
        <DatePickerInput
          type="range"
          label="Period"
          value={range}
          onChange={setRange}
          maxDate={today}
          valueFormat="MMM D, YYYY"
          w={300}
        />
        <Select
          label="Channel"
          placeholder="All channels"
          clearable
          data={(channels.data ?? []).map((c) => ({ value: c.id, label: channelLabel(c) }))}
          value={channelId}
          onChange={setChannelId}
          w={260}
        />
      </Group>
      {report.isError && <LoadError error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <>
          <KpiTiles kpis={report.data.kpis} />
          <ReportCharts report={report.data} />
          <Paper p="lg">
            <Title order={2} fz={17} mb="md">
              Top posts
            </Title>
            {report.data.topPosts.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing was published in this period.
              </Text>
            ) : (
              <Table verticalSpacing="sm" data-testid="top-posts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Post</Table.Th>
                    <Table.Th>Published</Table.Th>
                    <Table.Th ta="right">Impressions & views</Table.Th>
                    <Table.Th ta="right">Engagements</Table.Th>
                    <Table.Th ta="right">Rate</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.topPosts.map((post) => (
                    <Table.Tr key={post.publicationId}>
                      <Table.Td maw={360}>
                        <Group gap={6} wrap="nowrap">
                          <Badge size="sm" color="gray">
                            {post.platform === 'x' ? 'X' : 'YouTube'}
                          </Badge>
                          <Anchor
                            component={Link}
                            to={`/posts/${post.postId}`}
                            size="sm"
                            lineClamp={1}
                          >
                            {post.preview}
                          </Anchor>
                        </Group>
                        {post.tweets && (
                          <Text size="xs" c="gray.7" data-testid="thread-figures">
                            Thread of {post.tweets.length}: engagements per tweet{' '}
                            {post.tweets.map((t) => formatFigure(t.engagements)).join(' · ')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{time.format(post.publishedAt, DATE)}</Table.Td>
                      <Table.Td ta="right">{formatFigure(post.impressionsOrViews)}</Table.Td>
                      <Table.Td ta="right">{formatFigure(post.engagements)}</Table.Td>
                      <Table.Td ta="right">{formatFigure(post.engagementRate, true)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <TrackedLinksPanel report={report.data} />
        </>
      )}
      <CompliancePanel range={period} />
      <FeedbackPanel range={period} />
    </Page>
  );
}
