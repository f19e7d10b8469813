import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../auth/permissions';
import { useSession } from '../auth/session';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu() {
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <UnstyledButton aria-label={`Account: ${user.name}`}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="rounds" radius="xl" size={34}>
              {initials(user.name)}
            </Avatar>
            <div style={{ lineHeight: 1.2 }}>
              <Text size="sm" fw={600} visibleFrom="lg">
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" visibleFrom="lg" data-testid="current-role">
                {ROLE_LABELS[user.role]}
              </Text>
            </div>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item leftSection={<IconShieldLock size={16} />} onClick={() => navigate('/account')}>
          Account & security
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={signOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
