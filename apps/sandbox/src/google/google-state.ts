import { createHash, Hash, randomBytes } from 'node:crypto';
import { GOOGLE_DEMO_ACCOUNTS, GOOGLE_DEMO_CLIENT_ID } from './google-demo-accounts';
import { GoogleQuotaLedger } from './google-quota-ledger';

export interface GoogleAccount {
  channelId: string;
  title: string;
  handle: string;
  email: string;
  description: string;
  subscribers: number;
  createdAt: Date;
}

export interface AccessGrant {
  channelId: string;
  clientId: string;
  scopes: string[];
  /** Undefined for the demo tokens, which last until restart. */
  expiresAt?: Date;
}

export interface RefreshGrant {
  channelId: string;
  /** Undefined for the demo tokens, which any client may refresh. */
  clientId?: string;
  scopes: string[];
}

export interface AuthCode {
  channelId: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  issueRefreshToken: boolean;
  expiresAt: Date;
}

export type PrivacyStatus = 'private' | 'unlisted' | 'public';

/** The writable metadata of a video, already validated. */
export interface VideoFields {
  title: string;
  description: string;
  tags: string[];
  categoryId: string;
  privacyStatus: PrivacyStatus;
  publishAt?: Date;
  madeForKids: boolean;
  embeddable: boolean;
  license: string;
  publicStatsViewable: boolean;
}

export interface StoredVideo extends VideoFields {
  id: string;
  channelId: string;
  uploadedAt: Date;
  /** The first time it was public or unlisted (snippet.publishedAt); publishAt is refused after. */
  publishedAt?: Date;
  /** Start of the current public or unlisted stretch; views grow only while it is set. */
  publicSince?: Date;
  /** Views gathered in earlier public stretches. */
  earlierViews: number;
  mimeType: string;
  bytesReceived: number;
  sha256: string;
  thumbnail?: { mimeType: string; bytes: number };
  deletedAt?: Date;
}

export interface StoredCaption {
  id: string;
  videoId: string;
  language: string;
  name: string;
  bytes: number;
  insertedAt: Date;
}

export interface StoredComment {
  id: string;
  videoId: string;
  /** The channel that owns the video. */
  channelId: string;
  parentId?: string;
  authorName: string;
  authorChannelId: string;
  text: string;
  publishedAt: Date;
}

export interface UploadSession {
  id: string;
  channelId: string;
  fields: VideoFields;
  parts: string[];
  mimeType: string;
  totalBytes?: number;
  received: number;
  hash: Hash;
  videoId?: string;
  createdAt: Date;
}

export const randomId = (bytes: number) => randomBytes(bytes).toString('base64url');

/** Everything the fake Google knows; `reset()` returns to the boot state (demo accounts only). */
export class GoogleState {
  accounts = new Map<string, GoogleAccount>();
  accessTokens = new Map<string, AccessGrant>();
  refreshTokens = new Map<string, RefreshGrant>();
  codes = new Map<string, AuthCode>();
  /** channelId + clientId pairs that already consented once (Google only re-issues refresh tokens on prompt=consent). */
  consents = new Set<string>();
  videos = new Map<string, StoredVideo>();
  captions = new Map<string, StoredCaption>();
  comments = new Map<string, StoredComment>();
  uploads = new Map<string, UploadSession>();
  quota: GoogleQuotaLedger;

  constructor(readonly now: () => Date) {
    this.reset();
  }

  reset(): void {
    for (const map of [this.accounts, this.accessTokens, this.refreshTokens, this.codes]) {
      map.clear();
    }
    for (const map of [this.videos, this.captions, this.comments, this.uploads]) map.clear();
    this.consents.clear();
    this.quota = new GoogleQuotaLedger(this.now);
    this.quota.register(GOOGLE_DEMO_CLIENT_ID);
    for (const demo of GOOGLE_DEMO_ACCOUNTS) {
      const { accessToken, refreshToken, scopes, ...account } = demo;
      this.accounts.set(demo.channelId, { ...account, createdAt: this.now() });
      const grant = { channelId: demo.channelId, scopes };
      this.accessTokens.set(accessToken, { ...grant, clientId: GOOGLE_DEMO_CLIENT_ID });
      this.refreshTokens.set(refreshToken, grant);
    }
  }

  /** An account by channel id or e-mail. */
  findAccount(key: string): GoogleAccount | undefined {
    return this.accounts.get(key) ?? [...this.accounts.values()].find((a) => a.email === key);
  }

  /** A live video with its schedule applied: private + publishAt turns public once the clock passes it. */
  video(id: string): StoredVideo | undefined {
    const video = this.videos.get(id);
    if (!video || video.deletedAt) return undefined;
    return this.settle(video);
  }

  allVideos(): StoredVideo[] {
    return [...this.videos.values()].map((video) => this.settle(video));
  }

  /** Stores an uploaded video; it is processed at once. */
  addVideo(
    channelId: string,
    fields: VideoFields,
    media: { mimeType: string; bytes: number; sha256: string },
  ) {
    const { privacyStatus, ...rest } = fields;
    const video: StoredVideo = {
      ...rest,
      privacyStatus: 'private',
      id: randomId(9).slice(0, 11),
      channelId,
      uploadedAt: this.now(),
      earlierViews: 0,
      mimeType: media.mimeType,
      bytesReceived: media.bytes,
      sha256: media.sha256,
    };
    this.setPrivacy(video, privacyStatus);
    this.videos.set(video.id, video);
    return video;
  }

  /** A top-level comment, or a reply when `parentId` is set (ids shaped like YouTube's). */
  addComment(
    video: StoredVideo,
    input: Pick<StoredComment, 'authorName' | 'authorChannelId' | 'text' | 'parentId'>,
  ) {
    const id = input.parentId ? `${input.parentId}.${randomId(16)}` : `Ugz${randomId(15)}AaABAg`;
    const comment = {
      ...input,
      id,
      videoId: video.id,
      channelId: video.channelId,
      publishedAt: this.now(),
    };
    this.comments.set(id, comment);
    return comment;
  }

  newUploadSession(session: Omit<UploadSession, 'id' | 'received' | 'hash' | 'createdAt'>) {
    const upload = {
      ...session,
      id: randomId(24),
      received: 0,
      hash: createHash('sha256'),
      createdAt: this.now(),
    };
    this.uploads.set(upload.id, upload);
    return upload;
  }

  /** Moves a video to a privacy status, keeping its view count across private stretches. */
  setPrivacy(video: StoredVideo, privacyStatus: PrivacyStatus, at = this.now()): void {
    const viewable = privacyStatus !== 'private';
    if (viewable && !video.publicSince) {
      Object.assign(video, { publicSince: at, publishedAt: video.publishedAt ?? at });
    }
    if (!viewable && video.publicSince) {
      Object.assign(video, { earlierViews: videoViews(video, at), publicSince: undefined });
    }
    video.privacyStatus = privacyStatus;
  }

  private settle(video: StoredVideo): StoredVideo {
    if (video.privacyStatus === 'private' && video.publishAt && video.publishAt <= this.now()) {
      this.setPrivacy(video, 'public', video.publishAt);
      video.publishAt = undefined;
    }
    return video;
  }
}

/** Views grow while a video is viewable, at a steady per-video rate of 1–4 a minute. */
export function videoViews(video: StoredVideo, now: Date): number {
  const minutes = video.publicSince ? (now.getTime() - video.publicSince.getTime()) / 60_000 : 0;
  const rate = 1 + (createHash('sha1').update(video.id).digest()[0] % 4);
  return video.earlierViews + Math.max(0, Math.floor(minutes * rate));
}
