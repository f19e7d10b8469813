import { Role } from './role';

/** What a route or action needs; the README's role table lives in ROLE_PERMISSIONS alone. */
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
  /** See and revoke the consent records of patient media. */
  ManageConsent = 'consent:manage',
  /** Run the PHI scanner on draft text: whoever writes or reviews content. */
  ScanContent = 'content:scan',
  /** Write reply templates (a second compliance officer approves each): compliance and admins. */
  ManageReplyTemplates = 'reply-templates:manage',
  /** Set and lift a legal hold, which stops the retention job for the organization. */
  ManageLegalHold = 'legal-hold:manage',
  /** Keep the organization's confidential terms: compliance and admins. */
  ManageRestrictedTerms = 'restricted-terms:manage',
  /** Assign, take, note and close patient feedback in the inbox (owners act on their categories). */
  HandleFeedback = 'feedback:handle',
  /** Name each feedback category's owner and response target: admins. */
  ManageFeedback = 'feedback:manage',
}

const MARKETER = [
  Permission.ReadContent,
  Permission.WriteContent,
  Permission.UploadMedia,
  Permission.ManageConsent,
  Permission.ScanContent,
  Permission.ReadReports,
  Permission.HandleFeedback,
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.Admin]: [
    ...MARKETER,
    Permission.ReadAudit,
    Permission.ManageUsers,
    Permission.ManageChannels,
    Permission.ManagePolicy,
    Permission.EmergencyPause,
    Permission.ManageReplyTemplates,
    Permission.ManageLegalHold,
    Permission.ManageRestrictedTerms,
    Permission.ManageFeedback,
  ],
  [Role.Marketer]: MARKETER,
  [Role.Compliance]: [
    Permission.ReadContent,
    Permission.ReviewContent,
    Permission.ManageConsent,
    Permission.ScanContent,
    Permission.ReadReports,
    Permission.ReadAudit,
    Permission.ManageReplyTemplates,
    Permission.ManageRestrictedTerms,
    Permission.HandleFeedback,
  ],
  [Role.Executive]: [Permission.ReadContent, Permission.ReadReports],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
