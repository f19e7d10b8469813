import { EntityManager } from 'typeorm';
import { loadOrganization } from '../../organizations/organization-store';
import { UserEntity } from '../user.entity';
import { mfaStatus, MfaStatus } from './mfa-policy';
import { UserMfaEntity } from './user-mfa.entity';

/** The user's MFA row, locked when the caller is about to change it. */
export function findUserMfa(
  manager: EntityManager,
  organizationId: string,
  userId: string,
  lock = false,
): Promise<UserMfaEntity | null> {
  return manager.findOne(UserMfaEntity, {
    where: { organizationId, userId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
}

/** Where the user stands with the organization's MFA policy. */
export async function loadMfaStatus(manager: EntityManager, user: UserEntity): Promise<MfaStatus> {
  const [organization, mfa] = await Promise.all([
    loadOrganization(manager, user.organizationId),
    findUserMfa(manager, user.organizationId, user.id),
  ]);
  return mfaStatus({
    role: user.role,
    userCreatedAt: user.createdAt,
    policySince: organization.mfaRequiredSince,
    enrolledAt: mfa?.enrolledAt ?? null,
  });
}

export const totpContext = (userId: string) => `user-mfa:${userId}:totp`;
