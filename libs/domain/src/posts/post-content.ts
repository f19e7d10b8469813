import { createHash } from 'node:crypto';
import { ContentCategory } from '../compliance/content-category';
import { canonicalize } from '../common/canonicalize';
import type { TrackedLink } from '../links';

export interface XImage {
  mediaId: string;
  altText: string;
}

/** One tweet: its text and images. */
export interface XTweet {
  text: string;
  images: XImage[];
}

/** An X post: its first tweet, and the tweets that follow it as a thread (absent when none). */
export interface XContent extends XTweet {
  /** Tweets 2 to 25 in order, each published in reply to the one before. */
  thread?: XTweet[];
  /** The short links in the text with their destinations; absent when there are none. */
  links?: TrackedLink[];
}

/** A tweet of an X post with the request field that names it: `x`, then `x.thread[0]`, … */
export interface NamedTweet {
  field: string;
  tweet: XTweet;
}

/** The tweets of an X post in the order they are published. */
export const xTweets = (x: XContent): NamedTweet[] => [
  { field: 'x', tweet: x },
  ...(x.thread ?? []).map((tweet, i) => ({ field: `x.thread[${i}]`, tweet })),
];

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

/** Every image of an X post with its request field (`x.images[0]`, `x.thread[1].images[0]`). */
export const xImages = (x: XContent | null): { field: string; image: XImage }[] =>
  (x ? xTweets(x) : []).flatMap(({ field, tweet }) =>
    tweet.images.map((image, i) => ({ field: `${field}.images[${i}]`, image })),
  );

export function contentMediaIds(content: PostContent): string[] {
  const yt = content.youtube;
  const ids = [
    ...xImages(content.x).map(({ image }) => image.mediaId),
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
    for (const { field, tweet } of xTweets(content.x))
      fields.push({ field: `${field}.text`, text: tweet.text });
    for (const { field, image } of xImages(content.x))
      fields.push({ field: `${field}.altText`, text: image.altText });
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
