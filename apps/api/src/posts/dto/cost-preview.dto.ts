import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  Budget,
  CampaignTotal,
  CHANNEL_PLATFORMS,
  ChannelCost,
  CostPreview,
  CostWarning,
  X_MAX_IMAGES,
} from '@rounds/domain';
import { CreatePostDto } from './post-input.dto';

/** What the composer has so far: where and when (as a post takes them), and what it carries. */
export class CostPreviewRequestDto extends PickType(CreatePostDto, [
  'channelIds',
  'scheduledAt',
  'campaign',
]) {
  @ApiPropertyOptional({ minimum: 0, maximum: X_MAX_IMAGES, description: 'X images (default 0)' })
  @IsOptional()
  @IsInt({ message: 'images must be a whole number' })
  @Min(0, { message: 'images must be at least 0' })
  @Max(X_MAX_IMAGES, { message: `images must be at most ${X_MAX_IMAGES}` })
  images?: number;

  @ApiPropertyOptional({ description: 'the YouTube video has a custom thumbnail' })
  @IsOptional()
  @IsBoolean()
  thumbnail?: boolean;

  @ApiPropertyOptional({ description: 'the YouTube video has a caption track' })
  @IsOptional()
  @IsBoolean()
  captions?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the post being edited: its saved schedule is replaced, not counted twice',
  })
  @IsOptional()
  @IsUUID('all', { message: 'postId must be a UUID' })
  postId?: string;
}

export class PlannedCallDto {
  @ApiProperty({ example: 'videos.insert' }) operation: string;
  @ApiProperty() requests: number;
  @ApiProperty({ description: 'X posts (tweets.create) or YouTube quota units' }) units: number;
}

export class ChannelCostDto {
  @ApiProperty() channelId: string;
  @ApiProperty({ enum: CHANNEL_PLATFORMS }) platform: string;
  @ApiProperty({ type: [PlannedCallDto] }) calls: PlannedCallDto[];
  @ApiProperty({ description: 'platform requests in all' }) requests: number;
  @ApiProperty({ description: 'X: posts toward the monthly budget; YouTube: quota units' })
  units: number;

  static of(cost: ChannelCost & { channelId: string }): ChannelCostDto {
    return {
      channelId: cost.channelId,
      platform: cost.platform,
      calls: cost.calls.map((c) => ({ ...c })),
      requests: cost.requests,
      units: cost.units,
    };
  }
}

export class BudgetDto {
  @ApiProperty({ description: 'X: the UTC month (2030-05); YouTube: the Pacific day (2030-05-01)' })
  period: string;
  @ApiProperty({ description: 'when the period ends and the limit starts again' })
  resetsAt: string;
  @ApiProperty({ description: 'X_MONTHLY_POST_BUDGET or YOUTUBE_DAILY_QUOTA' }) limit: number;
  @ApiProperty({ description: 'already spent in the period' }) used: number;
  @ApiProperty({ description: "due in the period by the organization's scheduled posts" })
  scheduled: number;
  @ApiProperty() thisPost: number;
  @ApiProperty({ description: 'after this post; negative when it would exceed the limit' })
  remaining: number;
  @ApiProperty() exceeds: boolean;

  static of(b: Budget | null): BudgetDto | null {
    if (!b) return null;
    const { period, limit, used, scheduled, thisPost, remaining, exceeds } = b;
    const resetsAt = period.to.toISOString();
    return { period: period.label, resetsAt, limit, used, scheduled, thisPost, remaining, exceeds };
  }
}

export class CampaignTotalDto {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'posts not cancelled, this one included' }) posts: number;
  @ApiProperty() xPosts: number;
  @ApiProperty() requests: number;
  @ApiProperty() youtubeUnits: number;

  static of(c: CampaignTotal | null): CampaignTotalDto | null {
    return c && { ...c };
  }
}

export class CostWarningDto {
  @ApiProperty({ enum: CHANNEL_PLATFORMS }) platform: string;
  @ApiProperty() message: string;

  static of(w: CostWarning): CostWarningDto {
    return { ...w };
  }
}

export class CostPreviewDto {
  @ApiProperty({ description: 'UTC' }) scheduledAt: string;
  @ApiProperty({ type: [ChannelCostDto] }) channels: ChannelCostDto[];
  @ApiProperty({ type: BudgetDto, nullable: true, description: 'null without an X channel' })
  x: BudgetDto | null;
  @ApiProperty({ type: BudgetDto, nullable: true, description: 'null without a YouTube channel' })
  youtube: BudgetDto | null;
  @ApiProperty({ type: CampaignTotalDto, nullable: true, description: 'null without a campaign' })
  campaign: CampaignTotalDto | null;
  @ApiProperty({ type: [CostWarningDto] }) warnings: CostWarningDto[];

  static of(p: CostPreview): CostPreviewDto {
    return {
      scheduledAt: p.scheduledAt.toISOString(),
      channels: p.channels.map(ChannelCostDto.of),
      x: BudgetDto.of(p.x),
      youtube: BudgetDto.of(p.youtube),
      campaign: CampaignTotalDto.of(p.campaign),
      warnings: p.warnings.map(CostWarningDto.of),
    };
  }
}
