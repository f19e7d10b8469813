/**
 * The provider's test users: any e-mail address signs in (any password); its local part picks
 * the groups, so every test organization can use its own domain.
 */
const GROUPS_BY_LOCAL_PART: Record<string, string[]> = {
  admin: ['rounds-admins', 'staff'],
  compliance: ['rounds-compliance', 'staff'],
  marketer: ['rounds-marketing', 'staff'],
  executive: ['rounds-executives', 'staff'],
  nobody: ['staff'],
};

export const OIDC_TEST_USERS = Object.keys(GROUPS_BY_LOCAL_PART);

export interface OidcTestUser {
  email: string;
  name: string;
  groups: string[];
}

/** `compliance.dana@stmarys.demo` is a compliance officer; an unknown local part is refused. */
export function oidcTestUser(login: string): OidcTestUser | undefined {
  const email = login.trim().toLowerCase();
  const [local, domain] = email.split('@');
  const kind = local?.split(/[.+]/)[0] ?? '';
  const groups = GROUPS_BY_LOCAL_PART[kind];
  if (!domain || !groups) return undefined;
  const name = local!.replace(/[.+]/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
  return { email, name, groups };
}
