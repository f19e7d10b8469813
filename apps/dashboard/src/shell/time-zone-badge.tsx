import { Badge, Tooltip } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { useOrgTime } from '../time/org-time';

/** Says once, in the header, which zone every time on screen is in. */
export function TimeZoneBadge() {
  const time = useOrgTime();
  return (
    <Tooltip label={`All times are shown in ${time.zone}, the organization's time zone`}>
      <Badge
        variant="default"
        size="lg"
        radius="sm"
        tt="none"
        fw={500}
        leftSection={<IconWorld size={14} />}
        visibleFrom="md"
        tabIndex={0}
      >
        {time.zone.replace(/_/g, ' ')} · {time.at().format('z')}
      </Badge>
    </Tooltip>
  );
}
