import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
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

export function ReportCharts({ report }: { report: Report }) {
  const series = report.series.map((p) => ({ ...p, label: dayjs(p.period).format('MMM D') }));
  const perChannel = report.channels.map((c) => ({
    name: c.displayName || c.handle,
    'Impressions & views': c.kpis.impressionsOrViews.value,
    Engagements: c.kpis.engagements.value,
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
            <XAxis dataKey="name" fontSize={12} />
            <YAxis fontSize={12} />
            <Tooltip />
            <Legend />
            <Bar dataKey="Impressions & views" fill={TEAL} radius={[4, 4, 0, 0]} />
            <Bar dataKey="Engagements" fill={AMBER} radius={[4, 4, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </Paper>
    </SimpleGrid>
  );
}
