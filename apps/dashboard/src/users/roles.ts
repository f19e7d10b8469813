import { ROLE_LABELS } from '../auth/permissions';
import type { RoleName } from '../auth/permissions';

/** The README's role table ("Identity, roles and tenancy"), in the words an administrator would use when choosing a role. */
export const ROLE_DESCRIPTIONS: Record<RoleName, string> = {
  admin: 'Manages users, channels, approval policy and the emergency pause; can also write posts.',
  marketer: 'Writes, schedules and submits posts; uploads media.',
  compliance: 'Reviews posts, approves or rejects them, and may override a PHI finding.',
  executive: 'Reads the calendar, posts and engagement reports.',
};

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as RoleName[]).map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));
