import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { ConflictError, NotFoundError } from '../common/domain-error';
import { OrganizationEntity } from '../organizations/organization.entity';
import { Actor } from './actor';
import { isUniqueViolation } from './identity.service';
import { PasswordHasher } from './password-hasher';
import { Role } from './role';
import { UserEntity } from './user.entity';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** The people of one organization. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
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

  async create(actor: Actor, input: NewUser): Promise<UserEntity> {
    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.dataSource.transaction(async (tx) => {
        const user = await tx.save(
          tx.create(UserEntity, {
            organizationId: actor.organizationId,
            email: input.email.toLowerCase(),
            name: input.name.trim(),
            role: input.role,
            passwordHash,
          }),
        );
        await this.audit.record(tx, {
          organizationId: actor.organizationId,
          actorId: actor.userId,
          action: AuditAction.UserCreated,
          subjectType: 'user',
          subjectId: user.id,
          data: { email: user.email, role: user.role },
        });
        delete (user as Partial<UserEntity>).passwordHash;
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('email is already registered', 'email');
      throw error;
    }
  }

  async changeRole(actor: Actor, userId: string, role: Role): Promise<UserEntity> {
    return this.dataSource.transaction(async (tx) => {
      const user = await tx.findOne(UserEntity, {
        where: { organizationId: actor.organizationId, id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new NotFoundError('user');
      if (user.id === actor.userId && role !== Role.Admin) {
        throw new ConflictError('an admin cannot remove their own admin role', 'role');
      }
      const previous = user.role;
      user.role = role;
      await tx.save(user);
      await this.audit.record(tx, {
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: AuditAction.UserRoleChanged,
        subjectType: 'user',
        subjectId: user.id,
        data: { from: previous, to: role },
      });
      return user;
    });
  }
}
