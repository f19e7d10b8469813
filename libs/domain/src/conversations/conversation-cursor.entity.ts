import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where the last pull of a channel's conversations stopped. */
@Entity('conversation_cursors')
export class ConversationCursorEntity {
  @PrimaryColumn('uuid')
  channelId: string;

  @Column('uuid')
  organizationId: string;

  /** X: the newest mention id read (the next pull asks for newer ones only). */
  @Column({ type: 'text', nullable: true })
  sinceId: string | null;

  /** YouTube: the newest comment time read (older comments are skipped). */
  @Column({ type: 'timestamptz', nullable: true })
  sinceTime: Date | null;

  @Column('timestamptz')
  pulledAt: Date;
}
