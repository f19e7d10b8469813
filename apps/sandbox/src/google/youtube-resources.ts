import { createHash } from 'node:crypto';
import type { youtube_v3 } from 'googleapis';
import {
  GoogleAccount,
  GoogleState,
  StoredCaption,
  StoredComment,
  StoredVideo,
  videoViews,
} from './google-state';

/** Renders stored state as YouTube Data API v3 resources (the googleapis `Schema$…` shapes). */

export const VIDEO_PARTS = [
  'id',
  'snippet',
  'status',
  'statistics',
  'contentDetails',
  'processingDetails',
  'fileDetails',
  'player',
  'recordingDetails',
  'topicDetails',
  'localizations',
  'liveStreamingDetails',
  'paidProductPlacementDetails',
  'suggestions',
] as const;

export const rfc3339 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const etag = (value: unknown) =>
  createHash('sha1').update(JSON.stringify(value)).digest('base64url').slice(0, 27);

export function listResponse<T>(kind: string, items: T[], extra: object = {}) {
  const pageInfo = { totalResults: items.length, resultsPerPage: items.length };
  return { kind: `youtube#${kind}ListResponse`, etag: etag(items), pageInfo, ...extra, items };
}

function videoStatistics(
  state: GoogleState,
  video: StoredVideo,
): youtube_v3.Schema$VideoStatistics {
  const views = videoViews(video, state.now());
  const comments = [...state.comments.values()].filter((c) => c.videoId === video.id).length;
  return {
    viewCount: String(views),
    likeCount: String(Math.floor(views / 25)),
    favoriteCount: '0',
    commentCount: String(comments),
  };
}

export const thumbnails = (id: string) => ({
  default: { url: `https://i.ytimg.com/vi/${id}/default.jpg`, width: 120, height: 90 },
  medium: { url: `https://i.ytimg.com/vi/${id}/mqdefault.jpg`, width: 320, height: 180 },
  high: { url: `https://i.ytimg.com/vi/${id}/hqdefault.jpg`, width: 480, height: 360 },
});

export function renderVideo(state: GoogleState, video: StoredVideo, parts: Set<string>) {
  const channel = state.accounts.get(video.channelId);
  const resource: youtube_v3.Schema$Video = {
    kind: 'youtube#video',
    etag: etag(video),
    id: video.id,
  };
  if (parts.has('snippet')) {
    resource.snippet = {
      publishedAt: rfc3339(video.publishedAt ?? video.uploadedAt),
      channelId: video.channelId,
      title: video.title,
      description: video.description,
      thumbnails: thumbnails(video.id),
      channelTitle: channel?.title,
      tags: video.tags.length > 0 ? video.tags : undefined,
      categoryId: video.categoryId,
      liveBroadcastContent: 'none',
      localized: { title: video.title, description: video.description },
    };
  }
  if (parts.has('status')) {
    resource.status = {
      uploadStatus: 'processed',
      privacyStatus: video.privacyStatus,
      publishAt: video.publishAt && rfc3339(video.publishAt),
      license: video.license,
      embeddable: video.embeddable,
      publicStatsViewable: video.publicStatsViewable,
      madeForKids: video.madeForKids,
      selfDeclaredMadeForKids: video.madeForKids,
    };
  }
  if (parts.has('statistics')) resource.statistics = videoStatistics(state, video);
  if (parts.has('contentDetails')) {
    const caption = [...state.captions.values()].some((c) => c.videoId === video.id);
    resource.contentDetails = {
      duration: 'PT1M',
      dimension: '2d',
      definition: 'hd',
      caption: String(caption),
      licensedContent: false,
      projection: 'rectangular',
    };
  }
  if (parts.has('processingDetails')) {
    resource.processingDetails = {
      processingStatus: 'succeeded',
      thumbnailsAvailability: 'available',
    };
  }
  return resource;
}

export function renderChannel(state: GoogleState, account: GoogleAccount, parts: Set<string>) {
  const resource: youtube_v3.Schema$Channel = {
    kind: 'youtube#channel',
    etag: etag(account),
    id: account.channelId,
  };
  if (parts.has('snippet')) {
    resource.snippet = {
      title: account.title,
      description: account.description,
      customUrl: account.handle,
      publishedAt: rfc3339(account.createdAt),
      thumbnails: thumbnails(account.channelId),
      localized: { title: account.title, description: account.description },
    };
  }
  if (parts.has('statistics')) resource.statistics = channelStatistics(state, account);
  if (parts.has('contentDetails')) {
    resource.contentDetails = {
      relatedPlaylists: { likes: '', uploads: uploadsPlaylistId(account.channelId) },
    };
  }
  return resource;
}

/** Subscribers grow each hour by about 0.02% of the base (at least one). */
function channelStatistics(
  state: GoogleState,
  account: GoogleAccount,
): youtube_v3.Schema$ChannelStatistics {
  const hours = (state.now().getTime() - account.createdAt.getTime()) / 3_600_000;
  const perHour = Math.max(1, account.subscribers / 5000);
  const videos = state.allVideos().filter((v) => v.channelId === account.channelId && !v.deletedAt);
  const views = videos.reduce((sum, v) => sum + Number(videoStatistics(state, v).viewCount), 0);
  return {
    viewCount: String(views),
    subscriberCount: String(account.subscribers + Math.floor(hours * perHour)),
    hiddenSubscriberCount: false,
    videoCount: String(videos.filter((v) => v.privacyStatus === 'public').length),
  };
}

/** A channel's uploads playlist id: its channel id with UC replaced by UU, as on YouTube. */
export const uploadsPlaylistId = (channelId: string) => `UU${channelId.slice(2)}`;

export function renderPlaylistItem(state: GoogleState, video: StoredVideo, position: number) {
  const channel = state.accounts.get(video.channelId);
  const snippet: youtube_v3.Schema$PlaylistItemSnippet = {
    publishedAt: rfc3339(video.uploadedAt),
    channelId: video.channelId,
    title: video.title,
    description: video.description,
    thumbnails: thumbnails(video.id),
    channelTitle: channel?.title,
    playlistId: uploadsPlaylistId(video.channelId),
    position,
    resourceId: { kind: 'youtube#video', videoId: video.id },
    videoOwnerChannelTitle: channel?.title,
    videoOwnerChannelId: video.channelId,
  };
  const item: youtube_v3.Schema$PlaylistItem = {
    kind: 'youtube#playlistItem',
    etag: etag(video),
    id: Buffer.from(`${snippet.playlistId}.${video.id}`).toString('base64url'),
    snippet,
    contentDetails: { videoId: video.id, videoPublishedAt: snippet.publishedAt },
    status: { privacyStatus: video.privacyStatus },
  };
  return item;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>');

export function renderComment(state: GoogleState, comment: StoredComment, textFormat: string) {
  const author = state.accounts.get(comment.authorChannelId);
  const handle = author?.handle ?? `@${comment.authorName.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  const resource: youtube_v3.Schema$Comment = {
    kind: 'youtube#comment',
    etag: etag(comment),
    id: comment.id,
    snippet: {
      channelId: comment.channelId,
      videoId: comment.videoId,
      textDisplay: textFormat === 'plainText' ? comment.text : escapeHtml(comment.text),
      textOriginal: comment.text,
      parentId: comment.parentId,
      authorDisplayName: author?.title ?? comment.authorName,
      authorProfileImageUrl: `https://yt3.ggpht.com/ytc/${comment.authorChannelId}=s48`,
      authorChannelUrl: `http://www.youtube.com/${handle}`,
      authorChannelId: { value: comment.authorChannelId },
      canRate: true,
      viewerRating: 'none',
      likeCount: 0,
      publishedAt: rfc3339(comment.publishedAt),
      updatedAt: rfc3339(comment.publishedAt),
    },
  };
  return resource;
}

export function renderCommentThread(
  state: GoogleState,
  top: StoredComment,
  parts: Set<string>,
  textFormat: string,
) {
  const replies = [...state.comments.values()].filter((c) => c.parentId === top.id);
  const thread: youtube_v3.Schema$CommentThread = {
    kind: 'youtube#commentThread',
    etag: etag(top),
    id: top.id,
  };
  if (parts.has('snippet')) {
    thread.snippet = {
      channelId: top.channelId,
      videoId: top.videoId,
      topLevelComment: renderComment(state, top, textFormat),
      canReply: true,
      totalReplyCount: replies.length,
      isPublic: true,
    };
  }
  if (parts.has('replies') && replies.length > 0) {
    thread.replies = { comments: replies.map((reply) => renderComment(state, reply, textFormat)) };
  }
  return thread;
}

export function renderCaption(caption: StoredCaption): youtube_v3.Schema$Caption {
  return {
    kind: 'youtube#caption',
    etag: etag(caption),
    id: caption.id,
    snippet: {
      videoId: caption.videoId,
      lastUpdated: rfc3339(caption.insertedAt),
      trackKind: 'standard',
      language: caption.language,
      name: caption.name,
      audioTrackType: 'unknown',
      isCC: false,
      isLarge: false,
      isEasyReader: false,
      isDraft: false,
      isAutoSynced: false,
      status: 'serving',
    },
  };
}
