import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsFQDN,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { ALL_ROLES, Role, SsoSettings } from '@rounds/domain';
import { SessionChoiceDto } from './auth.dto';

const roleMessage = `must be one of: ${ALL_ROLES.join(', ')}`;

/** An object of up to 100 group names, each mapped to a role. */
const isRoleMapping = () =>
  ValidateBy({
    name: 'isRoleMapping',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= 100 &&
        Object.values(value).every((role) => ALL_ROLES.includes(role as Role)),
      defaultMessage: () => `roleMapping maps group names to roles; each role ${roleMessage}`,
    },
  });

export class SsoStartDto {
  @ApiPropertyOptional({
    description: "the user's e-mail; its domain finds the provider",
    maxLength: 254,
  })
  @ValidateIf((dto: SsoStartDto) => !dto.organization)
  @IsEmail({}, { message: 'email or organization is required' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ description: "the organization's SSO slug", maxLength: 60 })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  organization?: string;
}

export class SsoStartedDto {
  @ApiProperty({ description: "send the browser here (the provider's sign-in page)" })
  authorizeUrl: string;
}

export class SsoTokenDto extends SessionChoiceDto {
  @ApiProperty({ description: 'the `sso` code the callback put on /login', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  code: string;
}

export class SsoSettingsDto {
  @ApiProperty({
    example: 'stmarys',
    description: 'what staff type to find the provider',
    maxLength: 59,
  })
  @Matches(/^[a-z0-9][a-z0-9-]{1,58}$/, {
    message: 'slug must be 2-59 lower-case letters, digits or dashes',
  })
  slug: string;

  @ApiProperty({ example: 'https://login.stmarys.example', maxLength: 500 })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(500)
  issuer: string;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  clientId: string;

  @ApiPropertyOptional({ description: 'write-only; omit to keep the stored one', maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  clientSecret?: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', maxLength: 253 },
    example: ['stmarys.example'],
  })
  @ArrayMaxSize(20)
  @IsFQDN(
    { require_tld: false },
    { each: true, message: 'each e-mail domain must be a domain name' },
  )
  emailDomains: string[];

  @ApiPropertyOptional({ default: 'groups', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  groupsClaim?: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ALL_ROLES },
    example: { 'rounds-admins': 'admin', 'rounds-compliance': 'compliance' },
    description: 'provider group -> role; the most powerful matching role wins',
  })
  @isRoleMapping()
  roleMapping: Record<string, Role>;

  @ApiPropertyOptional({ enum: Role, nullable: true, description: 'null refuses unmapped users' })
  @IsOptional()
  @IsEnum(Role, { message: `defaultRole ${roleMessage}` })
  defaultRole?: Role | null;

  @ApiProperty({ description: 'password login off, except admins with MFA (break-glass)' })
  @IsBoolean()
  ssoOnly: boolean;

  @ApiProperty()
  @IsBoolean()
  enabled: boolean;
}

export class SsoSettingsViewDto {
  @ApiProperty() slug: string;
  @ApiProperty() issuer: string;
  @ApiProperty() clientId: string;
  @ApiProperty({ enum: [true] }) clientSecretSet: true;
  @ApiProperty({ type: [String] }) emailDomains: string[];
  @ApiProperty() groupsClaim: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: ALL_ROLES } })
  roleMapping: Record<string, Role>;
  @ApiProperty({ enum: Role, nullable: true }) defaultRole: Role | null;
  @ApiProperty() ssoOnly: boolean;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ description: 'register this redirect URI with the provider' })
  redirectUri: string;

  static of(settings: SsoSettings): SsoSettingsViewDto {
    return {
      ...settings,
      groupsClaim: settings.groupsClaim ?? 'groups',
      defaultRole: settings.defaultRole ?? null,
    };
  }
}
