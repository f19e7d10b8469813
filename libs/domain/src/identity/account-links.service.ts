import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { AppConfig } from '@rounds/config';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { MailerService } from '../mail/mailer.service';
import { AccountTokenEntity, AccountTokenPurpose } from './account-token.entity';
import { InvalidTokenError } from './identity-errors';
import { PasswordHasher } from './password-hasher';
import { sha256, TokenPair, TokenService } from './token.service';
import { UserEntity } from './user.entity';

export interface Invitation {
  url: string;
  token: string;
  expiresAt: Date;
  /** Whether it went out by e-mail; when not, the admin hands the link over. */
  mailed: boolean;
}

const RESET_TTL_MS = 30 * 60_000;

/** The single-use, expiring links that set a password: invitations and password resets. */
@Injectable()
export class AccountLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly passwords: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
  ) {}

  /** Issued inside the transaction that creates the user; mailed after it commits. */
  async invite(tx: EntityManager, user: UserEntity, inviter: string): Promise<Invitation> {
    const ttlMs = this.config.INVITATION_TTL_HOURS * 3_600_000;
    const { token, expiresAt } = await this.issue(tx, user, AccountTokenPurpose.Invitation, ttlMs);
    const url = `${this.config.PUBLIC_URL}/invitations/accept#token=${token}`;
    const mailed = await this.mailer.send({
      to: [user.email],
      subject: 'You are invited to Rounds',
      text: `${inviter} invited you to Rounds.\n\nSet your password here (valid until ${expiresAt.toUTCString()}, once):\n${url}`,
    });
    return { url, token, expiresAt, mailed };
  }

  /** Sets the invited user's password and signs them in. */
  async acceptInvitation(
    token: string,
    password: string,
  ): Promise<TokenPair & { user: UserEntity }> {
    const passwordHash = await this.passwords.hash(password);
    return this.dataSource.transaction(async (tx) => {
      const user = await this.redeem(tx, token, AccountTokenPurpose.Invitation);
      await tx.update(UserEntity, { id: user.id }, { passwordHash });
      await this.record(tx, user, AuditAction.InvitationAccepted);
      return { ...(await this.tokens.issue(tx, user)), user };
    });
  }

  /** Always answers the same, whether or not the address has an account (no enumeration). */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ email: email.toLowerCase(), disabledAt: IsNull() });
    if (!user) return;
    const { token } = await this.dataSource.transaction(async (tx) => {
      await this.record(tx, user, AuditAction.PasswordResetRequested);
      return this.issue(tx, user, AccountTokenPurpose.PasswordReset, RESET_TTL_MS);
    });
    await this.mailer.send({
      to: [user.email],
      subject: 'Reset your Rounds password',
      text: `Someone asked to reset your Rounds password. If it was you, set a new one here (valid for 30 minutes, once):\n${this.config.PUBLIC_URL}/reset-password#token=${token}\n\nIf it was not you, ignore this message.`,
    });
  }

  /** Sets the new password and ends every session of the account. */
  async resetPassword(token: string, password: string): Promise<void> {
    const passwordHash = await this.passwords.hash(password);
    await this.dataSource.transaction(async (tx) => {
      const user = await this.redeem(tx, token, AccountTokenPurpose.PasswordReset);
      await tx.update(UserEntity, { id: user.id }, { passwordHash });
      await this.tokens.revokeUserSessions(tx, user.organizationId, user.id);
      await this.record(tx, user, AuditAction.PasswordReset);
    });
  }

  private async issue(
    tx: EntityManager,
    user: UserEntity,
    purpose: AccountTokenPurpose,
    ttlMs: number,
  ): Promise<{ token: string; expiresAt: Date }> {
    // A new link replaces any earlier one of the same kind.
    await tx.update(
      AccountTokenEntity,
      { organizationId: user.organizationId, userId: user.id, purpose, usedAt: IsNull() },
      { usedAt: new Date() },
    );
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + ttlMs);
    await tx.insert(AccountTokenEntity, {
      organizationId: user.organizationId,
      userId: user.id,
      purpose,
      tokenHash: sha256(token),
      expiresAt,
    });
    return { token, expiresAt };
  }

  /** Marks the link used (conditionally, so two concurrent uses cannot both win). */
  private async redeem(
    tx: EntityManager,
    token: string,
    purpose: AccountTokenPurpose,
  ): Promise<UserEntity> {
    const used = await tx
      .createQueryBuilder()
      .update(AccountTokenEntity)
      .set({ usedAt: () => 'now()' })
      .where({
        tokenHash: sha256(token),
        purpose,
        usedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      })
      .returning(['userId', 'organizationId'])
      .execute();
    const row = used.raw[0] as { user_id: string; organization_id: string } | undefined;
    const user = row
      ? await tx.findOneBy(UserEntity, {
          organizationId: row.organization_id,
          id: row.user_id,
          disabledAt: IsNull(),
        })
      : null;
    if (!user) throw new InvalidTokenError('the link is invalid, used or expired');
    return user;
  }

  private record(tx: EntityManager, user: UserEntity, action: AuditAction): Promise<unknown> {
    return this.audit.record(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      action,
      subjectType: 'user',
      subjectId: user.id,
      data: {},
    });
  }
}
