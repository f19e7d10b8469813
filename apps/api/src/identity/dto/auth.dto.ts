import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  MaxLength,
  MinLength,
} from 'class-validator';

export const NAME_MAX = 120;
export const EMAIL_MAX = 254;
export const PASSWORD_MAX = 256;
/** Longer than any IANA zone name (America/Argentina/ComodRivadavia is 32). */
export const TIME_ZONE_MAX = 64;

export class SignupDto {
  @ApiProperty({ example: "St. Mary's Health", minLength: 2, maxLength: NAME_MAX })
  @IsString()
  @Length(2, NAME_MAX)
  organizationName: string;

  @ApiProperty({ example: 'Dana Whitfield', minLength: 1, maxLength: NAME_MAX })
  @IsString()
  @Length(1, NAME_MAX)
  name: string;

  @ApiProperty({ example: 'dana@stmarys.example', maxLength: EMAIL_MAX })
  @IsEmail()
  @MaxLength(EMAIL_MAX)
  email: string;

  @ApiProperty({ minLength: 12, maxLength: PASSWORD_MAX })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(PASSWORD_MAX)
  password: string;

  @ApiPropertyOptional({
    example: 'America/Chicago',
    description: 'IANA time zone',
    maxLength: TIME_ZONE_MAX,
  })
  @IsOptional()
  @MaxLength(TIME_ZONE_MAX)
  @IsTimeZone({ message: 'timeZone must be an IANA time zone, e.g. America/Chicago' })
  timeZone?: string;
}

const SESSION_MODES = ['token', 'cookie'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** Where the refresh token goes, for every route that starts a session. */
export class SessionChoiceDto {
  @ApiPropertyOptional({
    enum: SESSION_MODES,
    description: '`cookie` (the dashboard): the refresh token goes in an HttpOnly cookie only',
  })
  @IsOptional()
  @IsIn(SESSION_MODES, { message: 'session must be token or cookie' })
  session?: SessionMode;
}

export class LoginDto extends SessionChoiceDto {
  @ApiProperty({ maxLength: EMAIL_MAX })
  @IsEmail()
  @MaxLength(EMAIL_MAX)
  email: string;

  @ApiProperty({ maxLength: PASSWORD_MAX })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password: string;
}

export class RefreshDto {
  @ApiPropertyOptional({
    description: 'omitted when the session is in the HttpOnly cookie',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class LogoutDto extends RefreshDto {}

export class TokenPairDto {
  @ApiProperty() accessToken: string;
  @ApiPropertyOptional({ description: 'absent in cookie mode' }) refreshToken?: string;
}

class NewPasswordDto {
  @ApiProperty({ minLength: 12, maxLength: PASSWORD_MAX })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(PASSWORD_MAX)
  password: string;
}

export class AcceptInvitationDto extends NewPasswordDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  token: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ maxLength: EMAIL_MAX })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class PasswordResetDto extends AcceptInvitationDto {}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: PASSWORD_MAX })
  @IsString()
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({ minLength: 12, maxLength: PASSWORD_MAX })
  @IsString()
  @MinLength(12, { message: 'newPassword must be at least 12 characters' })
  @MaxLength(PASSWORD_MAX)
  newPassword: string;
}

/** Tokens, or (when the user has a second factor) the MFA step to take next. */
export class LoginResultDto {
  @ApiPropertyOptional() accessToken?: string;
  @ApiPropertyOptional() refreshToken?: string;
  @ApiPropertyOptional({ enum: [true] }) mfaRequired?: true;
  @ApiPropertyOptional({ description: 'for POST /auth/login/mfa; valid five minutes' })
  mfaToken?: string;
}

export class MfaLoginDto extends SessionChoiceDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  mfaToken: string;

  @ApiProperty({
    description: 'a 6-digit TOTP code or a recovery code',
    example: '123456',
    maxLength: 40,
  })
  @IsString()
  @Length(6, 40)
  code: string;
}
