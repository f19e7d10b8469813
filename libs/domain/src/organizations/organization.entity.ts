import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** IANA zone in which staff enter and read times, e.g. America/Chicago. */
  @Column('text')
  timeZone: string;

  /** Set while an emergency pause is on; nothing is published then. */
  @Column({ type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  pauseReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
