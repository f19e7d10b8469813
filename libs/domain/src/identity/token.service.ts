import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppConfig } from '@rounds/config';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { InvalidTokenError } from './identity-errors';
import { loadMfaStatus } from './mfa/mfa-store';
import { AuthMethod, RefreshTokenEntity } from './refresh-token.entity';
import { Role } from './role';
import { UserEntity } from './user.entity';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export interface AccessClaims {
  sub: string;
  org: string;
  role: Role;
  /** Set when the session may do nothing but enrol in MFA (the policy's grace period is over). */
  scope?: 'mfa_enrolment';
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * A token rotated this recently is answered, not treated as stolen: a tab reloaded while its
 * refresh was in flight never stored the new token and presents the old one again.
 */
const REUSE_GRACE_MS = 10_000;

/** Short-lived JWT access tokens and rotating, hashed refresh tokens. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Starts a new refresh family (a login or a sign-up). */
  issue(
    manager: EntityManager,
    user: UserEntity,
    method: AuthMethod = 'password',
  ): Promise<TokenPair> {
    return this.issueInFamily(manager, user, randomUUID(), method);
  }

  verifyAccessToken(token: string): AccessClaims {
    try {
      return this.jwt.verify<AccessClaims>(token);
    } catch {
      throw new InvalidTokenError('access token is invalid or expired');
    }
  }

  /**
   * Rotates a refresh token; presenting an already rotated one (after a few seconds' grace)
   * revokes its whole family.
   */
  async rotate(refreshToken: string): Promise<TokenPair> {
    // The revocation of a reused family must commit, so the error is thrown after the transaction.
    const outcome = await this.dataSource.transaction(async (tx) => {
      const stored = await tx.findOne(RefreshTokenEntity, {
        where: { tokenHash: sha256(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!stored || stored.revokedAt || stored.expiresAt < new Date()) return 'invalid';
      if (stored.rotatedAt && Date.now() - stored.rotatedAt.getTime() > REUSE_GRACE_MS) {
        await this.revokeFamily(tx, stored);
        return 'reused';
      }
      const user = await tx.findOne(UserEntity, {
        where: { id: stored.userId, disabledAt: IsNull() },
      });
      if (!user) return 'invalid';
      if (!stored.rotatedAt) {
        stored.rotatedAt = new Date();
        await tx.save(stored);
      }
      return this.issueInFamily(tx, user, stored.familyId, stored.authMethod);
    });
    if (outcome === 'reused') {
      throw new InvalidTokenError('refresh token was already used; all sessions of it are revoked');
    }
    if (outcome === 'invalid') throw new InvalidTokenError('refresh token is invalid or expired');
    return outcome;
  }

  private async revokeFamily(tx: EntityManager, reused: RefreshTokenEntity): Promise<void> {
    await tx.update(
      RefreshTokenEntity,
      { familyId: reused.familyId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    await this.audit.record(tx, {
      organizationId: reused.organizationId,
      actorId: reused.userId,
      action: AuditAction.RefreshTokenReused,
      subjectType: 'user',
      subjectId: reused.userId,
      data: { familyId: reused.familyId },
    });
  }

  private async issueInFamily(
    manager: EntityManager,
    user: UserEntity,
    familyId: string,
    authMethod: AuthMethod,
  ): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const ttlMs = this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000;
    await manager.insert(RefreshTokenEntity, {
      userId: user.id,
      organizationId: user.organizationId,
      familyId,
      authMethod,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + ttlMs),
    });
    const claims: AccessClaims = { sub: user.id, org: user.organizationId, role: user.role };
    // Checked at every issue and rotation, so a session outliving the grace period is narrowed.
    if (authMethod === 'password' && (await loadMfaStatus(manager, user)).overdue) {
      claims.scope = 'mfa_enrolment';
    }
    return { accessToken: this.jwt.sign(claims), refreshToken };
  }
}
