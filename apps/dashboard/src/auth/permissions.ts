import { Permission, ROLE_PERMISSIONS } from '@rounds/domain/identity/permission';
import { Role } from '@rounds/domain/identity/role';
import type { Schemas } from '../api/schema-types';

export { Permission, Role };

export type RoleName = Schemas['UserDto']['role'];

export const ROLE_LABELS: Record<RoleName, string> = {
  admin: 'Administrator',
  marketer: 'Marketer',
  compliance: 'Compliance officer',
  executive: 'Executive',
};

/** The API's own role table, so the navigation never offers what the API would refuse. */
export function roleCan(role: RoleName, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role as Role].includes(permission);
}
