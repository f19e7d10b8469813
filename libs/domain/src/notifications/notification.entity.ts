import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationKind } from './notification-kind';

/** One in-app message to one user; `subjectId` is the post, reply or channel it is about. */
@Entity('notifications')
@Index(['userId', 'readAt'])
@Index(['userId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  userId: string;

  @Column('text')
  kind: NotificationKind;

  @Column('uuid')
  subjectId: string;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
