import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One organization's weekly digest for one week: claimed before the e-mail goes out, marked sent
 * after, so an hourly sweep sends it exactly once.
 */
@Entity('digest_sends')
export class DigestSendEntity {
  @PrimaryColumn('uuid')
  organizationId: string;

  /** The Monday (organization's date) of the week the digest is sent in. */
  @PrimaryColumn('date')
  weekStart: string;

  /** While a worker sends it; a claim left by a dead worker may be retaken after an hour. */
  @Column('timestamptz')
  claimedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column('int', { default: 0 })
  recipients: number;
}
