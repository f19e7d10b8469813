import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { READ_REPLICA } from '@rounds/database';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/domain-error';
import { ENGAGEMENT_KEYS, FORMULAS } from '../metrics/metric-counters';
import type { TweetReading } from '../metrics/thread-readings';
import { loadOrganization } from '../organizations/organization-store';
import {
  ClickRow,
  engagementQuery,
  LinkCampaignRow,
  LinkPostRow,
  ReportRows,
  Sums,
  TopPostRow,
} from './engagement-queries';
import type {
  ChannelReport,
  EngagementKpis,
  EngagementReport,
  LinkFigures,
  SeriesPoint,
  TopPost,
} from './engagement-report';
import { FollowerHistory } from './follower-history';
import { figure, rate, roundedRate } from './report-figures';
import {
  addDays,
  bucketStarts,
  Granularity,
  previousPeriod,
  ReportPeriod,
  reportPeriod,
} from './report-period';

export interface EngagementQuery {
  from?: string;
  to?: string;
  channelId?: string;
  granularity?: Granularity;
}

const ZERO: Sums = { postsPublished: 0, reach: 0, engagements: 0 };
const add = (a: Sums, b: Sums): Sums => ({
  postsPublished: a.postsPublished + b.postsPublished,
  reach: a.reach + b.reach,
  engagements: a.engagements + b.engagements,
});

/** A scope's sums with the clicks through its tracked links. */
type ScopeSums = Sums & { clicks: number };

const LINK_FORMULAS = {
  linkClicks:
    'linkClicks = visits through tracked short links (/l/<code>) on the period’s days; link-preview fetchers, crawlers and scripts are left out',
  linkClickThroughRate:
    'linkClickThroughRate = linkClicks / impressions (X) or views (YouTube) of the same posts, over the period',
} as const;

const clicksOf = (rows: ClickRow[], current: boolean) =>
  rows.filter((r) => r.current === current).reduce((sum, r) => sum + r.clicks, 0);

/** The executives' engagement report, read from the daily rollups in the organization's zone. */
@Injectable()
export class EngagementReportService {
  /** Reports read the replica (DATABASE_READ_URL): a few seconds behind is fine. */
  constructor(@InjectDataSource(READ_REPLICA) private readonly dataSource: DataSource) {}

  async report(organizationId: string, query: EngagementQuery): Promise<EngagementReport> {
    const manager = this.dataSource.manager;
    const { timeZone } = await loadOrganization(manager, organizationId);
    const current = reportPeriod(query, timeZone);
    const previous = previousPeriod(current, timeZone);
    const granularity = query.granularity ?? 'day';
    const { sql, params } = engagementQuery(
      { organizationId, channelId: query.channelId },
      current,
      previous,
      granularity,
    );
    const [rows]: ReportRows[] = await manager.query(sql, params);
    const { channels, channelSums, baseline, audience } = rows;
    if (query.channelId && channels.length === 0) throw new NotFoundError('channel');
    const history = new FollowerHistory([
      ...baseline.map((b) => ({ ...b, day: '0000-01-01' })),
      ...audience,
    ]);
    const ids = channels.map((c) => c.id);
    const perChannel = channels.map((c) => this.channelReport(c, rows, history, current, previous));
    const total = (pick: 'current' | 'previous'): ScopeSums => ({
      ...channelSums.filter((r) => r.current === (pick === 'current')).reduce<Sums>(add, ZERO),
      clicks: clicksOf(rows.linkTotals, pick === 'current'),
    });
    const growth = (period: ReportPeriod) =>
      ids.reduce((sum, id) => sum + history.growth(id, period), 0);
    return {
      timeZone,
      period: { from: current.from, to: current.to, days: current.days },
      previousPeriod: { from: previous.from, to: previous.to, days: previous.days },
      granularity,
      channelId: query.channelId ?? null,
      kpis: kpis(total('current'), total('previous'), growth(current), growth(previous)),
      series: series(rows.series, current, granularity, (day) => history.total(ids, day)),
      topPosts: rows.topPosts.map(toTopPost),
      channels: perChannel,
      links: {
        posts: rows.linkPosts.map((row) => ({
          postId: row.postId,
          campaign: row.campaign,
          preview: row.preview,
          ...linkFigures(row),
        })),
        campaigns: rows.linkCampaigns.map((row) => ({
          campaign: row.campaign,
          ...linkFigures(row),
        })),
      },
      formulas: {
        postsPublished: FORMULAS.postsPublished,
        impressionsOrViews: FORMULAS.reach,
        engagements: FORMULAS.engagements,
        engagementRate: FORMULAS.engagementRate,
        followers:
          'followers = followers (X) + subscribers (YouTube) at the end of the bucket, last daily reading',
        topPosts:
          'topPosts = publications published in the period, by engagements to date (descending)',
        ...LINK_FORMULAS,
        links:
          'links = posts with approved tracked links, and their named campaigns, clicked or seen in the period; a link counts for each channel of its platform the post went out on',
      },
    };
  }

  private channelReport(
    channel: ReportRows['channels'][number],
    rows: ReportRows,
    history: FollowerHistory,
    current: ReportPeriod,
    previous: ReportPeriod,
  ): ChannelReport {
    const sums = (isCurrent: boolean): ScopeSums => ({
      ...(rows.channelSums.find((r) => r.channelId === channel.id && r.current === isCurrent) ??
        ZERO),
      clicks: clicksOf(
        rows.linkChannels.filter((r) => r.channelId === channel.id),
        isCurrent,
      ),
    });
    return {
      channelId: channel.id,
      platform: channel.platform,
      handle: channel.handle,
      displayName: channel.displayName,
      kpis: kpis(
        sums(true),
        sums(false),
        history.growth(channel.id, current),
        history.growth(channel.id, previous),
      ),
    };
  }
}

function kpis(
  now: ScopeSums,
  before: ScopeSums,
  growth: number,
  growthBefore: number,
): EngagementKpis {
  return {
    postsPublished: figure(now.postsPublished, before.postsPublished, FORMULAS.postsPublished),
    impressionsOrViews: figure(now.reach, before.reach, FORMULAS.reach),
    engagements: figure(now.engagements, before.engagements, FORMULAS.engagements),
    engagementRate: figure(
      rate(now.engagements, now.reach),
      rate(before.engagements, before.reach),
      FORMULAS.engagementRate,
      4,
    ),
    followerGrowth: figure(growth, growthBefore, FORMULAS.followerGrowth),
    linkClicks: figure(now.clicks, before.clicks, LINK_FORMULAS.linkClicks),
    linkClickThroughRate: figure(
      rate(now.clicks, now.reach),
      rate(before.clicks, before.reach),
      LINK_FORMULAS.linkClickThroughRate,
      4,
    ),
  };
}

function linkFigures(row: LinkPostRow | LinkCampaignRow): LinkFigures {
  return {
    linkClicks: row.clicks,
    impressionsOrViews: row.reach,
    linkClickThroughRate: roundedRate(row.clicks, row.reach),
  };
}

/** One point per bucket of the period, empty buckets included, so charts need no gap filling. */
function series(
  rows: (Sums & { bucket: string })[],
  current: ReportPeriod,
  granularity: Granularity,
  followersAt: (day: string) => number,
): SeriesPoint[] {
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  const starts = bucketStarts(current, granularity);
  return starts.map((start, i) => {
    const sums = byBucket.get(start) ?? ZERO;
    const next = starts[i + 1];
    const end = next ? addDays(next, -1) : current.to;
    return {
      period: start,
      postsPublished: sums.postsPublished,
      impressionsOrViews: sums.reach,
      engagements: sums.engagements,
      engagementRate: roundedRate(sums.engagements, sums.reach),
      followers: followersAt(end < current.to ? end : current.to),
    };
  });
}

function toTopPost(row: TopPostRow): TopPost {
  return {
    publicationId: row.publicationId,
    postId: row.postId,
    channelId: row.channelId,
    platform: row.platform,
    preview: row.preview,
    url: row.url,
    publishedAt: new Date(row.publishedAt).toISOString(),
    impressionsOrViews: row.reach,
    engagements: row.engagements,
    engagementRate: roundedRate(row.engagements, row.reach),
    ...(row.tweetMetrics ? { tweets: row.tweetMetrics.map(tweetFigures) } : {}),
  };
}

const tweetFigures = ({ tweetId, ...counters }: TweetReading) => ({
  tweetId,
  impressionsOrViews: (counters.impressions ?? 0) + (counters.views ?? 0),
  engagements: ENGAGEMENT_KEYS.reduce((n, k) => n + (counters[k] ?? 0), 0),
});
