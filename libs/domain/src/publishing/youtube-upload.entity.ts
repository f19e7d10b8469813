import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The video uploaded ahead of a YouTube publication: private, with `publishAt` when it is to go
 * public. Holds the resumable session URI while an upload runs, so a restarted worker resumes it.
 */
@Entity('youtube_uploads')
export class YoutubeUploadEntity {
  @PrimaryColumn('uuid')
  publicationId: string;

  @Column('uuid')
  organizationId: string;

  /** The approved content the video was made from; another approval means another video. */
  @Column('char', { length: 64 })
  contentHash: string;

  @Column({ type: 'text', nullable: true })
  videoId: string | null;

  @Column({ type: 'text', nullable: true })
  sessionUri: string | null;

  /** When the current upload began; a lost answer is looked for among uploads since then. */
  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  /** One uploader at a time: whoever holds this lease (a prepare or a publish job). */
  @Column({ type: 'timestamptz', nullable: true })
  leasedUntil: Date | null;

  /** The job holding the lease; the same job running again after a crash takes it back. */
  @Column({ type: 'text', nullable: true })
  leaseHolder: string | null;

  /** The `publishAt` YouTube holds; null when the video is private with no schedule. */
  @Column({ type: 'timestamptz', nullable: true })
  publishAt: Date | null;

  @Column('boolean', { default: false })
  thumbnailSet: boolean;

  @Column('boolean', { default: false })
  captionsSet: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
