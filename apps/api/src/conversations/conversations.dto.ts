import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  FEEDBACK_CATEGORIES,
  type FeedbackCategory,
  MESSAGE_STATUSES,
  type MessageStatus,
  type MessageView,
  type NoteView,
  REPLY_STATUSES,
  type ReplyStatus,
  type ReplyTemplateEntity,
  type ReplyView,
  TEMPLATE_PURPOSES,
  type TemplatePurpose,
} from '@rounds/domain';
import { ToBoolean } from '../common/boolean-query';
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
    description:
      '`mine` or a user id: messages assigned to that user, or unassigned in a category they own',
    example: 'mine',
    maxLength: 36,
  })
  @IsOptional()
  @ValidateIf((query: InboxQueryDto) => query.owner !== 'mine')
  @IsUUID('all', { message: 'owner must be mine or a user id' })
  owner?: string;

  @ApiPropertyOptional({
    description: "past (true) or within (false) its category's response target",
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'messages received before this (the next page within one category)',
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

export class AssignDto {
  @ApiProperty({ format: 'uuid', description: 'a user who may handle feedback' })
  @IsUUID('all', { message: 'assigneeId must be a UUID' })
  assigneeId: string;
}

export class NoteInputDto {
  @ApiProperty({ description: 'internal: never published', maxLength: 5000 })
  @IsString({ message: 'text must be a string' })
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(5000)
  text: string;
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

  @ApiPropertyOptional({
    enum: TEMPLATE_PURPOSES,
    description:
      'general when absent; take_private: offered first for complaints and safety messages',
  })
  @IsOptional()
  @IsIn(TEMPLATE_PURPOSES, { message: `purpose must be one of ${TEMPLATE_PURPOSES.join(', ')}` })
  purpose?: TemplatePurpose;
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

export class NoteDto {
  @ApiProperty() id: string;
  @ApiProperty() messageId: string;
  @ApiProperty() authorId: string;
  @ApiProperty() text: string;
  @ApiProperty() createdAt: string;

  static of(n: NoteView): NoteDto {
    return { ...n, createdAt: n.createdAt.toISOString() };
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
  @ApiProperty({ nullable: true, type: String, description: 'who is handling it' })
  assigneeId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "received + the category's response target; null without a target",
  })
  dueAt: string | null;
  @ApiProperty({ description: 'still new past dueAt' }) overdue: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'the first reply sent, close or dismissal',
  })
  firstResponseAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'escalated to the admins (overdue)' })
  escalatedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: [ReplyDto] }) replies: ReplyDto[];
  @ApiProperty({ type: [NoteDto], description: 'internal notes, oldest first' }) notes: NoteDto[];

  static of(m: MessageView): MessageDto {
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      ...m,
      receivedAt: m.receivedAt.toISOString(),
      createdAt: m.createdAt.toISOString(),
      dueAt: iso(m.dueAt),
      firstResponseAt: iso(m.firstResponseAt),
      escalatedAt: iso(m.escalatedAt),
      replies: m.replies.map(ReplyDto.of),
      notes: m.notes.map(NoteDto.of),
    };
  }
}

export class TemplateDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String, description: 'null: seeded by Rounds' })
  createdById: string | null;
  @ApiProperty({ enum: TEMPLATE_PURPOSES }) purpose: TemplatePurpose;
  @ApiProperty({ type: [ReplyFindingDto], description: 'warnings raised when it was created' })
  findings: ReplyFindingDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) approvedById: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null: cannot be sent yet' })
  approvedAt: string | null;

  static of(t: ReplyTemplateEntity): TemplateDto {
    const { id, name, text, createdById, purpose, findings, createdAt, approvedById, approvedAt } =
      t;
    return {
      ...{ id, name, text, createdById, purpose, findings, approvedById },
      createdAt: createdAt.toISOString(),
      approvedAt: approvedAt?.toISOString() ?? null,
    };
  }
}
