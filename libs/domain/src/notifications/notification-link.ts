import type { NotificationKind } from './notification-kind';

/**
 * The dashboard page a notification opens, the same in the bell, the push and the e-mail: the
 * review page for a post waiting for review, the inbox for a reply, the message itself for patient
 * feedback, the post itself otherwise.
 */
export function notificationPath(kind: NotificationKind, subjectId: string): string {
  if (kind === 'post_submitted') return `/approvals/${subjectId}`;
  if (kind === 'feedback_safety' || kind === 'feedback_overdue')
    return `/inbox?message=${subjectId}`;
  if (kind === 'reply_submitted') return '/inbox';
  if (kind === 'channel_needs_reauth') return '/channels';
  return `/posts/${subjectId}`;
}
