import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, MoreThan, Not } from 'typeorm';
import { AppConfig } from '@rounds/config';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { DomainError, DomainErrorCode } from '../common/domain-error';
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
  /** The session (refresh family) the token belongs to: logout and revocation end it at once. */
  sid: string;
  /** Set when the session may do nothing but enrol in MFA (the policy's grace period is over). */
  scope?: 'mfa_enrolment';
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * A token rotated this recently is answered, not treated as stolen: a tab reloaded while its
 * refresh was in flight never stored the new token and presents the old one again.
 */
const REUSE_GRACE_MS = 10_000;
const REFRESH_WINDOW_MS = 15 * 60_000;

export class RefreshRateLimitedError extends DomainError {
  constructor() {
    super(DomainErrorCode.RateLimited, 'this session refreshes too often; try again later');
  }
}

type Rotation = TokenPair | 'invalid' | 'reused' | 'limited';

/** Short-lived JWT access tokens and rotating, hashed refresh tokens grouped in sessions. */
@Injectable()
export class TokenService {
  private readonly successorKey: Buffer;
  private readonly verified = new LRUCache<string, AccessClaims & { exp: number }>({ max: 10_000 });

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.successorKey = createHash('sha256').update(`successor:${config.JWT_SECRET}`).digest();
  }

  /** Starts a new session (a login, a sign-up, an accepted invitation). */
  issue(
    manager: EntityManager,
    user: UserEntity,
    method: AuthMethod = 'password',
  ): Promise<TokenPair> {
    const startedAt = new Date();
    const refreshToken = randomBytes(32).toString('base64url');
    return this.store(manager, user, { id: randomUUID(), startedAt, method }, refreshToken);
  }

  /**
   * The claims of a valid, unexpired access token. A token verified once is remembered until it
   * expires: its signature cannot change, and checking it again (decoding, JSON, an HMAC) was the
   * largest cost of an authenticated request after its session check.
   */
  verifyAccessToken(token: string): AccessClaims {
    const known = this.verified.get(token);
    if (known && known.exp * 1000 > Date.now()) return known;
    try {
      const claims = this.jwt.verify<AccessClaims & { exp: number }>(token);
      this.verified.set(token, claims);
      return claims;
    } catch {
      throw new InvalidTokenError('access token is invalid or expired');
    }
  }

  /**
   * Rotates a refresh token. Within the grace window a rotated token gets the same successor
   * (derived from it, so no second session can fork off); after it, reuse revokes the session.
   */
  async rotate(refreshToken: string): Promise<TokenPair> {
    // The revocation of a reused family must commit, so the error is thrown after the transaction.
    const outcome = await this.dataSource.transaction((tx) => this.rotateIn(tx, refreshToken));
    if (outcome === 'reused') {
      throw new InvalidTokenError('refresh token was already used; all sessions of it are revoked');
    }
    if (outcome === 'limited') throw new RefreshRateLimitedError();
    if (outcome === 'invalid') throw new InvalidTokenError('refresh token is invalid or expired');
    return outcome;
  }

  /** Logout: ends the session a refresh token, or else an access token, belongs to. */
  async endSession(credentials: { refreshToken?: string; accessToken?: string }): Promise<void> {
    const repository = this.dataSource.getRepository(RefreshTokenEntity);
    const { refreshToken, accessToken } = credentials;
    const session = refreshToken
      ? await repository.findOneBy({ tokenHash: sha256(refreshToken) })
      : accessToken
        ? await repository.findOneBy({ familyId: this.verifyAccessToken(accessToken).sid })
        : null;
    if (!session) return;
    await this.dataSource.transaction((tx) =>
      this.revokeFamily(tx, session, AuditAction.LoggedOut),
    );
  }

  /** Every session of a user (deactivation, password change), but the one named in `except`. */
  async revokeUserSessions(
    tx: EntityManager,
    organizationId: string,
    userId: string,
    except?: string,
  ): Promise<void> {
    await tx.update(
      RefreshTokenEntity,
      { organizationId, userId, revokedAt: IsNull(), ...(except ? { familyId: Not(except) } : {}) },
      { revokedAt: new Date() },
    );
  }

  private async rotateIn(tx: EntityManager, refreshToken: string): Promise<Rotation> {
    const stored = await tx.findOne(RefreshTokenEntity, {
      where: { tokenHash: sha256(refreshToken) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!stored || stored.revokedAt) return 'invalid';
    if (stored.rotatedAt && Date.now() - stored.rotatedAt.getTime() > REUSE_GRACE_MS) {
      await this.revokeFamily(tx, stored, AuditAction.RefreshTokenReused);
      return 'reused';
    }
    const user = await tx.findOne(UserEntity, {
      where: { id: stored.userId, organizationId: stored.organizationId, disabledAt: IsNull() },
    });
    if (!user) return 'invalid';
    const successor = this.successorOf(refreshToken);
    if (stored.rotatedAt) return this.answerAgain(tx, user, stored, successor);
    if (stored.expiresAt < new Date()) return 'invalid';
    if (await this.refreshedTooOften(tx, stored)) return 'limited';
    stored.rotatedAt = new Date();
    await tx.save(stored);
    return this.store(tx, user, familyOf(stored), successor);
  }

  /** The grace-window answer: the successor already issued, with a fresh access token. */
  private async answerAgain(
    tx: EntityManager,
    user: UserEntity,
    stored: RefreshTokenEntity,
    successor: string,
  ): Promise<Rotation> {
    const live = await tx.existsBy(RefreshTokenEntity, {
      tokenHash: sha256(successor),
      revokedAt: IsNull(),
      expiresAt: MoreThan(new Date()),
    });
    if (!live) return 'invalid';
    return { accessToken: await this.sign(tx, user, familyOf(stored)), refreshToken: successor };
  }

  private async refreshedTooOften(tx: EntityManager, stored: RefreshTokenEntity): Promise<boolean> {
    const recent = await tx.countBy(RefreshTokenEntity, {
      familyId: stored.familyId,
      createdAt: MoreThan(new Date(Date.now() - REFRESH_WINDOW_MS)),
    });
    return recent > this.config.REFRESH_RATE_LIMIT_PER_SESSION;
  }

  private async revokeFamily(
    tx: EntityManager,
    reused: RefreshTokenEntity,
    action: AuditAction,
  ): Promise<void> {
    await tx.update(
      RefreshTokenEntity,
      { familyId: reused.familyId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    await this.audit.record(tx, {
      organizationId: reused.organizationId,
      actorId: reused.userId,
      action,
      subjectType: 'user',
      subjectId: reused.userId,
      data: { familyId: reused.familyId },
    });
  }

  /** Deterministic, so every re-presentation within the grace window names one successor. */
  private successorOf(refreshToken: string): string {
    return createHmac('sha256', this.successorKey).update(refreshToken).digest('base64url');
  }

  private async store(
    manager: EntityManager,
    user: UserEntity,
    family: Family,
    refreshToken: string,
  ): Promise<TokenPair> {
    const idleEnd = Date.now() + this.config.SESSION_IDLE_MINUTES * 60_000;
    const absoluteEnd = family.startedAt.getTime() + this.config.SESSION_MAX_HOURS * 3_600_000;
    await manager.insert(RefreshTokenEntity, {
      userId: user.id,
      organizationId: user.organizationId,
      familyId: family.id,
      familyStartedAt: family.startedAt,
      authMethod: family.method,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Math.min(idleEnd, absoluteEnd)),
    });
    return { accessToken: await this.sign(manager, user, family), refreshToken };
  }

  private async sign(manager: EntityManager, user: UserEntity, family: Family): Promise<string> {
    const claims: AccessClaims = {
      sub: user.id,
      org: user.organizationId,
      role: user.role,
      sid: family.id,
    };
    // Checked at every issue and rotation, so a session outliving the grace period is narrowed.
    if (family.method === 'password' && (await loadMfaStatus(manager, user)).overdue) {
      claims.scope = 'mfa_enrolment';
    }
    return this.jwt.sign(claims);
  }
}

/** A session: its refresh family, when it began, and how the user signed in. */
interface Family {
  id: string;
  startedAt: Date;
  method: AuthMethod;
}

const familyOf = (token: RefreshTokenEntity): Family => ({
  id: token.familyId,
  startedAt: token.familyStartedAt,
  method: token.authMethod,
});
