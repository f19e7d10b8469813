import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  FEEDBACK_CATEGORIES,
  type FeedbackCategory,
  MESSAGE_STATUSES,
  type MessageStatus,
  type MessageView,
  REPLY_STATUSES,
  type ReplyStatus,
  type ReplyTemplateEntity,
  type ReplyView,
} from '@rounds/domain';
import { CommentDto, OverrideDto } from '../posts/dto/post-actions.dto';
import { ToDate } from '../common/date-time-field';

const TEXT_MAX = 10_000;

export class InboxQueryDto {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(MESSAGE_STATUSES, { message: `status must be one of ${MESSAGE_STATUSES.join(', ')}` })
  status?: MessageStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'channelId must be a UUID' })
  channelId?: string;

  @ApiPropertyOptional({ enum: FEEDBACK_CATEGORIES, description: 'patient-feedback category' })
  @IsOptional()
  @IsIn(FEEDBACK_CATEGORIES, {
    message: `category must be one of ${FEEDBACK_CATEGORIES.join(', ')}`,
  })
  category?: FeedbackCategory;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'messages received before this (next page)',
  })
  @IsOptional()
  @ToDate()
  @IsDate({ message: 'before must be an ISO 8601 date-time' })
  before?: Date;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
}

export class RepliesQueryDto {
  @ApiPropertyOptional({ enum: REPLY_STATUSES, description: 'in_review: the compliance queue' })
  @IsOptional()
  @IsIn(REPLY_STATUSES, { message: `status must be one of ${REPLY_STATUSES.join(', ')}` })
  status?: ReplyStatus;
}

export class CreateReplyDto {
  @ApiPropertyOptional({
    description: 'the reply; scanned, then reviewed by compliance',
    maxLength: TEXT_MAX,
  })
  @IsOptional()
  @IsString({ message: 'text must be a string' })
  @MaxLength(TEXT_MAX)
  text?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'a pre-approved reply template, sent at once',
  })
  @IsOptional()
  @IsUUID('all', { message: 'templateId must be a UUID' })
  templateId?: string;
}

export class ApproveReplyDto extends CommentDto {
  @ApiPropertyOptional({ type: [OverrideDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OverrideDto)
  overrides?: OverrideDto[];
}

export class CreateTemplateDto {
  @ApiProperty({ example: 'Call us', maxLength: 100 })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @ApiProperty({
    example: 'Thank you for reaching out. Please call us at 555-0100 so we can help.',
    maxLength: TEXT_MAX,
  })
  @IsString()
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(TEXT_MAX)
  text: string;
}

export class ReplyFindingDto {
  @ApiProperty({ description: 'what approve overrides name' }) id: string;
  @ApiProperty({ example: 'patient_confirmation' }) kind: string;
  @ApiProperty({ enum: ['block', 'warn'] }) severity: string;
  @ApiProperty() start: number;
  @ApiProperty() end: number;
  @ApiProperty() text: string;
  @ApiProperty() reason: string;
}

export class ReplyDto {
  @ApiProperty() id: string;
  @ApiProperty() messageId: string;
  @ApiProperty() channelId: string;
  @ApiProperty({ enum: ['x', 'youtube'] }) platform: string;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String }) templateId: string | null;
  @ApiProperty() authorId: string;
  @ApiProperty({ enum: REPLY_STATUSES }) status: string;
  @ApiProperty({ type: [ReplyFindingDto] }) findings: ReplyFindingDto[];
  @ApiProperty() requiredApprovals: number;
  @ApiProperty() approvals: number;
  @ApiProperty({ nullable: true, type: String }) approvedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty() createdAt: string;

  static of(r: ReplyView): ReplyDto {
    return {
      ...r,
      findings: r.findings.map(({ id, kind, severity, start, end, text, reason }) => ({
        id,
        kind,
        severity,
        start,
        end,
        text,
        reason,
      })),
      approvedAt: r.approvedAt?.toISOString() ?? null,
      sentAt: r.sentAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    };
  }
}

export class MessageDto {
  @ApiProperty() id: string;
  @ApiProperty() channelId: string;
  @ApiProperty({ enum: ['x', 'youtube'] }) platform: string;
  @ApiProperty({ description: 'the tweet or comment id' }) externalId: string;
  @ApiProperty() inReplyToExternalId: string;
  @ApiProperty({ nullable: true, type: String }) inReplyToPublicationId: string | null;
  @ApiProperty() authorHandle: string;
  @ApiProperty() authorName: string;
  @ApiProperty() text: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ enum: MESSAGE_STATUSES }) status: string;
  @ApiProperty({
    enum: FEEDBACK_CATEGORIES,
    nullable: true,
    description: 'patient-feedback category; null for messages pulled before it existed',
  })
  category: FeedbackCategory | null;
  @ApiProperty({ type: [String], description: 'the words that decided the category' })
  categoryReasons: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: [ReplyDto] }) replies: ReplyDto[];

  static of(m: MessageView): MessageDto {
    return {
      ...m,
      receivedAt: m.receivedAt.toISOString(),
      createdAt: m.createdAt.toISOString(),
      replies: m.replies.map(ReplyDto.of),
    };
  }
}

export class TemplateDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() text: string;
  @ApiProperty() createdById: string;
  @ApiProperty({ type: [ReplyFindingDto], description: 'warnings raised when it was created' })
  findings: ReplyFindingDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) approvedById: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null: cannot be sent yet' })
  approvedAt: string | null;

  static of(t: ReplyTemplateEntity): TemplateDto {
    const { id, name, text, createdById, findings, createdAt, approvedById, approvedAt } = t;
    return {
      ...{ id, name, text, createdById, findings, approvedById },
      createdAt: createdAt.toISOString(),
      approvedAt: approvedAt?.toISOString() ?? null,
    };
  }
}
