import { Anchor, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Schemas } from '../api/schema-types';
import { formatFigure } from './kpi-tiles';

type Report = Schemas['EngagementReportDto'];

interface Row {
  key: string;
  label: ReactNode;
  linkClicks: number;
  impressionsOrViews: number;
  linkClickThroughRate: number;
}

/** One table of tracked-link figures; the column headers carry their formulas. */
function LinkTable({
  caption,
  rowHeader,
  rows,
  formulas,
}: {
  caption: string;
  rowHeader: string;
  rows: Row[];
  formulas: Report['formulas'];
}) {
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="xs" data-testid={`links-${rowHeader.toLowerCase()}`}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{rowHeader}</Table.Th>
            <Table.Th scope="col" ta="right">
              <Tooltip label={formulas.linkClicks} multiline maw={300} withArrow>
                <span tabIndex={0}>Link clicks</span>
              </Tooltip>
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Impressions &amp; views
            </Table.Th>
            <Table.Th scope="col" ta="right">
              <Tooltip label={formulas.linkClickThroughRate} multiline maw={300} withArrow>
                <span tabIndex={0}>Click-through rate</span>
              </Tooltip>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={500} maw={360}>
                {row.label}
              </Table.Th>
              <Table.Td ta="right">{formatFigure(row.linkClicks)}</Table.Td>
              <Table.Td ta="right">{formatFigure(row.impressionsOrViews)}</Table.Td>
              <Table.Td ta="right">{formatFigure(row.linkClickThroughRate, true)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Clicks through the posts' first-party short links, per campaign, post and channel. */
export function TrackedLinksPanel({ report }: { report: Report }) {
  const { posts, campaigns } = report.links;
  const channels = report.channels.map((c) => ({
    key: c.channelId,
    label: c.displayName || c.handle,
    linkClicks: c.kpis.linkClicks.value,
    impressionsOrViews: c.kpis.impressionsOrViews.value,
    linkClickThroughRate: c.kpis.linkClickThroughRate.value,
  }));
  return (
    <Paper p="lg">
      <Title order={2} fz={17}>
        Tracked links
      </Title>
      <Text size="xs" c="gray.7" mb="sm">
        Clicks through our own short links, without cookies or third-party trackers; link previews
        and bots are not counted.
      </Text>
      {posts.length === 0 ? (
        <Text size="sm" c="gray.7">
          No tracked link was clicked or seen in this period.
        </Text>
      ) : (
        <Stack gap="lg">
          {campaigns.length > 0 && (
            <LinkTable
              caption="By campaign: every post of the campaign counts in its impressions"
              rowHeader="Campaign"
              rows={campaigns.map((c) => ({ key: c.campaign, label: c.campaign, ...c }))}
              formulas={report.formulas}
            />
          )}
          <LinkTable
            caption="By post"
            rowHeader="Post"
            rows={posts.map((p) => ({
              ...p,
              key: p.postId,
              label: (
                <Anchor component={Link} to={`/posts/${p.postId}`} size="sm" lineClamp={1}>
                  {p.preview || 'Untitled post'}
                </Anchor>
              ),
            }))}
            formulas={report.formulas}
          />
          <LinkTable
            caption="By channel"
            rowHeader="Channel"
            rows={channels}
            formulas={report.formulas}
          />
        </Stack>
      )}
    </Paper>
  );
}
