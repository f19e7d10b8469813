import { Role } from '../identity/role';
import type { NotificationRequest } from '../notifications/notifications.service';
import { PostEntity } from './post.entity';
import { localTime } from './schedule-time';

export type PostNoticeKind =
  | 'post_submitted'
  | 'post_approved'
  | 'post_rejected'
  | 'post_held'
  | 'post_expired'
  | 'post_failed';

// Titles and bodies never quote the post: e-mail leaves the building.
const TEXT: Record<PostNoticeKind, { title: string; body: (when: string) => string }> = {
  post_submitted: {
    title: 'A post is waiting for review',
    body: (when) => `A post scheduled for ${when} was submitted for compliance review.`,
  },
  post_approved: {
    title: 'Post approved',
    body: (when) => `Your post for ${when} is approved.`,
  },
  post_rejected: {
    title: 'Changes requested',
    body: (when) => `A compliance officer asked for changes to your post for ${when}.`,
  },
  post_held: {
    title: 'Post held',
    body: (when) => `Your post for ${when} was held and will not publish until it is released.`,
  },
  post_failed: {
    title: 'Post failed',
    body: (when) => `Your post for ${when} could not be published. Open it to see why.`,
  },
  post_expired: {
    title: 'Post expired',
    body: (when) => `Your post for ${when} was not approved in time. Choose a new time.`,
  },
};

/** Who hears about a post: compliance for a submission, otherwise its author and last editor. */
export function postNotice(
  kind: PostNoticeKind,
  post: PostEntity,
  timeZone: string,
): NotificationRequest {
  const text = TEXT[kind];
  return {
    organizationId: post.organizationId,
    kind,
    subjectId: post.id,
    title: text.title,
    body: text.body(localTime(post.scheduledAt, timeZone)),
    ...(kind === 'post_submitted'
      ? { toRoles: [Role.Compliance] }
      : { toUserIds: [...new Set([post.authorId, post.lastEditedById])] }),
    ...(kind === 'post_held' ? { toRoles: [Role.Admin] } : {}),
  };
}
