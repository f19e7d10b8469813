/**
 * What a group of screens reads, each with its own version per organization: a change to the
 * inbox leaves the calendar's cached answers valid. The migration ReadVersions names, per table,
 * the areas its writes change.
 */
export enum ReadArea {
  /** The calendar and the review queue: posts, approvals, findings, channels, the organization. */
  Posts = 'posts',
  /** Messages, the replies drafted to them and their approvals. */
  Inbox = 'inbox',
  /** The engagement report's rollups, channels and the organization. */
  Reports = 'reports',
}
