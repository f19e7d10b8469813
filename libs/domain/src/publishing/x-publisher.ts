import { Injectable } from '@nestjs/common';
import { type PublishedItem, tweetUrl } from '@rounds/platforms';
import { PlatformClients } from '../channels/platform-clients';
import { MediaStorage } from '../media/media-storage';
import { MediaService } from '../media/media.service';
import { type XTweet, xTweets } from '../posts/post-content';
import { LOOKBACK_MS, Lookup, PlatformPublisher, SendGate } from './platform-publisher';
import type { PublishContext } from './publish-context';
import { PublicationRepository } from './publication.repository';

/** The X media ids uploaded for each tweet still to send, by the tweet's place in the thread. */
type Uploaded = string[][];

/**
 * X: the approved images through the v2 media upload with their alt text, then the tweet; a thread
 * tweet by tweet, each in reply to the one before and kept (`thread_tweet_ids`) before the next is
 * sent, so a thread cut short by a crash or a lost answer resumes after its last tweet.
 */
@Injectable()
export class XPublisher implements PlatformPublisher<Uploaded> {
  constructor(
    private readonly clients: PlatformClients,
    private readonly media: MediaService,
    private readonly storage: MediaStorage,
    private readonly publications: PublicationRepository,
  ) {}

  /** The images of every tweet not out yet (an upload publishes nothing). */
  async prepare(ctx: PublishContext, accessToken: string): Promise<Uploaded> {
    const tweets = tweetsOf(ctx);
    const sent = ctx.publication.threadTweetIds.length;
    const images = tweets.slice(sent).flatMap((t) => t.images);
    if (images.length === 0) return tweets.map(() => []);
    const found = await this.media.findMany(
      ctx.publication.organizationId,
      images.map((i) => i.mediaId),
    );
    const byId = new Map(found.map((m) => [m.id, m]));
    const uploaded: Uploaded = [];
    for (const [i, tweet] of tweets.entries()) {
      const ids: string[] = [];
      for (const image of i < sent ? [] : tweet.images) {
        const media = byId.get(image.mediaId);
        if (!media) throw new Error(`media ${image.mediaId} of the approved post no longer exists`);
        const bytes = await readAll(this.storage, media.storageKey);
        ids.push(
          await this.clients.x.uploadImage(accessToken, bytes, media.mimeType, image.altText),
        );
      }
      uploaded.push(ids);
    }
    return uploaded;
  }

  async create(
    ctx: PublishContext,
    accessToken: string,
    uploaded: Uploaded,
    gate: SendGate,
  ): Promise<PublishedItem> {
    const tweets = tweetsOf(ctx);
    const kept = ctx.publication.threadTweetIds;
    let last: PublishedItem | undefined;
    for (let i = kept.length; i < tweets.length; i++) {
      await gate();
      last = await this.clients.x.postTweet(accessToken, {
        text: tweets[i].text,
        mediaIds: uploaded[i],
        inReplyTo: kept[i - 1],
        handle: ctx.channel.handle,
      });
      if (tweets.length > 1) await this.keep(ctx, i, last.externalId);
    }
    return tweets.length > 1 ? threadItem(ctx) : last!;
  }

  /**
   * Looks for the one tweet that can be out without being kept: the next of the thread, in reply
   * to the last kept one (the first tweet, or the single tweet of a post, by its text alone).
   */
  async find(ctx: PublishContext, accessToken: string): Promise<Lookup> {
    const tweets = tweetsOf(ctx);
    const next = ctx.publication.threadTweetIds.length;
    if (next === tweets.length) return threadItem(ctx);
    const found = await this.clients.x.findRecentTweet(
      accessToken,
      ctx.channel.externalAccountId,
      tweets[next].text,
      new Date(ctx.post.scheduledAt.getTime() - LOOKBACK_MS),
      ctx.publication.threadTweetIds[next - 1],
    );
    if (!found || tweets.length === 1) return found;
    await this.keep(ctx, next, found.externalId);
    return next === tweets.length - 1 ? threadItem(ctx) : 'resume';
  }

  private async keep(ctx: PublishContext, index: number, tweetId: string): Promise<void> {
    const { organizationId, id } = ctx.publication;
    if (!(await this.publications.keepThreadTweet(organizationId, id, index, tweetId))) {
      throw new Error(`tweet ${index + 1} of the thread was already kept by another worker`);
    }
    ctx.publication.threadTweetIds.push(tweetId);
  }
}

const tweetsOf = ({ revision }: PublishContext): XTweet[] =>
  revision.content.x ? xTweets(revision.content.x).map((t) => t.tweet) : [];

/** A thread is known by its first tweet. */
function threadItem({ publication, channel }: PublishContext): PublishedItem {
  const first = publication.threadTweetIds[0];
  return { externalId: first, url: tweetUrl(channel.handle, first) };
}

async function readAll(storage: MediaStorage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of storage.get(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
