import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ChannelPlatform } from '../channels/channel.entity';
import { TrackedLinksService } from '../links';
import { MediaService } from '../media/media.service';
import { contentLinks, PostContent } from './post-content';
import {
  composeContent,
  ContentInput,
  contentToInput,
  inputMediaIds,
  mergeContentInput,
  targetedPlatforms,
} from './post-composer';
import { findChannels } from './post-store';

/** The post a content is for: its tracked links' destinations name both (utm_content, utm_campaign). */
export interface ContentOwner {
  postId: string;
  campaign: string | null;
}

/** Whether the content carries tracked links, whose destinations then change with the campaign. */
export const hasTrackedLinks = (content: PostContent) => contentLinks(content).length > 0;

/** Validated content from what the composer sent, with the tracked links its texts carry. */
@Injectable()
export class ContentComposer {
  constructor(
    private readonly media: MediaService,
    private readonly links: TrackedLinksService,
  ) {}

  /** A new post's content from its input, or an edit's on top of the current content. */
  async compose(
    tx: EntityManager,
    organizationId: string,
    input: Partial<ContentInput>,
    owner: ContentOwner,
    current?: PostContent,
  ): Promise<PostContent> {
    const channelIds = input.channelIds ?? current?.channelIds ?? [];
    const channels = await findChannels(tx, organizationId, channelIds);
    const merged = current
      ? mergeContentInput(contentToInput(current), input, targetedPlatforms(channelIds, channels))
      : (input as ContentInput);
    const media = await this.media.findMany(organizationId, inputMediaIds(merged), tx);
    const content = composeContent(merged, channels, media);
    const tracked = (platform: ChannelPlatform, field: string, text: string) =>
      this.trackedIn(tx, organizationId, { ...owner, platform, field, text });
    return {
      ...content,
      x: content.x && { ...content.x, ...(await tracked('x', 'x.text', content.x.text)) },
      youtube: content.youtube && {
        ...content.youtube,
        ...(await tracked('youtube', 'youtube.description', content.youtube.description)),
      },
    };
  }

  /** `{links}` when the text carries short links; nothing otherwise, so such content hashes as before. */
  private async trackedIn(
    tx: EntityManager,
    organizationId: string,
    text: Parameters<TrackedLinksService['linksIn']>[2],
  ) {
    const links = await this.links.linksIn(tx, organizationId, text);
    return links.length > 0 ? { links } : {};
  }
}
