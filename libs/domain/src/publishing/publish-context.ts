import { EntityManager } from 'typeorm';
import { PublicationJobData } from '@rounds/queue';
import { ChannelEntity } from '../channels/channel.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { contentHash } from '../posts/post-content';
import { PostRevisionEntity } from '../posts/post-revision.entity';
import { PostEntity } from '../posts/post.entity';
import { PublicationEntity } from '../posts/publication.entity';

/** Everything one publish needs, read in one query (for a whole batch) after the claim. */
export interface PublishContext {
  publication: PublicationEntity;
  post: PostEntity;
  /** The revision the publication was approved for. */
  revision: PostRevisionEntity;
  channel: ChannelEntity;
  organization: OrganizationEntity;
}

type Loaded = PublicationEntity & {
  post: PostEntity;
  channel: ChannelEntity;
  revision: PostRevisionEntity;
  organization: OrganizationEntity;
};

/** Only what publishing reads: hydrating whole rows of five tables costs the worker CPU per post. */
const PUBLISH_COLUMNS = [
  ...['id', 'organizationId', 'postId', 'channelId', 'platform', 'status', 'attempts'].map(
    (c) => `pub.${c}`,
  ),
  // The last answer (named when giving up) and when it was put in doubt (the lookup's window).
  'pub.error',
  'pub.updatedAt',
  'pub.heartbeatAt',
  'pub.threadTweetIds',
  'pub.approvedRevisionId',
  'pub.approvedContentHash',
  ...['id', 'organizationId', 'status', 'scheduledAt', 'approvedRevisionId'].map(
    (c) => `post.${c}`,
  ),
  ...['id', 'organizationId', 'platform', 'externalAccountId', 'handle', 'displayName'].map(
    (c) => `channel.${c}`,
  ),
  ...['status', 'statusReason', 'encryptedAccessToken', 'encryptedRefreshToken'].map(
    (c) => `channel.${c}`,
  ),
  'channel.tokenExpiresAt',
  'channel.rateLimitedUntil',
  ...['id', 'organizationId', 'postId', 'content', 'contentHash', 'mediaIds'].map(
    (c) => `rev.${c}`,
  ),
  ...['id', 'pausedAt', 'pauseReason'].map((c) => `org.${c}`),
];

/** The contexts of many publications in one query, by publication id (missing ones absent). */
export async function loadPublishContexts(
  manager: EntityManager,
  refs: PublicationJobData[],
): Promise<Map<string, PublishContext>> {
  if (refs.length === 0) return new Map();
  const rows = (await manager
    .createQueryBuilder(PublicationEntity, 'pub')
    .innerJoinAndSelect('pub.post', 'post')
    .innerJoinAndSelect('pub.channel', 'channel')
    .innerJoinAndMapOne(
      'pub.revision',
      PostRevisionEntity,
      'rev',
      'rev.id = pub.approved_revision_id',
    )
    .innerJoinAndMapOne(
      'pub.organization',
      OrganizationEntity,
      'org',
      'org.id = pub.organization_id',
    )
    .select(PUBLISH_COLUMNS)
    .where(
      '(pub.id, pub.organization_id) IN (SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:organizationIds AS uuid[])))',
      {
        ids: refs.map((r) => r.publicationId),
        organizationIds: refs.map((r) => r.organizationId),
      },
    )
    .getMany()) as Loaded[];
  return new Map(
    rows.map(({ post, channel, revision, organization, ...publication }) => [
      publication.id,
      {
        publication: Object.assign(new PublicationEntity(), publication),
        post,
        revision,
        channel,
        organization,
      },
    ]),
  );
}

export async function loadPublishContext(
  manager: EntityManager,
  ref: PublicationJobData,
): Promise<PublishContext | undefined> {
  return (await loadPublishContexts(manager, [ref])).get(ref.publicationId);
}

/**
 * The approval still stands for exactly this content: the post is still approved for the
 * publication's revision, and that revision's content hashes to what was approved.
 */
export function approvalStands({ publication, post, revision }: PublishContext): boolean {
  return (
    post.approvedRevisionId === publication.approvedRevisionId &&
    revision.id === publication.approvedRevisionId &&
    revision.contentHash === publication.approvedContentHash &&
    contentHash(revision.content) === publication.approvedContentHash
  );
}
