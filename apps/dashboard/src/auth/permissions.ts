import type { Schemas } from '../api/schema-types';

/** What a role may do; the API sends the signed-in user's own list (`GET /me`'s `permissions`). */
export type Permission = Schemas['MeDto']['permissions'][number];

export type RoleName = Schemas['UserDto']['role'];

export const ROLE_LABELS: Record<RoleName, string> = {
  admin: 'Administrator',
  marketer: 'Marketer',
  compliance: 'Compliance officer',
  executive: 'Executive',
};
