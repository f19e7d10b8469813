import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IANAZone } from 'luxon';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError } from '../common/domain-error';
import { OrganizationEntity } from '../organizations/organization.entity';
import { InvalidCredentialsError } from './identity-errors';
import { PasswordHasher } from './password-hasher';
import { Role } from './role';
import { TokenPair, TokenService } from './token.service';
import { UserEntity } from './user.entity';

export interface SignupInput {
  organizationName: string;
  name: string;
  email: string;
  password: string;
  timeZone?: string;
}

export interface SignupResult extends TokenPair {
  user: UserEntity;
  organization: OrganizationEntity;
}

const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === UNIQUE_VIOLATION
  );
}

/** Sign-up and login: the only ways to obtain a session. */
@Injectable()
export class IdentityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  async signup(input: SignupInput): Promise<SignupResult> {
    const timeZone = input.timeZone ?? 'UTC';
    if (!IANAZone.isValidZone(timeZone)) {
      throw new InvalidInputError(
        'timeZone',
        'timeZone must be an IANA time zone, e.g. America/Chicago',
      );
    }
    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.dataSource.transaction(async (tx) => {
        const organization = await tx.save(
          tx.create(OrganizationEntity, { name: input.organizationName.trim(), timeZone }),
        );
        const user = await tx.save(
          tx.create(UserEntity, {
            organizationId: organization.id,
            email: input.email.toLowerCase(),
            name: input.name.trim(),
            role: Role.Admin,
            passwordHash,
          }),
        );
        const base = { organizationId: organization.id, actorId: user.id };
        await this.audit.record(tx, {
          ...base,
          action: AuditAction.OrganizationCreated,
          subjectType: 'organization',
          subjectId: organization.id,
          data: { name: organization.name, timeZone },
        });
        await this.audit.record(tx, {
          ...base,
          action: AuditAction.UserSignedUp,
          subjectType: 'user',
          subjectId: user.id,
          data: { email: user.email, role: user.role },
        });
        const pair = await this.tokens.issue(tx, user);
        return { ...pair, user, organization };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('email is already registered', 'email');
      throw error;
    }
  }

  async login(email: string, password: string, address: string): Promise<TokenPair> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({
      where: { email: email.toLowerCase() },
      select: { id: true, organizationId: true, role: true, passwordHash: true, disabledAt: true },
    });
    // argon2 runs for unknown and password-less accounts too: the answer takes as long either way.
    const matches = await this.passwords.verify(user?.passwordHash ?? null, password);
    const valid = !!user?.passwordHash && !user.disabledAt && matches;
    if (!user) throw new InvalidCredentialsError();
    return this.dataSource
      .transaction(async (tx) => {
        await this.audit.record(tx, {
          organizationId: user.organizationId,
          actorId: user.id,
          action: valid ? AuditAction.LoginSucceeded : AuditAction.LoginFailed,
          subjectType: 'user',
          subjectId: user.id,
          data: { address },
        });
        if (!valid) return null;
        return this.tokens.issue(tx, user);
      })
      .then((pair) => {
        if (!pair) throw new InvalidCredentialsError();
        return pair;
      });
  }
}
