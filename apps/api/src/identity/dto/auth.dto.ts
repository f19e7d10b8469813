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

export class LoginDto {
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
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
}
