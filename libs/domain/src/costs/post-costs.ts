import { DateTime } from 'luxon';
import { nextQuotaReset, type YoutubeOperation } from '@rounds/platforms';
import type { ChannelPlatform } from '../channels/channel.entity';
import { youtubeQuotaDay } from '../publishing/youtube-quota.service';

/** What a post asks of the platforms, as the composer knows it before anything is saved. */
export interface PostPlan {
  /** X images, each uploaded with its alt text. */
  images: number;
  /** A YouTube post always uploads its video and goes live; these are the extras. */
  thumbnail: boolean;
  captions: boolean;
}

export interface PlannedCall {
  operation: string;
  requests: number;
  /** What the calls count against the limit: X posts (tweets.create only), YouTube quota units. */
  units: number;
}

export interface ChannelCost {
  platform: ChannelPlatform;
  calls: PlannedCall[];
  requests: number;
  units: number;
}

/** A call's YouTube quota units, from the configured table (YOUTUBE_QUOTA_COSTS). */
export type UnitsOf = (operation: YoutubeOperation) => number;

/**
 * X's v2 media upload of one image as twitter-api-v2 sends it (one append per MiB: at least one),
 * then its alt text. Only the tweet itself counts against the monthly post budget.
 */
const X_IMAGE_CALLS = [
  'media.upload.initialize',
  'media.upload.append',
  'media.upload.finalize',
  'media.metadata.create',
];

function costOf(platform: ChannelPlatform, calls: PlannedCall[]): ChannelCost {
  const requests = calls.reduce((sum, c) => sum + c.requests, 0);
  return { platform, calls, requests, units: calls.reduce((sum, c) => sum + c.units, 0) };
}

function xCost(plan: PostPlan): ChannelCost {
  const uploads = X_IMAGE_CALLS.map((operation) => ({
    operation,
    requests: plan.images,
    units: 0,
  }));
  const tweet = { operation: 'tweets.create', requests: 1, units: 1 };
  return costOf('x', [...uploads.filter((c) => c.requests > 0), tweet]);
}

/** The upload ahead (with its extras), then the update that makes it public at the post's time. */
function youtubeCost(plan: PostPlan, unitsOf: UnitsOf): ChannelCost {
  const operations: YoutubeOperation[] = [
    'videos.insert',
    ...(plan.thumbnail ? (['thumbnails.set'] as const) : []),
    ...(plan.captions ? (['captions.insert'] as const) : []),
    'videos.update',
  ];
  return costOf(
    'youtube',
    operations.map((operation) => ({ operation, requests: 1, units: unitsOf(operation) })),
  );
}

/** The platform calls one channel of the post costs. */
export function channelCost(platform: ChannelPlatform, plan: PostPlan, unitsOf: UnitsOf) {
  switch (platform) {
    case 'x':
      return xCost(plan);
    case 'youtube':
      return youtubeCost(plan, unitsOf);
  }
}

/** The stretch a limit counts in: X's budget per UTC month, YouTube's quota per Pacific day. */
export interface LimitPeriod {
  /** `2030-05` or `2030-05-01`. */
  label: string;
  from: Date;
  to: Date;
}

export function xBudgetMonth(at: Date): LimitPeriod {
  const start = DateTime.fromJSDate(at, { zone: 'UTC' }).startOf('month');
  return {
    label: start.toFormat('yyyy-MM'),
    from: start.toJSDate(),
    to: start.plus({ months: 1 }).toJSDate(),
  };
}

export function youtubeQuotaPeriod(at: Date): LimitPeriod {
  const to = nextQuotaReset(at);
  const from = DateTime.fromJSDate(to, { zone: 'America/Los_Angeles' }).minus({ days: 1 });
  return { label: youtubeQuotaDay(at), from: from.toJSDate(), to };
}

export interface Budget {
  period: LimitPeriod;
  limit: number;
  /** Already spent in the period. */
  used: number;
  /** Due in the period by what is already scheduled, this post aside. */
  scheduled: number;
  thisPost: number;
  /** After this post; below zero when it would exceed the limit. */
  remaining: number;
  exceeds: boolean;
}

export function budget(
  period: LimitPeriod,
  limit: number,
  counts: { used: number; scheduled: number; thisPost: number },
): Budget {
  const remaining = limit - counts.used - counts.scheduled - counts.thisPost;
  return { period, limit, ...counts, remaining, exceeds: remaining < 0 };
}

export interface CostWarning {
  platform: ChannelPlatform;
  message: string;
}

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, noun: string) => `${count(n)} ${noun}${n === 1 ? '' : 's'}`;

/** What a person reads when the post would go past a limit. */
export function budgetWarnings(x: Budget | null, youtube: Budget | null): CostWarning[] {
  const warnings: CostWarning[] = [];
  if (x?.exceeds) {
    const month = DateTime.fromJSDate(x.period.from, { zone: 'UTC' }).toFormat('LLLL yyyy');
    warnings.push({
      platform: 'x',
      message: `Over the X budget: ${month} would have ${plural(-x.remaining, 'post')} more than the ${count(x.limit)} allowed.`,
    });
  }
  if (youtube?.exceeds) {
    warnings.push({
      platform: 'youtube',
      message: `Would exceed the YouTube day's quota: ${youtube.period.label} (Pacific) would need ${plural(-youtube.remaining, 'unit')} more than the ${count(youtube.limit)} available; calls past it wait for the next day.`,
    });
  }
  return warnings;
}

export interface CampaignTotal {
  name: string;
  /** Its posts that are not cancelled, this one included. */
  posts: number;
  xPosts: number;
  requests: number;
  youtubeUnits: number;
}

/** Adds one post's channel costs to the campaign's total. */
export function addPost(total: CampaignTotal, costs: ChannelCost[]): CampaignTotal {
  const units = (platform: ChannelPlatform) =>
    costs.filter((c) => c.platform === platform).reduce((sum, c) => sum + c.units, 0);
  return {
    name: total.name,
    posts: total.posts + 1,
    xPosts: total.xPosts + units('x'),
    requests: total.requests + costs.reduce((sum, c) => sum + c.requests, 0),
    youtubeUnits: total.youtubeUnits + units('youtube'),
  };
}
