import { createHash } from 'node:crypto';
import { ContentCategory } from '../compliance/content-category';
import { canonicalize } from '../common/canonicalize';
import type { TrackedLink } from '../links';

export interface XImage {
  mediaId: string;
  altText: string;
}

export interface XContent {
  text: string;
  images: XImage[];
  /** The short links in the text with their destinations; absent when there are none. */
  links?: TrackedLink[];
}

export const YOUTUBE_PRIVACY_STATUSES = ['public', 'unlisted', 'private'] as const;
export type YoutubePrivacyStatus = (typeof YOUTUBE_PRIVACY_STATUSES)[number];

export interface YoutubeContent {
  videoMediaId: string;
  title: string;
  description: string;
  tags: string[];
  categoryId: string;
  privacyStatus: YoutubePrivacyStatus;
  madeForKids: boolean;
  thumbnailMediaId: string | null;
  captionMediaId: string | null;
  /** The short links in the description with their destinations; absent when there are none. */
  links?: TrackedLink[];
}

/** What a revision holds and an approval is bound to: the channels and every per-channel field. */
export interface PostContent {
  channelIds: string[];
  /** Declared by the author; keyword hints may add more (PostRevisionEntity.detectedCategories). */
  categories: ContentCategory[];
  x: XContent | null;
  youtube: YoutubeContent | null;
}

/** The hash an approval is bound to and the worker re-checks before publishing. */
export function contentHash(content: PostContent): string {
  // RFC 8785, like the audit trail: the same content always gives the same bytes.
  return createHash('sha256').update(canonicalize(content)!).digest('hex');
}

export function contentMediaIds(content: PostContent): string[] {
  const yt = content.youtube;
  const ids = [
    ...(content.x?.images.map((i) => i.mediaId) ?? []),
    ...(yt ? [yt.videoMediaId, yt.thumbnailMediaId, yt.captionMediaId] : []),
  ];
  return [...new Set(ids.filter((id): id is string => !!id))];
}

/** Every tracked link of the content, X's then YouTube's. */
export const contentLinks = (content: PostContent): TrackedLink[] => [
  ...(content.x?.links ?? []),
  ...(content.youtube?.links ?? []),
];

/** A text of the content the scanner reads, named by its request field. */
export interface TextField {
  field: string;
  text: string;
}

export function contentTextFields(content: PostContent): TextField[] {
  const fields: TextField[] = [];
  // A tracked address is scanned as written: the short link in the text hides it from readers.
  const links = (platform: 'x' | 'youtube', list: TrackedLink[] = []) =>
    list.forEach((link, i) =>
      fields.push({ field: `${platform}.links[${i}].url`, text: link.url }),
    );
  if (content.x) {
    fields.push({ field: 'x.text', text: content.x.text });
    content.x.images.forEach((image, i) =>
      fields.push({ field: `x.images[${i}].altText`, text: image.altText }),
    );
    links('x', content.x.links);
  }
  if (content.youtube) {
    fields.push({ field: 'youtube.title', text: content.youtube.title });
    fields.push({ field: 'youtube.description', text: content.youtube.description });
    fields.push({ field: 'youtube.tags', text: content.youtube.tags.join(', ') });
    links('youtube', content.youtube.links);
  }
  return fields.filter((f) => f.text.length > 0);
}
