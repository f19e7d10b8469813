import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity';

export type MediaKind = 'image' | 'video' | 'caption';

/** bigint comes back from pg as a string; sizes stay far below 2^53. */
const bigintAsNumber = { to: (v: number) => v, from: (v: string | null) => Number(v) };

@Entity('media')
@Index(['organizationId', 'createdAt'])
export class MediaEntity extends TenantEntity {
  @Column('text')
  kind: MediaKind;

  @Column('text')
  mimeType: string;

  @Column('bigint', { transformer: bigintAsNumber })
  sizeBytes: number;

  @Column('char', { length: 64 })
  sha256: string;

  /** Where MediaStorage keeps the bytes; never derived from the uploaded name. */
  @Column('text', { unique: true })
  storageKey: string;

  @Column('text')
  originalName: string;

  @Column('int', { nullable: true })
  width?: number | null;

  @Column('int', { nullable: true })
  height?: number | null;

  @Column('double precision', { nullable: true })
  durationSeconds?: number | null;

  /** A patient is recognisable in it: approval needs a valid consent record. */
  @Column('boolean', { default: false })
  showsPatient: boolean;

  @Column('uuid')
  createdById: string;
}
