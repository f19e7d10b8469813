import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@rounds/config';
import type { YoutubeOperation } from '@rounds/platforms';
import type { ChannelPlatform } from '../channels/channel.entity';
import { PlatformClients } from '../channels/platform-clients';
import { loadOrganization } from '../organizations/organization-store';
import { targetedPlatforms } from '../posts/post-composer';
import { findChannels } from '../posts/post-store';
import { parseScheduledAt } from '../posts/schedule-time';
import { youtubeUnitsUsed } from '../publishing/youtube-quota.service';
import { campaignPosts, xPostsMade, youtubeVideosDue } from './cost-queries';
import {
  addPost,
  Budget,
  budget,
  budgetWarnings,
  CampaignTotal,
  ChannelCost,
  channelCost,
  CostWarning,
  PostPlan,
  xBudgetMonth,
  youtubeQuotaPeriod,
} from './post-costs';

/** What the composer has before saving. */
export interface CostPreviewInput extends Partial<PostPlan> {
  channelIds: string[];
  scheduledAt: string;
  campaign?: string | null;
  /** The post being edited: its saved schedule is replaced by this one, not counted twice. */
  postId?: string;
}

export interface CostPreview {
  scheduledAt: Date;
  channels: (ChannelCost & { channelId: string })[];
  /** Against X_MONTHLY_POST_BUDGET in the post's UTC month; null without an X channel. */
  x: Budget | null;
  /** Against YOUTUBE_DAILY_QUOTA on the post's Pacific day; null without a YouTube channel. */
  youtube: Budget | null;
  campaign: CampaignTotal | null;
  warnings: CostWarning[];
}

/**
 * The composer's cost preview: what a post will cost each channel, what is left of the X budget
 * and the YouTube quota after it, and what its campaign costs in all.
 */
@Injectable()
export class CostPreviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clients: PlatformClients,
  ) {}

  async preview(
    organizationId: string,
    input: CostPreviewInput,
    now = new Date(),
  ): Promise<CostPreview> {
    const manager = this.dataSource.manager;
    const { timeZone } = await loadOrganization(manager, organizationId);
    const scheduledAt = parseScheduledAt(input.scheduledAt, timeZone, now);
    const channels = await this.channelCosts(manager, organizationId, input);
    const exclude = input.postId ?? null;
    const campaign = input.campaign?.trim();
    const [x, youtube, total] = await Promise.all([
      this.xBudget(manager, organizationId, scheduledAt, channels, exclude),
      this.youtubeQuota(manager, organizationId, scheduledAt, channels, exclude),
      campaign ? this.campaignTotal(manager, organizationId, campaign, channels, exclude) : null,
    ]);
    return {
      scheduledAt,
      channels,
      x,
      youtube,
      campaign: total,
      warnings: budgetWarnings(x, youtube),
    };
  }

  /** Each chosen channel's calls; unknown (another organization's) or disconnected ones: 400. */
  private async channelCosts(
    manager: EntityManager,
    organizationId: string,
    input: CostPreviewInput,
  ): Promise<CostPreview['channels']> {
    const channelIds = [...new Set(input.channelIds)];
    const found = await findChannels(manager, organizationId, channelIds);
    targetedPlatforms(channelIds, found);
    const platformOf = new Map(found.map((c) => [c.id, c.platform]));
    const plan = {
      images: input.images ?? 0,
      thumbnail: !!input.thumbnail,
      captions: !!input.captions,
    };
    return channelIds.map((channelId) => ({
      channelId,
      ...this.cost(platformOf.get(channelId)!, plan),
    }));
  }

  private cost(platform: ChannelPlatform, plan: PostPlan): ChannelCost {
    return channelCost(platform, plan, (operation) => this.clients.youtube.quotaCost(operation));
  }

  private async xBudget(
    manager: EntityManager,
    organizationId: string,
    at: Date,
    channels: ChannelCost[],
    exclude: string | null,
  ): Promise<Budget | null> {
    if (!channels.some((c) => c.platform === 'x')) return null;
    const thisPost = unitsOn('x', channels);
    const month = xBudgetMonth(at);
    const made = await xPostsMade(manager, organizationId, month, exclude);
    return budget(month, this.config.X_MONTHLY_POST_BUDGET, { ...made, thisPost });
  }

  private async youtubeQuota(
    manager: EntityManager,
    organizationId: string,
    at: Date,
    channels: ChannelCost[],
    exclude: string | null,
  ): Promise<Budget | null> {
    if (!channels.some((c) => c.platform === 'youtube')) return null;
    const thisPost = unitsOn('youtube', channels);
    const day = youtubeQuotaPeriod(at);
    const [used, due] = await Promise.all([
      youtubeUnitsUsed(manager, day.label),
      youtubeVideosDue(manager, organizationId, day, exclude),
    ]);
    const units = (operation: YoutubeOperation) => this.clients.youtube.quotaCost(operation);
    const scheduled =
      due.uploads * units('videos.insert') +
      due.thumbnails * units('thumbnails.set') +
      due.captions * units('captions.insert') +
      due.videos * units('videos.update');
    return budget(day, this.config.YOUTUBE_DAILY_QUOTA, { used, scheduled, thisPost });
  }

  private async campaignTotal(
    manager: EntityManager,
    organizationId: string,
    name: string,
    channels: ChannelCost[],
    exclude: string | null,
  ): Promise<CampaignTotal> {
    const posts = await campaignPosts(manager, organizationId, name, exclude);
    const ids = [...new Set(posts.flatMap((p) => p.channelIds))];
    const found = await findChannels(manager, organizationId, ids);
    const platformOf = new Map(found.map((c) => [c.id, c.platform]));
    const start: CampaignTotal = { name, posts: 0, xPosts: 0, requests: 0, youtubeUnits: 0 };
    return posts.reduce(
      (total, post) =>
        addPost(
          total,
          post.channelIds
            .filter((id) => platformOf.has(id))
            .map((id) => this.cost(platformOf.get(id)!, post.plan)),
        ),
      addPost(start, channels),
    );
  }
}

const unitsOn = (platform: ChannelPlatform, channels: ChannelCost[]) =>
  channels.filter((c) => c.platform === platform).reduce((sum, c) => sum + c.units, 0);
