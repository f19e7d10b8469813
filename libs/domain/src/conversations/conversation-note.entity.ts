import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity';

/** Staff's internal note on an inbox message: kept with it, never sent to a platform. */
@Entity('conversation_notes')
@Index(['organizationId', 'messageId', 'createdAt'])
export class ConversationNoteEntity extends TenantEntity {
  @Column('uuid')
  messageId: string;

  @Column('uuid')
  authorId: string;

  @Column('text')
  text: string;
}
