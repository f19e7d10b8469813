import { Role } from '../role';

/** How long a new account (or one newly under the policy) may sign in before enrolling. */
export const MFA_GRACE_DAYS = 7;
const DAY_MS = 86_400_000;

/** The roles the organization policy "MFA required for admins and compliance officers" covers. */
export const MFA_POLICY_ROLES: readonly Role[] = [Role.Admin, Role.Compliance];

export interface MfaStatus {
  enrolled: boolean;
  /** The organization's policy covers this user's role. */
  required: boolean;
  /** When the grace period ends, while the user is required to enrol and has not. */
  enrolBy: Date | null;
  /** Past enrolBy: sessions can do nothing but enrol. */
  overdue: boolean;
}

export interface MfaFacts {
  role: Role;
  userCreatedAt: Date;
  /** When the organization turned its policy on; null while it is off. */
  policySince: Date | null;
  enrolledAt: Date | null;
}

export function mfaStatus(facts: MfaFacts, now = new Date()): MfaStatus {
  const enrolled = facts.enrolledAt !== null;
  const required = facts.policySince !== null && MFA_POLICY_ROLES.includes(facts.role);
  if (!required || enrolled) return { enrolled, required, enrolBy: null, overdue: false };
  const start = Math.max(facts.userCreatedAt.getTime(), facts.policySince!.getTime());
  const enrolBy = new Date(start + MFA_GRACE_DAYS * DAY_MS);
  return { enrolled, required, enrolBy, overdue: now > enrolBy };
}
