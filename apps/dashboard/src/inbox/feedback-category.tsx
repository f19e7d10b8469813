import { Badge, Select, Tooltip } from '@mantine/core';
import type { Schemas } from '../api/schema-types';

type Message = Schemas['MessageDto'];
export type FeedbackCategory = NonNullable<Message['category']>;

export const CATEGORIES: Record<FeedbackCategory, { color: string; label: string }> = {
  safety: { color: 'red', label: 'Safety' },
  complaint: { color: 'orange', label: 'Complaint' },
  question: { color: 'blue', label: 'Question' },
  compliment: { color: 'teal', label: 'Compliment' },
  spam: { color: 'gray', label: 'Spam' },
  other: { color: 'gray', label: 'Other' },
};

/** The message's category; hovering shows the words that decided it. */
export function CategoryChip({ message }: { message: Message }) {
  if (!message.category) return null;
  const { color, label } = CATEGORIES[message.category];
  const reasons = message.categoryReasons.join(', ');
  return (
    <Tooltip label={`Decided by: ${reasons}`} disabled={!reasons}>
      <Badge color={color} variant={message.category === 'safety' ? 'filled' : 'light'} size="sm">
        {label}
      </Badge>
    </Tooltip>
  );
}

export function CategoryFilter({
  value,
  onChange,
}: {
  value: FeedbackCategory | null;
  onChange: (value: FeedbackCategory | null) => void;
}) {
  return (
    <Select
      aria-label="Category"
      placeholder="All categories"
      clearable
      w={200}
      data={Object.entries(CATEGORIES).map(([key, { label }]) => ({ value: key, label }))}
      value={value}
      onChange={(v) => onChange(v as FeedbackCategory | null)}
    />
  );
}
