import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/api-error';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { LoadError, Page } from '../common/page';
import { CATEGORIES } from '../inbox/feedback-category';
import {
  FEEDBACK_SETTINGS,
  type FeedbackSettings,
  useFeedbackSettings,
} from '../inbox/feedback-owners';

type Route = Schemas['FeedbackRouteDto'];
type Group = Schemas['FeedbackGroupDto'];

/** Settings › Patient feedback: who owns each category and how fast it must be answered. */
export function FeedbackSettingsPage() {
  const settings = useFeedbackSettings();
  return (
    <Page
      title="Patient feedback"
      description="Who owns each kind of message in the inbox, and how many hours they have to respond. Safety messages reach their owners at once by push and e-mail; a message past its target is escalated to the admins."
    >
      {settings.isError && (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      )}
      {settings.data && <RoutesTable settings={settings.data} />}
      {settings.data && <GroupsPanel settings={settings.data} />}
    </Page>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: FEEDBACK_SETTINGS });
}

const ownerValue = (route: Route) =>
  route.ownerGroupId
    ? `group:${route.ownerGroupId}`
    : route.ownerUserId
      ? `user:${route.ownerUserId}`
      : null;

function ownerOptions(settings: FeedbackSettings) {
  return [
    {
      group: 'Groups',
      items: settings.groups.map((g) => ({ value: `group:${g.id}`, label: g.name })),
    },
    {
      group: 'People',
      items: settings.people.map((p) => ({ value: `user:${p.id}`, label: p.name })),
    },
  ].filter((g) => g.items.length > 0);
}

function RoutesTable({ settings }: { settings: FeedbackSettings }) {
  return (
    <Paper p="lg">
      <Title order={2} fz={17} mb="md">
        Owners and response targets
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label="Owners and response targets" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Category</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Respond within (hours)</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {settings.routes.map((route) => (
              <RouteRow key={route.category} route={route} settings={settings} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function RouteRow({ route, settings }: { route: Route; settings: FeedbackSettings }) {
  const refresh = useRefresh();
  const [owner, setOwner] = useState(ownerValue(route));
  const [hours, setHours] = useState<number | string>(route.responseTargetHours ?? '');
  const label = CATEGORIES[route.category].label;
  const save = useMutation({
    mutationFn: () => {
      const [kind, id] = owner?.split(':') ?? [];
      return unwrap(
        api.PUT('/api/v1/feedback/routes', {
          body: {
            category: route.category,
            ownerUserId: kind === 'user' ? id : null,
            ownerGroupId: kind === 'group' ? id : null,
            responseTargetHours: hours === '' ? null : Number(hours),
          },
        }),
      );
    },
    onSuccess: () => {
      notifications.show({ color: 'teal', message: `${label}: saved` });
      return refresh();
    },
  });
  const error = save.error instanceof ApiError ? save.error : null;
  const changed =
    owner !== ownerValue(route) || String(hours) !== String(route.responseTargetHours ?? '');
  return (
    <Table.Tr>
      <Table.Td fw={600}>{label}</Table.Td>
      <Table.Td>
        <Select
          aria-label={`Owner of ${label}`}
          placeholder="Nobody"
          clearable
          data={ownerOptions(settings)}
          value={owner}
          onChange={setOwner}
          error={error?.fieldMessage('ownerUserId') ?? error?.fieldMessage('ownerGroupId')}
          miw={220}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`Response target for ${label}, in hours`}
          placeholder="No target"
          min={1}
          max={8760}
          allowDecimal={false}
          value={hours}
          onChange={setHours}
          error={error?.fieldMessage('responseTargetHours')}
          w={140}
        />
      </Table.Td>
      <Table.Td>
        <Button
          size="xs"
          leftSection={<IconDeviceFloppy size={14} />}
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={!changed}
          aria-label={`Save ${label}`}
        >
          Save
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

const peopleOptions = (settings: FeedbackSettings) =>
  settings.people.map((p) => ({ value: p.id, label: p.name }));

function GroupsPanel({ settings }: { settings: FeedbackSettings }) {
  return (
    <Paper p="lg">
      <Title order={2} fz={17}>
        Groups
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        A team that owns a category together, e.g. Patient experience or Risk management: each
        member is told of its safety messages and may take, note and close them.
      </Text>
      <Stack gap="md">
        {settings.groups.map((group) => (
          <GroupForm key={group.id} group={group} settings={settings} />
        ))}
        <GroupForm settings={settings} />
      </Stack>
    </Paper>
  );
}

/** An existing group's name and members, or (without `group`) a new one. */
function GroupForm({ group, settings }: { group?: Group; settings: FeedbackSettings }) {
  const refresh = useRefresh();
  const [name, setName] = useState(group?.name ?? '');
  const [memberIds, setMemberIds] = useState(group?.memberIds ?? []);
  const save = useMutation({
    mutationFn: () => {
      const body = { name, memberIds };
      return unwrap(
        group
          ? api.PUT('/api/v1/feedback/groups/{id}', { params: { path: { id: group.id } }, body })
          : api.POST('/api/v1/feedback/groups', { body }),
      );
    },
    onSuccess: () => {
      if (!group) {
        setName('');
        setMemberIds([]);
      }
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () =>
      unwrap(api.DELETE('/api/v1/feedback/groups/{id}', { params: { path: { id: group!.id } } })),
    onSuccess: refresh,
  });
  const error = save.error instanceof ApiError ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const title = group ? `Group ${group.name}` : 'New group';
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={title}>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={group ? 'Name' : 'New group'}
          placeholder="e.g. Patient experience"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error?.fieldMessage('name')}
          style={{ flex: '1 1 200px' }}
        />
        <MultiSelect
          label="Members"
          placeholder="Add people"
          data={peopleOptions(settings)}
          value={memberIds}
          onChange={setMemberIds}
          error={error?.fieldMessage('memberIds')}
          searchable
          style={{ flex: '2 1 280px' }}
        />
        <Button type="submit" loading={save.isPending} disabled={!name.trim()}>
          {group ? 'Save group' : 'Add group'}
        </Button>
        {group && (
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} />}
            onClick={() => remove.mutate()}
            loading={remove.isPending}
            aria-label={`Delete ${group.name}`}
          >
            Delete
          </Button>
        )}
      </Group>
      {(remove.error || (save.error && !error?.fieldMessage('name'))) && (
        <Alert color="red" mt="sm">
          {errorMessage(remove.error ?? save.error)}
        </Alert>
      )}
    </Paper>
  );
}
