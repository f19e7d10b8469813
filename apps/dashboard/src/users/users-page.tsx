import { Badge, Button, Paper, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../api/api-error';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { ROLE_LABELS } from '../auth/permissions';
import type { RoleName } from '../auth/permissions';
import { useSession } from '../auth/session';
import { LoadError, Page } from '../common/page';
import { DATE, useOrgTime } from '../time/org-time';
import { AccessControl } from './access-control';
import { AddUserModal } from './add-user-modal';
import { ROLE_DESCRIPTIONS, ROLE_OPTIONS } from './roles';
import { USERS_QUERY, useUsers } from './users-queries';

export function UsersPage() {
  const users = useUsers();
  const [adding, { open, close }] = useDisclosure();
  return (
    <Page
      title="Users & roles"
      description="Who can sign in to Rounds, and what each person may do."
      actions={
        <Button leftSection={<IconUserPlus size={18} />} onClick={open}>
          Invite user
        </Button>
      }
    >
      {users.isError && <LoadError error={users.error} onRetry={() => void users.refetch()} />}
      <Paper p={0}>
        {/* At phone width the table scrolls inside its frame, not the page. */}
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>E-mail</Table.Th>
                <Table.Th w={220}>Role</Table.Th>
                <Table.Th visibleFrom="md">Added</Table.Th>
                <Table.Th>Access</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data?.map((user) => (
                <UserRow key={user.id} user={user} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {users.isPending && (
          <Text c="dimmed" p="lg">
            Loading users…
          </Text>
        )}
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {ROLE_OPTIONS.map((role) => (
          <Paper key={role.value} p="md">
            <Text fw={600}>{role.label}</Text>
            <Text size="sm" c="dimmed" mt={4}>
              {ROLE_DESCRIPTIONS[role.value]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <AddUserModal opened={adding} onClose={close} />
    </Page>
  );
}

function UserRow({ user }: { user: Schemas['UserDto'] }) {
  const session = useSession();
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const changeRole = useMutation({
    mutationFn: (role: RoleName) =>
      unwrap(
        api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { role } }),
      ),
    onSuccess: (changed) => {
      notifications.show({
        color: 'teal',
        message: `${changed.name} is now ${ROLE_LABELS[changed.role].toLowerCase()}`,
      });
      return queryClient.invalidateQueries({ queryKey: USERS_QUERY });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Role not changed', message: errorMessage(error) }),
  });
  const isSelf = user.id === session.user.id;
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500}>
          {user.name}{' '}
          {isSelf && (
            <Badge size="sm" color="gray" ml={4}>
              You
            </Badge>
          )}
        </Text>
      </Table.Td>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>
        <Select
          aria-label={`Role of ${user.name}`}
          data={ROLE_OPTIONS}
          value={user.role}
          allowDeselect={false}
          disabled={isSelf || changeRole.isPending}
          onChange={(role) => role && changeRole.mutate(role as RoleName)}
        />
      </Table.Td>
      <Table.Td visibleFrom="md">{time.format(user.createdAt, DATE)}</Table.Td>
      <Table.Td>
        <AccessControl user={user} isSelf={isSelf} />
      </Table.Td>
    </Table.Tr>
  );
}
