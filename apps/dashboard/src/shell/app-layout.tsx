import {
  AppShell,
  Box,
  Burger,
  Divider,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useSession } from '../auth/session';
import { Logo } from '../brand/logo';
import { NotificationsBell } from '../notifications/notifications-bell';
import { PauseControl } from '../organization/pause-control';
import { useVisibleScreens } from './app-routes';
import classes from './app-layout.module.css';
import { MfaBanner } from './mfa-banner';
import { PauseBanner } from './pause-banner';
import { TimeZoneBadge } from './time-zone-badge';
import { UserMenu } from './user-menu';

const SECTIONS = ['Publishing', 'Insight', 'Administration'] as const;

export function AppLayout({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { organization } = useSession();
  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 248, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'xl' }}
    >
      <a href="#main" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="lg" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Logo />
            <Divider orientation="vertical" visibleFrom="sm" />
            <Text fw={600} c="gray.8" truncate visibleFrom="sm" maw={260}>
              {organization.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {!organization.pausedAt && (
              <Box visibleFrom="sm">
                <PauseControl />
              </Box>
            )}
            <TimeZoneBadge />
            <NotificationsBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <Navigation onNavigate={close} />
        </AppShell.Section>
        {/* At phone width the header has no room for it: the pause sits under the navigation. */}
        {!organization.pausedAt && (
          <AppShell.Section hiddenFrom="sm" pt="md">
            <PauseControl />
          </AppShell.Section>
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main" className={classes.main}>
        <Stack gap="lg">
          <PauseBanner />
          <MfaBanner />
          {children}
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}

function Navigation({ onNavigate }: { onNavigate: () => void }) {
  const screens = useVisibleScreens();
  const { pathname } = useLocation();
  return (
    <Stack gap="lg">
      {SECTIONS.map((section) => {
        const items = screens.flatMap(({ path, nav }) =>
          nav?.section === section ? [{ path, ...nav }] : [],
        );
        if (!items.length) return null;
        return (
          <Stack key={section} gap={2}>
            <Text size="xs" fw={700} c="gray.7" tt="uppercase" px="sm" mb={4}>
              {section}
            </Text>
            {items.map((screen) => {
              const active = pathname === screen.path || pathname.startsWith(`${screen.path}/`);
              return (
                <NavLink
                  key={screen.path}
                  component={Link}
                  to={screen.path}
                  label={screen.label}
                  leftSection={<screen.icon size={20} stroke={1.7} />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={onNavigate}
                  fw={500}
                  className={classes.navLink}
                />
              );
            })}
          </Stack>
        );
      })}
    </Stack>
  );
}
