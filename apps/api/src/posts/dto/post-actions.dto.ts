import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DATE_TIME_MAX } from '../../common/date-time-field';

const COMMENT_MAX = 2000;

export class CommentDto {
  @ApiPropertyOptional({ maxLength: COMMENT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX)
  comment?: string;
}

export class RejectDto {
  @ApiProperty({ maxLength: COMMENT_MAX, description: 'what the author should change' })
  @IsString()
  @IsNotEmpty({ message: 'comment is required: tell the author what to change' })
  @MaxLength(COMMENT_MAX)
  comment: string;
}

export class OverrideDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'findingId must be a UUID' })
  findingId: string;

  @ApiProperty({
    minLength: 10,
    maxLength: COMMENT_MAX,
    description: 'why this is not PHI, or why it may be published',
  })
  @IsString()
  @MinLength(10, { message: 'justification must explain the override (at least 10 characters)' })
  @MaxLength(COMMENT_MAX)
  justification: string;
}

export class ApproveDto extends CommentDto {
  @ApiPropertyOptional({ type: [OverrideDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OverrideDto)
  overrides?: OverrideDto[];

  @ApiProperty({
    format: 'uuid',
    description: 'the revision reviewed (required); refused with 409 if the post changed since',
  })
  @IsUUID('all', { message: 'revisionId must be the UUID of the revision you reviewed' })
  revisionId: string;
}

export class ReleaseDto extends CommentDto {
  @ApiPropertyOptional({
    description: 'a new time, needed if the old one passed while held',
    maxLength: DATE_TIME_MAX,
  })
  @IsOptional()
  @IsString()
  @MaxLength(DATE_TIME_MAX)
  scheduledAt?: string;
}
