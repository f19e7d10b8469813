import { DateTime } from 'luxon';

/** The YouTube Data API methods Rounds calls. */
export type YoutubeOperation =
  | 'videos.insert'
  | 'videos.list'
  | 'videos.update'
  | 'videos.delete'
  | 'thumbnails.set'
  | 'captions.insert'
  | 'channels.list'
  | 'playlistItems.list'
  | 'commentThreads.list'
  | 'commentThreads.insert'
  | 'comments.list'
  | 'comments.insert';

export type YoutubeQuotaCosts = Record<YoutubeOperation, number>;

/**
 * Units per call from Google's quota table (videos.insert at the long-published 1600; newer
 * projects may get a separate upload bucket instead, hence the table is configurable).
 */
export const DEFAULT_YOUTUBE_QUOTA_COSTS: Readonly<YoutubeQuotaCosts> = {
  'videos.insert': 1600,
  'videos.list': 1,
  'videos.update': 50,
  'videos.delete': 50,
  'thumbnails.set': 50,
  'captions.insert': 400,
  'channels.list': 1,
  'playlistItems.list': 1,
  'commentThreads.list': 1,
  'commentThreads.insert': 50,
  'comments.list': 1,
  'comments.insert': 50,
};

const QUOTA_ZONE = 'America/Los_Angeles';

/** When the YouTube quota day that contains `from` ends: the next midnight in Pacific time. */
export function nextQuotaReset(from: Date = new Date()): Date {
  return DateTime.fromJSDate(from, { zone: QUOTA_ZONE })
    .startOf('day')
    .plus({ days: 1 })
    .toJSDate();
}
