import { createHash } from 'node:crypto';

/**
 * The tag Rounds adds to every video it uploads, derived from the publication id: after an upload
 * whose answer was lost, the channel's uploads are matched by title AND this tag, so another post's
 * video with the same title is never taken for this one. Opaque (a hash), so it shows no id.
 */
export function youtubeUploadTag(publicationId: string): string {
  return `rounds${createHash('sha256').update(publicationId).digest('hex').slice(0, 16)}`;
}

/** What the upload tag takes of YouTube's 500 characters of tags (its length and a separator). */
export const YOUTUBE_UPLOAD_TAG_RESERVE = youtubeUploadTag('').length + 1;
