import { parseTweet } from 'twitter-text';
import { YOUTUBE_UPLOAD_TAG_RESERVE } from '@rounds/platforms';
import type { ChannelEntity, ChannelPlatform } from '../channels/channel.entity';
import { InvalidInputError } from '../common/domain-error';
import { CONTENT_CATEGORIES, ContentCategory } from '../compliance/content-category';
import type { MediaEntity, MediaKind } from '../media/media.entity';
import { definedFields } from './defined-fields';
import {
  PostContent,
  XContent,
  XImage,
  XTweet,
  YoutubeContent,
  YoutubePrivacyStatus,
} from './post-content';

export const X_MAX_WEIGHTED_LENGTH = 280;
export const X_MAX_IMAGES = 4;
export const X_MAX_ALT_TEXT = 1000;
/** A thread is at most 25 tweets: the first and 24 in reply. */
export const X_MAX_THREAD_REPLIES = 24;
export const YOUTUBE_MAX_TITLE = 100;
export const YOUTUBE_MAX_DESCRIPTION_BYTES = 5000;
/** YouTube's 500 characters of tags, less what the upload tag Rounds adds takes. */
export const YOUTUBE_MAX_TAGS_LENGTH = 500 - YOUTUBE_UPLOAD_TAG_RESERVE;
/** People & Blogs: what YouTube picks when none is given. */
export const YOUTUBE_DEFAULT_CATEGORY = '22';

export interface YoutubeInput {
  videoMediaId?: string;
  title?: string;
  description?: string;
  tags?: string[];
  categoryId?: string;
  privacyStatus?: YoutubePrivacyStatus;
  madeForKids?: boolean;
  thumbnailMediaId?: string | null;
  captionMediaId?: string | null;
}

/** A tweet as a client sends it; alt texts default to empty. */
export interface XTweetInput {
  text?: string;
  images?: { mediaId: string; altText?: string }[];
}

export interface XInput extends XTweetInput {
  /** The tweets after the first, in order (an X thread). */
  thread?: XTweetInput[];
}

/** The composer's content fields as a client sends them: the flat shape (text, mediaIds, youtube) or the per-channel one. */
export interface ContentInput {
  channelIds: string[];
  categories?: ContentCategory[];
  /** Shorthand for x.text. */
  text?: string;
  x?: XInput;
  youtube?: YoutubeInput;
  /** Shorthand: images go to X (without alt text), a video and a caption track to YouTube. */
  mediaIds?: string[];
}

type ChannelRef = Pick<ChannelEntity, 'id' | 'platform' | 'status'>;
type MediaRef = Pick<MediaEntity, 'id' | 'kind'>;

/** Every media id the input names, to load before composing. */
export function inputMediaIds(input: Partial<ContentInput>): string[] {
  const yt = input.youtube;
  const ids = [
    ...(input.mediaIds ?? []),
    ...[input.x, ...(input.x?.thread ?? [])].flatMap((t) => t?.images?.map((i) => i.mediaId) ?? []),
    ...(yt ? [yt.videoMediaId, yt.thumbnailMediaId, yt.captionMediaId] : []),
  ];
  return [...new Set(ids.filter((id): id is string => !!id))];
}

/** The input back from stored content, so an edit can patch it field by field. */
export function contentToInput(content: PostContent): ContentInput {
  return {
    channelIds: content.channelIds,
    categories: content.categories,
    ...(content.x ? { x: content.x } : {}),
    ...(content.youtube ? { youtube: content.youtube } : {}),
  };
}

/**
 * An edit on top of the current content. A platform's stored block is dropped when the edit
 * removes that platform's channels; a block the edit itself sends is kept (and then refused).
 */
export function mergeContentInput(
  base: ContentInput,
  patch: Partial<ContentInput>,
  targeted: Set<ChannelPlatform>,
): ContentInput {
  const merged: ContentInput = {
    channelIds: patch.channelIds ?? base.channelIds,
    categories: patch.categories ?? base.categories,
    mediaIds: patch.mediaIds,
    x: patch.x || base.x ? { ...base.x, ...definedFields(patch.x) } : undefined,
    youtube:
      patch.youtube || base.youtube
        ? { ...base.youtube, ...definedFields(patch.youtube) }
        : undefined,
  };
  if (patch.text !== undefined) merged.x = { ...merged.x, text: patch.text };
  if (patch.mediaIds) replaceAttachments(merged, patch);
  if (!targeted.has('x') && patch.x === undefined && patch.text === undefined) delete merged.x;
  if (!targeted.has('youtube') && patch.youtube === undefined) delete merged.youtube;
  return merged;
}

/** `mediaIds` in an edit replaces the attached media that the edit does not name otherwise. */
function replaceAttachments(merged: ContentInput, patch: Partial<ContentInput>): void {
  if (merged.x && !patch.x?.images) merged.x = { ...merged.x, images: [] };
  if (merged.youtube) {
    merged.youtube = {
      ...merged.youtube,
      videoMediaId: patch.youtube?.videoMediaId,
      captionMediaId: patch.youtube?.captionMediaId,
    };
  }
}

/** Validates the input against the channels and media it names and returns canonical content. */
export function composeContent(
  input: ContentInput,
  channels: ChannelRef[],
  media: MediaRef[],
): PostContent {
  const channelIds = [...new Set(input.channelIds)].sort();
  const platforms = targetedPlatforms(channelIds, channels);
  const kinds = new Map(media.map((m) => [m.id, m.kind]));
  const loose = (input.mediaIds ?? []).map((id, i) => ({
    id,
    kind: mediaKind(kinds, id, `mediaIds[${i}]`),
  }));
  const looseOf = (kind: MediaKind) => loose.filter((m) => m.kind === kind).map((m) => m.id);
  if (looseOf('video').length > 0 && !platforms.has('youtube')) {
    throw new InvalidInputError(
      'mediaIds',
      'mediaIds contains a video, but no YouTube channel is targeted (X posts take images)',
    );
  }
  if (looseOf('image').length > 0 && !platforms.has('x')) {
    throw new InvalidInputError(
      'mediaIds',
      'mediaIds contains an image, but no X channel is targeted (use youtube.thumbnailMediaId)',
    );
  }
  refuseUntargeted(input, platforms);
  return {
    channelIds,
    categories: [...new Set(input.categories ?? [])].sort(byCategoryOrder),
    x: platforms.has('x') ? composeX(input, looseOf('image'), kinds) : null,
    youtube: platforms.has('youtube')
      ? composeYoutube(input.youtube ?? {}, looseOf('video'), looseOf('caption'), kinds)
      : null,
  };
}

export function targetedPlatforms(channelIds: string[], channels: ChannelRef[]) {
  const byId = new Map(channels.map((c) => [c.id, c]));
  const unknown = channelIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new InvalidInputError('channelIds', `channelIds names unknown channels: ${unknown}`);
  }
  const disconnected = channelIds.filter((id) => byId.get(id)?.status === 'disconnected');
  if (disconnected.length > 0) {
    throw new InvalidInputError(
      'channelIds',
      `channelIds names disconnected channels (reconnect them first): ${disconnected}`,
    );
  }
  return new Set(channelIds.map((id) => byId.get(id)!.platform));
}

const byCategoryOrder = (a: ContentCategory, b: ContentCategory) =>
  CONTENT_CATEGORIES.indexOf(a) - CONTENT_CATEGORIES.indexOf(b);

function refuseUntargeted(input: ContentInput, platforms: Set<ChannelPlatform>): void {
  if (!platforms.has('x') && (input.x || input.text !== undefined)) {
    const field = input.x ? 'x' : 'text';
    throw new InvalidInputError(field, `${field} is given, but no X channel is targeted`);
  }
  if (!platforms.has('youtube') && input.youtube) {
    throw new InvalidInputError('youtube', 'youtube is given, but no YouTube channel is targeted');
  }
}

function mediaKind(kinds: Map<string, MediaKind>, id: string, field: string): MediaKind {
  const kind = kinds.get(id);
  if (!kind) throw new InvalidInputError(field, `${field}: no media ${id} in this organization`);
  return kind;
}

function expectKind(kinds: Map<string, MediaKind>, id: string, field: string, kind: MediaKind) {
  const actual = mediaKind(kinds, id, field);
  if (actual !== kind) {
    throw new InvalidInputError(field, `${field} must be ${kind} media, not ${actual}`);
  }
}

function composeX(
  input: ContentInput,
  looseImages: string[],
  kinds: Map<string, MediaKind>,
): XContent {
  const listed = input.x?.images ?? [];
  const first = composeTweet(
    {
      text: input.x?.text ?? input.text ?? '',
      images: [
        ...listed,
        ...looseImages
          .filter((id) => !listed.some((i) => i.mediaId === id))
          .map((mediaId) => ({ mediaId })),
      ],
    },
    'x',
    kinds,
  );
  const replies = input.x?.thread ?? [];
  if (replies.length > X_MAX_THREAD_REPLIES) {
    throw new InvalidInputError(
      'x.thread',
      `x.thread allows at most ${X_MAX_THREAD_REPLIES} tweets after the first (25 in all)`,
    );
  }
  const thread = replies.map((reply, i) => composeTweet(reply, `x.thread[${i}]`, kinds));
  return thread.length > 0 ? { ...first, thread } : first;
}

/** One tweet checked as X checks it; `field` names it in errors (`x`, `x.thread[2]`). */
function composeTweet(input: XTweetInput, field: string, kinds: Map<string, MediaKind>): XTweet {
  const images: XImage[] = (input.images ?? []).map((i) => ({
    mediaId: i.mediaId,
    altText: i.altText ?? '',
  }));
  if (images.length > X_MAX_IMAGES) {
    throw new InvalidInputError(
      `${field}.images`,
      `${field}.images allows at most ${X_MAX_IMAGES} images`,
    );
  }
  images.forEach((image, i) => {
    expectKind(kinds, image.mediaId, `${field}.images[${i}].mediaId`, 'image');
    if (image.altText.length > X_MAX_ALT_TEXT) {
      throw new InvalidInputError(
        `${field}.images[${i}].altText`,
        `${field}.images[${i}].altText allows at most ${X_MAX_ALT_TEXT} characters`,
      );
    }
  });
  const tweet = { text: input.text ?? '', images };
  checkXText(tweet, `${field}.text`);
  return tweet;
}

function checkXText({ text, images }: XTweet, field: string): void {
  if (text.trim() === '' && images.length === 0) {
    throw new InvalidInputError(field, `${field} is required when a tweet has no image`);
  }
  if (text === '') return;
  const parsed = parseTweet(text);
  if (parsed.weightedLength > X_MAX_WEIGHTED_LENGTH) {
    throw new InvalidInputError(
      field,
      `${field} is ${parsed.weightedLength} weighted characters; X allows ${X_MAX_WEIGHTED_LENGTH}`,
    );
  }
  if (!parsed.valid) throw new InvalidInputError(field, `${field} has characters X refuses`);
}

function composeYoutube(
  input: YoutubeInput,
  looseVideos: string[],
  looseCaptions: string[],
  kinds: Map<string, MediaKind>,
): YoutubeContent {
  const videoMediaId = input.videoMediaId ?? looseVideos[0];
  if (!videoMediaId || looseVideos.length > 1) {
    throw new InvalidInputError('youtube.videoMediaId', 'a YouTube post needs exactly one video');
  }
  expectKind(kinds, videoMediaId, 'youtube.videoMediaId', 'video');
  const youtube: YoutubeContent = {
    videoMediaId,
    title: (input.title ?? '').trim(),
    description: input.description ?? '',
    tags: (input.tags ?? []).map((t) => t.trim()).filter((t) => t !== ''),
    categoryId: input.categoryId ?? YOUTUBE_DEFAULT_CATEGORY,
    privacyStatus: input.privacyStatus ?? 'public',
    madeForKids: input.madeForKids as boolean,
    thumbnailMediaId: input.thumbnailMediaId ?? null,
    captionMediaId: input.captionMediaId ?? looseCaptions[0] ?? null,
  };
  if (youtube.thumbnailMediaId) {
    expectKind(kinds, youtube.thumbnailMediaId, 'youtube.thumbnailMediaId', 'image');
  }
  if (youtube.captionMediaId) {
    expectKind(kinds, youtube.captionMediaId, 'youtube.captionMediaId', 'caption');
  }
  checkYoutubeText(youtube);
  if (typeof input.madeForKids !== 'boolean') {
    throw new InvalidInputError(
      'youtube.madeForKids',
      'youtube.madeForKids must be declared true or false (COPPA)',
    );
  }
  return youtube;
}

function checkYoutubeText({ title, description, tags, categoryId }: YoutubeContent): void {
  const angle = /[<>]/;
  if (title === '' || [...title].length > YOUTUBE_MAX_TITLE || angle.test(title)) {
    throw new InvalidInputError(
      'youtube.title',
      `youtube.title must be 1 to ${YOUTUBE_MAX_TITLE} characters without < or >`,
    );
  }
  const bytes = Buffer.byteLength(description, 'utf8');
  if (bytes > YOUTUBE_MAX_DESCRIPTION_BYTES || angle.test(description)) {
    throw new InvalidInputError(
      'youtube.description',
      `youtube.description must be at most ${YOUTUBE_MAX_DESCRIPTION_BYTES} bytes without < or > (it is ${bytes})`,
    );
  }
  const tagsLength = youtubeTagsLength(tags);
  if (tagsLength > YOUTUBE_MAX_TAGS_LENGTH || tags.some((t) => angle.test(t))) {
    throw new InvalidInputError(
      'youtube.tags',
      `youtube.tags must total at most ${YOUTUBE_MAX_TAGS_LENGTH} characters (they total ${tagsLength})`,
    );
  }
  if (!/^\d{1,4}$/.test(categoryId)) {
    throw new InvalidInputError(
      'youtube.categoryId',
      'youtube.categoryId must be a number, e.g. 22',
    );
  }
}

/** As YouTube counts: a comma between tags, and quotes around a tag that has a space. */
export function youtubeTagsLength(tags: string[]): number {
  const own = tags.reduce((sum, t) => sum + [...t].length + (t.includes(' ') ? 2 : 0), 0);
  return own + Math.max(0, tags.length - 1);
}
