import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { TokenCipher } from '../../crypto/token-cipher';
import { MfaLockedError } from './mfa-errors';
import { totpContext } from './mfa-store';
import { MfaRecoveryCodeEntity } from './mfa-recovery-code.entity';
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes';
import { matchingStep } from './totp';
import { UserMfaEntity } from './user-mfa.entity';

/** Wrong codes in a row before the second factor locks, and for how long. */
export const MFA_MAX_FAILURES = 5;
export const MFA_LOCK_MS = 15 * 60_000;

export type CodeOutcome = 'totp' | 'recovery_code' | 'wrong' | 'locked';

/** Checks a TOTP or recovery code against a locked MFA row and keeps its throttle. */
@Injectable()
export class MfaCodes {
  constructor(private readonly cipher: TokenCipher) {}

  /** `secret` picks the confirmed or the pending secret; recovery codes only count for the former. */
  async check(
    tx: EntityManager,
    mfa: UserMfaEntity,
    code: string,
    secret: 'confirmed' | 'pending',
  ): Promise<CodeOutcome> {
    if (mfa.lockedUntil && mfa.lockedUntil > new Date()) return 'locked';
    mfa.lockedUntil = null;
    const outcome = await this.match(tx, mfa, code, secret);
    if (outcome === 'wrong') {
      mfa.failedAttempts += 1;
      if (mfa.failedAttempts >= MFA_MAX_FAILURES) {
        mfa.failedAttempts = 0;
        mfa.lockedUntil = new Date(Date.now() + MFA_LOCK_MS);
      }
    } else {
      mfa.failedAttempts = 0;
    }
    await tx.save(mfa);
    return outcome;
  }

  lockError(mfa: UserMfaEntity): MfaLockedError {
    return new MfaLockedError(mfa.lockedUntil ?? new Date());
  }

  private async match(
    tx: EntityManager,
    mfa: UserMfaEntity,
    code: string,
    secret: 'confirmed' | 'pending',
  ): Promise<CodeOutcome> {
    const sealed = secret === 'confirmed' ? mfa.sealedSecret : mfa.sealedPendingSecret;
    if (!sealed) return 'wrong';
    const step = matchingStep(this.cipher.decrypt(sealed, totpContext(mfa.userId)), code);
    if (step !== null && step > (mfa.lastUsedStep ?? -1)) {
      mfa.lastUsedStep = step;
      return 'totp';
    }
    if (secret === 'confirmed' && looksLikeRecoveryCode(code)) {
      const spent = await tx.update(
        MfaRecoveryCodeEntity,
        {
          organizationId: mfa.organizationId,
          userId: mfa.userId,
          codeHash: hashRecoveryCode(code),
          usedAt: IsNull(),
        },
        { usedAt: new Date() },
      );
      if (spent.affected) return 'recovery_code';
    }
    return 'wrong';
  }
}
