import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  FEEDBACK_CATEGORIES,
  type FeedbackCategory,
  type FeedbackGroup,
  type FeedbackRoute,
  type FeedbackSettings,
  Role,
} from '@rounds/domain';

/** A year: longer targets are a typo. */
const MAX_TARGET_HOURS = 8760;

export class RouteInputDto {
  @ApiProperty({ enum: FEEDBACK_CATEGORIES })
  @IsIn(FEEDBACK_CATEGORIES, {
    message: `category must be one of ${FEEDBACK_CATEGORIES.join(', ')}`,
  })
  category: FeedbackCategory;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'a user owns it',
  })
  @IsOptional()
  @IsUUID('all', { message: 'ownerUserId must be a UUID' })
  ownerUserId?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'a group owns it',
  })
  @IsOptional()
  @IsUUID('all', { message: 'ownerGroupId must be a UUID' })
  ownerGroupId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 1,
    maximum: MAX_TARGET_HOURS,
    description: 'hours from receipt to the first response; null: no target',
  })
  @IsOptional()
  @IsInt({ message: 'responseTargetHours must be a whole number of hours' })
  @Min(1, { message: 'responseTargetHours must be at least 1' })
  @Max(MAX_TARGET_HOURS, { message: `responseTargetHours must be at most ${MAX_TARGET_HOURS}` })
  responseTargetHours?: number | null;
}

export class GroupInputDto {
  @ApiProperty({ example: 'Risk management', maxLength: 100 })
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'user ids', maxItems: 200 })
  @IsArray({ message: 'memberIds must be a list of user ids' })
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'memberIds must hold user ids (UUIDs)' })
  memberIds: string[];
}

export class FeedbackRouteDto {
  @ApiProperty({ enum: FEEDBACK_CATEGORIES }) category: FeedbackCategory;
  @ApiProperty({ nullable: true, type: String }) ownerUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) ownerGroupId: string | null;
  @ApiProperty({ nullable: true, type: Number }) responseTargetHours: number | null;

  static of = (route: FeedbackRoute): FeedbackRouteDto => ({ ...route });
}

export class FeedbackGroupDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) memberIds: string[];

  static of = (group: FeedbackGroup): FeedbackGroupDto => ({ ...group });
}

export class FeedbackPersonDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Role }) role: Role;
}

export class FeedbackSettingsDto {
  @ApiProperty({ type: [FeedbackRouteDto], description: 'every category, in inbox order' })
  routes: FeedbackRouteDto[];
  @ApiProperty({ type: [FeedbackGroupDto] }) groups: FeedbackGroupDto[];
  @ApiProperty({ type: [FeedbackPersonDto], description: 'who may own and handle feedback' })
  people: FeedbackPersonDto[];

  static of = (settings: FeedbackSettings): FeedbackSettingsDto => ({ ...settings });
}
