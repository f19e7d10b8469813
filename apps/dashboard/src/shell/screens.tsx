import { IconListDetails, IconUsers } from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { AuditPage } from '../audit/audit-page';
import { Permission } from '../auth/permissions';
import { UsersPage } from '../users/users-page';

export interface Screen {
  path: string;
  label: string;
  icon: Icon;
  /** What the role needs to see the screen; the same permission the API checks. */
  permission: Permission;
  section: 'Publishing' | 'Insight' | 'Administration';
  element: ReactNode;
}

/** Every screen in the navigation, in order; a role sees the ones its permissions allow. */
export const SCREENS: Screen[] = [
  {
    path: '/users',
    label: 'Users & roles',
    icon: IconUsers,
    permission: Permission.ManageUsers,
    section: 'Administration',
    element: <UsersPage />,
  },
  {
    path: '/audit',
    label: 'Audit trail',
    icon: IconListDetails,
    permission: Permission.ReadAudit,
    section: 'Administration',
    element: <AuditPage />,
  },
];
