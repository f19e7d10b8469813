import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { toDataURL } from 'qrcode';
import { DataSource } from 'typeorm';
import { AuditAction } from '../../audit/audit-action';
import { AuditService } from '../../audit/audit.service';
import { ConflictError, NotFoundError } from '../../common/domain-error';
import { TokenCipher } from '../../crypto/token-cipher';
import { Actor } from '../actor';
import { UserEntity } from '../user.entity';
import { MfaCodes } from './mfa-codes';
import { MfaCodeInvalidError } from './mfa-errors';
import { MfaStatus } from './mfa-policy';
import { findUserMfa, loadMfaStatus, totpContext } from './mfa-store';
import { MfaRecoveryCodeEntity } from './mfa-recovery-code.entity';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { newTotpSecret, otpauthUrl } from './totp';
import { UserMfaEntity } from './user-mfa.entity';

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  /** The otpauth URL as a PNG data URL, for the authenticator app's camera. */
  qrCode: string;
}

/** A user enrols their authenticator app and receives recovery codes. */
@Injectable()
export class MfaEnrolmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: TokenCipher,
    private readonly codes: MfaCodes,
    private readonly audit: AuditService,
  ) {}

  async status(actor: Actor): Promise<MfaStatus> {
    return loadMfaStatus(this.dataSource.manager, await this.user(actor));
  }

  /** A fresh secret, pending until a code from it is confirmed; the current factor stays. */
  async begin(actor: Actor): Promise<TotpEnrolment> {
    const user = await this.user(actor);
    const secret = newTotpSecret();
    const sealedPendingSecret = this.cipher.encrypt(secret, totpContext(user.id));
    await this.dataSource.transaction(async (tx) => {
      const mfa = await findUserMfa(tx, actor.organizationId, user.id, true);
      if (mfa) await tx.update(UserMfaEntity, { id: mfa.id }, { sealedPendingSecret });
      else {
        await tx.insert(UserMfaEntity, {
          organizationId: actor.organizationId,
          userId: user.id,
          sealedPendingSecret,
        });
      }
    });
    const url = otpauthUrl(secret, user.email);
    return { secret, otpauthUrl: url, qrCode: await toDataURL(url) };
  }

  /** The first code proves the app holds the secret; ten new recovery codes replace any old. */
  async confirm(actor: Actor, code: string): Promise<string[]> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const mfa = await findUserMfa(tx, actor.organizationId, actor.userId, true);
      if (!mfa?.sealedPendingSecret) return 'nothing_pending' as const;
      const result = await this.codes.check(tx, mfa, code, 'pending');
      if (result === 'locked') return this.codes.lockError(mfa);
      if (result !== 'totp') return 'wrong' as const;
      const recoveryCodes = newRecoveryCodes();
      await tx.update(
        UserMfaEntity,
        { id: mfa.id },
        {
          sealedSecret: mfa.sealedPendingSecret,
          sealedPendingSecret: null,
          enrolledAt: new Date(),
        },
      );
      await tx.delete(MfaRecoveryCodeEntity, {
        organizationId: actor.organizationId,
        userId: actor.userId,
      });
      await tx.insert(
        MfaRecoveryCodeEntity,
        recoveryCodes.map((c) => ({
          organizationId: actor.organizationId,
          userId: actor.userId,
          codeHash: hashRecoveryCode(c),
        })),
      );
      await this.audit.record(tx, {
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: AuditAction.MfaEnrolled,
        subjectType: 'user',
        subjectId: actor.userId,
        data: { method: 'totp', renewed: mfa.enrolledAt !== null },
      });
      return recoveryCodes;
    });
    // Thrown after the transaction, so the failed attempt it counted is kept.
    if (outcome === 'nothing_pending') {
      throw new ConflictError('start the enrolment first (POST /me/mfa/totp)', 'code');
    }
    if (outcome === 'wrong') throw new MfaCodeInvalidError();
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  private async user(actor: Actor): Promise<UserEntity> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ organizationId: actor.organizationId, id: actor.userId });
    if (!user) throw new NotFoundError('user');
    return user;
  }
}
