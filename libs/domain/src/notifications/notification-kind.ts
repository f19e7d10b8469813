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

/** Told by push and e-mail both; the others by e-mail only to whom no push reached. */
export const MAILED_EVEN_WITH_PUSH: readonly NotificationKind[] = [
  'feedback_safety',
  'feedback_overdue',
];
