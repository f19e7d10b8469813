import { Injectable } from '@nestjs/common';
import type { PublishedItem } from '@rounds/platforms';
import { PlatformClients } from '../channels/platform-clients';
import { MediaStorage } from '../media/media-storage';
import { MediaService } from '../media/media.service';
import { LOOKBACK_MS, PlatformPublisher } from './platform-publisher';
import type { PublishContext } from './publish-context';

/** X: the approved images through the v2 media upload with their alt text, then the tweet. */
@Injectable()
export class XPublisher implements PlatformPublisher {
  constructor(
    private readonly clients: PlatformClients,
    private readonly media: MediaService,
    private readonly storage: MediaStorage,
  ) {}

  async prepare({ revision, publication }: PublishContext, accessToken: string): Promise<string[]> {
    const images = revision.content.x?.images ?? [];
    if (images.length === 0) return [];
    const found = await this.media.findMany(
      publication.organizationId,
      images.map((i) => i.mediaId),
    );
    const byId = new Map(found.map((m) => [m.id, m]));
    const uploaded: string[] = [];
    for (const image of images) {
      const media = byId.get(image.mediaId);
      if (!media) throw new Error(`media ${image.mediaId} of the approved post no longer exists`);
      const bytes = await readAll(this.storage, media.storageKey);
      uploaded.push(
        await this.clients.x.uploadImage(accessToken, bytes, media.mimeType, image.altText),
      );
    }
    return uploaded;
  }

  create({ revision, channel }: PublishContext, accessToken: string, mediaIds: string[]) {
    return this.clients.x.postTweet(accessToken, {
      text: revision.content.x?.text ?? '',
      mediaIds,
      handle: channel.handle,
    });
  }

  find(
    { revision, channel, post }: PublishContext,
    accessToken: string,
  ): Promise<PublishedItem | null> {
    const since = new Date(post.scheduledAt.getTime() - LOOKBACK_MS);
    const text = revision.content.x?.text ?? '';
    return this.clients.x.findRecentTweet(accessToken, channel.externalAccountId, text, since);
  }
}

async function readAll(storage: MediaStorage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of storage.get(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
