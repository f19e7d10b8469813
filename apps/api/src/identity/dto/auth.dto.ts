import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
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

export class LoginDto {
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
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
}

/** Tokens, or (when the user has a second factor) the MFA step to take next. */
export class LoginResultDto {
  @ApiPropertyOptional() accessToken?: string;
  @ApiPropertyOptional() refreshToken?: string;
  @ApiPropertyOptional({ enum: [true] }) mfaRequired?: true;
  @ApiPropertyOptional({ description: 'for POST /auth/login/mfa; valid five minutes' })
  mfaToken?: string;
}

export class MfaLoginDto {
  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  mfaToken: string;

  @ApiProperty({ description: 'a 6-digit TOTP code or a recovery code', example: '123456' })
  @IsString()
  @Length(6, 40)
  code: string;
}
