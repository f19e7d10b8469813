import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';

export function Logo({ inverted = false }: { inverted?: boolean }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={30} radius="md" color={inverted ? 'white' : 'rounds'} variant="filled">
        <IconPlus
          size={20}
          stroke={3}
          color={inverted ? 'var(--mantine-color-rounds-7)' : 'white'}
        />
      </ThemeIcon>
      <Text fw={750} fz={20} c={inverted ? 'white' : 'rounds.8'} style={{ letterSpacing: -0.3 }}>
        Rounds
      </Text>
    </Group>
  );
}
