import { Column, Entity, Index } from 'typeorm';
import type { ChannelPlatform } from '../channels';
import { TenantEntity } from '../common';

/**
 * A first-party short link, `<base>/l/<code>`: reserved by the composer for a URL, taken by the
 * post (and platform) whose text first carries it, and given its destination (the URL with UTM
 * parameters) when that post is approved. The redirect answers only links with a destination.
 */
@Entity('tracked_links')
@Index(['organizationId', 'postId'])
export class TrackedLinkEntity extends TenantEntity {
  /** Unique across organizations: the redirect knows nothing but the code. */
  @Index({ unique: true })
  @Column('text')
  code: string;

  /** The address as the author gave it. */
  @Column('text')
  url: string;

  @Column({ type: 'uuid', nullable: true })
  postId: string | null;

  @Column({ type: 'text', nullable: true })
  platform: ChannelPlatform | null;

  /** Null until the post's revision carrying the link is approved, and again after an edit. */
  @Column({ type: 'text', nullable: true })
  destination: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column('uuid')
  createdById: string;
}
