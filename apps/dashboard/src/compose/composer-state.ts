import type { Schemas } from '../api/schema-types';
import type { Channel } from '../channels/channels-queries';
import type { PostDetail } from '../posts/post-model';

export const CATEGORY_OPTIONS = [
  { value: 'patient_story', label: 'Patient story' },
  { value: 'minors', label: 'Shows or concerns minors' },
  { value: 'clinical_claim', label: 'Clinical claim' },
  { value: 'drug_or_device', label: 'Drug or device mention' },
  { value: 'crisis', label: 'Crisis communication' },
];

type Category = NonNullable<Schemas['CreatePostDto']['categories']>[number];
type Privacy = 'public' | 'unlisted' | 'private';

/** A tracked short link the composer knows: reserved here, or stored in the post's content. */
export type LinkDraft = Schemas['LinkReservationDto'];

export interface ImageDraft {
  mediaId: string;
  altText: string;
}

/** A tweet after the first of an X thread. */
export interface TweetDraft {
  text: string;
  images: ImageDraft[];
}

/** A thread is at most 25 tweets: the first and 24 in reply. */
export const MAX_THREAD_REPLIES = 24;

export interface ComposerState {
  channelIds: string[];
  /** Wall-clock `YYYY-MM-DD HH:mm:ss` in the organization's zone, as the picker gives it. */
  scheduledAt: string | null;
  categories: string[];
  campaign: string;
  xText: string;
  images: ImageDraft[];
  /** The tweets after the first, each published in reply to the one before. */
  thread: TweetDraft[];
  videoMediaId: string | null;
  title: string;
  description: string;
  tags: string[];
  privacyStatus: Privacy;
  madeForKids: boolean | null;
  thumbnailMediaId: string | null;
  captionMediaId: string | null;
  /** Short links reserved or stored; the texts say which are in use. */
  links: LinkDraft[];
}

export const EMPTY_COMPOSER: ComposerState = {
  channelIds: [],
  scheduledAt: null,
  categories: [],
  campaign: '',
  xText: '',
  images: [],
  thread: [],
  videoMediaId: null,
  title: '',
  description: '',
  tags: [],
  privacyStatus: 'public',
  madeForKids: null,
  thumbnailMediaId: null,
  captionMediaId: null,
  links: [],
};

export function fromPost(post: PostDetail): ComposerState {
  const content = post.revision.content;
  const yt = content.youtube;
  return {
    channelIds: content.channelIds,
    scheduledAt: post.scheduledAtLocal.slice(0, 19).replace('T', ' '),
    categories: content.categories,
    campaign: post.campaign ?? '',
    xText: content.x?.text ?? '',
    images: content.x?.images ?? [],
    thread: content.x?.thread ?? [],
    videoMediaId: yt?.videoMediaId ?? null,
    title: yt?.title ?? '',
    description: yt?.description ?? '',
    tags: yt?.tags ?? [],
    privacyStatus: yt?.privacyStatus ?? 'public',
    madeForKids: yt?.madeForKids ?? null,
    thumbnailMediaId: yt?.thumbnailMediaId ?? null,
    captionMediaId: yt?.captionMediaId ?? null,
    links: [...(content.x?.links ?? []), ...(yt?.links ?? [])].map(({ code, shortUrl, url }) => ({
      code,
      shortUrl,
      url,
    })),
  };
}

export function platformsOf(state: ComposerState, channels: Channel[]) {
  const chosen = channels.filter((c) => state.channelIds.includes(c.id));
  return {
    x: chosen.some((c) => c.platform === 'x'),
    youtube: chosen.some((c) => c.platform === 'youtube'),
  };
}

/** The body of POST /posts (and PATCH): only the sections of the platforms chosen. */
export function toRequest(state: ComposerState, channels: Channel[]): Schemas['CreatePostDto'] {
  const platforms = platformsOf(state, channels);
  return {
    channelIds: state.channelIds,
    scheduledAt: (state.scheduledAt ?? '').replace(' ', 'T'),
    categories: state.categories as Category[],
    campaign: state.campaign.trim() || null,
    // The thread always goes along, empty too, so an edit that removes its tweets removes them.
    ...(platforms.x
      ? { x: { text: state.xText, images: state.images, thread: state.thread } }
      : {}),
    ...(platforms.youtube
      ? {
          youtube: {
            videoMediaId: state.videoMediaId ?? undefined,
            title: state.title,
            description: state.description,
            tags: state.tags,
            privacyStatus: state.privacyStatus,
            madeForKids: state.madeForKids ?? undefined,
            // The API documents these two nullable ids without a type, so they read as objects.
            ...(state.thumbnailMediaId
              ? { thumbnailMediaId: state.thumbnailMediaId as never }
              : {}),
            ...(state.captionMediaId ? { captionMediaId: state.captionMediaId as never } : {}),
          },
        }
      : {}),
  };
}
