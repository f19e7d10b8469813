import { EntityManager } from 'typeorm';
import { NotFoundError } from '../common/domain-error';
import { OrganizationEntity } from './organization.entity';

/** The organization row; a lock serialises with pause/resume and settings edits. */
export async function loadOrganization(
  manager: EntityManager,
  organizationId: string,
  lock?: 'pessimistic_read' | 'pessimistic_write',
): Promise<OrganizationEntity> {
  const organization = await manager.findOne(OrganizationEntity, {
    where: { id: organizationId },
    ...(lock ? { lock: { mode: lock } } : {}),
  });
  if (!organization) throw new NotFoundError('organization');
  return organization;
}
