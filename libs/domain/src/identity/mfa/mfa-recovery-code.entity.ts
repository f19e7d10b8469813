import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../common/tenant-entity';

/** One of a user's ten single-use recovery codes; only its sha256 is stored. */
@Entity('mfa_recovery_codes')
@Index(['userId', 'codeHash'], { unique: true })
export class MfaRecoveryCodeEntity extends TenantEntity {
  @Column('uuid')
  userId: string;

  @Column('char', { length: 64 })
  codeHash: string;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
