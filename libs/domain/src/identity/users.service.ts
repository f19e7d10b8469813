import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { JsonObject } from '../common/json';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-error';
import { OrganizationEntity } from '../organizations/organization.entity';
import { AccountLinksService, Invitation } from './account-links.service';
import { Actor } from './actor';
import { isUniqueViolation } from './identity.service';
import { PasswordHasher } from './password-hasher';
import { Role } from './role';
import { TokenService } from './token.service';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
}

/** The people of one organization: invitation, role, deactivation, password. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly links: AccountLinksService,
    private readonly audit: AuditService,
  ) {}

  /** The signed-in user, or undefined when the account no longer exists or is disabled. */
  async findActive(organizationId: string, userId: string): Promise<UserEntity | null> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOne({ where: { organizationId, id: userId } });
    return user && !user.disabledAt ? user : null;
  }

  async me(actor: Actor): Promise<{ user: UserEntity; organization: OrganizationEntity }> {
    const [user, organization] = await Promise.all([
      this.findActive(actor.organizationId, actor.userId),
      this.dataSource.getRepository(OrganizationEntity).findOneBy({ id: actor.organizationId }),
    ]);
    if (!user || !organization) throw new NotFoundError('user');
    return { user, organization };
  }

  list(organizationId: string): Promise<UserEntity[]> {
    return this.dataSource
      .getRepository(UserEntity)
      .find({ where: { organizationId }, order: { name: 'ASC' } });
  }

  /** The person sets their own password through the invitation; nobody else ever knows it. */
  async invite(
    actor: Actor,
    input: NewUser,
  ): Promise<{ user: UserEntity; invitation: Invitation }> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const user = await tx.save(
          tx.create(UserEntity, {
            organizationId: actor.organizationId,
            email: input.email.toLowerCase(),
            name: input.name.trim(),
            role: input.role,
            roleGrantedById: actor.userId,
            passwordHash: null,
          }),
        );
        await this.record(tx, actor, user, AuditAction.UserCreated, {
          email: user.email,
          role: user.role,
        });
        const inviter = await tx.findOneByOrFail(UserEntity, { id: actor.userId });
        return { user, invitation: await this.links.invite(tx, user, inviter.name) };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('email is already registered', 'email');
      throw error;
    }
  }

  async changeRole(actor: Actor, userId: string, role: Role): Promise<UserEntity> {
    return this.dataSource.transaction(async (tx) => {
      const user = await this.lockUser(tx, actor, userId);
      if (user.id === actor.userId && role !== Role.Admin) {
        throw new ConflictError('an admin cannot remove their own admin role', 'role');
      }
      const previous = user.role;
      Object.assign(user, { role, roleGrantedAt: new Date(), roleGrantedById: actor.userId });
      await tx.save(user);
      await this.record(tx, actor, user, AuditAction.UserRoleChanged, { from: previous, to: role });
      return user;
    });
  }

  /** Offboarding: the user's sessions end now, their next request with any token is refused. */
  async deactivate(actor: Actor, userId: string, reason: string): Promise<UserEntity> {
    return this.dataSource.transaction(async (tx) => {
      const user = await this.lockUser(tx, actor, userId);
      if (user.id === actor.userId) {
        throw new ConflictError('an admin cannot deactivate their own account', 'id');
      }
      Object.assign(user, { disabledAt: user.disabledAt ?? new Date(), disabledReason: reason });
      await tx.save(user);
      await this.tokens.revokeUserSessions(tx, actor.organizationId, user.id);
      await this.record(tx, actor, user, AuditAction.UserDisabled, { reason });
      return user;
    });
  }

  async reactivate(actor: Actor, userId: string, reason: string): Promise<UserEntity> {
    return this.dataSource.transaction(async (tx) => {
      const user = await this.lockUser(tx, actor, userId);
      Object.assign(user, { disabledAt: null, disabledReason: null });
      await tx.save(user);
      await this.record(tx, actor, user, AuditAction.UserReactivated, { reason });
      return user;
    });
  }

  /** Needs the current password; every other session of the account ends. */
  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const stored = await this.dataSource.getRepository(UserEntity).findOne({
      where: { organizationId: actor.organizationId, id: actor.userId },
      select: { id: true, passwordHash: true },
    });
    if (!stored?.passwordHash || !(await this.passwords.verify(stored.passwordHash, current))) {
      throw new InvalidInputError('currentPassword', 'currentPassword is incorrect');
    }
    const passwordHash = await this.passwords.hash(next);
    await this.dataSource.transaction(async (tx) => {
      const user = await this.lockUser(tx, actor, actor.userId);
      await tx.update(UserEntity, { id: user.id }, { passwordHash });
      await this.tokens.revokeUserSessions(tx, actor.organizationId, user.id, actor.sessionId);
      await this.record(tx, actor, user, AuditAction.PasswordChanged, {});
    });
  }

  private async lockUser(tx: EntityManager, actor: Actor, userId: string): Promise<UserEntity> {
    const user = await tx.findOne(UserEntity, {
      where: { organizationId: actor.organizationId, id: userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user) throw new NotFoundError('user');
    return user;
  }

  private record(
    tx: EntityManager,
    actor: Actor,
    user: UserEntity,
    action: AuditAction,
    data: JsonObject,
  ): Promise<unknown> {
    return this.audit.record(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action,
      subjectType: 'user',
      subjectId: user.id,
      data,
    });
  }
}
