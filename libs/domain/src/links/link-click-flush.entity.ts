import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A batch of counts moved from Redis, recorded in the transaction that adds it: a batch read
 * again (a worker died before deleting it in Redis, or two workers read it) is added once.
 */
@Entity('link_click_flushes')
export class LinkClickFlushEntity {
  @PrimaryColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  appliedAt: Date;
}
