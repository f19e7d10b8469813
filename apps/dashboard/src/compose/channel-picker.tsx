import { Checkbox, Group, SimpleGrid, Text } from '@mantine/core';
import { IconBrandX, IconBrandYoutube } from '@tabler/icons-react';
import type { Channel } from '../channels/channels-queries';

interface ChannelPickerProps {
  channels: Channel[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}

export function ChannelPicker({ channels, value, onChange, error }: ChannelPickerProps) {
  return (
    <Checkbox.Group label="Channels" value={value} onChange={onChange} error={error} required>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="sm">
        {channels.map((channel) => (
          <Checkbox.Card
            key={channel.id}
            value={channel.id}
            radius="md"
            p="sm"
            disabled={channel.status !== 'connected'}
            aria-label={`${channel.platform === 'x' ? 'X' : 'YouTube'} ${channel.displayName}`}
            style={{ borderLeft: `4px solid ${channel.color}` }}
          >
            <Group wrap="nowrap" gap="sm">
              <Checkbox.Indicator />
              {channel.platform === 'x' ? (
                <IconBrandX size={20} />
              ) : (
                <IconBrandYoutube size={20} color="#ff0000" />
              )}
              <div>
                <Text size="sm" fw={600}>
                  {channel.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {channel.status === 'connected' ? channel.handle : 'Needs to be reconnected'}
                </Text>
              </div>
            </Group>
          </Checkbox.Card>
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
