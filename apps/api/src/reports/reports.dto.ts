import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { FEEDBACK_CATEGORIES, GRANULARITIES, type Granularity } from '@rounds/domain';
import { DATE_TIME_MAX } from '../common/date-time-field';

const DAY_OR_TIME =
  'a date (YYYY-MM-DD) or an ISO 8601 date-time, read in the organization time zone';

export class PeriodQueryDto {
  @ApiPropertyOptional({
    example: '2026-03-01',
    description: `${DAY_OR_TIME}; default 29 days before to`,
    maxLength: DATE_TIME_MAX,
  })
  @IsOptional()
  @MaxLength(DATE_TIME_MAX)
  @IsISO8601(
    { strict: true },
    { message: 'from must be a date (YYYY-MM-DD) or an ISO 8601 date-time' },
  )
  from?: string;

  @ApiPropertyOptional({
    example: '2026-03-31',
    description: `${DAY_OR_TIME}; included; default today`,
    maxLength: DATE_TIME_MAX,
  })
  @IsOptional()
  @MaxLength(DATE_TIME_MAX)
  @IsISO8601(
    { strict: true },
    { message: 'to must be a date (YYYY-MM-DD) or an ISO 8601 date-time' },
  )
  to?: string;
}

export class EngagementQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'one channel only' })
  @IsOptional()
  @IsUUID('all', { message: 'channelId must be a UUID' })
  channelId?: string;

  @ApiPropertyOptional({ enum: GRANULARITIES, default: 'day' })
  @IsOptional()
  @IsIn(GRANULARITIES, { message: `granularity must be one of ${GRANULARITIES.join(', ')}` })
  granularity?: Granularity;
}

export class FigureDto {
  @ApiProperty() value: number;
  @ApiProperty({ description: 'the same figure over the previous period of the same length' })
  previous: number;
  @ApiProperty() change: number;
  @ApiProperty({ nullable: true, type: Number, description: 'percent; null when previous is 0' })
  changePct: number | null;
  @ApiProperty({ example: 'engagementRate = engagements / impressions (X) or views (YouTube)' })
  formula: string;
}

export class KpisDto {
  @ApiProperty() postsPublished: FigureDto;
  @ApiProperty() impressionsOrViews: FigureDto;
  @ApiProperty() engagements: FigureDto;
  @ApiProperty() engagementRate: FigureDto;
  @ApiProperty() followerGrowth: FigureDto;
  @ApiProperty({ description: 'visits through tracked short links; previews and bots left out' })
  linkClicks: FigureDto;
  @ApiProperty({ description: 'linkClicks / impressions (X) or views (YouTube)' })
  linkClickThroughRate: FigureDto;
}

export class PeriodDto {
  @ApiProperty({ example: '2026-03-01' }) from: string;
  @ApiProperty({ example: '2026-03-31' }) to: string;
  @ApiProperty() days: number;
}

export class SeriesPointDto {
  @ApiProperty({ example: '2026-03-02', description: 'first day of the bucket' }) period: string;
  @ApiProperty() postsPublished: number;
  @ApiProperty() impressionsOrViews: number;
  @ApiProperty() engagements: number;
  @ApiProperty() engagementRate: number;
  @ApiProperty() followers: number;
}

export class TweetFiguresDto {
  @ApiProperty() tweetId: string;
  @ApiProperty() impressionsOrViews: number;
  @ApiProperty() engagements: number;
}

export class TopPostDto {
  @ApiProperty() publicationId: string;
  @ApiProperty() postId: string;
  @ApiProperty() channelId: string;
  @ApiProperty({ enum: ['x', 'youtube'] }) platform: string;
  @ApiProperty({ description: 'the start of the text, or the video title' }) preview: string;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty() publishedAt: string;
  @ApiProperty() impressionsOrViews: number;
  @ApiProperty() engagements: number;
  @ApiProperty() engagementRate: number;
  @ApiPropertyOptional({
    type: [TweetFiguresDto],
    description: 'an X thread: each tweet in order (the figures above are their sum)',
  })
  tweets?: TweetFiguresDto[];
}

export class ChannelReportDto {
  @ApiProperty() channelId: string;
  @ApiProperty({ enum: ['x', 'youtube'] }) platform: string;
  @ApiProperty() handle: string;
  @ApiProperty() displayName: string;
  @ApiProperty() kpis: KpisDto;
}

export class LinkFiguresDto {
  @ApiProperty() linkClicks: number;
  @ApiProperty() impressionsOrViews: number;
  @ApiProperty({ description: 'linkClicks / impressionsOrViews, four decimals' })
  linkClickThroughRate: number;
}

export class LinkPostDto extends LinkFiguresDto {
  @ApiProperty() postId: string;
  @ApiProperty({ nullable: true, type: String }) campaign: string | null;
  @ApiProperty({ description: 'the start of the approved X text, or the video title' })
  preview: string;
}

export class LinkCampaignDto extends LinkFiguresDto {
  @ApiProperty() campaign: string;
}

export class LinksReportDto {
  @ApiProperty({ type: [LinkPostDto], description: 'by clicks, at most 100' })
  posts: LinkPostDto[];
  @ApiProperty({ type: [LinkCampaignDto] }) campaigns: LinkCampaignDto[];
}

export class EngagementReportDto {
  @ApiProperty({ example: 'America/Chicago' }) timeZone: string;
  @ApiProperty() period: PeriodDto;
  @ApiProperty() previousPeriod: PeriodDto;
  @ApiProperty({ enum: GRANULARITIES }) granularity: string;
  @ApiProperty({ nullable: true, type: String }) channelId: string | null;
  @ApiProperty() kpis: KpisDto;
  @ApiProperty({ type: [SeriesPointDto] }) series: SeriesPointDto[];
  @ApiProperty({ type: [TopPostDto] }) topPosts: TopPostDto[];
  @ApiProperty({ type: [ChannelReportDto] }) channels: ChannelReportDto[];
  @ApiProperty({ description: 'posts with tracked links, and their campaigns' })
  links: LinksReportDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  formulas: Record<string, string>;
}

export class CountDto {
  @ApiProperty() kind: string;
  @ApiProperty() count: number;
}

export class ReasonCountDto {
  @ApiProperty() reason: string;
  @ApiProperty() count: number;
}

export class ApprovalCycleTimeDto {
  @ApiProperty({ description: 'revisions whose approval policy was met in the period' })
  approvals: number;
  @ApiProperty({ nullable: true, type: Number }) medianHours: number | null;
  @ApiProperty({ nullable: true, type: Number }) p90Hours: number | null;
  @ApiProperty() formula: string;
}

export class RejectionsDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [ReasonCountDto] }) byReason: ReasonCountDto[];
  @ApiProperty() formula: string;
}

export class CountsByKindDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [CountDto] }) byKind: CountDto[];
  @ApiProperty() formula: string;
}

export class PauseDto {
  @ApiProperty({ format: 'date-time' }) pausedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resumedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
}

export class PausesDto {
  @ApiProperty() total: number;
  @ApiProperty() pausedHours: number;
  @ApiProperty({ type: [PauseDto] }) list: PauseDto[];
  @ApiProperty() formula: string;
}

export class ComplianceReportDto {
  @ApiProperty() timeZone: string;
  @ApiProperty() period: PeriodDto;
  @ApiProperty() approvalCycleTime: ApprovalCycleTimeDto;
  @ApiProperty() rejections: RejectionsDto;
  @ApiProperty() phiFindings: CountsByKindDto;
  @ApiProperty() overrides: CountsByKindDto;
  @ApiProperty() pauses: PausesDto;
}

export class CategoryCountDto {
  @ApiProperty({ enum: [...FEEDBACK_CATEGORIES, 'uncategorized'] }) category: string;
  @ApiProperty() count: number;
}

export class FeedbackMessagesDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [CategoryCountDto] }) byCategory: CategoryCountDto[];
  @ApiProperty() formula: string;
}

export class FirstResponseDto {
  @ApiProperty({ description: "the period's messages with a first response" }) responded: number;
  @ApiProperty({ nullable: true, type: Number }) medianHours: number | null;
  @ApiProperty() formula: string;
}

export class OverdueDto {
  @ApiProperty() count: number;
  @ApiProperty() formula: string;
}

export class FeedbackReportDto {
  @ApiProperty() timeZone: string;
  @ApiProperty() period: PeriodDto;
  @ApiProperty() messages: FeedbackMessagesDto;
  @ApiProperty() firstResponse: FirstResponseDto;
  @ApiProperty() overdue: OverdueDto;
}
