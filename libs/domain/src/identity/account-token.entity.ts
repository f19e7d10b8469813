import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity';

export enum AccountTokenPurpose {
  Invitation = 'invitation',
  PasswordReset = 'password_reset',
}

/** A single-use, expiring link sent to a person (invitation, password reset); only its sha256 is stored. */
@Entity('account_tokens')
@Index(['organizationId', 'userId', 'purpose'])
export class AccountTokenEntity extends TenantEntity {
  @Column('uuid')
  userId: string;

  @Column({ type: 'enum', enum: AccountTokenPurpose, enumName: 'account_token_purpose' })
  purpose: AccountTokenPurpose;

  @Index({ unique: true })
  @Column('text')
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
