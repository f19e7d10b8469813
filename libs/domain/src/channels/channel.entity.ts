import { Column, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity';

export const CHANNEL_PLATFORMS = ['x', 'youtube'] as const;
export type ChannelPlatform = (typeof CHANNEL_PLATFORMS)[number];

export const CHANNEL_STATUSES = ['connected', 'needs_reauth', 'disconnected'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];

/** A connected X account or YouTube channel of an organization; posts target channels. */
@Entity('channels')
@Index(['organizationId', 'platform', 'externalAccountId'], { unique: true })
export class ChannelEntity extends TenantEntity {
  @Column('text')
  platform: ChannelPlatform;

  /** The platform's own id of the account (X user id, YouTube channel id). */
  @Column('text')
  externalAccountId: string;

  @Column('text')
  handle: string;

  @Column('text')
  displayName: string;

  @Column('text', { default: 'connected' })
  status: ChannelStatus;

  /** Why the channel needs re-authorization or was disconnected, for the admins to read. */
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  /** The colour the calendar draws this channel's posts in. */
  @Column('text', { default: '#1d9bf0' })
  color: string;

  /** TokenCipher-sealed (bound to the channel id); null once disconnected. */
  @Column({ type: 'text', nullable: true })
  encryptedAccessToken: string | null;

  @Column({ type: 'text', nullable: true })
  encryptedRefreshToken: string | null;

  /** When the access token stops working; null when the platform did not say. */
  @Column({ type: 'timestamptz', nullable: true })
  tokenExpiresAt: Date | null;

  @Column('text', { array: true, default: () => "'{}'" })
  scopes: string[];

  @Column({ type: 'uuid', nullable: true })
  connectedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  connectedAt: Date | null;

  /** Set from a 429's reset: the channel's posts wait until then, other channels go on. */
  @Column({ type: 'timestamptz', nullable: true })
  rateLimitedUntil: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** What a sealed token of a channel is bound to (TokenCipher associated data). */
export const tokenContext = (channelId: string, kind: 'access' | 'refresh') =>
  `channel:${channelId}:${kind}`;
