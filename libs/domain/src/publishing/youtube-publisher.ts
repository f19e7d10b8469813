import { Injectable } from '@nestjs/common';
import { PlatformPublisher, SendGate } from './platform-publisher';
import { publishJobId } from './publish-jobs';
import type { PublishContext } from './publish-context';
import { YoutubeVideos } from './youtube-videos.service';

/**
 * YouTube: the video is normally uploaded ahead (private, publishAt); if not, it is uploaded now.
 * Going live is one idempotent update, so an in-doubt one is simply done again (`find` is null).
 */
@Injectable()
export class YoutubePublisher implements PlatformPublisher {
  constructor(private readonly videos: YoutubeVideos) {}

  async prepare(ctx: PublishContext, accessToken: string): Promise<string[]> {
    return [await this.videos.ensureUploaded(ctx, accessToken, publishJobId(ctx.publication.id))];
  }

  async create(ctx: PublishContext, accessToken: string, [videoId]: string[], gate: SendGate) {
    await gate();
    return this.videos.goLive(ctx, accessToken, videoId);
  }

  find(): Promise<null> {
    return Promise.resolve(null);
  }
}
