import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity';
import type { FindingSeverity } from './phi/phi-finding';

/** A confidential term of one organization (project, litigation, vendor, code name). */
@Entity('restricted_terms')
@Index(['organizationId', 'term'], { unique: true })
export class RestrictedTermEntity extends TenantEntity {
  /** A word or phrase (whole words, any case), or a pattern written `/regex/flags`. */
  @Column('text')
  term: string;

  @Column('text')
  severity: FindingSeverity;

  @Column('uuid')
  createdById: string;
}
