import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity';
import type { ReplyFinding } from './reply-finding';

/** `take_private`: acknowledges without confirming care, offered first for complaints and safety. */
export const TEMPLATE_PURPOSES = ['general', 'take_private'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

/** A reply compliance approved once, which staff may send at once (e.g. "Please call us at…"). */
@Entity('reply_templates')
@Index(['organizationId', 'name'], { unique: true })
export class ReplyTemplateEntity extends TenantEntity {
  @Column('text')
  name: string;

  @Column('text')
  text: string;

  /** Null for the take-it-private set Rounds seeds in every organization. */
  @Column('uuid', { nullable: true })
  createdById: string | null;

  @Column('text', { default: 'general' })
  purpose: TemplatePurpose;

  /** A second person (compliance, not the author) approves it before anyone may send it. */
  @Column('uuid', { nullable: true })
  approvedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  /** Warnings the scan raised when it was created (a blocking finding refuses creation). */
  @Column('jsonb', { default: () => "'[]'" })
  findings: ReplyFinding[];
}
