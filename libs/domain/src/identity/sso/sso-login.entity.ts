import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../common/tenant-entity';

/**
 * One sign-in through the organization's provider: the `state` (hashed) bound to the browser that
 * started it, the nonce and the sealed PKCE verifier; after the callback, the single-use hand-off
 * code (hashed) the dashboard trades for a session.
 */
@Entity('sso_logins')
@Index(['expiresAt'])
export class SsoLoginEntity extends TenantEntity {
  @Column('uuid')
  connectionId: string;

  @Index({ unique: true })
  @Column('char', { length: 64 })
  stateHash: string;

  @Column('char', { length: 64 })
  browserHash: string;

  @Column('text')
  nonce: string;

  @Column('text')
  sealedCodeVerifier: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** The user the provider signed in (set by the callback). */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Index({ unique: true, where: 'handoff_hash IS NOT NULL' })
  @Column({ type: 'char', length: 64, nullable: true })
  handoffHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  handoffUsedAt: Date | null;
}
