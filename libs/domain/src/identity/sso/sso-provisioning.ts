import { Role } from '../role';
import type { SsoConnectionEntity } from './sso-connection.entity';

/** When a user's groups map to several roles, the first of these wins. */
const PRECEDENCE: readonly Role[] = [Role.Admin, Role.Compliance, Role.Marketer, Role.Executive];

/** The role the provider's groups claim gives, or the connection's default (null: none). */
export function roleFromGroups(
  connection: Pick<SsoConnectionEntity, 'roleMapping' | 'defaultRole'>,
  groups: unknown,
): Role | null {
  const list = Array.isArray(groups) ? groups : typeof groups === 'string' ? [groups] : [];
  const mapped = new Set(list.map((g) => connection.roleMapping[String(g)]).filter(Boolean));
  return PRECEDENCE.find((role) => mapped.has(role)) ?? connection.defaultRole;
}

export interface ProviderIdentity {
  email: string;
  name: string;
  role: Role;
}

/** The person the provider vouches for, or why Rounds cannot let them in. */
export function identityFromClaims(
  connection: Pick<
    SsoConnectionEntity,
    'roleMapping' | 'defaultRole' | 'groupsClaim' | 'emailDomains'
  >,
  claims: Record<string, unknown>,
): ProviderIdentity | string {
  const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : '';
  if (!email) return 'the provider sent no e-mail address';
  if (claims.email_verified === false) return 'the provider has not verified this e-mail address';
  if (!connection.emailDomains.includes(email.split('@')[1] ?? '')) {
    return `${email} is not in the organization's e-mail domains`;
  }
  const role = roleFromGroups(connection, claims[connection.groupsClaim]);
  if (!role) return 'none of your groups gives access to Rounds; ask your administrator';
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
  return { email, name: name.slice(0, 120), role };
}
