import {
  Anchor,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { LoadError, Page } from '../common/page';
import { CategoryFilter, type FeedbackCategory } from './feedback-category';
import { useFeedbackSettings } from './feedback-owners';
import { MessageCard } from './message-card';
import { ReplyTemplatesDrawer } from './reply-templates-drawer';

type Status = NonNullable<Schemas['MessageDto']['status']>;

const INBOX = ['conversations'] as const;

export function InboxPage() {
  const [status, setStatus] = useState<Status>('new');
  const [category, setCategory] = useState<FeedbackCategory | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const settings = useFeedbackSettings();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: INBOX });
  const query = {
    status,
    ...(category ? { category } : {}),
    ...(owner ? { owner } : {}),
    ...(overdue ? { overdue: true } : {}),
  };
  // The API lists safety messages first.
  const messages = useQuery({
    queryKey: [...INBOX, query],
    queryFn: () => unwrap(api.GET('/api/v1/conversations', { params: { query } })),
  });
  return (
    <Page
      title="Inbox"
      description="Replies and mentions on X and comments on YouTube, safety first. A reply is scanned and reviewed like a post, and must never confirm that someone is a patient."
      actions={<ReplyTemplatesDrawer />}
    >
      <NotifiedMessage onChange={refresh} />
      <Group gap="sm" align="center" wrap="wrap">
        <SegmentedControl
          w="fit-content"
          aria-label="Status"
          value={status}
          onChange={(value) => setStatus(value as Status)}
          data={[
            { value: 'new', label: 'New' },
            { value: 'replied', label: 'Replied' },
            { value: 'closed', label: 'Closed' },
            { value: 'dismissed', label: 'Dismissed' },
          ]}
        />
        <CategoryFilter value={category} onChange={setCategory} />
        <Select
          aria-label="Owner"
          placeholder="Any owner"
          clearable
          w={200}
          data={[
            { value: 'mine', label: 'Mine' },
            ...(settings.data?.people ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          value={owner}
          onChange={setOwner}
        />
        <Switch
          label="Overdue only"
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
        />
      </Group>
      {messages.isError && (
        <LoadError error={messages.error} onRetry={() => void messages.refetch()} />
      )}
      {messages.data?.length === 0 && (
        <Paper p="xl">
          <Text c="dimmed" ta="center">
            No {status} messages{category || owner || overdue ? ' with these filters' : ''}.
          </Text>
        </Paper>
      )}
      <Stack gap="sm">
        {messages.data?.map((message) => (
          <MessageCard
            key={message.id}
            message={message}
            settings={settings.data}
            onChange={refresh}
          />
        ))}
      </Stack>
    </Page>
  );
}

/** The message a notification links to (`?message=<id>`), above the list whatever its filters. */
function NotifiedMessage({ onChange }: { onChange: () => void }) {
  const [params] = useSearchParams();
  const id = params.get('message');
  const settings = useFeedbackSettings();
  const message = useQuery({
    queryKey: [...INBOX, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/conversations/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
  if (!id) return null;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} fz={17}>
          From your notification
        </Title>
        <Anchor component={Link} to="/inbox" size="sm">
          Back to the whole inbox
        </Anchor>
      </Group>
      {message.isError && <LoadError error={message.error} />}
      {message.data && (
        <MessageCard message={message.data} settings={settings.data} onChange={onChange} />
      )}
    </Stack>
  );
}
