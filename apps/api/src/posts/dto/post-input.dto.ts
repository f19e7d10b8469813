import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CONTENT_CATEGORIES,
  ContentCategory,
  X_MAX_ALT_TEXT,
  X_MAX_IMAGES,
  X_MAX_THREAD_REPLIES,
  YOUTUBE_PRIVACY_STATUSES,
  YoutubePrivacyStatus,
} from '@rounds/domain';
import { DATE_TIME_MAX } from '../../common/date-time-field';

// Only outer bounds here; the platform rules (weighted length, bytes, tag totals) are the
// domain's (post-composer.ts), so every caller gets the same answer.
const TEXT_BOUND = 20_000;

export class XImageDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'mediaId must be a UUID' })
  mediaId: string;

  @ApiProperty({
    maxLength: X_MAX_ALT_TEXT,
    description: 'what the image shows, for screen readers',
  })
  @IsString()
  @MaxLength(X_MAX_ALT_TEXT)
  altText: string;
}

export class XTweetDto {
  @ApiPropertyOptional({
    description: 'at most 280 weighted characters (twitter-text)',
    maxLength: TEXT_BOUND,
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_BOUND)
  text?: string;

  @ApiPropertyOptional({ type: [XImageDto], maxItems: X_MAX_IMAGES })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(X_MAX_IMAGES, { message: `x.images allows at most ${X_MAX_IMAGES} images` })
  @ValidateNested({ each: true })
  @Type(() => XImageDto)
  images?: XImageDto[];
}

export class XContentDto extends XTweetDto {
  @ApiPropertyOptional({
    type: [XTweetDto],
    maxItems: X_MAX_THREAD_REPLIES,
    description:
      'an X thread: the tweets after the first, each published in reply to the one before',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(X_MAX_THREAD_REPLIES, {
    message: `x.thread allows at most ${X_MAX_THREAD_REPLIES} tweets after the first (25 in all)`,
  })
  @ValidateNested({ each: true })
  @Type(() => XTweetDto)
  thread?: XTweetDto[];
}

export class YoutubeContentDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'videoMediaId must be a UUID' })
  videoMediaId?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_BOUND)
  title?: string;

  @ApiPropertyOptional({ description: 'at most 5,000 bytes', maxLength: TEXT_BOUND })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_BOUND)
  description?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'at most 477 characters in all (YouTube allows 500; Rounds adds an upload tag)',
    maxItems: 500,
    items: { type: 'string', maxLength: 500 },
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ example: '22', maxLength: 4 })
  @IsOptional()
  @IsString()
  @MaxLength(4)
  categoryId?: string;

  @ApiPropertyOptional({ enum: YOUTUBE_PRIVACY_STATUSES })
  @IsOptional()
  @IsIn(YOUTUBE_PRIVACY_STATUSES, {
    message: `privacyStatus must be one of: ${YOUTUBE_PRIVACY_STATUSES.join(', ')}`,
  })
  privacyStatus?: YoutubePrivacyStatus;

  @ApiPropertyOptional({ description: 'required: the COPPA self-declaration' })
  @IsOptional()
  @IsBoolean()
  madeForKids?: boolean;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'thumbnailMediaId must be a UUID' })
  thumbnailMediaId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'captionMediaId must be a UUID' })
  captionMediaId?: string | null;
}

export class CreatePostDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1 })
  @IsArray()
  @ArrayMinSize(1, { message: 'channelIds must name at least one channel' })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'channelIds must be UUIDs' })
  channelIds: string[];

  @ApiProperty({
    example: '2030-05-01T09:30',
    description: 'ISO 8601; without an offset it is read in the organization time zone',
    maxLength: DATE_TIME_MAX,
  })
  @IsString()
  @MaxLength(DATE_TIME_MAX)
  scheduledAt: string;

  @ApiPropertyOptional({ description: 'shorthand for x.text', maxLength: TEXT_BOUND })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_BOUND)
  text?: string;

  @ApiPropertyOptional({ type: XContentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => XContentDto)
  x?: XContentDto;

  @ApiPropertyOptional({ type: YoutubeContentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => YoutubeContentDto)
  youtube?: YoutubeContentDto;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'shorthand: images go to X, a video and a caption track to YouTube',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true, message: 'mediaIds must be UUIDs' })
  mediaIds?: string[];

  @ApiPropertyOptional({ enum: CONTENT_CATEGORIES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(CONTENT_CATEGORIES, {
    each: true,
    message: `categories must be among: ${CONTENT_CATEGORIES.join(', ')}`,
  })
  categories?: ContentCategory[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 120 })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  campaign?: string | null;
}

/** Any subset; content fields make a new revision, scheduledAt alone is a reschedule. */
export class UpdatePostDto extends PartialType(CreatePostDto) {}
