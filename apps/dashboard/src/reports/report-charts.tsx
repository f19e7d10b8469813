import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Schemas } from '../api/schema-types';
import { dayjs } from '../time/org-time';

type Report = Schemas['EngagementReportDto'];

const TEAL = '#0b6e74';
const AMBER = '#e8590c';

interface FiguresProps {
  caption: string;
  rowHeader: string;
  rows: { label: string; impressionsOrViews: number; engagements: number }[];
}

/** The chart's figures as a table (its text alternative, WCAG 1.1.1), opened on request. */
function ChartFigures({ caption, rowHeader, rows }: FiguresProps) {
  return (
    <details>
      <summary>
        <Text span size="sm">
          Figures as a table
        </Text>
      </summary>
      <Table.ScrollContainer minWidth={280}>
        <Table striped>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{rowHeader}</Table.Th>
              <Table.Th scope="col">Impressions &amp; views</Table.Th>
              <Table.Th scope="col">Engagements</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.label}>
                <Table.Th scope="row" fw={500}>
                  {row.label}
                </Table.Th>
                <Table.Td>{row.impressionsOrViews.toLocaleString()}</Table.Td>
                <Table.Td>{row.engagements.toLocaleString()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </details>
  );
}

export function ReportCharts({ report }: { report: Report }) {
  const series = report.series.map((p) => ({ ...p, label: dayjs(p.period).format('MMM D') }));
  const perChannel = report.channels.map((c) => ({
    label: c.displayName || c.handle,
    impressionsOrViews: c.kpis.impressionsOrViews.value,
    engagements: c.kpis.engagements.value,
  }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Paper p="lg">
        <Title order={2} fz={17}>
          Every {report.granularity}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          Impressions (X) and views (YouTube), and engagements
        </Text>
        <ResponsiveContainer width="100%" height={260}>
          <AreaChart data={series} margin={{ left: 8, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e9ecef" />
            <XAxis dataKey="label" fontSize={12} />
            <YAxis fontSize={12} />
            <Tooltip />
            <Legend />
            <Area
              type="monotone"
              dataKey="impressionsOrViews"
              name="Impressions & views"
              stroke={TEAL}
              fill={TEAL}
              fillOpacity={0.15}
            />
            <Area
              type="monotone"
              dataKey="engagements"
              name="Engagements"
              stroke={AMBER}
              fill={AMBER}
              fillOpacity={0.15}
            />
          </AreaChart>
        </ResponsiveContainer>
        <ChartFigures
          caption={`Figures for every ${report.granularity}`}
          rowHeader="Period"
          rows={series}
        />
      </Paper>
      <Paper p="lg">
        <Title order={2} fz={17}>
          By channel
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          The same figures for each connected account
        </Text>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={perChannel} margin={{ left: 8, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e9ecef" />
            <XAxis dataKey="label" fontSize={12} />
            <YAxis fontSize={12} />
            <Tooltip />
            <Legend />
            <Bar
              dataKey="impressionsOrViews"
              name="Impressions & views"
              fill={TEAL}
              radius={[4, 4, 0, 0]}
            />
            <Bar dataKey="engagements" name="Engagements" fill={AMBER} radius={[4, 4, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
        <ChartFigures caption="Figures by channel" rowHeader="Channel" rows={perChannel} />
      </Paper>
    </SimpleGrid>
  );
}
