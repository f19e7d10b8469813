import { Role } from './role';

/** What a route or action needs; the role table of DESIGN.md lives in ROLE_PERMISSIONS alone. */
export enum Permission {
  ReadContent = 'content:read',
  WriteContent = 'content:write',
  UploadMedia = 'media:upload',
  ReviewContent = 'content:review',
  ReadReports = 'reports:read',
  ReadAudit = 'audit:read',
  ManageUsers = 'users:manage',
  ManageChannels = 'channels:manage',
  ManagePolicy = 'policy:manage',
  EmergencyPause = 'organization:pause',
}

const MARKETER = [
  Permission.ReadContent,
  Permission.WriteContent,
  Permission.UploadMedia,
  Permission.ReadReports,
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.Admin]: [
    ...MARKETER,
    Permission.ReadAudit,
    Permission.ManageUsers,
    Permission.ManageChannels,
    Permission.ManagePolicy,
    Permission.EmergencyPause,
  ],
  [Role.Marketer]: MARKETER,
  [Role.Compliance]: [
    Permission.ReadContent,
    Permission.ReviewContent,
    Permission.ReadReports,
    Permission.ReadAudit,
  ],
  [Role.Executive]: [Permission.ReadContent, Permission.ReadReports],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
