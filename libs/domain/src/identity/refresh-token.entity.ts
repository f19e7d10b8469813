import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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
