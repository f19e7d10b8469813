import { Group, Paper, SimpleGrid, Text, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconMinus } from '@tabler/icons-react';
import type { Schemas } from '../api/schema-types';

type Kpis = Schemas['KpisDto'];

const TILES: { key: keyof Kpis; label: string; percent?: boolean }[] = [
  { key: 'postsPublished', label: 'Posts published' },
  { key: 'impressionsOrViews', label: 'Impressions & views' },
  { key: 'engagements', label: 'Engagements' },
  { key: 'engagementRate', label: 'Engagement rate', percent: true },
  { key: 'followerGrowth', label: 'Follower growth' },
  { key: 'linkClicks', label: 'Link clicks' },
  { key: 'linkClickThroughRate', label: 'Click-through rate', percent: true },
];

const number = new Intl.NumberFormat('en-US');
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });

export const formatFigure = (value: number, asPercent = false) =>
  asPercent ? percent.format(value) : number.format(value);

function changeLabel(figure: Kpis[keyof Kpis]): string {
  if (figure.changePct !== null) {
    return `${figure.changePct > 0 ? '+' : ''}${figure.changePct.toFixed(1)}%`;
  }
  return figure.value === 0 ? 'no change' : 'new';
}

/** Each figure with its change against the previous period of the same length. */
export function KpiTiles({ kpis }: { kpis: Kpis }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 4, xl: 7 }}>
      {TILES.map(({ key, label, percent: asPercent }) => {
        const figure = kpis[key];
        const up = figure.change > 0;
        const flat = figure.change === 0;
        const Arrow = flat ? IconMinus : up ? IconArrowUpRight : IconArrowDownRight;
        return (
          <Tooltip key={key} label={figure.formula} multiline maw={300} withArrow>
            <Paper p="md" tabIndex={0} data-testid={`kpi-${key}`}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                {label}
              </Text>
              <Text fz={26} fw={700} mt={4}>
                {formatFigure(figure.value, asPercent)}
              </Text>
              <Group gap={4} c={flat ? 'gray.7' : up ? 'teal.8' : 'red.8'}>
                <Arrow size={16} />
                <Text size="sm" fw={600}>
                  {changeLabel(figure)}
                </Text>
                <Text size="xs" c="dimmed">
                  vs {formatFigure(figure.previous, asPercent)} before
                </Text>
              </Group>
            </Paper>
          </Tooltip>
        );
      })}
    </SimpleGrid>
  );
}
