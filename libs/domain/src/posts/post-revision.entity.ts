import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity';
import { PostContent } from './post-content';
import { PostEntity } from './post.entity';

/** One version of a post's content; never updated or deleted (a trigger refuses both). */
@Entity('post_revisions')
@Index(['postId', 'number'], { unique: true })
export class PostRevisionEntity extends TenantEntity {
  @Column('uuid')
  postId: string;

  @ManyToOne(() => PostEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity;

  /** 1, 2, 3… within the post. */
  @Column('int')
  number: number;

  @Column('jsonb')
  content: PostContent;

  /** sha256 of the canonical content; approvals and publications are bound to it. */
  @Column('char', { length: 64 })
  contentHash: string;

  /** Every media id the content uses, for consent checks and holds. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  mediaIds: string[];

  /** Content categories the keyword hints found in the text (the declared ones are in content). */
  @Column('text', { array: true, default: () => "'{}'" })
  detectedCategories: string[];

  @Column('uuid')
  editedById: string;
}
