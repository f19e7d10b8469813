import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TextSegment } from './media-text';

export type ImageTextStatus = 'pending' | 'read' | 'failed';

/**
 * The text OCR read in an image, cached by the image's sha256. Not a tenant row: it is derived
 * from the bytes alone, so whoever holds the same bytes would read the same text.
 */
@Entity('image_texts')
export class ImageTextEntity {
  @PrimaryColumn('char', { length: 64 })
  sha256: string;

  @Column('text')
  status: ImageTextStatus;

  /** The lines read, joined with line breaks; the segments locate each line in the image. */
  @Column('text', { default: '' })
  text: string;

  @Column('jsonb', { default: () => "'[]'" })
  segments: TextSegment[];

  /** Why the image could not be read (status `failed`). */
  @Column('text', { nullable: true })
  error: string | null;

  /** How long the recognition took, for the operators' figures. */
  @Column('int', { nullable: true })
  durationMs: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
