import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity';
import type { CueRange, ImageRegion } from '../media/text/media-text';
import type { FindingSeverity } from './phi/phi-finding';
import { PostRevisionEntity } from '../posts/post-revision.entity';

/** PHI scanner, accessibility check, or a routing rule the content does not meet (consent). */
export type FindingSource = 'phi' | 'accessibility' | 'policy';

/** Where in a media file a finding was read: the caption cue, or the region of the image. */
export interface FindingLocation {
  cue?: CueRange;
  region?: ImageRegion;
}

/** One finding of the scanners on one text field of one revision; overrides name it by id. */
@Entity('compliance_findings')
@Index(['revisionId', 'field', 'kind', 'start', 'end'], { unique: true })
export class ComplianceFindingEntity extends TenantEntity {
  @Column('uuid')
  postId: string;

  @Column('uuid')
  revisionId: string;

  @ManyToOne(() => PostRevisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revision_id' })
  revision?: PostRevisionEntity;

  @Column('text')
  source: FindingSource;

  /** The request field the text came from, e.g. `x.text`, `youtube.captions` or `x.images[1]`. */
  @Column('text')
  field: string;

  @Column('text')
  kind: string;

  @Column('text')
  severity: FindingSeverity;

  @Column('int', { name: 'span_start' })
  start: number;

  @Column('int', { name: 'span_end' })
  end: number;

  @Column('text')
  text: string;

  @Column('text')
  reason: string;

  /** The caption track or image the text was read from; null for the post's own text fields. */
  @Column('uuid', { nullable: true })
  mediaId: string | null;

  /** The cue or image region of the span; start and end index the media's whole text. */
  @Column('jsonb', { nullable: true })
  location: FindingLocation | null;

  /** Set when a later scan of the same revision no longer finds it (e.g. the allow list grew). */
  @Column({ type: 'timestamptz', nullable: true })
  clearedAt: Date | null;
}
