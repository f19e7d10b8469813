import { Badge } from '@mantine/core';
import { STATUS_COLORS, STATUS_LABELS } from './post-model';
import type { PostStatus } from './post-model';

export function StatusBadge({
  status,
  size = 'md',
}: {
  status: PostStatus;
  size?: 'sm' | 'md' | 'lg';
}) {
  return (
    <Badge color={STATUS_COLORS[status]} size={size} variant="light" data-testid="post-status">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
