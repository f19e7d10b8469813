import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity';

/** A signed release of a person shown in a media file; kept, never deleted by users. */
@Entity('consent_records')
@Index(['organizationId', 'mediaId'])
export class ConsentRecordEntity extends TenantEntity {
  @Column('uuid')
  mediaId: string;

  @Column('text')
  personName: string;

  /** The id of the paper or electronic release form. */
  @Column('text')
  formId: string;

  @Column('timestamptz')
  signedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedById: string | null;

  @Column({ type: 'text', nullable: true })
  revocationReason: string | null;

  @Column('uuid')
  recordedById: string;
}
