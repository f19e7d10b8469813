import type { Auth, youtube_v3 } from 'googleapis';
import type {
  AuthorizationRequest,
  IncomingMessage,
  MetricCounters,
  PlatformAccount,
  PublishedItem,
  TokenSet,
} from '../platform-client';
import { PlatformError } from '../platform-error';
import { findReply, postReply, readComments } from './youtube-comments';
import { isRefusal } from './youtube-errors';
import {
  insertCaptionFile,
  published,
  setThumbnailFile,
  uploadVideoFile,
  UploadLimits,
  YoutubeUploadInput,
} from './youtube-media';
import { DEFAULT_YOUTUBE_QUOTA_COSTS, YoutubeOperation, YoutubeQuotaCosts } from './youtube-quota';
import { RESUMABLE_CHUNK_UNIT, ResumableSession } from './youtube-resumable-upload';
import { YoutubeTransport } from './youtube-transport';

export interface YoutubeClientOptions {
  /** GOOGLE_API_BASE_URL: every Data API call and upload goes under it. */
  apiBaseUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  quotaCosts?: Partial<YoutubeQuotaCosts>;
  /** Bytes per resumable PUT, a multiple of 256 KiB (default 8 MiB). */
  chunkSizeBytes?: number;
  /** Files up to this size go in one multipart request; larger ones resumable (default 5 MiB). */
  multipartMaxBytes?: number;
  /** Per request, each chunk PUT included (default 120 s). */
  timeoutMs?: number;
  /** For the create calls, go-live and a comment reply (default 10 s). */
  createTimeoutMs?: number;
}

export type { YoutubeUploadInput };
export type YoutubePrivacy = YoutubeUploadInput['privacyStatus'];

export const YOUTUBE_SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.readonly',
  'https://www.googleapis.com/auth/youtube.force-ssl',
];

const MiB = 1024 * 1024;
const METRICS_BATCH = 50;
const RECENT_UPLOADS = 50;

/** YouTube through `googleapis`, every URL from configuration, every failure a PlatformError. */
export class YoutubeClient {
  private readonly transport: YoutubeTransport;
  private readonly costs: YoutubeQuotaCosts;
  private readonly limits: UploadLimits;

  constructor(options: YoutubeClientOptions) {
    this.transport = new YoutubeTransport({
      ...options,
      timeoutMs: options.timeoutMs ?? 120_000,
      createTimeoutMs: options.createTimeoutMs ?? 10_000,
    });
    this.costs = { ...DEFAULT_YOUTUBE_QUOTA_COSTS, ...options.quotaCosts };
    this.limits = {
      chunkSizeBytes: options.chunkSizeBytes ?? 8 * MiB,
      multipartMaxBytes: options.multipartMaxBytes ?? 5 * MiB,
    };
    const chunk = this.limits.chunkSizeBytes;
    if (chunk <= 0 || chunk % RESUMABLE_CHUNK_UNIT !== 0) {
      throw new Error(`chunkSizeBytes must be a positive multiple of ${RESUMABLE_CHUNK_UNIT}`);
    }
  }

  /** Units one call of `operation` costs, from the default table or the given overrides. */
  static quotaCost(
    operation: YoutubeOperation,
    overrides: Partial<YoutubeQuotaCosts> = {},
  ): number {
    return overrides[operation] ?? DEFAULT_YOUTUBE_QUOTA_COSTS[operation];
  }

  /** This client's (configured) cost of `operation`. */
  quotaCost(operation: YoutubeOperation): number {
    return this.costs[operation];
  }

  buildAuthorizeUrl(redirectUri: string, state: string): AuthorizationRequest {
    const url = this.transport.oauth().generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: true,
      scope: YOUTUBE_SCOPES,
      redirect_uri: redirectUri,
      state,
    });
    return { url };
  }

  async exchangeCode(
    code: string,
    redirectUri: string,
  ): Promise<{ tokens: TokenSet; account: PlatformAccount }> {
    const { tokens } = await this.transport.call('idempotent', () =>
      this.transport.oauth().getToken({ code, redirect_uri: redirectUri }),
    );
    const tokenSet = toTokenSet(tokens);
    const { externalId, handle, displayName } = await this.getChannel(tokenSet.accessToken);
    return { tokens: tokenSet, account: { externalId, handle, displayName } };
  }

  /** A new access token; `refreshToken` is set only when Google rotated it. */
  async refresh(refreshToken: string): Promise<TokenSet> {
    const auth = this.transport.oauth();
    auth.setCredentials({ refresh_token: refreshToken });
    // A copy of the raw response: the library then overwrites its refresh_token with the old one.
    let issued: Auth.Credentials = {};
    auth.on('tokens', (tokens) => (issued = { ...tokens }));
    await this.transport.call('idempotent', () => auth.getAccessToken());
    return toTokenSet(issued);
  }

  async getChannel(accessToken: string): Promise<PlatformAccount & { subscribers: number }> {
    const channel = await this.myChannel(accessToken, ['snippet', 'statistics']);
    return {
      externalId: channel.id ?? '',
      handle: channel.snippet?.customUrl ?? channel.id ?? '',
      displayName: channel.snippet?.title ?? '',
      subscribers: Number(channel.statistics?.subscriberCount ?? 0),
    };
  }

  /**
   * Uploads the video: multipart up to `multipartMaxBytes`, otherwise resumable in chunks. A new
   * session is handed to `session.onSession` before any byte is sent; passing its URI back as
   * `session.uri` resumes from what YouTube kept (or returns the video if it was complete).
   */
  uploadVideo(
    accessToken: string,
    input: YoutubeUploadInput,
    session?: ResumableSession,
  ): Promise<PublishedItem> {
    return uploadVideoFile(this.transport, accessToken, input, this.limits, session);
  }

  setThumbnail(
    accessToken: string,
    videoId: string,
    filePath: string,
    mimeType: string,
  ): Promise<void> {
    return setThumbnailFile(this.transport, accessToken, videoId, { filePath, mimeType });
  }

  /** Adds a caption track; one already there with the same language and name counts as done. */
  insertCaption(
    accessToken: string,
    videoId: string,
    input: { filePath: string; language: string; name: string },
  ): Promise<void> {
    return insertCaptionFile(this.transport, accessToken, videoId, input);
  }

  /** Sets privacy; `publishAt` null clears the schedule, undefined keeps it while the video stays private. */
  async updateVisibility(
    accessToken: string,
    videoId: string,
    input: { privacyStatus: YoutubePrivacy; publishAt?: Date | null },
  ): Promise<void> {
    const { youtube } = this.transport;
    const auth = this.transport.authFor(accessToken);
    const current = await this.transport.call('idempotent', () =>
      youtube.videos.list({ auth, part: ['status'], id: [videoId] }, this.transport.options()),
    );
    const status = current.data.items?.[0]?.status;
    if (!status) throw new PlatformError('content', `YouTube video ${videoId} not found`, 404);
    const kept = input.privacyStatus === 'private' ? status.publishAt : undefined;
    const publishAt = input.publishAt === undefined ? kept : input.publishAt?.toISOString();
    // videos.update replaces the whole status part: the writable fields not changed go back as they were.
    const { embeddable, license, publicStatsViewable, selfDeclaredMadeForKids } = status;
    const writable = { embeddable, license, publicStatsViewable, selfDeclaredMadeForKids };
    const requestBody = {
      id: videoId,
      status: { ...writable, privacyStatus: input.privacyStatus, publishAt },
    };
    await this.transport.call('idempotent', () =>
      youtube.videos.update(
        { auth, part: ['status'], requestBody },
        this.transport.createOptions(),
      ),
    );
  }

  /** Deletes the video; one already gone counts as deleted. */
  async deleteVideo(accessToken: string, videoId: string): Promise<void> {
    const auth = this.transport.authFor(accessToken);
    try {
      await this.transport.call('idempotent', () =>
        this.transport.youtube.videos.delete({ auth, id: videoId }, this.transport.options()),
      );
    } catch (error) {
      if (!isRefusal(error, 404)) throw error;
    }
  }

  /**
   * For an in-doubt upload: the channel's newest upload since `since` with this title and our
   * upload tag, if any (playlist items carry no tags: the candidates' snippets are read).
   */
  async findRecentUpload(
    accessToken: string,
    { title, uploadTag, since }: { title: string; uploadTag: string; since: Date },
  ): Promise<PublishedItem | null> {
    const channel = await this.myChannel(accessToken, ['contentDetails']);
    const playlistId = channel.contentDetails?.relatedPlaylists?.uploads;
    if (!playlistId) return null;
    const auth = this.transport.authFor(accessToken);
    const page = await this.transport.call('idempotent', () =>
      this.transport.youtube.playlistItems.list(
        { auth, part: ['snippet'], playlistId, maxResults: RECENT_UPLOADS },
        this.transport.options(),
      ),
    );
    // YouTube's timestamps have whole seconds.
    const from = Math.floor(since.getTime() / 1000) * 1000;
    const candidates = (page.data.items ?? []).flatMap(({ snippet }) =>
      snippet?.title === title && Date.parse(snippet.publishedAt ?? '') >= from
        ? [snippet.resourceId?.videoId ?? '']
        : [],
    );
    if (candidates.length === 0) return null;
    const videos = await this.transport.call('idempotent', () =>
      this.transport.youtube.videos.list(
        { auth, part: ['snippet'], id: candidates, maxResults: RECENT_UPLOADS },
        this.transport.options(),
      ),
    );
    const tagged = new Set(
      (videos.data.items ?? [])
        .filter((v) => v.snippet?.tags?.includes(uploadTag))
        .map((v) => v.id),
    );
    const videoId = candidates.find((id) => tagged.has(id));
    return videoId ? published(videoId) : null;
  }

  /** Views, likes and comments per video id, 50 ids a request; deleted videos are absent. */
  async getMetrics(accessToken: string, ids: string[]): Promise<Map<string, MetricCounters>> {
    const auth = this.transport.authFor(accessToken);
    const metrics = new Map<string, MetricCounters>();
    for (let start = 0; start < ids.length; start += METRICS_BATCH) {
      const id = ids.slice(start, start + METRICS_BATCH);
      const res = await this.transport.call('idempotent', () =>
        this.transport.youtube.videos.list(
          { auth, part: ['statistics'], id, maxResults: METRICS_BATCH },
          this.transport.options(),
        ),
      );
      for (const { id: videoId, statistics } of res.data.items ?? []) {
        metrics.set(videoId ?? '', {
          views: Number(statistics?.viewCount ?? 0),
          likes: Number(statistics?.likeCount ?? 0),
          comments: Number(statistics?.commentCount ?? 0),
        });
      }
    }
    return metrics;
  }

  /** Top-level comments by others on these videos; deleted videos or closed comments are skipped. */
  getComments(accessToken: string, videoIds: string[]): Promise<IncomingMessage[]> {
    return readComments(this.transport, accessToken, videoIds);
  }

  reply(accessToken: string, parentCommentId: string, text: string): Promise<PublishedItem> {
    return postReply(this.transport, accessToken, parentCommentId, text);
  }

  /** For an in-doubt reply: our channel's reply with this text under `parentId`, if any. */
  findReply(
    accessToken: string,
    input: { parentId: string; channelId: string; text: string },
  ): Promise<PublishedItem | null> {
    return findReply(this.transport, accessToken, input);
  }

  private async myChannel(accessToken: string, part: string[]): Promise<youtube_v3.Schema$Channel> {
    const auth = this.transport.authFor(accessToken);
    const res = await this.transport.call('idempotent', () =>
      this.transport.youtube.channels.list({ auth, part, mine: true }, this.transport.options()),
    );
    const channel = res.data.items?.[0];
    if (!channel?.id) {
      throw new PlatformError('content', 'This Google account has no YouTube channel');
    }
    return channel;
  }
}

function toTokenSet(tokens: Auth.Credentials): TokenSet {
  if (!tokens.access_token) throw new PlatformError('auth', 'Google returned no access token');
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? undefined,
    expiresAt: tokens.expiry_date ? new Date(tokens.expiry_date) : undefined,
    scopes: (tokens.scope ?? '').split(' ').filter(Boolean),
  };
}
