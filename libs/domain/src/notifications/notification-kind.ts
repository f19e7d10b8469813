/** What a notification is about; the dashboard reads the list too (no ORM here). */
export const NOTIFICATION_KINDS = [
  'post_submitted',
  'post_approved',
  'post_rejected',
  'post_held',
  'post_expired',
  'post_failed',
  'reply_submitted',
  'feedback_safety',
  'feedback_overdue',
  'channel_needs_reauth',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
