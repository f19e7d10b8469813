import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** password (one factor), mfa (password and a second factor), sso (the organization's provider). */
export type AuthMethod = 'password' | 'mfa' | 'sso';

/** One refresh token of a rotation family; only its sha256 is stored. */
@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Column('uuid')
  organizationId: string;

  /** Tokens rotated from the same login; reuse of a rotated one revokes them all. */
  @Index()
  @Column('uuid')
  familyId: string;

  @Index({ unique: true })
  @Column('text')
  tokenHash: string;

  /** How the session began; rotation carries it on (SSO sessions leave MFA to the provider). */
  @Column('text', { default: 'password' })
  authMethod: AuthMethod;

  /** When the login that began the family happened: the session ends SESSION_MAX_HOURS after it. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  familyStartedAt: Date;

  /** The sooner of the idle timeout and the family's absolute end. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  rotatedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
