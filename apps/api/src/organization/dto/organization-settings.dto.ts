import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OrganizationSettings } from '@rounds/domain';
import { TIME_ZONE_MAX } from '../../identity/dto/auth.dto';

const MAX_APPROVERS = 10;
const approvers = () =>
  applyDecorators(
    IsInt({ message: ({ property }) => `${property} must be a whole number of approvers` }),
    Min(1),
    Max(MAX_APPROVERS),
  );
const entries = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: [String],
      maxItems: 500,
      items: { type: 'string', maxLength: 300 },
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(500),
    IsString({ each: true }),
    MaxLength(300, { each: true }),
  );

export class RoutingRuleDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_APPROVERS })
  @IsOptional()
  @approvers()
  approvers?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  requireConsent?: boolean;
}

export class RoutingDto {
  @ApiPropertyOptional({ type: RoutingRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoutingRuleDto)
  patient_story?: RoutingRuleDto;

  @ApiPropertyOptional({ type: RoutingRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoutingRuleDto)
  minors?: RoutingRuleDto;

  @ApiPropertyOptional({ type: RoutingRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoutingRuleDto)
  clinical_claim?: RoutingRuleDto;

  @ApiPropertyOptional({ type: RoutingRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoutingRuleDto)
  drug_or_device?: RoutingRuleDto;

  @ApiPropertyOptional({ type: RoutingRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoutingRuleDto)
  crisis?: RoutingRuleDto;
}

export class PerPlatformDto {
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_APPROVERS,
    description: 'null removes the override',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @approvers()
  x?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_APPROVERS,
    description: 'null removes the override',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @approvers()
  youtube?: number | null;
}

export class ApprovalPolicyDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_APPROVERS, default: 1 })
  @IsOptional()
  @approvers()
  requiredApprovers?: number;

  @ApiPropertyOptional({ type: PerPlatformDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PerPlatformDto)
  perPlatform?: PerPlatformDto;

  @ApiPropertyOptional({ type: RoutingDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoutingDto)
  routing?: RoutingDto;
}

/** The organization's own contact points and staff, never PHI in its posts. */
export class AllowListDto {
  @entries() phones?: string[];
  @entries() domains?: string[];
  @entries() addresses?: string[];
  @entries() handles?: string[];
  @entries() emails?: string[];
  @entries() staffNames?: string[];
}

export class UpdateSettingsDto {
  @ApiPropertyOptional({ example: 'America/Chicago', maxLength: TIME_ZONE_MAX })
  @IsOptional()
  @MaxLength(TIME_ZONE_MAX)
  @IsTimeZone({ message: 'timeZone must be an IANA time zone, e.g. America/Chicago' })
  timeZone?: string;

  @ApiPropertyOptional({ type: ApprovalPolicyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApprovalPolicyDto)
  approvalPolicy?: ApprovalPolicyDto;

  @ApiPropertyOptional({
    type: AllowListDto,
    description: 'each list given replaces the stored one',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AllowListDto)
  allowList?: AllowListDto;

  @ApiPropertyOptional({ enum: ['warn', 'block'] })
  @IsOptional()
  @IsIn(['warn', 'block'], { message: 'accessibilitySeverity must be warn or block' })
  accessibilitySeverity?: 'warn' | 'block';

  @ApiPropertyOptional({ description: 'MFA required for admins and compliance officers' })
  @IsOptional()
  @IsBoolean()
  mfaRequired?: boolean;
}

/** What a content category adds to the policy, as stored (every field present). */
export class RoutingRuleViewDto {
  @ApiProperty() approvers: number;
  @ApiProperty() requireConsent: boolean;
}

export class RoutingViewDto {
  @ApiProperty() patient_story: RoutingRuleViewDto;
  @ApiProperty() minors: RoutingRuleViewDto;
  @ApiProperty() clinical_claim: RoutingRuleViewDto;
  @ApiProperty() drug_or_device: RoutingRuleViewDto;
  @ApiProperty() crisis: RoutingRuleViewDto;
}

/** Approvers per platform where the organization set them; an absent platform has no override. */
export class PerPlatformViewDto {
  @ApiPropertyOptional() x?: number;
  @ApiPropertyOptional() youtube?: number;
}

export class ApprovalPolicyViewDto {
  @ApiProperty() requiredApprovers: number;
  @ApiProperty() perPlatform: PerPlatformViewDto;
  @ApiProperty() routing: RoutingViewDto;
}

export class AllowListViewDto {
  @ApiProperty({ type: [String] }) phones: string[];
  @ApiProperty({ type: [String] }) domains: string[];
  @ApiProperty({ type: [String] }) addresses: string[];
  @ApiProperty({ type: [String] }) handles: string[];
  @ApiProperty({ type: [String] }) emails: string[];
  @ApiProperty({ type: [String] }) staffNames: string[];
}

export class SettingsDto {
  @ApiProperty() timeZone: string;
  @ApiProperty() approvalPolicy: ApprovalPolicyViewDto;
  @ApiProperty() allowList: AllowListViewDto;
  @ApiProperty({ enum: ['warn', 'block'] }) accessibilitySeverity: 'warn' | 'block';
  @ApiProperty({ nullable: true, type: String }) pausedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) pauseReason: string | null;
  @ApiProperty({ description: 'MFA required for admins and compliance officers' })
  mfaRequired: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'grace periods count from it' })
  mfaRequiredSince: string | null;

  static of(settings: OrganizationSettings): SettingsDto {
    return {
      ...settings,
      pausedAt: settings.pausedAt?.toISOString() ?? null,
      mfaRequiredSince: settings.mfaRequiredSince?.toISOString() ?? null,
    };
  }
}
