import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../common/tenant-entity';

/** A user's TOTP second factor: the secret sealed like channel tokens, and the code throttle. */
@Entity('user_mfa')
export class UserMfaEntity extends TenantEntity {
  @Index({ unique: true })
  @Column('uuid')
  userId: string;

  /** The confirmed secret; null until the first code is confirmed. */
  @Column({ type: 'text', nullable: true })
  sealedSecret: string | null;

  /** A secret shown for enrolment and not confirmed yet. */
  @Column({ type: 'text', nullable: true })
  sealedPendingSecret: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  enrolledAt: Date | null;

  /** The last TOTP time step accepted: a code is good once, never replayed. */
  @Column({ type: 'integer', nullable: true })
  lastUsedStep: number | null;

  /** Wrong codes since the last right one or the last lock. */
  @Column('integer', { default: 0 })
  failedAttempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
