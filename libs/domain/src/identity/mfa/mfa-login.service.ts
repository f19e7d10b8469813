import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppConfig } from '@rounds/config';
import { AuditAction } from '../../audit/audit-action';
import { AuditService } from '../../audit/audit.service';
import { InvalidTokenError } from '../identity-errors';
import { TokenPair, TokenService } from '../token.service';
import { UserEntity } from '../user.entity';
import { MfaCodes } from './mfa-codes';
import { MfaCodeInvalidError } from './mfa-errors';
import { findUserMfa } from './mfa-store';
import { MfaRecoveryCodeEntity } from './mfa-recovery-code.entity';

export interface MfaChallenge {
  mfaRequired: true;
  /** Names the user whose password was right; good for five minutes, for POST /auth/login/mfa. */
  mfaToken: string;
}

export type LoginResult = TokenPair | MfaChallenge;

const CHALLENGE_TTL_SECONDS = 300;

interface ChallengeClaims {
  sub: string;
  org: string;
}

/** The second step of a password login: a TOTP or a recovery code, throttled and audited. */
@Injectable()
export class MfaLoginService {
  /** Its own key, so a challenge token can never pass as an access token. */
  private readonly challengeSecret: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly tokens: TokenService,
    private readonly codes: MfaCodes,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.challengeSecret = createHmac('sha256', config.JWT_SECRET)
      .update('rounds:mfa-challenge')
      .digest('base64url');
  }

  /** After the right password: the second step when the user has a factor, else a session. */
  async afterPassword(tx: EntityManager, user: UserEntity): Promise<LoginResult> {
    const mfa = await findUserMfa(tx, user.organizationId, user.id);
    if (!mfa?.enrolledAt) return this.tokens.issue(tx, user);
    const claims: ChallengeClaims = { sub: user.id, org: user.organizationId };
    const mfaToken = this.jwt.sign(claims, {
      secret: this.challengeSecret,
      expiresIn: CHALLENGE_TTL_SECONDS,
    });
    return { mfaRequired: true, mfaToken };
  }

  async complete(mfaToken: string, code: string, address: string): Promise<TokenPair> {
    const claims = this.verifyChallenge(mfaToken);
    const outcome = await this.dataSource.transaction(async (tx) => {
      const user = await tx.findOne(UserEntity, {
        where: { organizationId: claims.org, id: claims.sub, disabledAt: IsNull() },
      });
      const mfa = user && (await findUserMfa(tx, claims.org, claims.sub, true));
      if (!user || !mfa?.enrolledAt) return 'invalid' as const;
      const result = await this.codes.check(tx, mfa, code, 'confirmed');
      if (result === 'locked') return this.codes.lockError(mfa);
      const event = { organizationId: user.organizationId, actorId: user.id };
      const subject = { subjectType: 'user', subjectId: user.id };
      if (result === 'wrong') {
        await this.audit.record(tx, {
          ...event,
          ...subject,
          action: AuditAction.MfaFailed,
          data: { address, locked: mfa.lockedUntil !== null },
        });
        return 'wrong' as const;
      }
      if (result === 'recovery_code') {
        const remaining = await tx.count(MfaRecoveryCodeEntity, {
          where: { organizationId: user.organizationId, userId: user.id, usedAt: IsNull() },
        });
        await this.audit.record(tx, {
          ...event,
          ...subject,
          action: AuditAction.MfaRecoveryCodeUsed,
          data: { address, remaining },
        });
      }
      await this.audit.record(tx, {
        ...event,
        ...subject,
        action: AuditAction.LoginSucceeded,
        data: { address, secondFactor: result },
      });
      return this.tokens.issue(tx, user, 'mfa');
    });
    // Thrown after the transaction, so the failed attempt it counted is kept.
    if (outcome === 'invalid') throw new InvalidTokenError('the sign-in step has expired');
    if (outcome === 'wrong') throw new MfaCodeInvalidError();
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  private verifyChallenge(token: string): ChallengeClaims {
    try {
      return this.jwt.verify<ChallengeClaims>(token, { secret: this.challengeSecret });
    } catch {
      throw new InvalidTokenError('the sign-in step has expired; enter your password again');
    }
  }
}
