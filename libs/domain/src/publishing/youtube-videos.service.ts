import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  PlatformError,
  type PublishedItem,
  type YoutubeOperation,
  youtubeUploadTag,
} from '@rounds/platforms';
import { PublicationJobData } from '@rounds/queue';
import { ChannelTokensService } from '../channels/channel-tokens.service';
import { PlatformClients } from '../channels/platform-clients';
import { MediaStorage } from '../media/media-storage';
import { MediaService } from '../media/media.service';
import { YoutubeContent } from '../posts/post-content';
import { PostStatus } from '../lifecycle/statuses';
import { LOOKBACK_MS } from './platform-publisher';
import { approvalStands, loadPublishContext, PublishContext } from './publish-context';
import { YoutubeQuotaService } from './youtube-quota.service';
import { YoutubeUploadEntity } from './youtube-upload.entity';

/** An upload holds its publication's video this long at most (a crashed holder's lease runs out). */
const UPLOAD_LEASE_MS = 30 * 60_000;
/** YouTube refuses a publishAt that is not comfortably in the future. */
const MIN_SCHEDULE_AHEAD_MS = 15_000;

const watchUrl = (videoId: string) => `https://www.youtube.com/watch?v=${videoId}`;

/**
 * The video behind a YouTube publication: uploaded ahead of time as private with `publishAt`, with
 * its thumbnail and captions; made private again (no `publishAt`) when held or paused; deleted when
 * cancelled; made public by the publisher at the post's time. Every call is paid from the quota.
 */
@Injectable()
export class YoutubeVideos {
  private readonly logger = new Logger(YoutubeVideos.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: PlatformClients,
    private readonly quota: YoutubeQuotaService,
    private readonly tokens: ChannelTokensService,
    private readonly media: MediaService,
    private readonly storage: MediaStorage,
  ) {}

  /** The sync job: whatever the publication needs from YouTube now; returns what it did. */
  async sync(ref: PublicationJobData, holder: string): Promise<string> {
    const ctx = await loadPublishContext(this.dataSource.manager, ref);
    if (!ctx) return 'the publication is gone';
    const upload = await this.uploads.findOneBy({ publicationId: ref.publicationId });
    const status = ctx.publication.status;
    if (status === PostStatus.Cancelled) return this.remove(ctx, upload);
    if (status === PostStatus.Held || status === PostStatus.Expired || ctx.organization.pausedAt) {
      return this.unschedule(ctx, upload);
    }
    if (
      status !== PostStatus.Scheduled ||
      !approvalStands(ctx) ||
      ctx.channel.status !== 'connected'
    ) {
      return `nothing to do while ${status}`;
    }
    return this.tokens.withChannel(ctx.channel, async (token) => {
      const videoId = await this.ensureUploaded(ctx, token, holder);
      await this.keepSchedule(ctx, token, videoId);
      return `video ${videoId} is ready`;
    });
  }

  /** The video of the approved content, uploaded (or resumed) under the publication's upload lease. */
  async ensureUploaded(ctx: PublishContext, token: string, holder: string): Promise<string> {
    const upload = await this.lease(ctx, holder);
    try {
      const content = youtubeContent(ctx);
      if (upload.videoId && upload.contentHash !== ctx.publication.approvedContentHash) {
        await this.deleteVideo(token, upload.videoId);
        Object.assign(upload, {
          videoId: null,
          sessionUri: null,
          startedAt: null,
          publishAt: null,
        });
        Object.assign(upload, { thumbnailSet: false, captionsSet: false });
      }
      upload.contentHash = ctx.publication.approvedContentHash;
      if (!upload.videoId && upload.startedAt && !upload.sessionUri) {
        // A one-request upload whose answer was lost may have created the video.
        const since = new Date(upload.startedAt.getTime() - LOOKBACK_MS);
        const found = await this.clients.youtube.findRecentUpload(token, {
          title: content.title,
          uploadTag: youtubeUploadTag(ctx.publication.id),
          since,
        });
        upload.videoId = found?.externalId ?? null;
      }
      if (!upload.videoId) await this.upload(ctx, token, upload, content);
      await this.attachExtras(ctx, token, upload, content);
      return upload.videoId!;
    } finally {
      await this.uploads.update(
        { publicationId: upload.publicationId },
        { leasedUntil: null, leaseHolder: null },
      );
    }
  }

  /** The post's time: the video goes public there (`privacyStatus` from the approved content). */
  async goLive(ctx: PublishContext, token: string, videoId: string): Promise<PublishedItem> {
    await this.spend('videos.update');
    const privacyStatus = youtubeContent(ctx).privacyStatus;
    await this.clients.youtube.updateVisibility(token, videoId, { privacyStatus, publishAt: null });
    await this.uploads.update({ publicationId: ctx.publication.id }, { publishAt: null });
    return { externalId: videoId, url: watchUrl(videoId) };
  }

  private async upload(
    ctx: PublishContext,
    token: string,
    upload: YoutubeUploadEntity,
    content: YoutubeContent,
  ) {
    const [video] = await this.media.findMany(ctx.publication.organizationId, [
      content.videoMediaId,
    ]);
    if (!video) throw new PlatformError('content', 'the approved video no longer exists');
    if (!upload.sessionUri) await this.spend('videos.insert');
    const publishAt = this.desiredPublishAt(ctx);
    upload.startedAt = upload.sessionUri ? upload.startedAt : new Date();
    await this.uploads.save(upload);
    const item = await this.clients.youtube.uploadVideo(
      token,
      {
        filePath: this.filePath(video.storageKey),
        mimeType: video.mimeType,
        sizeBytes: video.sizeBytes,
        title: content.title,
        description: content.description,
        tags: content.tags,
        uploadTag: youtubeUploadTag(ctx.publication.id),
        categoryId: content.categoryId,
        privacyStatus: 'private',
        publishAt: publishAt ?? undefined,
        madeForKids: content.madeForKids,
      },
      {
        uri: upload.sessionUri ?? undefined,
        onSession: async (uri) => {
          upload.sessionUri = uri;
          await this.uploads.update({ publicationId: upload.publicationId }, { sessionUri: uri });
        },
      },
    );
    Object.assign(upload, { videoId: item.externalId, sessionUri: null, publishAt });
    await this.uploads.save(upload);
  }

  private async attachExtras(
    ctx: PublishContext,
    token: string,
    upload: YoutubeUploadEntity,
    content: YoutubeContent,
  ) {
    const ids = [content.thumbnailMediaId, content.captionMediaId].filter(
      (id): id is string => !!id,
    );
    const media = new Map(
      (await this.media.findMany(ctx.publication.organizationId, ids)).map((m) => [m.id, m]),
    );
    const thumbnail = content.thumbnailMediaId ? media.get(content.thumbnailMediaId) : undefined;
    if (thumbnail && !upload.thumbnailSet) {
      await this.spend('thumbnails.set');
      await this.clients.youtube.setThumbnail(
        token,
        upload.videoId!,
        this.filePath(thumbnail.storageKey),
        thumbnail.mimeType,
      );
      upload.thumbnailSet = true;
      await this.uploads.save(upload);
    }
    const caption = content.captionMediaId ? media.get(content.captionMediaId) : undefined;
    if (caption && !upload.captionsSet) {
      await this.spend('captions.insert');
      await this.clients.youtube.insertCaption(token, upload.videoId!, {
        filePath: this.filePath(caption.storageKey),
        language: 'en',
        name: 'English',
      });
      upload.captionsSet = true;
      await this.uploads.save(upload);
    }
  }

  /** A public post's video holds its time in YouTube (publishAt), so YouTube has processed it by then. */
  private async keepSchedule(ctx: PublishContext, token: string, videoId: string): Promise<void> {
    const upload = await this.uploads.findOneByOrFail({ publicationId: ctx.publication.id });
    const wanted = this.desiredPublishAt(ctx);
    // Too close to the time (or not public) it stays as it is: the publisher makes it live.
    if (!wanted || wanted.getTime() === upload.publishAt?.getTime()) return;
    await this.spend('videos.update');
    await this.clients.youtube.updateVisibility(token, videoId, {
      privacyStatus: 'private',
      publishAt: wanted,
    });
    await this.uploads.update({ publicationId: ctx.publication.id }, { publishAt: wanted });
  }

  private async unschedule(
    ctx: PublishContext,
    upload: YoutubeUploadEntity | null,
  ): Promise<string> {
    if (!upload?.videoId || !upload.publishAt) return 'no scheduled video';
    const videoId = upload.videoId;
    await this.tokens.withChannel(ctx.channel, async (token) => {
      await this.spend('videos.update');
      await this.clients.youtube.updateVisibility(token, videoId, {
        privacyStatus: 'private',
        publishAt: null,
      });
    });
    await this.uploads.update({ publicationId: upload.publicationId }, { publishAt: null });
    return `video ${videoId} is private with no schedule`;
  }

  private async remove(ctx: PublishContext, upload: YoutubeUploadEntity | null): Promise<string> {
    if (!upload?.videoId) return 'no video';
    const videoId = upload.videoId;
    await this.tokens.withChannel(ctx.channel, (token) => this.deleteVideo(token, videoId));
    await this.uploads.delete({ publicationId: upload.publicationId });
    return `video ${videoId} deleted`;
  }

  private async deleteVideo(token: string, videoId: string): Promise<void> {
    await this.spend('videos.delete');
    await this.clients.youtube.deleteVideo(token, videoId);
    this.logger.log({ videoId }, 'deleted a YouTube video that will not be published');
  }

  /** Takes the publication's upload lease (a re-run of the same job takes over its own). */
  private async lease(ctx: PublishContext, holder: string): Promise<YoutubeUploadEntity> {
    const { id, organizationId, approvedContentHash } = ctx.publication;
    const rows: { publication_id: string }[] = await this.dataSource.query(
      `INSERT INTO youtube_uploads AS u (publication_id, organization_id, content_hash, leased_until, lease_holder)
       VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond', $5)
       ON CONFLICT (publication_id) DO UPDATE
         SET leased_until = excluded.leased_until, lease_holder = excluded.lease_holder
         WHERE u.leased_until IS NULL OR u.leased_until < now() OR u.lease_holder = excluded.lease_holder
       RETURNING u.publication_id`,
      [id, organizationId, approvedContentHash, UPLOAD_LEASE_MS, holder],
    );
    if (rows.length === 0)
      throw new PlatformError('transient', 'another upload of this video is running');
    return this.uploads.findOneByOrFail({ publicationId: id });
  }

  /** Only a public post is scheduled in YouTube, and never while the organization is paused. */
  private desiredPublishAt(ctx: PublishContext): Date | null {
    const { post, organization } = ctx;
    const ahead = post.scheduledAt.getTime() - Date.now() > MIN_SCHEDULE_AHEAD_MS;
    const isPublic = youtubeContent(ctx).privacyStatus === 'public';
    return ahead && isPublic && !organization.pausedAt ? post.scheduledAt : null;
  }

  private async spend(operation: YoutubeOperation): Promise<void> {
    const answer = await this.quota.reserve(operation);
    if (!answer.granted) {
      throw new PlatformError(
        'quota',
        `the YouTube quota of the day is spent (${operation})`,
        undefined,
        answer.until,
      );
    }
  }

  private filePath(storageKey: string): string {
    if (!this.storage.path)
      throw new PlatformError('content', 'YouTube uploads need media on local storage');
    return this.storage.path(storageKey);
  }

  private get uploads() {
    return this.dataSource.getRepository(YoutubeUploadEntity);
  }
}

export function youtubeContent({ revision }: PublishContext): YoutubeContent {
  if (!revision.content.youtube)
    throw new PlatformError('content', 'the approved post has no YouTube part');
  return revision.content.youtube;
}
