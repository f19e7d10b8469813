import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity';
import type { ChannelPlatform } from './channel.entity';

/**
 * A connection an admin started and has not finished: the OAuth `state` (stored hashed), bound to
 * that user and to their browser, single use, expiring; X's PKCE verifier stays here, sealed.
 */
@Entity('channel_authorizations')
@Index(['expiresAt'])
export class ChannelAuthorizationEntity extends TenantEntity {
  @Column('uuid')
  userId: string;

  @Column('text')
  platform: ChannelPlatform;

  /** sha256 of the `state` sent to the platform. */
  @Index({ unique: true })
  @Column('char', { length: 64 })
  stateHash: string;

  /** sha256 of the cookie set in the browser that started the connection. */
  @Column('char', { length: 64 })
  browserHash: string;

  @Column({ type: 'text', nullable: true })
  encryptedCodeVerifier: string | null;

  @Column('timestamptz')
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
