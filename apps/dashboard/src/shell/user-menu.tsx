import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../auth/permissions';
import { useSession } from '../auth/session';
import classes from './user-menu.module.css';

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
        {/* Named by what it shows (WCAG 2.5.3), with no aria-label to disagree with it. */}
        <UnstyledButton miw={44} mih={44}>
          <Group gap={8} wrap="nowrap">
            <VisuallyHidden>Account:</VisuallyHidden>
            <Avatar color="rounds" radius="xl" size={34} aria-hidden>
              {initials(user.name)}
            </Avatar>
            <div className={classes.identity} style={{ lineHeight: 1.2 }}>
              <Text size="sm" fw={600}>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" data-testid="current-role">
                {ROLE_LABELS[user.role]}
              </Text>
            </div>
            <IconChevronDown size={14} aria-hidden />
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
