import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One browser's Web Push subscription for one user (a device has one endpoint). */
@Entity('push_subscriptions')
@Index(['organizationId', 'userId'])
export class PushSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  userId: string;

  /** The push service's URL for this browser; unique: a device signed in as someone else moves. */
  @Index({ unique: true })
  @Column('text')
  endpoint: string;

  /** The browser's P-256 public key and auth secret (base64url), which encrypt each payload. */
  @Column('text')
  p256dh: string;

  @Column('text')
  auth: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
