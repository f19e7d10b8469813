import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rounds/config';
import { DomainError, DomainErrorCode } from '../common/domain-error';
import { Actor } from './actor';
import { UserEntity } from './user.entity';

export class RoleTooRecentError extends DomainError {
  constructor(hours: number) {
    super(
      DomainErrorCode.Forbidden,
      `your role was given to you by an author of this content less than ${hours} hours ago; another officer must approve it`,
    );
  }
}

/**
 * Separation of duties across a role change: an admin who makes someone a compliance officer
 * cannot have that officer approve the admin's own content at once (SOD_COOLDOWN_HOURS).
 */
@Injectable()
export class RoleGrantsService {
  constructor(private readonly config: AppConfig) {}

  async assertMayApproveWorkOf(tx: EntityManager, actor: Actor, authorIds: string[]) {
    const hours = this.config.SOD_COOLDOWN_HOURS;
    const approver = await tx.findOneByOrFail(UserEntity, {
      organizationId: actor.organizationId,
      id: actor.userId,
    });
    const grantedByAuthor =
      approver.roleGrantedById !== null && authorIds.includes(approver.roleGrantedById);
    const recent = Date.now() - approver.roleGrantedAt.getTime() < hours * 3_600_000;
    if (grantedByAuthor && recent) throw new RoleTooRecentError(hours);
  }
}
