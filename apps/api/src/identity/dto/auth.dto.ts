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

export class SignupDto {
  @ApiProperty({ example: "St. Mary's Health" })
  @IsString()
  @Length(2, 120)
  organizationName: string;

  @ApiProperty({ example: 'Dana Whitfield' })
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({ example: 'dana@stmarys.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional({ example: 'America/Chicago', description: 'IANA time zone' })
  @IsOptional()
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
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(256)
  password: string;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: 'omitted when the session is in the HttpOnly cookie' })
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
  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(256)
  password: string;
}

export class AcceptInvitationDto extends NewPasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  token: string;
}

export class PasswordResetRequestDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class PasswordResetDto extends AcceptInvitationDto {}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'newPassword must be at least 12 characters' })
  @MaxLength(256)
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
  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  mfaToken: string;

  @ApiProperty({ description: 'a 6-digit TOTP code or a recovery code', example: '123456' })
  @IsString()
  @Length(6, 40)
  code: string;
}
