import {
  IconCalendarEvent,
  IconChartBar,
  IconChecklist,
  IconInbox,
  IconListDetails,
  IconLock,
  IconMessageReport,
  IconPencilPlus,
  IconPlugConnected,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';
import { lazy } from 'react';
import type { ComponentType } from 'react';
import type { Permission } from '../auth/permissions';

export interface Screen {
  path: string;
  /** What the role needs to open the screen; the same permission the API checks. */
  permission: Permission;
  page: ComponentType;
  /** Present for screens listed in the navigation. */
  nav?: { label: string; icon: Icon; section: 'Publishing' | 'Insight' | 'Administration' };
}

/** Heavy screens (calendar, charts, composer) load on first visit. */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

/** Every screen, in navigation order; a role sees the ones its permissions allow. */
export const SCREENS: Screen[] = [
  {
    path: '/calendar',
    permission: 'content:read',
    page: page(() => import('../calendar/calendar-page'), 'CalendarPage'),
    nav: { label: 'Calendar', icon: IconCalendarEvent, section: 'Publishing' },
  },
  {
    path: '/compose',
    permission: 'content:write',
    page: page(() => import('../compose/composer-page'), 'ComposerPage'),
    nav: { label: 'New post', icon: IconPencilPlus, section: 'Publishing' },
  },
  {
    path: '/approvals',
    permission: 'content:review',
    page: page(() => import('../approvals/approval-queue-page'), 'ApprovalQueuePage'),
    nav: { label: 'Approval queue', icon: IconChecklist, section: 'Publishing' },
  },
  {
    path: '/inbox',
    permission: 'content:read',
    page: page(() => import('../inbox/inbox-page'), 'InboxPage'),
    nav: { label: 'Inbox', icon: IconInbox, section: 'Publishing' },
  },
  {
    path: '/reports',
    permission: 'reports:read',
    page: page(() => import('../reports/reports-page'), 'ReportsPage'),
    nav: { label: 'Reports', icon: IconChartBar, section: 'Insight' },
  },
  {
    path: '/channels',
    permission: 'channels:manage',
    page: page(() => import('../channels/channels-page'), 'ChannelsPage'),
    nav: { label: 'Channels', icon: IconPlugConnected, section: 'Administration' },
  },
  {
    path: '/users',
    permission: 'users:manage',
    page: page(() => import('../users/users-page'), 'UsersPage'),
    nav: { label: 'Users & roles', icon: IconUsers, section: 'Administration' },
  },
  {
    path: '/settings',
    permission: 'policy:manage',
    page: page(() => import('../organization/settings-page'), 'SettingsPage'),
    nav: { label: 'Settings', icon: IconSettings, section: 'Administration' },
  },
  {
    path: '/settings/restricted-terms',
    permission: 'restricted-terms:manage',
    page: page(() => import('../organization/restricted-terms-page'), 'RestrictedTermsPage'),
    nav: { label: 'Restricted terms', icon: IconLock, section: 'Administration' },
  },
  {
    path: '/settings/feedback',
    permission: 'feedback:manage',
    page: page(() => import('../organization/feedback-settings-page'), 'FeedbackSettingsPage'),
    nav: { label: 'Patient feedback', icon: IconMessageReport, section: 'Administration' },
  },
  {
    path: '/audit',
    permission: 'audit:read',
    page: page(() => import('../audit/audit-page'), 'AuditPage'),
    nav: { label: 'Audit trail', icon: IconListDetails, section: 'Administration' },
  },
  {
    path: '/posts/:id',
    permission: 'content:read',
    page: page(() => import('../posts/post-detail-page'), 'PostDetailPage'),
  },
  {
    path: '/posts/:id/edit',
    permission: 'content:write',
    page: page(() => import('../compose/composer-page'), 'ComposerPage'),
  },
  {
    path: '/approvals/:id',
    permission: 'content:review',
    page: page(() => import('../approvals/review-page'), 'ReviewPage'),
  },
];
