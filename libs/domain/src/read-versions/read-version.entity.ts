import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ReadArea } from './read-area';

/**
 * One slot of an organization's change counter for one area. Triggers in the same transaction as
 * a write add one to a slot no other transaction holds (SKIP LOCKED), so writers never queue on a
 * shared row; the version is the sum of the slots, which only grows.
 */
@Entity('read_versions')
export class ReadVersionEntity {
  @PrimaryColumn('uuid')
  organizationId: string;

  @PrimaryColumn('text')
  area: ReadArea;

  /** From the read_version_slots sequence: a new slot when every other one is held. */
  @PrimaryColumn('bigint')
  slot: string;

  @Column('bigint', { default: 0 })
  version: string;
}
