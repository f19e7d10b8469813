/**
 * The kinds of published text the scanner reads; each changes what a cue means (a caption is
 * someone speaking, an alt text describes a photo, a reply speaks to the person it answers).
 */
export type PublishedField =
  'post' | 'reply' | 'youtube_title' | 'youtube_description' | 'caption' | 'alt_text' | 'tag';

export const PUBLISHED_FIELDS: readonly PublishedField[] = [
  'post',
  'reply',
  'youtube_title',
  'youtube_description',
  'caption',
  'alt_text',
  'tag',
];
