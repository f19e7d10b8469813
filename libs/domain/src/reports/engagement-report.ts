import type { ChannelPlatform } from '../channels/channel.entity';
import type { Figure } from './report-figures';
import type { Granularity, ReportPeriod } from './report-period';

export interface EngagementKpis {
  postsPublished: Figure;
  impressionsOrViews: Figure;
  engagements: Figure;
  engagementRate: Figure;
  followerGrowth: Figure;
  linkClicks: Figure;
  linkClickThroughRate: Figure;
}

export interface SeriesPoint {
  /** The first day of the bucket (YYYY-MM-DD). */
  period: string;
  postsPublished: number;
  impressionsOrViews: number;
  engagements: number;
  engagementRate: number;
  /** Followers and subscribers summed over channels at the end of the bucket. */
  followers: number;
}

export interface TopPost {
  publicationId: string;
  postId: string;
  channelId: string;
  platform: ChannelPlatform;
  preview: string;
  url: string | null;
  publishedAt: string;
  impressionsOrViews: number;
  engagements: number;
  engagementRate: number;
  /** An X thread: each tweet in order (the figures above are their sum). */
  tweets?: { tweetId: string; impressionsOrViews: number; engagements: number }[];
}

export interface ChannelReport {
  channelId: string;
  platform: ChannelPlatform;
  handle: string;
  displayName: string;
  kpis: EngagementKpis;
}

/** Clicks through tracked links against the impressions or views of the same posts. */
export interface LinkFigures {
  linkClicks: number;
  impressionsOrViews: number;
  linkClickThroughRate: number;
}

export interface LinkPostReport extends LinkFigures {
  postId: string;
  campaign: string | null;
  preview: string;
}

export interface LinkCampaignReport extends LinkFigures {
  campaign: string;
}

/** GET /reports/engagement: every figure from the daily rollups, each with its formula. */
export interface EngagementReport {
  timeZone: string;
  period: Pick<ReportPeriod, 'from' | 'to' | 'days'>;
  previousPeriod: Pick<ReportPeriod, 'from' | 'to' | 'days'>;
  granularity: Granularity;
  channelId: string | null;
  kpis: EngagementKpis;
  series: SeriesPoint[];
  topPosts: TopPost[];
  channels: ChannelReport[];
  /** Posts with tracked links, and the named campaigns that have them, over the period. */
  links: { posts: LinkPostReport[]; campaigns: LinkCampaignReport[] };
  /** How each column of `series`, `topPosts` and `channels` is computed. */
  formulas: Record<string, string>;
}
