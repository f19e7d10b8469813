import type { Schemas } from '../api/schema-types';

export type CalendarEntry = Schemas['CalendarEntryDto'];
export type PostDetail = Schemas['PostDetailDto'];
export type PostStatus = PostDetail['status'];
export type Revision = Schemas['RevisionDto'];
export type Finding = Schemas['FindingDto'];

/** What a revision holds. */
export type PostContent = Revision['content'];

/** A line that names the post: the start of its X text, else its video title. */
export function postTitle(revision: Revision): string {
  const content = revision.content;
  const text = content.x?.text?.trim() || content.youtube?.title?.trim() || 'Untitled post';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export const STATUS_LABELS: Record<PostStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  scheduled: 'Scheduled',
  publishing: 'Publishing',
  published: 'Published',
  failed: 'Failed',
  in_doubt: 'Checking platform',
  cancelled: 'Cancelled',
  held: 'Held',
  expired: 'Expired',
};

export const STATUS_COLORS: Record<PostStatus, string> = {
  draft: 'gray',
  in_review: 'yellow',
  changes_requested: 'orange',
  scheduled: 'blue',
  publishing: 'cyan',
  published: 'teal',
  failed: 'red',
  in_doubt: 'grape',
  cancelled: 'dark',
  held: 'pink',
  expired: 'orange',
};

/** What a new time does to the post's approval, in the words of the reschedule rules. */
export function rescheduleEffect(post: Pick<CalendarEntry, 'status' | 'approved'>): {
  reapproval: boolean;
  title: string;
  message: string;
} {
  if (post.status === 'expired' && !post.approved) {
    return {
      reapproval: true,
      title: 'Needs approval again',
      message:
        'Its time passed in review: it goes back to compliance review before it can publish.',
    };
  }
  if (post.approved) {
    const held = post.status === 'held' ? ' It stays held until someone releases it.' : '';
    return {
      reapproval: false,
      title: 'Keeps its approval',
      message: `The content is unchanged, so the approval stands and it publishes at the new time.${held}`,
    };
  }
  return {
    reapproval: false,
    title: 'Still needs approval',
    message: 'Not approved yet: compliance must approve it before the new time.',
  };
}
