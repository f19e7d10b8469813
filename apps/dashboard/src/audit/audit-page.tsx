import { Code, Group, Paper, Select, Table, Text, Tooltip } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { DatesRangeValue } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { useSession } from '../auth/session';
import { LoadError, Page } from '../common/page';
import { useOrgTime } from '../time/org-time';
import type { OrgTime } from '../time/org-time';
import { useUsers } from '../users/users-queries';
import { AuditExportButton } from './audit-export-button';
import { actionLabel, dataSummary } from './audit-labels';
import { ChainVerificationPanel } from './chain-verification';

const SUBJECT_TYPES = ['organization', 'user', 'post', 'channel', 'media', 'consent'];
const PAGE_SIZE = 500;

/** A picked day range, as instants bounding whole days in the organization's zone. */
function rangeQuery(range: DatesRangeValue<string>, time: OrgTime) {
  const [from, to] = range;
  return {
    from: from ? time.at(time.toInstant(from)).startOf('day').toISOString() : undefined,
    to: to ? time.at(time.toInstant(to)).endOf('day').toISOString() : undefined,
  };
}

export function AuditPage() {
  const time = useOrgTime();
  const [range, setRange] = useState<DatesRangeValue<string>>([null, null]);
  const [subjectType, setSubjectType] = useState<string | null>(null);
  const query = { ...rangeQuery(range, time), subjectType: subjectType ?? undefined };
  const events = useQuery({
    queryKey: ['audit', 'events', query],
    queryFn: () =>
      unwrap(api.GET('/api/v1/audit', { params: { query: { ...query, limit: PAGE_SIZE } } })),
  });
  const actorName = useActorNames();

  return (
    <Page
      title="Audit trail"
      description="Every sign-in, change, approval and pause, in order. Each event is chained to the one before, so an edit to history shows."
      actions={<AuditExportButton query={rangeQuery(range, time)} />}
    >
      <ChainVerificationPanel />
      <Group gap="md" align="flex-end">
        <DatePickerInput
          type="range"
          label="Dates"
          placeholder="All dates"
          value={range}
          onChange={setRange}
          clearable
          w={280}
          valueFormat="MMM D, YYYY"
        />
        <Select
          label="Subject"
          placeholder="Everything"
          data={SUBJECT_TYPES}
          value={subjectType}
          onChange={setSubjectType}
          clearable
          w={200}
        />
        {events.data && (
          <Text c="dimmed" size="sm" pb={8}>
            {events.data.length === PAGE_SIZE
              ? `The latest ${PAGE_SIZE} events`
              : `${events.data.length} events`}
          </Text>
        )}
      </Group>
      {events.isError && <LoadError error={events.error} onRetry={() => void events.refetch()} />}
      <Paper p={0} style={{ overflowX: 'auto' }}>
        <Table verticalSpacing="sm" horizontalSpacing="md" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>#</Table.Th>
              <Table.Th w={200}>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th visibleFrom="md">Details</Table.Th>
              <Table.Th visibleFrom="lg">Hash</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.data?.map((event) => (
              <AuditRow key={event.id} event={event} actor={actorName(event.actorId)} />
            ))}
          </Table.Tbody>
        </Table>
        {events.data?.length === 0 && (
          <Text c="dimmed" p="lg">
            No events match these filters.
          </Text>
        )}
      </Paper>
    </Page>
  );
}

/** Admins may list users, so they see names; compliance officers see the user id. */
function useActorNames() {
  const { can } = useSession();
  const users = useUsers(can('users:manage'));
  return (actorId: string | null) => {
    if (!actorId) return 'Rounds (system)';
    return users.data?.find((user) => user.id === actorId)?.name ?? `User ${actorId.slice(0, 8)}`;
  };
}

function AuditRow({ event, actor }: { event: Schemas['AuditEventDto']; actor: string }) {
  const time = useOrgTime();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {event.seq}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{time.format(event.occurredAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{actor}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {actionLabel(event.action)}
        </Text>
        <Text size="xs" c="dimmed">
          {event.subjectType}
          {event.subjectId ? ` ${event.subjectId.slice(0, 8)}` : ''}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="md" maw={360}>
        <Text size="xs" c="gray.7" lineClamp={2}>
          {dataSummary(event.data)}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="lg">
        <Tooltip label={event.hash} maw={360} multiline>
          <Code>{event.hash.slice(0, 10)}</Code>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}
